package main

import (
	"github.com/spf13/cobra"
)

func (c *cli) checkCmd() *cobra.Command {
	var dir topoPaths
	var format string
	var warn warnFlags
	var text textFlags
	cmd := &cobra.Command{
		Use:   "check [-t DIR] [--format table|compact|json|sarif|junit]",
		Short: "Evaluate every expect block: the CI gate",
		Long: "check evaluates every expect block of the topology (reachable = true|false, through,\n" +
			"not_through, ports). It exits 0 when all hold, 2 when any fails, and 1 when the topology\n" +
			"has errors. --format sarif prints SARIF 2.1.0 for GitHub code scanning, --format compact\n" +
			"one FILE:LINE:COL: severity: message line per problem, --format junit a JUnit XML report\n" +
			"(one testcase per expect block) and --format json a document; all four include the\n" +
			"topology's errors and warnings, so a topology with errors still gives a complete report.\n" +
			"--format text is the table. Like validate, it warns about known firewall pitfalls;\n" +
			"--no-warn CODE leaves one out.",
		Args: cobra.NoArgs,
		RunE: func(cc *cobra.Command, _ []string) error {
			if err := checkChoice("--format", format, "table", "text", "compact", "json", "sarif", "junit"); err != nil {
				return withCode(exitError, err)
			}
			if format == "text" {
				format = "table"
			}
			if err := text.check(cc, format); err != nil {
				return withCode(exitError, err)
			}
			if isReportFormat(format) {
				return c.report(cc.Context(), dir, format, true, &warn)
			}
			_, net, err := c.loadWarn(dir, &warn)
			if err != nil {
				return err
			}
			results, err := net.Check(cc.Context())
			if err != nil {
				return withCode(exitError, err)
			}
			if err := c.formatter(format, text).Check(c.stdout, nil, results); err != nil {
				return withCode(exitError, err)
			}
			return violations(results)
		},
	}
	cmd.Flags().VarP(&dir, "topology", "t", topologyUsage)
	c.addMaxFileSize(cmd)
	warn.add(cmd)
	cmd.Flags().StringVar(&format, "format", "table", "output format: table (or text), compact, json, sarif or junit")
	text.add(cmd)
	return cmd
}
