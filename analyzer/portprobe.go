package analyzer

import (
	"net/netip"
	"slices"

	"github.com/vpcreach/vpcreach/rules"
	"github.com/vpcreach/vpcreach/topology"
)

// Routing never depends on the destination port, so an all-ports answer
// walks the path once (the probe) and records the steps whose outcome does:
// the security group and network ACL checks of the request (the reply's
// destination port is the client's, whatever the request's) and the
// firewall judgements. classVerdict decides those steps again for each
// port class; a full analysis then runs once per merged range only.

// portRecord collects the port-dependent checks of a walk, and where the
// walk's findings stand among them (to order the findings of another port
// as its own walk would; see classDecider).
type portRecord struct {
	sg  []sgCheck
	acl []aclCheck
	// findingAt holds, for each blocking finding of the walks, the number
	// of checks recorded before it; fromCheck marks those a check made.
	findingAt []int
	fromCheck map[int]bool
	// walkFindings and walkDetails count the findings of the walks, which
	// come before the firewalls' own.
	walkFindings, walkDetails int
}

// checkPlace is where a recorded check happened: its rank among the
// checks and the component of its hop (where its finding goes).
type checkPlace struct {
	order     int
	component string
}

// place returns the place of a check about to be recorded at hop h.
func (r *portRecord) place(h *Hop) checkPlace {
	return checkPlace{order: len(r.sg) + len(r.acl), component: h.Component}
}

// claimFindings marks the blocking findings from index from on as made by
// the check just recorded.
func (s *session) claimFindings(from int) {
	if s.rec.fromCheck == nil {
		s.rec.fromCheck = map[int]bool{}
	}
	for i := from; i < len(s.explanations); i++ {
		s.rec.fromCheck[i] = true
	}
}

// aclCheck is one network ACL check of the request.
type aclCheck struct {
	acl    *topology.NetworkACL
	egress bool
	peer   netip.Addr
	proto  topology.Protocol
	at     checkPlace
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
	// fixed are the walks' blocking findings no check made, each with the
	// number of checks recorded before it; fixedDetails the walks'
	// details. forward and ret are the paths, which order findings.
	fixed         []placedFinding
	fixedDetails  []*Finding
	forward, back []*Hop
}

// placedFinding is a finding with its place among the recorded checks.
type placedFinding struct {
	f  *Finding
	at int
}

// newProbe gathers the probe of session s once both walks are done.
func newProbe(s *session, fwd, ret *walker) *probe {
	pr := &probe{q: s.q, rec: *s.rec, judged: s.judged, fixedAmbiguous: s.aclAmbiguous || s.pathAmbiguous, forward: fwd.hops}
	if ret != nil {
		pr.back = ret.hops
	}
	cut := walkCut(fwd, ret)
	pr.fixedBlocked = !cut && (!fwd.reached || ret == nil || !ret.reached)
	pr.fixedAmbiguous = pr.fixedAmbiguous || cut
	for _, f := range s.explanations {
		if !portDependent(f) {
			pr.fixedBlocked = true
		}
	}
	for i, f := range s.explanations[:s.rec.walkFindings] {
		if !s.rec.fromCheck[i] {
			pr.fixed = append(pr.fixed, placedFinding{f, s.rec.findingAt[i]})
		}
	}
	pr.fixedDetails = slices.Clone(s.details[:s.rec.walkDetails])
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
// walking it again, and returns what decided (ranges merge when
// neighbouring classes were decided alike). It gives the verdict a full
// analysis of port p gives (see TestClassVerdictMatchesFullAnalysis).
func (n *Network) classVerdict(pr *probe, p uint16) (Verdict, *classSig) {
	sig := &classSig{sg: make([]sgDecision, len(pr.rec.sg)), acl: make([]*topology.ACLRule, len(pr.rec.acl)),
		fw: make([]rules.Result, len(pr.judged))}
	blocked, ambiguous := pr.fixedBlocked, pr.fixedAmbiguous
	for i, c := range pr.rec.sg {
		c.hdr.dport = p
		r := n.evalSG(c)
		if r.rule == nil {
			blocked = true
		}
		sig.sg[i] = sgDecision{r.sg, r.rule}
	}
	for i, c := range pr.rec.acl {
		m := aclDecide(c.acl, c.egress, c.peer, c.proto, p)
		if !m.allow {
			blocked = true
		}
		sig.acl[i] = m.rule
	}
	for i, j := range pr.judged {
		res := n.policies[j.ep.Firewall].Evaluate(classFlow(pr, j, p))
		switch res.Verdict {
		case rules.Drop:
			blocked = true
		case rules.Ambiguous:
			ambiguous = true
		}
		sig.fw[i] = res
	}
	v := Reachable
	switch {
	case blocked:
		v = NotReachable
	case ambiguous:
		v = Ambiguous
	}
	sig.verdict = v
	return v, sig
}

// classSig is what decided a port class on a probe's path: the verdict,
// the admitting rule (or deny) of each recorded security group check, the
// network ACL rule of each recorded ACL check (nil: the implicit deny) and
// each firewall's result. Two classes with equal signatures get the same
// answer but for the port numbers and the inferred application protocol.
type classSig struct {
	verdict Verdict
	sg      []sgDecision
	acl     []*topology.ACLRule
	fw      []rules.Result
}

// sgDecision is the group and rule that admitted a packet (nil: denied).
type sgDecision struct {
	sg   *topology.SecurityGroup
	rule *topology.SGRule
}

// equal reports whether s and o (of the same probe) were decided alike.
func (s *classSig) equal(o *classSig) bool {
	return s.verdict == o.verdict && slices.Equal(s.sg, o.sg) && slices.Equal(s.acl, o.acl) &&
		slices.EqualFunc(s.fw, o.fw, sameResult)
}

// sameResult reports whether two firewall results were decided by the
// same rules and defaults with the same outcomes, phase by phase, with the
// same undecidable rules.
func sameResult(a, b rules.Result) bool {
	return a.Verdict == b.Verdict &&
		slices.EqualFunc(a.Phases, b.Phases, func(x, y rules.PhaseResult) bool {
			return x.Phase == y.Phase && x.Outcome == y.Outcome && sameDecision(x.Decision, y.Decision) &&
				slices.EqualFunc(x.Alternatives, y.Alternatives, sameDecision)
		}) &&
		slices.EqualFunc(a.MayMatch, b.MayMatch, func(x, y rules.MayMatch) bool {
			return x.Rule == y.Rule && x.ChangesOutcome == y.ChangesOutcome && slices.Equal(x.Options, y.Options)
		})
}

func sameDecision(a, b rules.Decision) bool {
	return a.Kind == b.Kind && a.Outcome == b.Outcome && a.Action == b.Action && a.Rule == b.Rule &&
		a.LatchedAt == b.LatchedAt && a.DefaultAction == b.DefaultAction && a.StatelessGroup == b.StatelessGroup &&
		a.StatelessPriority == b.StatelessPriority && slices.Equal(a.Unsupported, b.Unsupported)
}
