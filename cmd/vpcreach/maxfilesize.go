package main

import (
	"github.com/spf13/cobra"

	"github.com/vpcreach/vpcreach/topology"
)

// addMaxFileSize adds --max-file-size to a command that loads a topology:
// the largest topology or rules file read (topology.Options.MaxFileSize).
func (c *cli) addMaxFileSize(cmd *cobra.Command) {
	cmd.Flags().Int64Var(&c.maxFileSize, "max-file-size", topology.DefaultMaxFileSize,
		"largest topology or rules file read, in bytes (files must also lie inside the topology directory)")
}
