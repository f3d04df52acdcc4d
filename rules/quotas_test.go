package rules

import (
	"net/netip"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/policyspec"
)

// ruleOfLength returns a Suricata rule of exactly n characters (n >= 60).
func ruleOfLength(n int, sid int) string {
	head := `alert tcp $HOME_NET any -> any any (msg:"`
	tail := `"; sid:` + strconv.Itoa(sid) + `;)`
	return head + strings.Repeat("é", n-len(head)-len(tail)) + tail
}

// quotaGroup returns a strict-order group of Suricata rules text, its block
// at line 1 of g.hcl.
func quotaGroup(text string) GroupSpec {
	return GroupSpec{
		Name: "rule_group.g", RuleOrder: policyspec.StrictOrder,
		Text:  &Text{Filename: "g.rules", Text: text},
		Range: hcl.Range{Filename: "g.hcl", Start: hcl.Pos{Line: 1, Column: 1}, End: hcl.Pos{Line: 1, Column: 18, Byte: 17}},
	}
}

// quotaDiags returns the diagnostics of LoadGroup with the given summary.
func quotaDiags(diags hcl.Diagnostics, summary string) hcl.Diagnostics {
	var out hcl.Diagnostics
	for _, d := range diags {
		if d.Summary == summary {
			out = append(out, d)
		}
	}
	return out
}

// TestRuleLengthQuota checks AWS's 8,192-character limit per rule, counted
// in characters (not bytes), variable values included, reported on the
// rule's action.
func TestRuleLengthQuota(t *testing.T) {
	t.Parallel()
	home := []netip.Prefix{netip.MustParsePrefix("10.1.0.0/16")} // "$HOME_NET" -> "10.1.0.0/16": +2
	var many []netip.Prefix
	for i := range 1000 {
		many = append(many, netip.PrefixFrom(netip.AddrFrom4([4]byte{10, byte(i >> 8), byte(i), 0}), 24))
	}
	cases := []struct {
		name   string
		rule   string
		ipSets []policyspec.IPSet
		errors int
	}{
		{"at the limit with HOME_NET expanded", ruleOfLength(maxRuleChars-2, 1), nil, 0},
		{"one past with HOME_NET expanded", ruleOfLength(maxRuleChars-1, 1), nil, 1},
		{"short rule, long ip_set", "pass tcp $BIG any -> any 443 (sid:2;)", []policyspec.IPSet{{Name: "BIG", Prefixes: many}}, 1},
		{"short rule, ip_set used twice", "pass tcp $BIG any -> $BIG 443 (sid:3;)", []policyspec.IPSet{{Name: "BIG", Prefixes: many[:400]}}, 1},
		{"short rule, ip_set used once", "pass tcp $BIG any -> any 443 (sid:3;)", []policyspec.IPSet{{Name: "BIG", Prefixes: many[:400]}}, 0},
		{"short rule, ip_set under the limit", "pass tcp $BIG any -> any 443 (sid:4;)", []policyspec.IPSet{{Name: "BIG", Prefixes: many[:100]}}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			g := quotaGroup("# a comment\n  " + c.rule + "\n")
			g.IPSets = c.ipSets
			rs, diags := LoadGroup(g, Env{HomeNet: home})
			got := quotaDiags(diags, "Rule too long")
			if len(got) != c.errors || len(diags) != c.errors {
				t.Fatalf("got %v, want %d 'Rule too long' and nothing else", diags, c.errors)
			}
			if c.errors == 0 {
				if len(rs) != 1 {
					t.Fatalf("rule not loaded: %v", diags)
				}
				return
			}
			s := got[0].Subject
			if s.Filename != "g.rules" || s.Start.Line != 2 || s.Start.Column != 3 || s.End.Column != 3+len(strings.Fields(c.rule)[0]) {
				t.Errorf("subject %+v, want g.rules:2:3 on the action", s)
			}
			if len(rs) != 0 {
				t.Errorf("a rule over the quota was loaded")
			}
		})
	}
}

// TestRulesStringQuota checks AWS's 2,000,000-byte limit per rules string,
// reported on the group.
func TestRulesStringQuota(t *testing.T) {
	t.Parallel()
	for _, n := range []int{maxRulesStringBytes, maxRulesStringBytes + 1} {
		rule := "pass tcp any any -> any any (sid:1;)\n"
		pad := n - len(rule)
		comment := "#" + strings.Repeat("x", 998) + "\n" // 1,000 bytes
		text := strings.Repeat(comment, pad/1000) + "#" + strings.Repeat("y", pad%1000-2) + "\n" + rule
		if len(text) != n {
			t.Fatalf("built %d bytes, want %d", len(text), n)
		}
		_, diags := LoadGroup(quotaGroup(text), Env{})
		got := quotaDiags(diags, "Rules string too large")
		want := 0
		if n > maxRulesStringBytes {
			want = 1
		}
		if len(got) != want || len(diags) != want {
			t.Fatalf("%d bytes: got %v, want %d 'Rules string too large'", n, diags, want)
		}
		if want == 1 && (got[0].Subject.Filename != "g.hcl" || got[0].Subject.Start.Line != 1) {
			t.Errorf("subject %+v, want the group block", got[0].Subject)
		}
	}
}

// manyRules returns n one-line rules with sids from first.
func manyRules(n, first int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("pass tcp any any -> any ")
		b.WriteString(strconv.Itoa(1 + i%60000))
		b.WriteString(" (sid:")
		b.WriteString(strconv.Itoa(first + i))
		b.WriteString(";)\n")
	}
	return b.String()
}

// TestGroupCapacityQuota checks AWS's 30,000 maximum rule group capacity:
// a group with more rules is refused, reported on the group.
func TestGroupCapacityQuota(t *testing.T) {
	t.Parallel()
	for _, n := range []int{maxGroupCapacity, maxGroupCapacity + 1} {
		_, diags := LoadGroup(quotaGroup(manyRules(n, 1)), Env{})
		got := quotaDiags(diags, "Too many rules in a rule group")
		want := 0
		if n > maxGroupCapacity {
			want = 1
		}
		if len(got) != want || len(diags) != want {
			t.Fatalf("%d rules: got %v, want %d 'Too many rules in a rule group'", n, diags, want)
		}
		if want == 1 && got[0].Subject.Filename != "g.hcl" {
			t.Errorf("subject %+v, want the group block", got[0].Subject)
		}
	}
}

// TestPolicyRulesQuota checks the default quota of 30,000 stateful rules
// per policy: a warning on the policy (the quota can be raised).
func TestPolicyRulesQuota(t *testing.T) {
	t.Parallel()
	for _, n := range []int{defaultPolicyRules, defaultPolicyRules + 1} {
		half := n / 2
		a, b := quotaGroup(manyRules(half, 1)), quotaGroup(manyRules(n-half, 100000))
		a.Name, a.Priority, b.Name, b.Priority = "rule_group.a", 1, "rule_group.b", 2
		spec := PolicySpec{
			Name: "firewall_policy.p", StatefulRuleOrder: policyspec.StrictOrder, StatefulGroups: []GroupSpec{a, b},
			Range: hcl.Range{Filename: "p.hcl", Start: hcl.Pos{Line: 3, Column: 1}, End: hcl.Pos{Line: 3, Column: 10, Byte: 9}},
		}
		_, diags := CompilePolicy(spec)
		got := quotaDiags(diags, "Over the stateful rules quota")
		want := 0
		if n > defaultPolicyRules {
			want = 1
		}
		if len(got) != want || len(diags) != want {
			t.Fatalf("%d rules: got %v, want %d 'Over the stateful rules quota'", n, diags, want)
		}
		if want == 1 && (got[0].Severity != hcl.DiagWarning || got[0].Subject.Filename != "p.hcl" || got[0].Subject.Start.Line != 3) {
			t.Errorf("got %+v, want a warning on the policy block", got[0])
		}
	}
}
