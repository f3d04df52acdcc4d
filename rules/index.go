package rules

import (
	"net/netip"

	"go4.org/netipx"
)

// narrowPorts is the largest destination-port set indexed port by port;
// wider sets go to the bucket's wide list.
const narrowPorts = 64

// ruleIndex finds the rules that can match a packet without scanning the
// others: one bucket per transport and rule app protocol, each holding
// candidate lists by destination port plus a list of rules whose ports
// are wide, in evaluation order. Alert rules never change an outcome and
// are left out.
type ruleIndex struct {
	buckets map[bucketKey]*portIndex
	// sets are the distinct address sets of the indexed rules; srcSet and
	// dstSet give, by rule position, the index in sets of the rule's
	// source and destination (-1: any). Rules share sets (a variable, or
	// the same address text in a group), so candidates tests each set once
	// per packet address instead of once per rule.
	sets           []*netipx.IPSet
	srcSet, dstSet []int32
	// single[k] is set k's prefix when the set is exactly one prefix (the
	// common case: a CIDR, HOME_NET), tested without the set's search.
	single []netip.Prefix
}

type bucketKey struct {
	l4  protoMask
	app string
}

type portIndex struct {
	wide   ruleList
	byPort map[uint16]*ruleList
}

// buildIndex indexes rs (in evaluation order, rs[i].pos == i).
func buildIndex(rs []*compiledRule) *ruleIndex {
	ix := &ruleIndex{buckets: map[bucketKey]*portIndex{},
		srcSet: make([]int32, len(rs)), dstSet: make([]int32, len(rs))}
	ids := map[*netipx.IPSet]int32{}
	id := func(s *netipx.IPSet) int32 {
		if s == nil {
			return -1
		}
		n, ok := ids[s]
		if !ok {
			n = int32(len(ix.sets))
			ids[s] = n
			ix.sets = append(ix.sets, s)
			var one netip.Prefix
			if ps := s.Prefixes(); len(ps) == 1 {
				one = ps[0]
			}
			ix.single = append(ix.single, one)
		}
		return n
	}
	for _, c := range rs {
		ix.srcSet[c.pos], ix.dstSet[c.pos] = id(c.src), id(c.dst)
		if c.action == ActionAlert {
			continue
		}
		for _, bit := range []protoMask{maskTCP, maskUDP, maskICMP, maskOther} {
			if c.protos&bit == 0 {
				continue
			}
			ix.bucket(bucketKey{bit, c.app}).add(c, bit)
		}
	}
	return ix
}

func (ix *ruleIndex) bucket(k bucketKey) *portIndex {
	b := ix.buckets[k]
	if b == nil {
		b = &portIndex{byPort: map[uint16]*ruleList{}}
		ix.buckets[k] = b
	}
	return b
}

func (b *portIndex) add(c *compiledRule, l4 protoMask) {
	n := 0
	for _, r := range c.dports.Ranges() {
		n += int(r.Hi-r.Lo) + 1
	}
	if c.bidir || l4&(maskTCP|maskUDP) == 0 || n > narrowPorts {
		b.wide.add(c)
		return
	}
	for _, r := range c.dports.Ranges() {
		for p := uint32(r.Lo); p <= uint32(r.Hi); p++ {
			l := b.byPort[uint16(p)]
			if l == nil {
				l = &ruleList{}
				b.byPort[uint16(p)] = l
			}
			l.add(c)
		}
	}
}

// candidates returns, in evaluation order, the non-alert rules of rs whose
// transport, app protocol and header can match packets like pk (all
// packets of one direction of a flow share them), leaving out the domain
// rules whose key does not fit f's values (see ruleList).
func (ix *ruleIndex) candidates(rs []*compiledRule, pk *packet, app string, f *Flow) []int32 {
	apps := []string{""}
	if app != "" {
		apps = append(apps, app)
	}
	fv := newFlowValues(f)
	var lists [][]int32
	for _, a := range apps {
		b := ix.buckets[bucketKey{maskOf(pk.l4), a}]
		if b == nil {
			continue
		}
		lists = b.wide.appendSelected(lists, &fv)
		if l := b.byPort[pk.dport]; l != nil && (pk.l4 == TCP || pk.l4 == UDP) {
			lists = l.appendSelected(lists, &fv)
		}
	}
	merged := mergeSorted(lists)
	out := merged[:0]
	m := setMemo{ix: ix, addrs: [2]netip.Addr{pk.src, pk.dst}, known: make([]uint8, 2*len(ix.sets))}
	for _, i := range merged {
		if m.headerMatches(rs[i], pk) {
			out = append(out, i)
		}
	}
	return out
}

// setMemo answers "is address addrs[w] in set k" for the sets of an index,
// each question once: known[2k+w] is 0 (not asked yet), 1 (no) or 2 (yes).
type setMemo struct {
	ix    *ruleIndex
	addrs [2]netip.Addr // the packet's source (0) and destination (1)
	known []uint8
}

// in reports whether addrs[w] is in set k (k < 0: any address).
func (m *setMemo) in(k int32, w int) bool {
	if k < 0 {
		return true
	}
	if p := m.ix.single[k]; p.IsValid() {
		return p.Contains(m.addrs[w])
	}
	slot := &m.known[2*int(k)+w]
	if *slot == 0 {
		*slot = 1
		if m.ix.sets[k].Contains(m.addrs[w]) {
			*slot = 2
		}
	}
	return *slot == 2
}

// headerMatches is compiledRule.headerMatches with memoised set lookups.
func (m *setMemo) headerMatches(c *compiledRule, pk *packet) bool {
	if c.protos&maskOf(pk.l4) == 0 {
		return false
	}
	portful := pk.l4 == TCP || pk.l4 == UDP
	if !portful && (!c.sports.IsAll() || !c.dports.IsAll()) {
		return false
	}
	src, dst := m.ix.srcSet[c.pos], m.ix.dstSet[c.pos]
	if m.in(dst, 1) && m.in(src, 0) && (!portful || (inPorts(c.sports, pk.sport) && inPorts(c.dports, pk.dport))) {
		return true
	}
	return c.bidir && m.in(dst, 0) && m.in(src, 1) &&
		(!portful || (inPorts(c.sports, pk.dport) && inPorts(c.dports, pk.sport)))
}

// mergeSorted merges ascending lists into one new ascending list without
// duplicates (the lists are the index's own: they are never modified). It
// merges pairwise, skipping empty lists, so the common case of one or two
// non-empty lists costs a copy or one linear merge.
func mergeSorted(lists [][]int32) []int32 {
	n := 0
	for _, l := range lists {
		n += len(l)
	}
	out := make([]int32, 0, n)
	var tmp []int32
	for _, l := range lists {
		switch {
		case len(l) == 0:
		case len(out) == 0:
			out = appendUnique(out, l)
		default:
			if tmp == nil {
				tmp = make([]int32, 0, n)
			}
			tmp = merge2(tmp[:0], out, l)
			out, tmp = tmp, out
		}
	}
	return out
}

// appendUnique appends ascending l to out, dropping repeats.
func appendUnique(out, l []int32) []int32 {
	for _, v := range l {
		if len(out) == 0 || out[len(out)-1] != v {
			out = append(out, v)
		}
	}
	return out
}

// merge2 appends the ascending merge of a and b to out, without duplicates.
func merge2(out, a, b []int32) []int32 {
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		var v int32
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			v, i = a[i], i+1
		case i == len(a) || b[j] < a[i]:
			v, j = b[j], j+1
		default: // equal
			v, i, j = a[i], i+1, j+1
		}
		if len(out) == 0 || out[len(out)-1] != v {
			out = append(out, v)
		}
	}
	return out
}

// linearCandidates is the plain scan the index must agree with: every
// non-alert rule whose transport, app protocol and header can match pk.
func linearCandidates(rs []*compiledRule, pk *packet, app string) []int32 {
	var out []int32
	for _, c := range rs {
		if c.action != ActionAlert && (c.app == "" || c.app == app) && c.headerMatches(pk) {
			out = append(out, int32(c.pos))
		}
	}
	return out
}
