package rules

import (
	"net/netip"
	"testing"

	"github.com/vpcreach/vpcreach/policyspec"
)

// TestGroupFormats evaluates domain-list and standard rule groups end to
// end: the rules LoadGroup generates behave as AWS documents.
func TestGroupFormats(t *testing.T) {
	t.Parallel()
	domains := func(typ string) GroupSpec {
		return GroupSpec{Name: "rule_group.domains", Priority: 1, RuleOrder: policyspec.StrictOrder,
			Domains: &policyspec.DomainList{Targets: []string{".example.com", "exact.example.org"},
				TargetTypes: []string{"TLS_SNI", "HTTP_HOST"}, Type: typ}}
	}
	standard := GroupSpec{Name: "rule_group.std", Priority: 1, RuleOrder: policyspec.StrictOrder, Standard: []policyspec.StandardRule{{
		Action: "PASS", Protocol: "TCP", Source: "$HOME_NET", SourcePort: "ANY", Direction: "FORWARD",
		Destination: "ANY", DestinationPort: "8080", Options: []policyspec.StandardOption{{Keyword: "sid", Settings: []string{"5"}}},
	}}}
	tests := []struct {
		name  string
		group GroupSpec
		flow  Flow
		want  Outcome
	}{
		{"allowlist: subdomain", domains("ALLOWLIST"), tlsFlow(Known("www.example.com")), Pass},
		{"allowlist: the domain itself", domains("ALLOWLIST"), tlsFlow(Known("example.com")), Pass},
		{"allowlist: exact name", domains("ALLOWLIST"), tlsFlow(Known("exact.example.org")), Pass},
		{"allowlist: subdomain of an exact name", domains("ALLOWLIST"), tlsFlow(Known("a.exact.example.org")), Drop},
		{"allowlist: other name", domains("ALLOWLIST"), tlsFlow(Known("evil.com")), Drop},
		{"allowlist: http host", domains("ALLOWLIST"), httpFlow("WWW.Example.com", 80), Pass},
		{"allowlist: other host", domains("ALLOWLIST"), httpFlow("evil.com", 80), Drop},
		{"allowlist: unknown SNI", domains("ALLOWLIST"), tlsFlow(Value{}), Ambiguous},
		{"denylist: listed", domains("DENYLIST"), tlsFlow(Known("bad.example.com")), Drop},
		{"denylist: other name, drop_established", domains("DENYLIST"), tlsFlow(Known("evil.com")), Drop},
		{"standard pass", standard, rawFlow(8080), Pass},
		{"standard, other port", standard, rawFlow(8081), Drop},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p, diags := CompilePolicy(PolicySpec{
				Name: "p", StatefulRuleOrder: policyspec.StrictOrder, StatefulDefaultActions: []string{"aws:drop_established"},
				Env: Env{HomeNet: []netip.Prefix{evHome}}, StatefulGroups: []GroupSpec{tc.group},
			})
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			if r := p.Evaluate(tc.flow); r.Verdict != tc.want {
				t.Errorf("verdict %s, want %s\n%s", r.Verdict, tc.want, describeResult(r))
			}
		})
	}
}
