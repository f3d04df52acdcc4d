package analyzer

import (
	"strings"

	"github.com/vpcreach/vpcreach/ports"
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
	rs := make([]cellRange, len(a.PortRanges))
	for i, r := range a.PortRanges {
		rs[i] = cellRange{lo: uint16(r.From), hi: uint16(r.To), verdict: r.Verdict,
			decidedBy: decider(r.Verdict, r.Explanations, r.AdditionalDetails)}
	}
	fillCellRanges(c, rs)
	c.Verdict = a.Verdict // the same, unless summarize and fillCellRanges disagree (a test compares)
}

// cellRange is one port range of an all-ports cell: its verdict and what
// decided it (see decider).
type cellRange struct {
	lo, hi    uint16
	verdict   Verdict
	decidedBy string
}

// fillCellRanges sets c from the port ranges of an all-ports answer: the
// verdict summarize gives, the reachable and ambiguous ports, and each
// distinct decider once, in port order.
func fillCellRanges(c *MatrixCell, rs []cellRange) {
	var reach, amb []ports.Range
	var deciders []string
	c.Verdict = NotReachable
	for _, r := range rs {
		pr := ports.Range{Lo: r.lo, Hi: r.hi}
		switch r.verdict {
		case Reachable:
			reach = append(reach, pr)
			c.Verdict = Reachable
		case Ambiguous:
			amb = append(amb, pr)
			if c.Verdict == NotReachable {
				c.Verdict = Ambiguous
			}
		}
		deciders = appendNew(deciders, r.decidedBy)
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
		for _, code := range []string{CodeHopLimitExceeded, CodeApplianceAsymmetricRouting, CodeFirewallUnsupportedHigherPriority,
			CodeFirewallUnsupportedRuleOptions, CodeSubnetACLRestriction} {
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
