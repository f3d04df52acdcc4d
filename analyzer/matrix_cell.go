package analyzer

import (
	"strings"

	"github.com/vpcreach/vpcreach/internal/ports"
)

// fillCell sets the verdict, port sets and deciders of c from the path
// answer a: one verdict for a query with a port, the reachable and
// ambiguous port sets for an all-ports answer.
func fillCell(c *MatrixCell, a *Analysis) {
	c.Verdict = a.Verdict
	if len(a.PortRanges) == 0 {
		c.DecidedBy = decider(a.Verdict, a.Explanations, a.AdditionalDetails)
		return
	}
	var reach, amb []ports.Range
	var deciders []string
	for _, r := range a.PortRanges {
		pr := ports.Range{Lo: uint16(r.From), Hi: uint16(r.To)}
		switch r.Verdict {
		case Reachable:
			reach = append(reach, pr)
		case Ambiguous:
			amb = append(amb, pr)
		}
		deciders = appendNew(deciders, decider(r.Verdict, r.Explanations, r.AdditionalDetails))
	}
	c.ReachablePorts = ports.NewSet(reach...).String()
	if len(amb) > 0 {
		c.AmbiguousPorts = ports.NewSet(amb...).String()
	}
	c.DecidedBy = strings.Join(deciders, "; ")
}

// decider names what decided a (sub)answer that is not REACHABLE: its
// first blocking finding, or the finding that makes it ambiguous, as "CODE
// at component". It is "" for a reachable answer.
func decider(v Verdict, explanations, details []*Finding) string {
	switch v {
	case NotReachable:
		if len(explanations) > 0 {
			return findingAt(explanations[0])
		}
		return "no path"
	case Ambiguous:
		for _, code := range []string{CodeFirewallUnsupportedHigherPriority, CodeFirewallUnsupportedRuleOptions,
			CodeSubnetACLRestriction} {
			for _, f := range details {
				if f.Code == code {
					return findingAt(f)
				}
			}
		}
		return "undecidable"
	}
	return ""
}

func findingAt(f *Finding) string {
	if f.Component == "" {
		return f.Code
	}
	return f.Code + " at " + f.Component
}

// appendNew appends s to list unless it is empty or already there.
func appendNew(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
