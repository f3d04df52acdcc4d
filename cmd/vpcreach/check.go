package main

import (
	"github.com/spf13/cobra"

	"github.com/vpcreach/vpcreach/render"
)

func (c *cli) checkCmd() *cobra.Command {
	var dir topoPaths
	var format string
	cmd := &cobra.Command{
		Use:   "check -t DIR [--format table|json|sarif|compact]",
		Short: "Evaluate every expect block: the CI gate",
		Long: "check evaluates every expect block of the topology (reachable = true|false, through,\n" +
			"not_through, ports). It exits 0 when all hold, 2 when any fails, and 1 when the topology\n" +
			"has errors. --format sarif prints SARIF 2.1.0 for GitHub code scanning, and --format compact\n" +
			"one FILE:LINE:COL: severity: message line per problem; both include the topology's errors\n" +
			"and warnings, so a topology with errors still gives a complete report.",
		Args: cobra.NoArgs,
		RunE: func(cc *cobra.Command, _ []string) error {
			if err := checkChoice("--format", format, "table", "json", "sarif", "compact"); err != nil {
				return withCode(exitError, err)
			}
			if isReportFormat(format) {
				return c.report(cc.Context(), dir, format, true)
			}
			_, net, err := c.load(dir)
			if err != nil {
				return err
			}
			results, err := net.Check(cc.Context())
			if err != nil {
				return withCode(exitError, err)
			}
			if err := (render.Formatter{Format: render.Format(format)}).Check(c.stdout, nil, results); err != nil {
				return withCode(exitError, err)
			}
			return violations(results)
		},
	}
	cmd.Flags().VarP(&dir, "topology", "t", "topology: a directory of .hcl files (or one file), a terraform show -json file or a directory of AWS CLI describe output; repeat for the union")
	c.addMaxFileSize(cmd)
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, json, sarif or compact")
	return cmd
}
