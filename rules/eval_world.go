package rules

import (
	"math/bits"
	"sort"
)

// world is one consistent assignment of the may-match rules met so far:
// the flow's latched action, which forwarded phases dropped, and what
// decided each of them. Worlds that agree on (latch, drops) are merged, so
// there are at most 3 x 2^phases of them.
type world struct {
	latch     latchState
	latchBy   *compiledRule
	latchAt   Phase
	drops     uint32 // bit j: forwarded phase j dropped
	decisions []Decision
	// first is the earliest may-match rule taken as matching (nil on the
	// baseline world).
	first    *compiledRule
	baseline bool
}

// latched extends w by a phase decided by its latched flow action.
func (w *world) latched(pk *packet, j int) *world {
	n := w.clone()
	d := Decision{Kind: DecidedByLatch, Outcome: Pass, Action: w.latchBy.action, LatchedAt: w.latchAt}
	if w.latch == latchDrop {
		d.Outcome = Drop
		n.drops |= 1 << j
	}
	setRule(&d, w.latchBy)
	n.decisions = append(n.decisions, d)
	return n
}

// after extends w (not latched) by the walk branch r on phase j.
func (w *world) after(r *walkResult, pk *packet, j int, ev *evaluation) *world {
	n := w.clone()
	n.baseline = w.baseline && r.baseline
	if n.first == nil {
		n.first = r.first
	}
	if r.latch != latchNone {
		n.latch, n.latchBy, n.latchAt = r.latch, r.latchBy, pk.phase
	}
	d := Decision{Kind: DecidedByNoMatch, Outcome: Pass, DefaultAction: ev.p.defaults.names}
	switch {
	case r.dropped:
		d = ruleDecision(r.decider, Drop)
		n.drops |= 1 << j
	case r.done:
		d = ruleDecision(r.decider, Pass)
	}
	if r.deciderAssumed && (r.dropped || r.done) {
		d.Unsupported = ev.options(r.decider)
	}
	n.decisions = append(n.decisions, d)
	return n
}

func (w *world) clone() *world {
	n := *w
	n.decisions = append(make([]Decision, 0, len(w.decisions)+1), w.decisions...)
	return &n
}

// ruleDecision is the decision of rule c matching a packet.
func ruleDecision(c *compiledRule, o Outcome) Decision {
	d := Decision{Kind: DecidedByRule, Outcome: o, Action: c.action}
	setRule(&d, c)
	if c.def != "" {
		d.Kind = DecidedByDefault
	}
	return d
}

// setRule names c in d: the rule, or the default action c stands for.
func setRule(d *Decision, c *compiledRule) {
	if c.def != "" {
		d.DefaultAction = c.def
		return
	}
	d.Rule = c.rule
}

// mergeWorlds keeps one world per (latch, drops), preferring the baseline.
func mergeWorlds(in []*world) []*world {
	type key struct {
		latch latchState
		drops uint32
	}
	idx := map[key]int{}
	var out []*world
	for _, w := range in {
		k := key{w.latch, w.drops}
		i, ok := idx[k]
		switch {
		case !ok:
			idx[k] = len(out)
			out = append(out, w)
		case w.baseline:
			out[i] = w
		case !out[i].baseline && w.first.pos < out[i].first.pos:
			out[i] = w
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].baseline && !out[j].baseline })
	return out
}

// fill sets the stateful phases, the verdict and the may-match list of res
// from the final worlds (baseline first).
func (ev *evaluation) fill(res *Result, worlds []*world, fwdAt []int) {
	base := worlds[0]
	for j, at := range fwdAt {
		ph := &res.Phases[at]
		ph.Decision = base.decisions[j]
		ph.Outcome = base.decisions[j].Outcome
		for _, w := range worlds[1:] {
			d := w.decisions[j]
			if d.Outcome != ph.Decision.Outcome {
				ph.Outcome = Ambiguous
				ph.Alternatives = appendDecision(ph.Alternatives, d)
			}
		}
	}
	fixedDrop := false
	for i := range res.Phases {
		if !isForwarded(fwdAt, i) && res.Phases[i].Outcome == Drop {
			fixedDrop = true
		}
	}
	verdict := func(w *world) Outcome {
		if fixedDrop || w.drops != 0 {
			return Drop
		}
		return Pass
	}
	res.Verdict = verdict(base)
	changes := map[*compiledRule]bool{}
	for _, w := range worlds[1:] {
		if verdict(w) != verdict(base) {
			res.Verdict = Ambiguous
			changes[w.first] = true
		}
	}
	res.MayMatch = ev.mayMatch(changes)
}

func isForwarded(fwdAt []int, i int) bool {
	for _, x := range fwdAt {
		if x == i {
			return true
		}
	}
	return false
}

func appendDecision(ds []Decision, d Decision) []Decision {
	for _, x := range ds {
		if x.Kind == d.Kind && x.Rule == d.Rule && x.DefaultAction == d.DefaultAction && x.Outcome == d.Outcome {
			return ds
		}
	}
	return append(ds, d)
}

// mayMatch lists the may-match rules met, in evaluation order.
func (ev *evaluation) mayMatch(changes map[*compiledRule]bool) []MayMatch {
	n := 0
	for _, word := range ev.seen {
		n += bits.OnesCount64(word)
	}
	if n == 0 {
		return nil
	}
	out := make([]MayMatch, 0, n)
	for w, word := range ev.seen {
		for word != 0 {
			b := bits.TrailingZeros64(word)
			word &^= 1 << b
			c := ev.p.rules[w*64+b]
			m := MayMatch{Rule: c.rule, Options: c.unsupported}
			if len(ev.undecided) > 0 {
				m.Options = ev.options(c)
			}
			if len(changes) > 0 {
				m.ChangesOutcome = changes[c]
			}
			out = append(out, m)
		}
	}
	return out
}

// options returns the undecided options of may-match rule c.
func (ev *evaluation) options(c *compiledRule) []string {
	return c.undecidedOptions(ev.undecided[c.pos])
}
