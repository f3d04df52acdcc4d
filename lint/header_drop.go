package lint

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/rules"
	"github.com/vpcreach/vpcreach/topology"
)

// maxPairs bounds the rule pairs one pairwise check compares per policy,
// so that a policy of tens of thousands of rules stays linear: past it the
// check stops (it may then miss a finding, never invent one).
const maxPairs = 4_000_000

// checkHeaderDrop finds, in strict order, a drop or reject rule on ip or tcp
// whose only options are descriptive (it decides on the first packet of a
// flow, the TCP handshake, before any application protocol is known)
// followed by a pass rule for a TCP application protocol whose header it
// overlaps: those flows are dropped before the pass can match.
func checkHeaderDrop(net *analyzer.Network) hcl.Diagnostics {
	var out hcl.Diagnostics
	strictPolicies(net, func(fw *topology.Firewall, p *rules.Policy) {
		rs := p.Rules()
		budget := maxPairs
		for i, d := range rs {
			if !isHeaderDrop(d) {
				continue
			}
			var shadowed []*rules.Rule
			for _, r := range rs[i+1:] {
				if budget--; budget < 0 {
					return
				}
				if r.Action == rules.ActionPass && isTCPApp(r) && headersOverlap(d, r) {
					shadowed = append(shadowed, r)
				}
			}
			if len(shadowed) > 0 {
				out = append(out, headerDropWarning(fw, d, shadowed))
			}
		}
	})
	return out
}

// isHeaderDrop reports whether r drops or rejects every packet of its ip or
// tcp header.
func isHeaderDrop(r *rules.Rule) bool {
	return (r.Action == rules.ActionDrop || r.Action == rules.ActionReject) &&
		(r.Protocol == "ip" || r.Protocol == "tcp") && headerOnly(r)
}

func headerDropWarning(fw *topology.Firewall, d *rules.Rule, later []*rules.Rule) *hcl.Diagnostic {
	more := ""
	if len(later) > 1 {
		more = fmt.Sprintf(" and %d more", len(later)-1)
	}
	return warning(HeaderDropBeforeAppPass, d.Range,
		fmt.Sprintf("%s rule %s comes before application-layer pass rules in strict order", d.Action, ruleName(d)),
		fmt.Sprintf("In %s (policy %s), this %s rule matches on its header alone, so it decides on the first "+
			"packet of a flow, the TCP handshake, before the firewall knows the application protocol. The later "+
			"pass %s rule %s%s can never match a flow this rule also matches.",
			fw.Addr(), fw.Policy.Addr(), d.Protocol, later[0].Protocol, ruleName(later[0]), more),
		"move the application-layer pass rules before this rule; to drop what they do not pass, put a "+
			"\"drop tcp ... (flow:established,to_server; ...)\" rule after them or use the default action aws:drop_established",
		srcBestPractices)
}
