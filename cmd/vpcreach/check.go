package main

import (
	"github.com/spf13/cobra"

	"github.com/vpcreach/vpcreach/render"
)

func (c *cli) checkCmd() *cobra.Command {
	var dir, format string
	cmd := &cobra.Command{
		Use:   "check -t DIR [--format table|json|sarif]",
		Short: "Evaluate every expect block: the CI gate",
		Long: "check evaluates every expect block of the topology (reachable = true|false, through,\n" +
			"not_through, ports). It exits 0 when all hold, 2 when any fails, and 1 when the topology\n" +
			"has errors. --format sarif prints SARIF 2.1.0 for GitHub code scanning.",
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if err := checkChoice("--format", format, "table", "json", "sarif"); err != nil {
				return withCode(exitError, err)
			}
			_, net, err := c.load(dir)
			if err != nil {
				return err
			}
			results := net.Check()
			fm := render.Formatter{Format: render.Format(format), ToolVersion: version}
			if err := fm.Check(c.stdout, results); err != nil {
				return withCode(exitError, err)
			}
			for _, r := range results {
				if !r.Holds {
					return withCode(exitViolated, nil)
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&dir, "topology", "t", "", "topology directory (or file)")
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, json or sarif")
	return cmd
}
