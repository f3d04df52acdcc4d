package main

import (
	"github.com/spf13/cobra"

	"github.com/vpcreach/vpcreach/render"
)

func (c *cli) schemaCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the JSON output",
		Long: "schema prints the JSON Schema (draft 2020-12) of every document vpcreach writes with\n" +
			"--format json at schema_version 1: analyze path, analyze matrix, check and validate.",
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := c.stdout.Write(render.JSONSchema())
			return err
		},
	}
}
