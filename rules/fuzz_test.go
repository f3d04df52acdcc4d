package rules

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/policyspec"
)

// checkTextSubjects checks that each diagnostic points inside src.
func checkTextSubjects(t *testing.T, src string, diags hcl.Diagnostics) {
	t.Helper()
	for _, d := range diags {
		s := d.Subject
		if s == nil || s.Start.Byte < 0 || s.End.Byte > len(src) || s.Start.Byte > s.End.Byte ||
			s.Start.Line < 1 || s.Start.Column < 1 || d.Summary == "" || d.Detail == "" {
			t.Fatalf("bad diagnostic %+v for %q", d, src)
		}
		if strings.Count(src[:s.Start.Byte], "\n")+1 != s.Start.Line {
			t.Fatalf("diagnostic %q at byte %d says line %d in %q", d.Summary, s.Start.Byte, s.Start.Line, src)
		}
	}
}

// FuzzLoadGroup loads the input as a strict-order rule group (variables,
// AWS checks, quotas), compiles it into a policy with a drop default and
// evaluates a TLS and a DNS flow: no panic, every diagnostic in the rules
// text points inside it, loaded rules are numbered in order with their
// headers resolved, and a verdict is always given.
func FuzzLoadGroup(f *testing.F) {
	f.Add("pass tls $HOME_NET any -> $EXTERNAL_NET $WEB (tls.sni; content:\"example.com\"; endswith; flow:to_server; sid:1;)\n" +
		"drop tcp [$INNER,!10.1.2.0/24] ![1:1023] <> any any (flowbits:set,x; sid:2;)\n")
	f.Add("pass udp @REF any -> [![!$HOME_NET]] 53 (dns.query; content:\"a\"; sid:3;)\nalert ip any any -> any any (sid:3;)\n")
	f.Fuzz(func(t *testing.T, src string) {
		g := GroupSpec{
			Name: "rule_group.fuzz", Priority: 1, RuleOrder: policyspec.StrictOrder,
			IPSets:    []policyspec.IPSet{{Name: "INNER", Prefixes: pfx("10.1.0.0/16")}},
			PortSets:  []policyspec.PortSet{{Name: "WEB", Ports: portSet("80,443")}},
			IPSetRefs: []policyspec.IPSet{{Name: "REF", Prefixes: pfx("192.0.2.0/24")}},
			Text:      &Text{Filename: "fuzz.rules", Text: src},
			Range:     hcl.Range{Filename: "fuzz.hcl", Start: hcl.InitialPos, End: hcl.InitialPos},
		}
		env := Env{HomeNet: pfx("10.1.1.0/24")}
		rs, diags := LoadGroup(g, env)
		var inText hcl.Diagnostics
		for _, d := range diags {
			if d.Subject == nil || d.Subject.Filename == "fuzz.rules" {
				inText = append(inText, d)
			}
		}
		checkTextSubjects(t, src, inText)
		for i, r := range rs {
			if r.Index != i || r.Group != g.Name || r.SrcPorts.IsEmpty() || r.DstPorts.IsEmpty() {
				t.Fatalf("rule %d: index %d, group %q, ports %v %v", i, r.Index, r.Group, r.SrcPorts, r.DstPorts)
			}
		}
		p, _ := CompilePolicy(PolicySpec{
			Name: "firewall_policy.fuzz", StatefulRuleOrder: policyspec.StrictOrder, Env: env,
			StatefulDefaultActions: []string{"aws:drop_established_app_layer"}, StatefulGroups: []GroupSpec{g},
		})
		for _, fl := range []Flow{tlsFlow(Known("www.example.com")), dnsFlow("a.example.com")} {
			if r := p.Evaluate(fl); r.Verdict != Pass && r.Verdict != Drop && r.Verdict != Ambiguous {
				t.Fatalf("no verdict for %+v", fl)
			}
		}
	})
}
