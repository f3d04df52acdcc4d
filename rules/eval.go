package rules

import "github.com/vpcreach/vpcreach/policyspec"

// Notes attached to results of asymmetric flows.
const (
	noteClientOnly = "the firewall endpoint sees only the client's packets: the flow never becomes established, so application-layer rules, flow:established rules and aws:drop_established are not enforced (fail-open), and an idle connection is cut after the stateful engine's new-flow timeout"
	noteMidstream  = "the firewall endpoint sees the flow without its start (midstream); with stream exception policy CONTINUE only address/port rules and aws:drop_strict act on it"
	noteOneWay     = "the firewall endpoint sees one direction of this flow only: it is never established, so only address/port rules and aws:drop_strict act on it"
	notePartial    = "the stateless engine forwards only some of this flow's packets to the stateful engine; they are judged as if the flow were seen in both directions"
)

// Evaluate decides the flow f at this policy's firewall: the stateless
// engine first, per packet; then, for the packets it forwards, the stateful
// engine phase by phase (see the package documentation and engine
// semantics §2). Undecidable rules fork the evaluation into worlds; the
// verdict is Pass or Drop when every world agrees, else Ambiguous.
//
// Results are memoised by flow, up to addresses the rules do not tell
// apart: the Result may be shared with other calls, so the caller must not
// modify it. Evaluate is safe for concurrent use.
func (p *Policy) Evaluate(f Flow) Result {
	p.ensure()
	k := p.cache.key(f)
	if r, ok := p.cache.get(k); ok {
		return r
	}
	r := p.evaluate(f, nil, false)
	p.cache.put(k, r)
	return r
}

// evaluate is Evaluate with resolve, which may settle may-match rules (the
// differential test knows which payload contents match): ok reports
// whether it knows, match the answer. linear replaces the index by a plain
// scan of every rule (the property test's reference).
func (p *Policy) evaluate(f Flow, resolve func(*Rule) (match, ok bool), linear bool) Result {
	p.ensure()
	f.Client, f.Server = f.Client.Unmap(), f.Server.Unmap()
	all := flowPackets(&f)
	var seen, fwd []*packet
	for i := range all {
		if all[i].seen(f.Visibility) {
			seen = append(seen, &all[i])
		}
	}
	res := Result{Phases: make([]PhaseResult, len(seen))}
	fwdAt := make([]int, 0, len(seen)) // index in res.Phases of each forwarded packet
	for i, pk := range seen {
		res.Phases[i].Phase = pk.phase
		action, r := p.stateless.decide(pk)
		if action == statelessForward {
			fwd = append(fwd, pk)
			fwdAt = append(fwdAt, i)
			continue
		}
		d := p.stateless.decision(action, r)
		res.Phases[i].Outcome, res.Phases[i].Decision = d.Outcome, d
	}
	mode := statefulView(&f, fwd)
	if len(fwd) > 0 && len(fwd) < len(seen) && mode == modeBoth {
		res.Notes = append(res.Notes, notePartial)
	}
	if mode == modeMidstream && p.streamException != policyspec.StreamContinue {
		p.streamExceptionDrops(&res, fwd, fwdAt)
		res.Verdict = Drop
		return res
	}
	ev := &evaluation{p: p, f: &f, resolve: resolve, linear: linear}
	worlds := ev.run(fwd)
	ev.fill(&res, worlds, fwdAt)
	switch {
	case mode == modeClientOnly:
		res.Notes = append(res.Notes, noteClientOnly)
	case mode == modeMidstream:
		res.Notes = append(res.Notes, noteMidstream)
	case mode == modeOneWay:
		res.Notes = append(res.Notes, noteOneWay)
	}
	return res
}

// streamExceptionDrops drops every forwarded packet of a midstream TCP flow
// under stream exception policy DROP or REJECT, before any rule.
func (p *Policy) streamExceptionDrops(res *Result, fwd []*packet, fwdAt []int) {
	action := ActionDrop
	if p.streamException == policyspec.StreamReject {
		action = ActionReject
	}
	for j := range fwd {
		ph := &res.Phases[fwdAt[j]]
		ph.Outcome = Drop
		ph.Decision = Decision{Kind: DecidedByStreamException, Outcome: Drop, Action: action}
	}
}

// evaluation is the state of one Evaluate call.
type evaluation struct {
	p *Policy
	f *Flow
	// seen marks the may-match rules met, by position; undecided holds
	// their undecided-value bits when not zero.
	seen      []uint64
	undecided map[int]uint8
	resolve   func(*Rule) (match, ok bool)
	// linear scans every rule instead of using the index (tests).
	linear bool
	bufs   bufferCache
}

// buffer returns the flow's value for buffer b (see bufferCache.get).
func (ev *evaluation) buffer(b *bufferCond) ([]byte, bool, bool) {
	return ev.bufs.get(b, ev.f)
}

// hit records may-match rule c met during a walk.
func (ev *evaluation) hit(c *compiledRule, undecided uint8) {
	if ev.seen == nil {
		ev.seen = make([]uint64, len(ev.p.rules)/64+1)
	}
	w, b := c.pos/64, uint64(1)<<(c.pos%64)
	if ev.seen[w]&b != 0 {
		return
	}
	ev.seen[w] |= b
	if undecided != 0 {
		if ev.undecided == nil {
			ev.undecided = map[int]uint8{}
		}
		ev.undecided[c.pos] = undecided
	}
}

// run evaluates the forwarded packets in order and returns the final
// worlds, the baseline first.
func (ev *evaluation) run(fwd []*packet) []*world {
	worlds := []*world{{baseline: true}}
	cands := map[bool][]int32{}
	app := ""
	for _, pk := range fwd {
		if pk.app != "" {
			app = pk.app
		}
	}
	for j, pk := range fwd {
		c, ok := cands[pk.fromClient]
		if !ok {
			if ev.linear {
				c = linearCandidates(ev.p.rules, pk, app)
			} else {
				c = ev.p.index.candidates(ev.p.rules, pk, app, ev.f)
			}
			cands[pk.fromClient] = c
		}
		var results []walkResult
		next := make([]*world, 0, len(worlds)*2)
		for _, w := range worlds {
			if w.latch != latchNone {
				next = append(next, w.latched(pk, j))
				continue
			}
			if results == nil {
				results = walk(ev.p.rules, c, pk, ev)
			}
			for i := range results {
				next = append(next, w.after(&results[i], pk, j, ev))
			}
		}
		worlds = mergeWorlds(next)
	}
	return worlds
}
