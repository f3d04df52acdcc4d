package rules

import (
	"net/netip"
	"regexp"
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/internal/testcorpus"
	"github.com/vpcreach/vpcreach/policyspec"
)

// etPolicy loads every enabled ET Open rule as one STRICT_ORDER group;
// asDrop rewrites every action to drop (an IPS deployment of ET).
func etPolicy(b testing.TB, asDrop bool) *Policy {
	b.Helper()
	var text strings.Builder
	action := regexp.MustCompile(`^(alert|pass|drop|reject)\s`)
	for _, f := range testcorpus.Files(b, "et-open-2024-04/rules", "*.rules") {
		for _, l := range strings.Split(string(f.Data), "\n") {
			if asDrop {
				l = action.ReplaceAllString(l, "drop ")
			}
			text.WriteString(l)
			text.WriteByte('\n')
		}
	}
	home := netip.MustParsePrefix("10.1.1.0/24")
	ipsets, portsets, _ := etGroupVars(home)
	p, _ := CompilePolicy(PolicySpec{
		Name: "firewall_policy.et", StatefulRuleOrder: policyspec.StrictOrder,
		StatefulDefaultActions: []string{"aws:drop_established"},
		Env:                    Env{HomeNet: []netip.Prefix{home}},
		StatefulGroups: []GroupSpec{{
			Name: "rule_group.et", Priority: 1, RuleOrder: policyspec.StrictOrder, IPSets: ipsets, PortSets: portsets,
			Text: &Text{Filename: "et.rules", Text: text.String()},
		}},
	})
	p.ensure() // benchmarks measure evaluation, not the first compilation
	return p
}

func benchFlows() []Flow {
	c, s := netip.MustParseAddr("10.1.1.10"), netip.MustParseAddr("93.184.216.34")
	return []Flow{
		{Protocol: TCP, Client: c, Server: s, ClientPort: 40000, ServerPort: 443, App: "tls", SNI: Known("www.example.com")},
		{Protocol: TCP, Client: c, Server: s, ClientPort: 40001, ServerPort: 80, App: "http", HTTPHost: Known("www.example.com")},
		{Protocol: UDP, Client: c, Server: s, ClientPort: 40002, ServerPort: 53, App: "dns", DNSQuery: Known("www.example.com")},
		{Protocol: TCP, Client: s, Server: c, ClientPort: 40003, ServerPort: 22, App: "ssh"},
	}
}

// BenchmarkEvaluateET evaluates one flow against the whole ET Open set,
// as written and with every rule made a drop (none skipped as alert-only).
// "uncached" is the evaluation itself (Evaluate without its memo: what
// the first query of a flow class costs); "memo" is Evaluate repeating
// flows it has seen (a memo lookup).
func BenchmarkEvaluateET(b *testing.B) {
	for _, mode := range []struct {
		name   string
		asDrop bool
	}{{"as-written", false}, {"all-drop", true}} {
		p := etPolicy(b, mode.asDrop)
		flows := benchFlows()
		for _, f := range flows {
			b.Run(mode.name+"/uncached/"+f.App, func(b *testing.B) {
				b.ReportMetric(float64(p.RuleCount()), "rules")
				for b.Loop() {
					p.evaluate(f, nil, false)
				}
			})
		}
		b.Run(mode.name+"/memo", func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				p.Evaluate(flows[i%len(flows)])
			}
		})
	}
}

// TestETEvaluationIsUncached checks what BenchmarkEvaluateET's "uncached"
// case measures: evaluate does not read or fill the memo, so every call
// evaluates the flow (the memo being empty after 400 of them), and it
// gives the same results as Evaluate. (The figures are in the README;
// timing is a benchmark's job, not a test's.)
func TestETEvaluationIsUncached(t *testing.T) {
	t.Parallel()
	p := etPolicy(t, true)
	flows := benchFlows()
	for i := range 400 {
		p.evaluate(flows[i%len(flows)], nil, false)
	}
	p.cache.mu.Lock()
	n := len(p.cache.m)
	p.cache.mu.Unlock()
	if n != 0 {
		t.Fatalf("evaluate filled the memo with %d entries", n)
	}
	compared := 0
	for _, f := range flows {
		want := p.evaluate(f, nil, false)
		got := p.Evaluate(f)
		if got.Verdict != want.Verdict || phaseOutcomes(got) != phaseOutcomes(want) {
			t.Errorf("%v: Evaluate %s %s, evaluate %s %s", f, got.Verdict, phaseOutcomes(got), want.Verdict, phaseOutcomes(want))
		}
		compared++
	}
	if compared != len(flows) || compared < 4 {
		t.Fatalf("compared %d flows", compared)
	}
}
