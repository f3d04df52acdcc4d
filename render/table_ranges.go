package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/vpcreach/vpcreach/analyzer"
)

// mergedRange is the port ranges that share a verdict and a decider: one
// row of the port table, however many application labels and classes
// split them in the analysis (the JSON keeps every class).
type mergedRange struct {
	spans   [][2]int // [from, to], in port order, neighbours joined
	verdict analyzer.Verdict
	decider string
}

// ports renders the spans: "0-21, 23-79, 81".
func (m *mergedRange) ports() string {
	parts := make([]string, len(m.spans))
	for i, sp := range m.spans {
		parts[i] = portSpan(sp[0], sp[1])
	}
	return strings.Join(parts, ", ")
}

// mergeRanges groups rs by verdict and decider, in the order each group
// first appears (port order), joining neighbouring ranges.
func mergeRanges(rs []*analyzer.PortRangeResult) []*mergedRange {
	var out []*mergedRange
	index := map[string]*mergedRange{}
	for _, r := range rs {
		d := rangeDecider(r)
		key := string(r.Verdict) + "\x00" + d
		m := index[key]
		if m == nil {
			m = &mergedRange{verdict: r.Verdict, decider: d}
			index[key] = m
			out = append(out, m)
		}
		if n := len(m.spans); n > 0 && m.spans[n-1][1]+1 == r.From {
			m.spans[n-1][1] = r.To
			continue
		}
		m.spans = append(m.spans, [2]int{r.From, r.To})
	}
	return out
}

// writeRanges prints the all-ports answer: one row per verdict and
// decider, with every port range it covers.
func writeRanges(w io.Writer, rs []*analyzer.PortRangeResult, o textOpts) error {
	g := newGrid("PORTS", "VERDICT", "DECIDED BY")
	for _, m := range mergeRanges(rs) {
		g.add(m.ports(), string(m.verdict), m.decider).style(1, verdictStyle(m.verdict))
	}
	return g.render(w, o)
}

// rangeDecider names what decided a port (or address) range without
// anything particular to its ports, so that ranges decided alike read
// alike: the code and component of the first blocking finding, with the
// security group, network ACL rule or firewall rule it names; for a
// reachable range the firewall rule that passed it; for an ambiguous one
// the finding that makes it so.
func rangeDecider(r *analyzer.PortRangeResult) string {
	if len(r.Explanations) > 0 {
		return findingDecider(r.Explanations[0])
	}
	if r.Verdict == analyzer.Ambiguous {
		for _, code := range []string{analyzer.CodeFirewallUnsupportedHigherPriority,
			analyzer.CodeFirewallUnsupportedRuleOptions, analyzer.CodeSubnetACLRestriction} {
			for _, f := range r.AdditionalDetails {
				if f.Code == code {
					return findingDecider(f)
				}
			}
		}
		return "the answer depends on something the configuration cannot decide"
	}
	for _, h := range r.ForwardPath {
		if h.FirewallRule != nil {
			return h.Component + ": " + shortRule(h.FirewallRule)
		}
	}
	return "routes, security groups and network ACLs allow it"
}

// findingDecider is "CODE at COMPONENT" and what the finding names.
func findingDecider(f *analyzer.Finding) string {
	s := f.Code
	if f.Component != "" {
		s += " at " + f.Component
	}
	var what []string
	switch {
	case f.FirewallRule != nil:
		what = append(what, shortRule(f.FirewallRule))
	case f.ACLRule != nil:
		what = append(what, fmt.Sprintf("%s %s rule %s", f.ACLRule.NetworkACL,
			map[bool]string{true: "egress", false: "ingress"}[f.ACLRule.Egress], aclNumber(f.ACLRule.RuleNumber)))
	case len(f.SecurityGroups) > 0:
		what = append(what, strings.Join(f.SecurityGroups, ", "))
	case f.Route != nil:
		what = append(what, f.Route.RouteTable)
	}
	if len(what) > 0 {
		s += ": " + strings.Join(what, "; ")
	}
	return s
}

// shortRule is a firewall decision without its phase or location:
// "drop tcp sid 2000001 (rule_group.baseline)", "default aws:drop_established".
func shortRule(f *analyzer.FirewallRuleInfo) string {
	switch f.Engine {
	case "stateful":
		return fmt.Sprintf("%s %s sid %d (%s)", f.Action, f.Protocol, f.SID, f.RuleGroup)
	case "default_action":
		if f.DefaultAction == "none" {
			return "no rule matched, no default action: pass"
		}
		return fmt.Sprintf("default %s: %s", f.DefaultAction, f.Action)
	}
	return firewallText(f)
}

func aclNumber(n int) string {
	if n == 32767 {
		return "*"
	}
	return fmt.Sprint(n)
}
