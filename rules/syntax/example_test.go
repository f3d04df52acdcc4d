package syntax_test

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/rules/syntax"
)

func ExampleParseRule() {
	r, diags := syntax.ParseRule(`pass tls $HOME_NET any -> $EXTERNAL_NET 443 (tls.sni; content:"example.com"; endswith; msg:"allow example.com"; sid:10; rev:2;)`,
		hcl.Pos{Line: 3, Column: 5, Byte: 40}, "egress.hcl")
	if diags.HasErrors() {
		fmt.Println(diags)
		return
	}
	fmt.Println(r.Action, r.Protocol, r.Source, r.DestinationPort, r.SID, r.Rev, r.Msg)
	for _, o := range r.Options {
		fmt.Printf("%s %q at column %d\n", o.Name, o.Unquote(), o.Range.Start.Column)
	}
	// Output:
	// pass tls $HOME_NET 443 10 2 allow example.com
	// tls.sni "" at column 50
	// content "example.com" at column 59
	// endswith "" at column 82
	// msg "allow example.com" at column 92
	// sid "10" at column 117
	// rev "2" at column 125
}
