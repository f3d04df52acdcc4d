package diff_test

import (
	"context"
	"fmt"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/diff"
	"github.com/vpcreach/vpcreach/topology"
)

// load loads and compiles a topology directory, printing its errors.
func load(dir string) *analyzer.Network {
	topo, diags := topology.Load(dir)
	if diags.HasErrors() {
		fmt.Println(diags.Error())
		return nil
	}
	n, diags := analyzer.Compile(topo)
	if diags.HasErrors() {
		fmt.Println(diags.Error())
		return nil
	}
	return n
}

// Compare two versions of a network: a VPC peering that lets two spokes
// bypass the inspection VPC.
func ExampleCompare() {
	before := load("../examples/diff-bypass-inspection/before")
	after := load("../examples/diff-bypass-inspection/after")
	rep, err := diff.Compare(context.Background(), before, after, diff.Query{By: analyzer.MatrixByInstance,
		From: "instance.app", To: "instance.db"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range rep.Blocks {
		fmt.Println(b.Change, b.Addr)
	}
	for _, c := range rep.Changes {
		what := c.Protocol
		if c.HasPorts {
			what += " " + c.Ports.String()
		}
		fmt.Printf("%s %s: %s\n", c.Kind, what, c.Detail)
	}
	// Output:
	// modified route_table.spoke_a_app
	// modified route_table.spoke_b_db
	// added vpc_peering.spokes
	// newly-allowed tcp 22: NOT_REACHABLE before, REACHABLE after
	// now-uninspected tcp 5432: still REACHABLE, inspected by network_firewall.fw before, by no firewall after
	// decider-changed tcp 0-21,23-5431,5433-65535: still NOT_REACHABLE, decided by something else
	// now-uninspected icmp: still REACHABLE, inspected by network_firewall.fw before, by no firewall after
}

// The flows to flush after a change: those allowed before and blocked
// after, per firewall and Availability Zone.
func ExampleReport_FlushPlan() {
	before := load("../examples/diff-egress-allowlist/before")
	after := load("../examples/diff-egress-allowlist/after")
	rep, err := diff.Compare(context.Background(), before, after, diff.Query{By: analyzer.MatrixByInstance,
		To: analyzer.MatrixInternet})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, op := range rep.FlushPlan(before) {
		for _, f := range op.Filters {
			fmt.Println(op.Firewall, op.AvailabilityZone, f.Source, "->", f.Destination, f.Protocol, f.DestinationPorts)
		}
	}
	// Output:
	// network_firewall.fw us-east-1a 10.1.10.10/32 -> 0.0.0.0/0 tcp 443
	// network_firewall.fw us-east-1b 10.1.11.10/32 -> 0.0.0.0/0 tcp 443
}
