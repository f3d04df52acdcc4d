package analyzer_test

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/internal/diag"
	"github.com/vpcreach/vpcreach/topology"
)

// example loads and compiles the bundled egress-inspection example. A
// program would print the diagnostics and stop on errors, as here.
func example() *analyzer.Network {
	topo, diags := topology.Load("../examples/egress-inspection")
	if !diags.HasErrors() {
		n, cd := analyzer.Compile(topo)
		diags = append(diags, cd...)
		if !diags.HasErrors() {
			return n
		}
	}
	if topo != nil {
		_ = diag.Write(os.Stderr, topo.Files, diags)
	}
	return nil
}

func ExampleCompile() {
	topo, diags := topology.Load("../examples/egress-inspection")
	if diags.HasErrors() {
		fmt.Println(diags)
		return
	}
	n, diags := analyzer.Compile(topo)
	if diags.HasErrors() {
		fmt.Println(diags)
		return
	}
	fmt.Println(len(n.Topology().Firewalls), "firewall,", n.RuleCount(), "stateful rules")
	// Output:
	// 1 firewall, 11 stateful rules
}

func ExampleNetwork_AnalyzePath() {
	n := example()
	a, err := n.AnalyzePath(analyzer.Query{
		From: "instance.web_a", To: "93.184.216.34", Port: 443, HasPort: true, SNI: "api.example.com",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Verdict)
	for _, h := range a.ForwardPath {
		fmt.Println(h.Sequence, h.Component)
	}
	// Output:
	// REACHABLE
	// 1 instance.web_a
	// 2 subnet.app_a
	// 3 subnet.firewall_a
	// 4 firewall_endpoint.fw_a
	// 5 subnet.firewall_a
	// 6 subnet.public_a
	// 7 nat_gateway.nat_a
	// 8 subnet.public_a
	// 9 internet_gateway.igw
	// 10 internet
}

// A blocked path says what blocks it, with Reachability Analyzer's codes.
func ExampleNetwork_AnalyzePath_blocked() {
	n := example()
	a, _ := n.AnalyzePath(analyzer.Query{From: "instance.web_a", To: "93.184.216.34", Port: 22, HasPort: true})
	fmt.Println(a.Verdict)
	for _, f := range a.Explanations {
		fmt.Println(f.Code, f.Direction, f.Component)
	}
	// Output:
	// NOT_REACHABLE
	// FIREWALL_RULES_RESTRICTION forward firewall_endpoint.fw_a
}

// Without a port, the answer covers every destination port as ranges that
// every component treats alike.
func ExampleNetwork_AnalyzePath_allPorts() {
	n := example()
	a, _ := n.AnalyzePath(analyzer.Query{From: "instance.web_a", To: "93.184.216.34", SNI: "api.example.com"})
	for _, r := range a.PortRanges {
		if r.Reachable {
			fmt.Println(r.From, r.To, r.AppProtocol, r.Verdict)
		}
	}
	// Output:
	// 443 443 tls REACHABLE
}

// A query that cannot be asked returns a typed error.
func ExampleNetwork_AnalyzePath_error() {
	n := example()
	_, err := n.AnalyzePath(analyzer.Query{From: "instance.web", To: "93.184.216.34", Port: 443, HasPort: true})
	var ee *analyzer.EndpointError
	if errors.As(err, &ee) {
		fmt.Println(ee.End, ee.Spec)
		fmt.Println(err)
	}
	// Output:
	// source instance.web
	// source: "instance.web" is neither an IP address nor a declared resource; did you mean instance.web_a?
}

func ExampleNetwork_Check() {
	n := example()
	results, err := n.Check(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range results {
		fmt.Println(r.Expect, r.Holds, r.Analysis.Verdict)
	}
	// Output:
	// expect.internet_to_web_a true NOT_REACHABLE
	// expect.web_a_api_tls true REACHABLE
	// expect.web_a_cleartext_http true NOT_REACHABLE
	// expect.web_a_ntp true REACHABLE
	// expect.web_a_ssh_out true NOT_REACHABLE
	// expect.web_a_unlisted_sni true NOT_REACHABLE
	// expect.web_b_api_tls_same_az true REACHABLE
}

// The matrix answers every subnet that can originate traffic to every
// subnet and to the internet (a cell that asks no question, such as a
// subnet to itself, is NOT_APPLICABLE). Without an SNI in the
// query, the firewall's TLS rules cannot be decided: tcp/443 to the
// internet is AMBIGUOUS, never a guessed REACHABLE.
func ExampleNetwork_Matrix() {
	n := example()
	m, err := n.Matrix(context.Background(), analyzer.MatrixQuery{Port: 443, HasPort: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, c := range m.Cells {
		if c.Verdict != analyzer.NotApplicable && i%len(m.Destinations) == len(m.Destinations)-1 {
			fmt.Println(c.From, "->", c.To, c.Verdict)
		}
	}
	// Output:
	// subnet.app_a -> internet AMBIGUOUS
	// subnet.app_b -> internet AMBIGUOUS
}
