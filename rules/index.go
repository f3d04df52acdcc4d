package rules

import "go4.org/netipx"

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
	// nsets is the number of distinct address sets (compiledRule.srcID,
	// dstID; 0 is "any").
	nsets int
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
	ix := &ruleIndex{buckets: map[bucketKey]*portIndex{}}
	ids := map[*netipx.IPSet]int32{}
	id := func(s *netipx.IPSet) int32 {
		if s == nil {
			return 0
		}
		if n, ok := ids[s]; ok {
			return n
		}
		ids[s] = int32(len(ids) + 1)
		return ids[s]
	}
	for _, c := range rs {
		c.srcID, c.dstID = id(c.src), id(c.dst)
	}
	ix.nsets = len(ids) + 1
	for _, c := range rs {
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
// packets of one direction of a flow share them); of the domain rules
// (see index_keyed.go), only those whose key fits f's known values.
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
	hc := newHeaderCache(ix.nsets, pk)
	out := make([]int32, 0, 64)
	mergeEach(lists, func(i int32) {
		if rs[i].headerMatchesCached(pk, hc) {
			out = append(out, i)
		}
	})
	return out
}

// mergeEach calls yield with each value of the ascending lists once, in
// ascending order.
func mergeEach(lists [][]int32, yield func(int32)) {
	heads := make([]int, len(lists))
	last := int32(-1)
	for {
		best := -1
		for i, l := range lists {
			if heads[i] < len(l) && (best < 0 || l[heads[i]] < lists[best][heads[best]]) {
				best = i
			}
		}
		if best < 0 {
			return
		}
		v := lists[best][heads[best]]
		heads[best]++
		if v != last {
			yield(v)
			last = v
		}
	}
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
