package rules

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

// FuzzParseRule checks that ParseRule never panics, that every diagnostic
// has a subject inside the input, and that an accepted rule round-trips
// through String.
func FuzzParseRule(f *testing.F) {
	f.Add(`pass tls $HOME_NET any -> $EXTERNAL_NET 443 (tls.sni; content:"example.com"; sid:1;)`)
	f.Add(`drop tcp any any -> any any (content:"|41 42|a\;"; depth:3; pcre:"/a(b)[)]/iR"; flow:established,to_server; dsize:1<>9; byte_test:2,!=,0x10,-1,relative; flowbits:isset,a|b; sid:2;)`)
	f.Fuzz(func(t *testing.T, src string) {
		r, diags := ParseRule(src, hcl.InitialPos, "fuzz.rules")
		checkSubjects(t, src, diags)
		if r == nil {
			if !diags.HasErrors() {
				t.Fatalf("no rule and no error for %q", src)
			}
			return
		}
		checkRoundTrip(t, r)
	})
}

// FuzzParseText checks ParseText the same way, with continuations and
// comments in play.
func FuzzParseText(f *testing.F) {
	f.Add("# c\npass tcp any any -> any any (sid:1;)\nalert tcp any any -> \\\n any any (sid:2;)\n")
	f.Fuzz(func(t *testing.T, src string) {
		rs, diags := ParseText(Text{Filename: "fuzz.rules", Text: src})
		checkSubjects(t, src, diags)
		for _, r := range rs {
			if r.Range.Start.Byte < 0 || r.Range.End.Byte > len(src) {
				t.Fatalf("rule range %v outside the %d-byte input", r.Range, len(src))
			}
			checkRoundTrip(t, r)
		}
	})
}

// checkSubjects checks that each diagnostic points inside src.
func checkSubjects(t *testing.T, src string, diags hcl.Diagnostics) {
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
			Name: "rule_group.fuzz", Priority: 1, RuleOrder: StrictOrder,
			IPSets:    []NamedPrefixes{{Name: "INNER", Prefixes: pfx("10.1.0.0/16")}},
			PortSets:  []NamedPorts{{Name: "WEB", Ports: portSet("80,443")}},
			IPSetRefs: []NamedPrefixes{{Name: "REF", Prefixes: pfx("192.0.2.0/24")}},
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
		checkSubjects(t, src, inText)
		for i, r := range rs {
			if r.Index != i || r.Group != g.Name || r.SrcPorts.IsEmpty() || r.DstPorts.IsEmpty() {
				t.Fatalf("rule %d: index %d, group %q, ports %v %v", i, r.Index, r.Group, r.SrcPorts, r.DstPorts)
			}
		}
		p, _ := CompilePolicy(PolicySpec{
			Name: "firewall_policy.fuzz", StatefulRuleOrder: StrictOrder, Env: env,
			StatefulDefaultActions: []string{"aws:drop_established_app_layer"}, StatefulGroups: []GroupSpec{g},
		})
		for _, fl := range []Flow{tlsFlow(Known("www.example.com")), dnsFlow("a.example.com")} {
			if r := p.Evaluate(fl); r.Verdict != Pass && r.Verdict != Drop && r.Verdict != Ambiguous {
				t.Fatalf("no verdict for %+v", fl)
			}
		}
	})
}
