package rules

// latchState is the action Suricata has latched on a flow.
type latchState uint8

const (
	latchNone latchState = iota
	latchPass
	latchDrop
)

// walkState is one branch of the rule walk over one packet.
type walkState struct {
	latch   latchState
	latchBy *compiledRule
	dropped bool
	done    bool // a pass ended the walk
	decider *compiledRule
	// deciderAssumed: the decider is a may-match rule taken as matching.
	deciderAssumed bool
	// first is the earliest may-match rule taken as matching on this
	// branch (nil on the baseline).
	first    *compiledRule
	baseline bool
}

func (s *walkState) key() uint8 {
	k := uint8(s.latch) << 2
	if s.dropped {
		k |= 1
	}
	if s.done {
		k |= 2
	}
	return k
}

// apply applies rule c matching packet pk (PacketAlertFinalize): a drop
// or reject drops the packet and the walk goes on; a pass ends it; a rule
// whose type latches sets the flow action if none is set yet.
func (s *walkState) apply(c *compiledRule, pk *packet, assumed bool) {
	latches := c.typ.latchesFlow(pk.l4 == TCP)
	switch c.action {
	case ActionDrop, ActionReject:
		if !s.dropped {
			s.dropped, s.decider, s.deciderAssumed = true, c, assumed
		}
		if latches && s.latch == latchNone {
			s.latch, s.latchBy = latchDrop, c
		}
	case ActionPass:
		if latches && s.latch == latchNone {
			s.latch, s.latchBy = latchPass, c
		}
		if !s.dropped {
			s.decider, s.deciderAssumed = c, assumed
		}
		s.done = true
	}
}

// walkResult is the outcome of one branch of a packet's rule walk.
type walkResult = walkState

// walk runs the rules at positions cands (evaluation order) on packet pk
// of the evaluated flow, forking at may-match rules and merging branches that agree on
// (latch, dropped, done), then the policy's drop default action on the
// branches no rule decided. It returns the branches, the baseline first, and
// reports every may-match rule met while some branch was still walking.
func walk(rs []*compiledRule, cands []int32, pk *packet, ev *evaluation) []walkResult {
	var bufA, bufB [maxWalkStates]walkState
	states := append(bufA[:0], walkState{baseline: true})
	next := bufB[:0]
	for _, ci := range cands {
		c := rs[ci]
		t, undecided := c.conditions(pk, ev)
		if t == triMaybe && ev.resolve != nil {
			if m, ok := ev.resolve(c.rule); ok {
				t = boolTri(m)
			}
		}
		if t == triNo {
			continue
		}
		if t == triMaybe {
			ev.hit(c, undecided)
		}
		next = step(next[:0], states, c, t, pk)
		states, next = next, states
		if allDone(states) {
			break
		}
	}
	ev.p.defaults.finish(states, pk)
	return append([]walkResult(nil), states...)
}

// maxWalkStates bounds the branches of a walk: 3 latches x dropped x done.
const maxWalkStates = 12

// step applies rule c (match t) to every branch still walking, into out.
func step(out, states []walkState, c *compiledRule, t tri, pk *packet) []walkState {
	for _, s := range states {
		if s.done {
			out = addState(out, s)
			continue
		}
		if t == triYes {
			s.apply(c, pk, false)
			out = addState(out, s)
			continue
		}
		s2 := s
		out = addState(out, s)
		s2.baseline = false
		if s2.first == nil {
			s2.first = c
		}
		s2.apply(c, pk, true)
		out = addState(out, s2)
	}
	return out
}

// addState adds s to out, merging it with a branch of the same key: the
// baseline is kept (its deciders stand), else the branch whose first
// assumed rule comes first.
func addState(out []walkState, s walkState) []walkState {
	for i := range out {
		if out[i].key() != s.key() {
			continue
		}
		if s.baseline || (!out[i].baseline && s.first.pos < out[i].first.pos) {
			out[i] = s
		}
		return out
	}
	return append(out, s)
}

func allDone(states []walkState) bool {
	for i := range states {
		if !states[i].done {
			return false
		}
	}
	return true
}
