package analyzer

import (
	"net/netip"

	"github.com/vpcreach/vpcreach/internal/ports"
	"github.com/vpcreach/vpcreach/rules"
	"github.com/vpcreach/vpcreach/topology"
)

// Routing never depends on the destination port, so an all-ports answer
// walks the path once (the probe) and records the steps whose outcome does:
// the security group and network ACL checks of the request (the reply's
// destination port is the client's, whatever the request's) and the
// firewall judgements. classVerdict decides those steps again for each
// port class; a full analysis then runs once per merged range only.

// portRecord collects the port-dependent checks of a walk.
type portRecord struct {
	sg  []sgCheck
	acl []aclCheck
}

// aclCheck is one network ACL check of the request.
type aclCheck struct {
	acl    *topology.NetworkACL
	egress bool
	peer   netip.Addr
	proto  topology.Protocol
}

// probe is what a probe walk leaves for deciding other ports.
type probe struct {
	q      Query
	rec    portRecord
	judged []*endpointJudgement
	// fixedBlocked is set when a finding that no port changes blocks the
	// path (a route, the reply's network ACLs, ...); fixedAmbiguous when
	// such a finding makes it ambiguous.
	fixedBlocked, fixedAmbiguous bool
}

// newProbe gathers the probe of session s once both walks are done.
func newProbe(s *session, fwd, ret *walker) *probe {
	pr := &probe{q: s.q, rec: *s.rec, judged: s.judged, fixedAmbiguous: s.aclAmbiguous}
	pr.fixedBlocked = !fwd.reached || ret == nil || !ret.reached
	for _, f := range s.explanations {
		if !portDependent(f) {
			pr.fixedBlocked = true
		}
	}
	return pr
}

// portDependent reports whether a blocking finding can change with the
// request's destination port.
func portDependent(f *Finding) bool {
	switch f.Code {
	case CodeFirewallRulesRestriction, CodeFirewallAsymmetricRouting:
		return true
	case CodeENISGRulesMismatch, CodeSubnetACLRestriction:
		return f.Direction == dirForward.String()
	}
	return false
}

// classVerdict decides the probe's path for destination port p, without
// walking it again, and returns a signature of what decided (ranges merge
// when neighbouring classes share it). It gives the verdict a full
// analysis of port p gives (see TestClassVerdictMatchesFullAnalysis).
func (n *Network) classVerdict(pr *probe, p uint16) (Verdict, uint64) {
	s := newSigHash()
	blocked, ambiguous := pr.fixedBlocked, pr.fixedAmbiguous
	for _, c := range pr.rec.sg {
		c.hdr.dport = p
		r := n.evalSG(c)
		if r.rule == nil {
			blocked = true
			s.str("sg-deny")
			continue
		}
		s.str(r.sg.Addr())
		s.str(r.rule.Range.String())
	}
	for _, c := range pr.rec.acl {
		m := evalACL(c.acl, c.egress, c.peer, c.proto, ports.Single(p))[0]
		if !m.allow {
			blocked = true
		}
		s.str(c.acl.Addr())
		s.num(int64(aclRuleNumber(m)))
	}
	q := pr.q
	q.Port = p
	app, _ := chooseApp(q)
	for _, j := range pr.judged {
		f := j.flow
		f.ServerPort, f.App = p, app
		res := n.policies[j.ep.Firewall].Evaluate(f)
		switch res.Verdict {
		case rules.Drop:
			blocked = true
		case rules.Ambiguous:
			ambiguous = true
		}
		hashResult(s, res)
	}
	v := Reachable
	switch {
	case blocked:
		v = NotReachable
	case ambiguous:
		v = Ambiguous
	}
	s.str(string(v))
	return v, s.h
}

func aclRuleNumber(m aclMatch) int {
	if m.rule == nil {
		return implicitDenyRule
	}
	return m.rule.Number
}

// hashResult adds what decided each phase of a firewall result, the
// alternatives of an ambiguous phase and the undecidable rules, which
// together are everything the firewall contributes to an answer.
func hashResult(s *sigHash, res rules.Result) {
	for _, ph := range res.Phases {
		s.num(int64(ph.Outcome))
		hashDecision(s, ph.Decision)
		for _, a := range ph.Alternatives {
			hashDecision(s, a)
		}
		s.str(";")
	}
	for _, m := range res.MayMatch {
		s.num(m.Rule.SID)
		s.str(m.Rule.Group)
		if m.ChangesOutcome {
			s.str("!")
		}
	}
}

func hashDecision(s *sigHash, d rules.Decision) {
	s.num(int64(d.Kind))
	s.num(int64(d.Outcome))
	s.str(d.DefaultAction)
	if d.Rule != nil {
		s.num(d.Rule.SID)
		s.str(d.Rule.Group)
	}
	s.num(int64(len(d.Unsupported)))
}
