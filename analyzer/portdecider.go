package analyzer

import (
	"sort"
)

// classDecider names what decides destination port p on the probe's path,
// given the verdict v classVerdict gave p, exactly as decider names it for
// a full analysis of p (see TestClassDeciderMatchesFullAnalysis): the
// first blocking finding, or the finding that makes p ambiguous, as "CODE
// at component"; "" when p is reachable. It rebuilds only the findings of
// p that can differ from the probe's: those of the recorded security group
// and network ACL checks and of the firewalls, and orders them among the
// probe's own as the walks of p would have.
func (n *Network) classDecider(pr *probe, p uint16, v Verdict) string {
	if v == Reachable {
		return ""
	}
	fw := n.classFirewalls(pr, p, v)
	if v == Ambiguous {
		details := append(append([]*Finding{}, pr.fixedDetails...), fw.details...)
		sortFindingsOn(pr.forward, pr.back, details)
		return decider(v, nil, details)
	}
	expl := append(n.classWalkFindings(pr, p), fw.explanations...)
	sortFindingsOn(pr.forward, pr.back, expl)
	return decider(v, expl, nil)
}

// classWalkFindings returns the blocking findings the walks of port p
// make, in the order they would make them: the probe's fixed findings and
// the findings of the recorded checks that block p, each after the
// findings made before its check.
func (n *Network) classWalkFindings(pr *probe, p uint16) []*Finding {
	type placed struct {
		f       *Finding
		at, sub int
	}
	var out []placed
	for i, x := range pr.fixed {
		out = append(out, placed{x.f, x.at, 1 + i})
	}
	fwd := dirForward.String()
	for _, c := range pr.rec.sg {
		c.hdr.dport = p
		if n.evalSG(c).rule == nil {
			out = append(out, placed{&Finding{Code: CodeENISGRulesMismatch, Direction: fwd, Component: c.at.component},
				c.at.order + 1, 0})
		}
	}
	for _, c := range pr.rec.acl {
		if !aclDecide(c.acl, c.egress, c.peer, c.proto, p).allow {
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

// classFirewalls explains the probe's firewall judgements for port p in a
// session of their own, as far as decider needs for verdict v: for
// NOT_REACHABLE the blocking findings (drops, asymmetric routing), for
// AMBIGUOUS the undecidable rules; in the order a full analysis makes
// them.
func (n *Network) classFirewalls(pr *probe, p uint16, v Verdict) *session {
	s := &session{n: n, q: pr.q, detailSeen: map[string]bool{}}
	s.q.Port = p
	app, _ := chooseApp(s.q)
	for _, j := range pr.judged {
		pol := n.policies[j.ep.Firewall]
		if pol == nil {
			continue
		}
		jp := *j
		jp.flow.ServerPort, jp.flow.App = p, app
		jp.res = pol.Evaluate(jp.flow)
		if v == Ambiguous {
			s.explainUndecidable(&jp)
			continue
		}
		s.explainDrop(&jp)
		s.explainAsymmetry(&jp)
	}
	return s
}
