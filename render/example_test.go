package render_test

import (
	"context"
	"fmt"
	"os"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/render"
	"github.com/vpcreach/vpcreach/topology"
)

// Check the expect blocks of a topology and print the failures as compact
// lines, as `vpcreach check --format compact` does.
func ExampleFormatter_Check() {
	topo, diags := topology.Load("../examples/nacl-ephemeral")
	if diags.HasErrors() {
		fmt.Println(diags)
		return
	}
	net, diags := analyzer.Compile(topo)
	if diags.HasErrors() {
		fmt.Println(diags)
		return
	}
	results, err := net.Check(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	f := render.Formatter{Format: render.Compact}
	if err := f.Check(os.Stdout, diags, results); err != nil {
		fmt.Println(err)
	}
	// Output:
	// ../examples/nacl-ephemeral/network.hcl:107:1: error: expect.worker_https_out fails: expected reachable, got NOT_REACHABLE: SUBNET_ACL_RESTRICTION at subnet.public: network_acl.public (ingress of subnet.public) denies tcp/1024-65535 from 93.184.216.34: no rule matches, so the final * rule denies
}

// Answer one path query and print its verdict from the JSON document.
func ExampleAnalysisJSON() {
	topo, _ := topology.Load("../examples/nacl-ephemeral")
	net, _ := analyzer.Compile(topo)
	a, err := net.AnalyzePath(analyzer.Query{From: "instance.worker", To: "93.184.216.34",
		Protocol: topology.ProtocolTCP, Port: 443, HasPort: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	doc := render.AnalysisJSON(a)
	fmt.Println(doc.SchemaVersion, doc.Verdict, doc.Explanations[0].Code)
	// Output:
	// 1 NOT_REACHABLE SUBNET_ACL_RESTRICTION
}
