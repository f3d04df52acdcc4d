package rules_test

import (
	"fmt"
	"net/netip"
	"os"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/rules"
)

func ExampleLoadGroup() {
	spec := rules.GroupSpec{
		Name: "rule_group.egress",
		Text: &rules.Text{Filename: "egress.rules", Text: "" +
			"pass tcp $HOME_NET any -> $EXTERNAL_NET [80,443] (flow:to_server; sid:1;)\n" +
			"drop ip any any -> $EXTERNAL_NET any (sid:2;)\n" +
			"drop ip $HOME_NET any -> $DNS_SERVERS 53 (sid:3;)\n"},
	}
	env := rules.Env{HomeNet: []netip.Prefix{netip.MustParsePrefix("10.1.0.0/16")}}
	rs, diags := rules.LoadGroup(spec, env)
	for _, r := range rs {
		fmt.Println(r.Location(), r.Index, rules.FormatAddrs(r.Src), len(rules.FormatAddrs(r.Dst)), "prefixes", r.DstPorts)
	}
	wr := hcl.NewDiagnosticTextWriter(os.Stdout, map[string]*hcl.File{"egress.rules": {Bytes: []byte(spec.Text.Text)}}, 0, false)
	_ = wr.WriteDiagnostics(diags)
	// Output:
	// egress.rules:1 0 [10.1.0.0/16] 16 prefixes 80,443
	// egress.rules:2 1 [0.0.0.0/0] 16 prefixes any
	// Error: Undefined variable
	//
	//   on egress.rules line 3:
	//    3: drop ip $HOME_NET any -> $DNS_SERVERS 53 (sid:3;)
	//
	// The rule uses $DNS_SERVERS, which is not defined. Declare it in the rule group with an ip_set block.
	//
}

func ExampleFormatAddrs() {
	spec := rules.GroupSpec{Name: "rule_group.x", Text: &rules.Text{Text: "alert ip $EXTERNAL_NET any -> any any (sid:1;)\n"}}
	rs, _ := rules.LoadGroup(spec, rules.Env{HomeNet: []netip.Prefix{netip.MustParsePrefix("10.1.1.0/24")}})
	fmt.Println(rules.FormatAddrs(rs[0].Src))
	// Output:
	// [0.0.0.0/5 8.0.0.0/7 10.0.0.0/16 10.1.0.0/24 10.1.2.0/23 10.1.4.0/22 10.1.8.0/21 10.1.16.0/20 10.1.32.0/19 10.1.64.0/18 10.1.128.0/17 10.2.0.0/15 10.4.0.0/14 10.8.0.0/13 10.16.0.0/12 10.32.0.0/11 10.64.0.0/10 10.128.0.0/9 11.0.0.0/8 12.0.0.0/6 16.0.0.0/4 32.0.0.0/3 64.0.0.0/2 128.0.0.0/1]
}
