package diff

import (
	"slices"
	"sort"
	"strings"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/ports"
)

// segment is a run of destination ports [lo, hi] one version answers
// alike, with the addresses its paths use.
type segment struct {
	lo, hi uint16
	side   Side
	refs   []string
}

// answerSegments answers the pair on n (from and to are the endpoint
// strings of that version, "" when absent, why says then why): one
// segment per port class of the answer, covering every compared port.
func answerSegments(n *analyzer.Network, from, to, why string, p pair, q Query) []segment {
	lo, hi := uint16(0), uint16(ports.Max)
	if !p.proto.HasPorts() {
		hi = 0
	} else if q.HasPort {
		lo, hi = q.Port, q.Port
	}
	if from == "" || to == "" {
		return []segment{{lo: lo, hi: hi, side: Side{Verdict: analyzer.NotApplicable, DecidedBy: why}}}
	}
	a, err := n.AnalyzePath(analyzer.Query{From: from, To: to, Protocol: p.proto, Port: q.Port,
		HasPort: q.HasPort && p.proto.HasPorts(), SNI: q.SNI, HTTPHost: q.HTTPHost})
	if err != nil {
		return []segment{{lo: lo, hi: hi, side: Side{Verdict: analyzer.NotApplicable, DecidedBy: err.Error()}}}
	}
	if len(a.PortRanges) == 0 {
		s, refs := sideOf(n, &a.Answer)
		return []segment{{lo: lo, hi: hi, side: s, refs: refs}}
	}
	out := make([]segment, len(a.PortRanges))
	for i, r := range a.PortRanges {
		s, refs := sideOf(n, &r.Answer)
		out[i] = segment{lo: uint16(r.From), hi: uint16(r.To), side: s, refs: refs}
	}
	return fillGaps(out, lo, hi)
}

// fillGaps makes segs cover lo-hi in order, whatever the engine answered:
// ports no range answers (which the engine's tests rule out) get an
// AMBIGUOUS segment that says so, never a guessed answer. Overlapping or
// unordered ranges are dropped from where they overlap.
func fillGaps(segs []segment, lo, hi uint16) []segment {
	missing := func(a, b int) segment {
		return segment{lo: uint16(a), hi: uint16(b), side: Side{Verdict: analyzer.Ambiguous,
			DecidedBy: "no answer for these ports (an engine error: please report it)"}}
	}
	var out []segment
	next := int(lo)
	for _, s := range segs {
		if int(s.hi) < next || next > int(hi) {
			continue
		}
		if int(s.lo) > next {
			out = append(out, missing(next, int(s.lo)-1))
		}
		s.lo = uint16(max(int(s.lo), next))
		s.hi = min(s.hi, hi)
		out = append(out, s)
		next = int(s.hi) + 1
	}
	if next <= int(hi) {
		out = append(out, missing(next, int(hi)))
	}
	return out
}

// comparePair compares one pair and returns its changes, the ports of
// each grouped by everything else (kind, detail, sides, causes), and
// whether some port is AMBIGUOUS in either version.
func comparePair(before, after *analyzer.Network, p pair, q Query, blocks []*BlockChange) ([]*Change, bool) {
	bs := answerSegments(before, p.beforeFrom, p.beforeTo, p.beforeWhy, p, q)
	as := answerSegments(after, p.afterFrom, p.afterTo, p.afterWhy, p, q)
	ambiguous := false
	for _, s := range append(append([]segment{}, bs...), as...) {
		ambiguous = ambiguous || s.side.Verdict == analyzer.Ambiguous
	}
	var out []*Change
	byKey := map[string]*Change{}
	var rs = map[*Change][]ports.Range{}
	overlay(bs, as, func(lo, hi uint16, b, a segment) {
		kind, detail, ok := classify(b.side, a.side)
		if !ok {
			return
		}
		c := &Change{From: p.from, To: p.to, Protocol: p.proto.String(), Kind: kind, Detail: detail,
			Before: b.side, After: a.side, Causes: causes(blocks, b.refs, a.refs, p), HasPorts: p.proto.HasPorts()}
		k := changeKey(c)
		if prev, ok := byKey[k]; ok {
			c = prev
		} else {
			byKey[k] = c
			out = append(out, c)
		}
		rs[c] = append(rs[c], ports.Range{Lo: lo, Hi: hi})
	})
	for _, c := range out {
		if c.HasPorts {
			c.Ports = ports.NewSet(rs[c]...)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		ki, kj := slices.Index(Kinds(), out[i].Kind), slices.Index(Kinds(), out[j].Kind)
		if ki != kj {
			return ki < kj
		}
		return firstPort(out[i]) < firstPort(out[j])
	})
	return out, ambiguous
}

func firstPort(c *Change) int {
	if rs := c.Ports.Ranges(); len(rs) > 0 {
		return int(rs[0].Lo)
	}
	return 0
}

// changeKey is what changes of one pair must share to be one Change.
func changeKey(c *Change) string {
	return strings.Join([]string{string(c.Kind), c.Detail, sideKey(c.Before), sideKey(c.After),
		strings.Join(c.Causes, ",")}, "\x00")
}

func sideKey(s Side) string {
	return strings.Join([]string{string(s.Verdict), s.DecidedBy, strings.Join(s.Firewalls, ","), s.Path}, "\x01")
}

// overlay calls f for each maximal run of ports on which both partitions
// have one segment each. bs and as cover the same ports in order.
func overlay(bs, as []segment, f func(lo, hi uint16, b, a segment)) {
	i, j := 0, 0
	for i < len(bs) && j < len(as) {
		lo := max(bs[i].lo, as[j].lo)
		hi := min(bs[i].hi, as[j].hi)
		if lo <= hi {
			f(lo, hi, bs[i], as[j])
		}
		switch {
		case bs[i].hi < as[j].hi:
			i++
		case as[j].hi < bs[i].hi:
			j++
		default:
			i, j = i+1, j+1
		}
	}
}

// causes returns the changed blocks that the before or after paths use,
// or the pair's endpoints are; when there are none, the changed local
// values (which change blocks' values without changing their text).
func causes(blocks []*BlockChange, before, after []string, p pair) []string {
	refs := append(append([]string{p.from, p.to}, before...), after...)
	var out, locals []string
	for _, b := range blocks {
		if strings.HasPrefix(b.Addr, "local.") {
			locals = append(locals, b.Addr)
			continue
		}
		for _, r := range refs {
			if r == b.Addr || strings.HasPrefix(r, b.Addr+".") {
				out = append(out, b.Addr)
				break
			}
		}
	}
	if len(out) == 0 {
		return locals
	}
	return out
}
