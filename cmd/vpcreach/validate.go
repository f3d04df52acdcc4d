package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/vpcreach/vpcreach/topology"
)

func (c *cli) validateCmd() *cobra.Command {
	var dir topoPaths
	cmd := &cobra.Command{
		Use:   "validate -t DIR",
		Short: "Load a topology, check references and rules, and print diagnostics",
		Long: "validate loads every *.hcl file of DIR (and the rules files they name), checks references,\n" +
			"addresses and firewall rules, and prints every problem with its file:line. It exits 0 with a\n" +
			"one-line summary when the topology is valid, 1 otherwise.",
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			topo, net, err := c.load(dir)
			if err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "%s: valid: %s\n", dir, summary(topo, net.RuleCount()))
			return nil
		},
	}
	cmd.Flags().VarP(&dir, "topology", "t", "topology: a directory of .hcl files (or one file), a terraform show -json file or a directory of AWS CLI describe output; repeat for the union")
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
