package rules

// latchState is the action Suricata has latched on a flow.
type latchState uint8

const (
	latchNone latchState = iota
	latchPass
	latchDrop
)

// maxAssumed caps the may-match rules a world remembers as its cause.
const maxAssumed = 64

// walkState is one branch of the rule walk over one packet.
type walkState struct {
	latch   latchState
	latchBy *compiledRule
	dropped bool
	done    bool // a pass ended the walk
	decider *compiledRule
	// assumed are may-match rules taken as matching on this branch.
	assumed  []*compiledRule
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
func (s *walkState) apply(c *compiledRule, pk *packet) {
	latches := c.typ.latchesFlow(pk.l4 == TCP)
	switch c.action {
	case ActionDrop, ActionReject:
		if !s.dropped {
			s.dropped, s.decider = true, c
		}
		if latches && s.latch == latchNone {
			s.latch, s.latchBy = latchDrop, c
		}
	case ActionPass:
		if latches && s.latch == latchNone {
			s.latch, s.latchBy = latchPass, c
		}
		if !s.dropped {
			s.decider = c
		}
		s.done = true
	}
}

// walkResult is the outcome of one branch of a packet's rule walk.
type walkResult = walkState

// mayHit records a may-match rule met during a walk.
type mayHit struct {
	rule    *compiledRule
	options []string
}

// walk runs the rules at positions cands (evaluation order) on packet pk
// of flow f, forking at may-match rules and merging branches that agree on
// (latch, dropped, done). It returns the branches, the baseline first, and
// reports every may-match rule met while some branch was still walking.
func walk(rs []*compiledRule, cands []int32, pk *packet, f *Flow, ev *evaluation) []walkResult {
	states := []walkState{{baseline: true}}
	for _, ci := range cands {
		c := rs[ci]
		t, undecided := c.conditions(pk, f)
		if t == triMaybe && ev.resolve != nil {
			if m, ok := ev.resolve(c.rule); ok {
				t = boolTri(m)
			}
		}
		if t == triNo {
			continue
		}
		if t == triMaybe {
			ev.hit(mayHit{rule: c, options: c.undecidedOptions(undecided)})
		}
		states = step(states, c, t, pk)
		if allDone(states) {
			break
		}
	}
	return states
}

func step(states []walkState, c *compiledRule, t tri, pk *packet) []walkState {
	out := make([]walkState, 0, len(states)*2)
	for _, s := range states {
		if s.done {
			out = append(out, s)
			continue
		}
		if t == triYes {
			s.apply(c, pk)
			out = append(out, s)
			continue
		}
		out = append(out, s)
		s2 := s
		s2.baseline = false
		s2.assumed = appendAssumed(s.assumed, c)
		s2.apply(c, pk)
		out = append(out, s2)
	}
	return mergeStates(out)
}

// mergeStates keeps one state per key: the baseline if present (its
// deciders stand), else the first, with the assumed rules of the merged
// ones added (capped).
func mergeStates(in []walkState) []walkState {
	var out []walkState
	for _, s := range in {
		merged := false
		for i := range out {
			if out[i].key() != s.key() {
				continue
			}
			switch {
			case s.baseline:
				out[i] = s
			case out[i].baseline:
			default:
				out[i].assumed = unionAssumed(out[i].assumed, s.assumed)
			}
			merged = true
			break
		}
		if !merged {
			out = append(out, s)
		}
	}
	return out
}

func allDone(states []walkState) bool {
	for i := range states {
		if !states[i].done {
			return false
		}
	}
	return true
}

func appendAssumed(a []*compiledRule, c *compiledRule) []*compiledRule {
	out := make([]*compiledRule, 0, len(a)+1)
	out = append(out, a...)
	if len(out) < maxAssumed {
		out = append(out, c)
	}
	return out
}

func unionAssumed(a, b []*compiledRule) []*compiledRule {
	if len(b) == 0 {
		return a
	}
	out := append([]*compiledRule(nil), a...)
	for _, c := range b {
		if len(out) >= maxAssumed {
			break
		}
		found := false
		for _, x := range out {
			if x == c {
				found = true
				break
			}
		}
		if !found {
			out = append(out, c)
		}
	}
	return out
}
