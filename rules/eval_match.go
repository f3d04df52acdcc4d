package rules

import (
	"net/netip"

	"go4.org/netipx"

	"github.com/vpcreach/vpcreach/ports"
)

// tri is a three-valued match result.
type tri uint8

const (
	triNo    tri = iota // the rule does not match
	triYes              // the rule matches
	triMaybe            // the rule may match: it depends on undecidable options
)

// Reasons a decidable condition could not be decided for one packet.
const (
	undecidedSNI uint8 = 1 << iota
	undecidedHost
	undecidedDNS
	undecidedDsize
	undecidedAppProto
)

// headerMatches reports whether pk's addresses and ports match the rule's
// header (either way round for <> rules). Transport and app protocol are
// checked by the index and conditions.
func (c *compiledRule) headerMatches(pk *packet) bool {
	if c.protos&maskOf(pk.l4) == 0 {
		return false
	}
	portful := pk.l4 == TCP || pk.l4 == UDP
	if !portful && (!c.sports.IsAll() || !c.dports.IsAll()) {
		return false
	}
	if c.oriented(pk.src, pk.dst, pk.sport, pk.dport, portful) {
		return true
	}
	return c.bidir && c.oriented(pk.dst, pk.src, pk.dport, pk.sport, portful)
}

// headerCache memoises address-set membership of one packet's addresses,
// by set id.
type headerCache struct {
	src, dst []int8 // 0 unknown, 1 in, 2 out
	pk       *packet
}

func newHeaderCache(n int, pk *packet) *headerCache {
	b := make([]int8, 2*n)
	return &headerCache{src: b[:n], dst: b[n:], pk: pk}
}

// contains reports whether address a (pk.src when fromSrc, else pk.dst)
// is in set s with id.
func (h *headerCache) contains(s *netipx.IPSet, id int32, fromSrc bool) bool {
	if s == nil {
		return true
	}
	memo, a := h.dst, h.pk.dst
	if fromSrc {
		memo, a = h.src, h.pk.src
	}
	if memo[id] == 0 {
		memo[id] = 2
		if s.Contains(a) {
			memo[id] = 1
		}
	}
	return memo[id] == 1
}

// headerMatchesCached is headerMatches with set membership memoised.
func (c *compiledRule) headerMatchesCached(pk *packet, h *headerCache) bool {
	if c.protos&maskOf(pk.l4) == 0 {
		return false
	}
	portful := pk.l4 == TCP || pk.l4 == UDP
	if !portful && (!c.sports.IsAll() || !c.dports.IsAll()) {
		return false
	}
	if h.contains(c.src, c.srcID, true) && h.contains(c.dst, c.dstID, false) &&
		(!portful || (inPorts(c.sports, pk.sport) && inPorts(c.dports, pk.dport))) {
		return true
	}
	return c.bidir && h.contains(c.src, c.srcID, false) && h.contains(c.dst, c.dstID, true) &&
		(!portful || (inPorts(c.sports, pk.dport) && inPorts(c.dports, pk.sport)))
}

func (c *compiledRule) oriented(src, dst netip.Addr, sport, dport uint16, portful bool) bool {
	if !inSet(c.src, src) || !inSet(c.dst, dst) {
		return false
	}
	return !portful || (inPorts(c.sports, sport) && inPorts(c.dports, dport))
}

func inSet(s *netipx.IPSet, a netip.Addr) bool { return s == nil || s.Contains(a) }

func inPorts(s ports.Set, p uint16) bool { return s.IsAll() || s.Contains(p) }

// conditions evaluates everything but the header on packet pk of flow f.
// For triMaybe, undecided tells which decidable conditions lacked a value.
func (c *compiledRule) conditions(pk *packet, ev *evaluation) (t tri, undecided uint8) {
	if c.typ == sigIPOnly && !pk.first {
		return triNo, 0
	}
	if c.app != "" && !sameApp(pk.app, c.app) {
		return triNo, 0
	}
	if (c.typ == sigAppLayer || c.typ == sigAppTx) && pk.app == "" {
		return triNo, 0
	}
	if !c.flowHolds(pk) {
		return triNo, 0
	}
	if c.payload && !pk.payload {
		return triNo, 0
	}
	if c.flags != nil && (pk.l4 != TCP || !c.flags.holds(pk.tcpFlags)) {
		return triNo, 0
	}
	if !c.icmpHolds(pk) {
		return triNo, 0
	}
	if c.ssl != nil && (pk.app != "tls" || (c.ssl.flags&pk.ssl)^c.ssl.mask == 0) {
		return triNo, 0
	}
	t = triYes
	if d := c.dsizeHolds(pk); d == triNo {
		return triNo, 0
	} else if d == triMaybe {
		t, undecided = triMaybe, undecided|undecidedDsize
	}
	if a := c.appProtoHolds(pk); a == triNo {
		return triNo, 0
	} else if a == triMaybe {
		t, undecided = triMaybe, undecided|undecidedAppProto
	}
	for _, b := range c.bufs {
		switch r, u := b.holds(pk, ev); r {
		case triNo:
			return triNo, 0
		case triMaybe:
			t, undecided = triMaybe, undecided|u
		}
	}
	if len(c.unsupported) > 0 {
		t = triMaybe
	}
	return t, undecided
}

// sameApp reports whether detected protocol have satisfies rule protocol want.
func sameApp(have, want string) bool {
	return have == want || (want == "http" && have == "http1")
}

func (c *compiledRule) flowHolds(pk *packet) bool {
	fl := &c.flow
	switch {
	case fl.established && !pk.established,
		fl.notEstablished && pk.established,
		fl.toServer && !pk.toServer,
		fl.toClient && pk.toServer,
		fl.onlyStream && !c.payload,
		fl.onlyFrag:
		return false
	}
	return true
}

func (c *compiledRule) icmpHolds(pk *packet) bool {
	if c.itype == nil && c.icode == nil {
		return true
	}
	if pk.l4 != ICMP {
		return false
	}
	return (c.itype == nil || c.itype.holds(pk.icmpType)) && (c.icode == nil || c.icode.holds(0))
}

func (c *compiledRule) dsizeHolds(pk *packet) tri {
	if c.dsize == nil {
		return triYes
	}
	if !pk.payload {
		return boolTri(c.dsize.holds(0))
	}
	switch all, none := c.dsize.positive(); {
	case all:
		return triYes
	case none:
		return triNo
	}
	return triMaybe
}

// appProtoHolds evaluates app-layer-protocol. Suricata matches it only once
// detection has a result for the packet's direction; for payload of no
// known protocol the result ("failed") is known at the client's data for
// nothing and later is not modelled: may-match.
func (c *compiledRule) appProtoHolds(pk *packet) tri {
	t := triYes
	for _, a := range c.appProtos {
		if pk.app == "" {
			// Unknown or failed detection: a positive test of a real
			// protocol cannot hold; a negated one (or "failed") may,
			// once detection has failed, which is not modelled.
			if (!a.negated && a.proto != "failed") || !pk.payload || (pk.l4 == TCP && pk.fromClient) {
				return triNo
			}
			t = triMaybe
			continue
		}
		if sameApp(pk.app, a.proto) == a.negated {
			return triNo
		}
	}
	return t
}

// holds evaluates a decidable buffer on pk.
func (b *bufferCond) holds(pk *packet, ev *evaluation) (tri, uint8) {
	if !pk.appBuffers || !sameApp(pk.app, b.kind.app()) {
		return triNo, 0
	}
	buf, known, present := ev.buffer(b)
	switch {
	case !known:
		return triMaybe, b.kind.undecidedBit()
	case !present:
		return triNo, 0 // the buffer is absent: nothing to inspect
	}
	return boolTri(matchItems(b.items, buf, 0)), 0
}

// app returns the application protocol that fills the buffer.
func (k bufferKind) app() string {
	switch k {
	case bufSNI:
		return "tls"
	case bufHost:
		return "http"
	}
	return "dns"
}

func (k bufferKind) undecidedBit() uint8 {
	switch k {
	case bufSNI:
		return undecidedSNI
	case bufHost:
		return undecidedHost
	}
	return undecidedDNS
}

func boolTri(b bool) tri {
	if b {
		return triYes
	}
	return triNo
}

// undecidedOptions names the options that made c may-match on a packet.
// The result may share c's storage: callers must not modify it.
func (c *compiledRule) undecidedOptions(undecided uint8) []string {
	if undecided == 0 {
		return c.unsupported
	}
	out := append([]string(nil), c.unsupported...)
	for _, x := range []struct {
		bit  uint8
		name string
	}{{undecidedSNI, "tls.sni"}, {undecidedHost, "http.host"}, {undecidedDNS, "dns.query"},
		{undecidedDsize, "dsize"}, {undecidedAppProto, "app-layer-protocol"}} {
		if undecided&x.bit != 0 {
			out = append(out, x.name)
		}
	}
	return out
}
