package rules

import (
	"net/netip"
	"reflect"
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/policyspec"
	"github.com/vpcreach/vpcreach/ports"
)

func ruleSIDs(rs []*Rule) []int64 {
	var out []int64
	for _, r := range rs {
		out = append(out, r.SID)
	}
	return out
}

// TestRuleOrder checks both stateful rule orders and Rules().
func TestRuleOrder(t *testing.T) {
	t.Parallel()
	rules := `alert tcp any any -> any any (sid:1;)
drop tcp any any -> any 1 (sid:9;)
reject tcp any any -> any 2 (sid:3;)
pass tcp any any -> any 3 (sid:7;)
drop tcp any any -> any 4 (classtype:attempted-admin; sid:10;)
drop tcp any any -> any 5 (priority:2; classtype:attempted-admin; sid:11;)
pass tcp any any -> any 6 (sid:2;)
drop tcp any any -> any 7 (flowbits:set,x; sid:12;)`
	strict := testPolicy(t, rules, withDefaults("aws:drop_strict"))
	if got, want := ruleSIDs(strict.Rules()), []int64{1, 9, 3, 7, 10, 11, 2, 12}; !reflect.DeepEqual(got, want) {
		t.Errorf("strict order %v, want %v", got, want)
	}
	if strict.RuleCount() != 8 {
		t.Errorf("RuleCount %d", strict.RuleCount())
	}
	action := testPolicy(t, rules, withOrder(policyspec.DefaultActionOrder))
	// pass by sid; drop: flowbits setter first, then priority 1 (classtype
	// attempted-admin), 2 (explicit), 3 (default); reject; alert.
	if got, want := ruleSIDs(action.Rules()), []int64{2, 7, 12, 10, 11, 9, 3, 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("action order %v, want %v", got, want)
	}
}

// TestGroupsByPriority checks that strict order runs groups by priority.
func TestGroupsByPriority(t *testing.T) {
	t.Parallel()
	group := func(name string, prio int, text string) GroupSpec {
		return GroupSpec{Name: name, Priority: prio, RuleOrder: policyspec.StrictOrder, Text: &Text{Filename: name, Text: text}}
	}
	p, diags := CompilePolicy(PolicySpec{
		Name: "p", StatefulRuleOrder: policyspec.StrictOrder, Env: Env{HomeNet: []netip.Prefix{evHome}},
		StatefulGroups: []GroupSpec{
			group("rule_group.b", 20, "drop tcp any any -> any 8080 (sid:2;)\n"),
			group("rule_group.a", 10, "pass tcp any any -> any 8080 (sid:1;)\n"),
		},
	})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if got := ruleSIDs(p.Rules()); !reflect.DeepEqual(got, []int64{1, 2}) {
		t.Errorf("order %v", got)
	}
	if r := p.Evaluate(rawFlow(8080)); r.Verdict != Pass {
		t.Errorf("verdict %s", r.Verdict)
	}
}

// TestCompileDiagnostics checks the policy-level errors.
func TestCompileDiagnostics(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opts []policyOpt
		want string
	}{
		{"default action in action order", []policyOpt{withOrder(policyspec.DefaultActionOrder), withDefaults("aws:drop_strict")}, "Default action needs strict order"},
		{"unknown default action", []policyOpt{withDefaults("aws:drop_all")}, "Unknown stateful default action"},
		{"two drop defaults", []policyOpt{withDefaults("aws:drop_strict", "aws:drop_established")}, "Several drop default actions"},
		{"group order mismatch", []policyOpt{func(s *PolicySpec) { s.StatefulGroups[0].RuleOrder = policyspec.DefaultActionOrder }}, "Rule order mismatch"},
		{"bad stream exception", []policyOpt{withStream("IGNORE")}, "Unknown stream exception policy"},
	}
	for _, tc := range tests {
		spec := PolicySpec{
			Name: "p", StatefulRuleOrder: policyspec.StrictOrder, Env: Env{HomeNet: []netip.Prefix{evHome}},
			StatefulGroups: []GroupSpec{{Name: "g", Priority: 1, RuleOrder: policyspec.StrictOrder,
				Text: &Text{Filename: "g", Text: "pass tcp any any -> any 1 (sid:1;)\n"}}},
		}
		for _, o := range tc.opts {
			o(&spec)
		}
		_, diags := CompilePolicy(spec)
		if !diags.HasErrors() || !strings.Contains(diags.Error(), tc.want) {
			t.Errorf("%s: diagnostics %v, want %q", tc.name, diags, tc.want)
		}
	}
}

// TestDestinationPortBoundaries checks the port classes of a policy.
func TestDestinationPortBoundaries(t *testing.T) {
	t.Parallel()
	p := testPolicy(t, `pass tcp any any -> any [80,443] (sid:1;)
drop tcp any any -> any 8000:8100 (sid:2;)
pass tcp any 53 <> any any (sid:3;)
alert tcp any any -> any 7000 (msg:"alerts never change an outcome: no boundary"; sid:4;)`, withStateless("aws:forward_to_sfe", policyspec.StatelessRule{
		Priority: 1, Actions: []string{"aws:drop"}, DestinationPorts: ports.NewSet(ports.Range{Lo: 9000, Hi: 9009}),
	}))
	want := []uint16{0, 53, 54, 80, 81, 443, 444, 8000, 8101, 9000, 9010}
	if got := p.DestinationPortBoundaries(); !reflect.DeepEqual(got, want) {
		t.Errorf("boundaries %v, want %v", got, want)
	}
}
