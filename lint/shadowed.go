package lint

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/rules"
	"github.com/vpcreach/vpcreach/topology"
)

// checkShadowed finds, in strict order, rules that can never decide: a
// pass, drop or reject rule R after a pass, drop or reject rule E whose
// options are only descriptive (E matches every packet of its header)
// when E's protocol covers R's (ip covers all, tcp the TCP applications)
// and every address and port R matches E matches too (both directions
// when R is bidirectional). Every packet R could match is then decided by
// E first. This is exact on headers: a rule shadowed only through its
// options, or by several earlier rules together, is not reported.
func checkShadowed(net *analyzer.Network) hcl.Diagnostics {
	var out hcl.Diagnostics
	strictPolicies(net, func(fw *topology.Firewall, p *rules.Policy) {
		for _, sp := range shadowedPairs(p) {
			out = append(out, shadowedWarning(fw, sp.rule, sp.by))
		}
	})
	return out
}

// shadowing is a rule and the earlier rule that always decides before it.
type shadowing struct{ rule, by *rules.Rule }

// shadowedPairs returns every rule of p (in order) that an earlier
// header-only terminal rule shadows, with the first such rule. It stops
// after maxPairs comparisons.
func shadowedPairs(p *rules.Policy) []shadowing {
	var out []shadowing
	var deciders []*rules.Rule
	budget := maxPairs
	for _, r := range p.Rules() {
		if !r.Action.Terminal() {
			continue
		}
		for _, e := range deciders {
			if budget--; budget < 0 {
				return out
			}
			if shadows(e, r) {
				out = append(out, shadowing{r, e})
				break
			}
		}
		if headerOnly(r) {
			deciders = append(deciders, r)
		}
	}
	return out
}

// shadows reports whether the header-only terminal rule e decides every
// packet r can match.
func shadows(e, r *rules.Rule) bool {
	if r.Src == nil || r.Dst == nil || r.SrcPorts.IsEmpty() || r.DstPorts.IsEmpty() {
		return false // r matches nothing: a different problem
	}
	return protoCovers(e.Protocol, r.Protocol) && headerWithin(r, e)
}

func shadowedWarning(fw *topology.Firewall, r, e *rules.Rule) *hcl.Diagnostic {
	return warning(ShadowedRule, r.Range,
		fmt.Sprintf("rule %s can never decide: the earlier rule %s always does", ruleName(r), ruleName(e)),
		fmt.Sprintf("In %s (policy %s, strict order), the %s rule %s has only descriptive options, so it "+
			"matches every %s packet between its addresses and ports; every packet this %s rule can match "+
			"is among them, and rules are evaluated in order, so this rule never takes effect.",
			fw.Addr(), fw.Policy.Addr(), e.Action, ruleName(e), e.Protocol, r.Protocol),
		"delete this rule, or move it (or its rule group, by priority) before the earlier rule, or narrow the earlier rule",
		srcStrictOrder)
}
