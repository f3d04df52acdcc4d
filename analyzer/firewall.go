package analyzer

import (
	"github.com/vpcreach/vpcreach/rules"
	"github.com/vpcreach/vpcreach/topology"
)

// endpointJudgement is one firewall endpoint's view of the flow.
type endpointJudgement struct {
	ep       *topology.FirewallEndpoint
	fwd, ret []fwVisit
	vis      rules.Visibility
	flow     rules.Flow
	res      rules.Result
}

// evaluateFirewalls judges every firewall endpoint the two walks crossed,
// once both are done: an endpoint that sees both directions evaluates the
// flow normally; one that sees only one direction is judged as Suricata
// judges an asymmetric flow (engine-semantics §3).
func (s *session) evaluateFirewalls() {
	s.judged = s.judgements()
	for _, j := range s.judged {
		pol := s.n.policies[j.ep.Firewall]
		if pol == nil {
			continue
		}
		j.res = pol.Evaluate(j.flow)
		s.annotate(j)
		s.explainFirewall(j)
	}
}

// judgements groups the firewall visits by endpoint, in order of first
// visit.
func (s *session) judgements() []*endpointJudgement {
	var out []*endpointJudgement
	byEP := map[*topology.FirewallEndpoint]*endpointJudgement{}
	for _, v := range s.fwVisits {
		j := byEP[v.ep]
		if j == nil {
			j = &endpointJudgement{ep: v.ep}
			byEP[v.ep] = j
			out = append(out, j)
		}
		if v.dir == dirForward {
			j.fwd = append(j.fwd, v)
		} else {
			j.ret = append(j.ret, v)
		}
	}
	for _, j := range out {
		j.vis = rules.SeesBoth
		switch {
		case len(j.ret) == 0:
			j.vis = rules.SeesClientOnly
		case len(j.fwd) == 0:
			j.vis = rules.SeesServerOnly
		}
		j.flow = s.flowAt(j)
	}
	return out
}

// flowAt describes the flow as endpoint j sees it: client and server as
// the request carries them at the endpoint (or as the reply does, when the
// endpoint sees only the reply).
func (s *session) flowAt(j *endpointJudgement) rules.Flow {
	var h header
	if len(j.fwd) > 0 {
		h = j.fwd[0].hdr
	} else {
		h = j.ret[0].hdr.reply()
	}
	f := rules.Flow{
		Protocol: l4(h.proto), Client: h.src, Server: h.dst,
		ClientPort: h.sport, ServerPort: h.dport,
		App: s.app, Visibility: j.vis,
	}
	if s.q.SNI != "" {
		f.SNI = rules.Known(s.q.SNI)
	}
	if s.q.HTTPHost != "" {
		f.HTTPHost = rules.Known(s.q.HTTPHost)
	}
	return f
}

func l4(p topology.Protocol) rules.L4 {
	switch p {
	case topology.ProtocolUDP:
		return rules.UDP
	case topology.ProtocolICMP:
		return rules.ICMP
	}
	return rules.TCP
}

// annotate puts the deciding rule of each direction on the endpoint's
// hops.
func (s *session) annotate(j *endpointJudgement) {
	for _, v := range j.fwd {
		if pr, ok := directionDecision(j.res, true); ok {
			v.hop.FirewallRule = s.n.firewallRuleInfo(j.ep.Firewall, pr)
			v.hop.Blocked = v.hop.Blocked || pr.Outcome == rules.Drop
		}
	}
	for _, v := range j.ret {
		if pr, ok := directionDecision(j.res, false); ok {
			v.hop.FirewallRule = s.n.firewallRuleInfo(j.ep.Firewall, pr)
			v.hop.Blocked = v.hop.Blocked || pr.Outcome == rules.Drop
		}
	}
}

// directionDecision returns the phase that characterises one direction of
// the flow: its first dropped phase, else its first ambiguous phase, else
// its last phase (the data, whose decision is the interesting one).
func directionDecision(res rules.Result, toServer bool) (rules.PhaseResult, bool) {
	var last rules.PhaseResult
	found := false
	var ambiguous *rules.PhaseResult
	for i, pr := range res.Phases {
		if pr.Phase.ToServer() != toServer {
			continue
		}
		if pr.Outcome == rules.Drop {
			return pr, true
		}
		if pr.Outcome == rules.Ambiguous && ambiguous == nil {
			ambiguous = &res.Phases[i]
		}
		last, found = pr, true
	}
	if ambiguous != nil {
		return *ambiguous, true
	}
	return last, found
}

// firstDrop returns the first dropped phase of res.
func firstDrop(res rules.Result) (rules.PhaseResult, bool) {
	for _, pr := range res.Phases {
		if pr.Outcome == rules.Drop {
			return pr, true
		}
	}
	return rules.PhaseResult{}, false
}
