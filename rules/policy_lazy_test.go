package rules

import (
	"sync"
	"testing"

	"github.com/vpcreach/vpcreach/policyspec"
)

// TestRulesCompileOnFirstUse: CompilePolicy loads and checks the rules
// but compiles their options only when first needed, once, safely from
// several goroutines; LoadedRules needs no compilation and lists the
// same rules as Rules (in group order).
func TestRulesCompileOnFirstUse(t *testing.T) {
	t.Parallel()
	text := "pass tls $HOME_NET any -> $EXTERNAL_NET 443 (tls.sni; content:\"example.com\"; sid:1;)\n" +
		"drop tcp $HOME_NET any -> $EXTERNAL_NET any (sid:2;)\n"
	p, diags := CompilePolicy(PolicySpec{
		Name: "firewall_policy.t", StatefulRuleOrder: policyspec.StrictOrder, Env: Env{HomeNet: pfx("10.1.1.0/24")},
		StatefulGroups: []GroupSpec{{Name: "rule_group.t", Priority: 1, RuleOrder: policyspec.StrictOrder,
			Text: &Text{Filename: "t.rules", Text: text}}},
	})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if p.rules != nil || p.index != nil || p.cache != nil {
		t.Fatal("CompilePolicy compiled the rules before any use")
	}
	loaded := p.LoadedRules()
	if len(loaded) != 2 || p.rules != nil {
		t.Fatalf("LoadedRules: %d rules, compiled %v", len(loaded), p.rules != nil)
	}
	var wg sync.WaitGroup
	results := make([]Result, 8)
	for i := range results {
		wg.Go(func() { results[i] = p.Evaluate(tlsFlow(Known("www.example.com"))) })
	}
	wg.Wait()
	for i, r := range results {
		if r.Verdict != Drop {
			t.Errorf("goroutine %d: verdict %v, want drop (the header-only sid 2 drops the SYN before sid 1 can see the SNI)", i, r.Verdict)
		}
	}
	if got := p.Rules(); len(got) != 2 || got[0] != loaded[0] || got[1] != loaded[1] {
		t.Errorf("Rules() = %v, LoadedRules() = %v", got, loaded)
	}
}
