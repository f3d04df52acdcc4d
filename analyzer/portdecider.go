package analyzer

import (
	"sort"

	"github.com/vpcreach/vpcreach/rules"
)

// classDecider names what decides destination port p on the probe's path,
// from the decisions classVerdict made for p (sig), exactly as decider
// names it for a full analysis of p (see
// TestClassVerdictMatchesFullAnalysis): the first blocking finding, or the
// finding that makes p ambiguous, as "CODE at component"; "" when p is
// reachable. It rebuilds only the findings of p that can differ from the
// probe's: those of the recorded security group and network ACL checks and
// of the firewalls, and orders them among the probe's own as the walks of
// p would have.
func (n *Network) classDecider(pr *probe, p uint16, sig *classSig) string {
	v := sig.verdict
	if v == Reachable {
		return ""
	}
	fw := n.classFirewalls(pr, p, sig)
	if v == Ambiguous {
		details := append(append([]*Finding{}, pr.fixedDetails...), fw.details...)
		sortFindingsOn(pr.forward, pr.back, details)
		return decider(v, nil, details)
	}
	expl := append(classWalkFindings(pr, sig), fw.explanations...)
	sortFindingsOn(pr.forward, pr.back, expl)
	return decider(v, expl, nil)
}

// classWalkFindings returns the blocking findings the walks of a port
// decided as sig make, in the order they would make them: the probe's
// fixed findings and the findings of the recorded checks that block, each
// after the findings made before its check.
func classWalkFindings(pr *probe, sig *classSig) []*Finding {
	type placed struct {
		f       *Finding
		at, sub int
	}
	var out []placed
	for i, x := range pr.fixed {
		out = append(out, placed{x.f, x.at, 1 + i})
	}
	fwd := dirForward.String()
	for i, c := range pr.rec.sg {
		if sig.sg[i].rule == nil {
			out = append(out, placed{&Finding{Code: CodeENISGRulesMismatch, Direction: fwd, Component: c.at.component},
				c.at.order + 1, 0})
		}
	}
	for i, c := range pr.rec.acl {
		if r := sig.acl[i]; r == nil || !r.Allow {
			out = append(out, placed{&Finding{Code: CodeSubnetACLRestriction, Direction: fwd, Component: c.at.component},
				c.at.order + 1, 0})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].at != out[j].at {
			return out[i].at < out[j].at
		}
		return out[i].sub < out[j].sub
	})
	fs := make([]*Finding, len(out))
	for i, x := range out {
		fs[i] = x.f
	}
	return fs
}

// classFirewalls explains the firewall results of sig in a session of its
// own, as far as decider needs for sig's verdict: for NOT_REACHABLE the
// blocking findings (drops, asymmetric routing), for AMBIGUOUS the
// undecidable rules; in the order a full analysis makes them.
func (n *Network) classFirewalls(pr *probe, p uint16, sig *classSig) *session {
	s := &session{n: n, q: pr.q, detailSeen: map[string]bool{}}
	s.q.Port = p
	for i, j := range pr.judged {
		jp := *j
		jp.flow, jp.res = classFlow(pr, j, p), sig.fw[i]
		if sig.verdict == Ambiguous {
			s.explainUndecidable(&jp)
			continue
		}
		s.explainDrop(&jp)
		s.explainAsymmetry(&jp)
	}
	return s
}

// classFlow is the flow judgement j of the probe sees for destination port
// p: the probe's, with p and the application protocol p implies.
func classFlow(pr *probe, j *endpointJudgement, p uint16) rules.Flow {
	q := pr.q
	q.Port = p
	f := j.flow
	f.ServerPort = p
	f.App, _ = chooseApp(q)
	return f
}
