package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/vpcreach/vpcreach/topology"
)

func (c *cli) validateCmd() *cobra.Command {
	var dir topoPaths
	var format string
	var warn warnFlags
	cmd := &cobra.Command{
		Use:   "validate [-t DIR] [--format text|compact|json|sarif|junit] [--no-warn CODE]...",
		Short: "Load a topology, check references and rules, and print diagnostics",
		Long: "validate loads every *.hcl file of DIR (and the rules files they name), checks references,\n" +
			"addresses and firewall rules, and prints every problem with its file:line. It exits 0 with a\n" +
			"one-line summary when the topology is valid, 1 otherwise. --format compact prints one\n" +
			"FILE:LINE:COL: severity: message line per problem (nothing when there is none), --format\n" +
			"json a document with every diagnostic, --format sarif a SARIF 2.1.0 log and --format junit\n" +
			"a JUnit XML report (one testcase per error), all on stdout. It also warns about known\n" +
			"firewall pitfalls (each with its code, a fix and its AWS source); --no-warn CODE leaves one out.",
		Args: cobra.NoArgs,
		RunE: func(cc *cobra.Command, _ []string) error {
			if err := checkChoice("--format", format, "text", "compact", "json", "sarif", "junit"); err != nil {
				return withCode(exitError, err)
			}
			if isReportFormat(format) {
				return c.report(cc.Context(), dir, format, false, &warn)
			}
			topo, net, err := c.loadWarn(dir, &warn)
			if err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "%s: valid: %s\n", dir.shown(), summary(topo, net.RuleCount()))
			return nil
		},
	}
	cmd.Flags().VarP(&dir, "topology", "t", topologyUsage)
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, compact, json, sarif or junit")
	c.addMaxFileSize(cmd)
	warn.add(cmd)
	return cmd
}

// summary counts the main resources of topo.
func summary(t *topology.Topology, rules int) string {
	rts := len(t.RouteTables)
	for _, v := range t.VPCs {
		if v.MainRouteTable != nil && v.MainRouteTable.Implicit {
			rts++
		}
	}
	return fmt.Sprintf("%s, %s, %s, %s, %s",
		plural(len(t.VPCs), "VPC"), plural(len(t.Subnets), "subnet"), plural(rts, "route table"),
		plural(len(t.Firewalls), "firewall"), plural(rules, "rule"))
}

func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
