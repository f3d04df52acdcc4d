package syntax

import (
	"net/netip"
	"strconv"
	"strings"
)

// parseAddr parses an address field: one element, or elements separated
// by commas (a group, bracketed or not).
func (p *ruleParser) parseAddr(f span) AddrExpr {
	if !p.hasTopComma(f) {
		return p.addrElem(f)
	}
	return p.addrGroup(f, p.splitList(f.lo, f.hi, addrList))
}

// addrGroup builds a group node over the given element spans.
func (p *ruleParser) addrGroup(whole span, elems []span) AddrExpr {
	g := AddrExpr{Kind: AddrGroup, Range: p.m.rng(whole.lo, whole.hi)}
	if len(elems) == 0 {
		p.errorf(whole.lo, whole.hi, "Empty address list",
			"The list %q holds no address; Suricata rejects a rule whose addresses are empty.", p.s[whole.lo:whole.hi])
		return g
	}
	g.Elems = make([]AddrExpr, len(elems))
	for i, el := range elems {
		g.Elems[i] = p.addrElem(el)
	}
	return g
}

// addrElem parses one element: optional '!' then any, $VAR, @REF, a
// bracketed list, an address, a CIDR or an IPv4 range.
func (p *ruleParser) addrElem(sp span) AddrExpr {
	whole := sp
	sp, neg := p.negation(sp)
	var e AddrExpr
	switch {
	case sp.lo >= sp.hi:
		p.errorf(whole.lo, whole.hi, "Invalid address",
			"Expected an address after '!', such as !10.0.0.0/8 or !$HOME_NET.")
		e.Kind = AddrAny
	case p.s[sp.lo] == '[':
		body, _ := p.groupBody(sp, addrList)
		e = p.addrGroup(sp, p.splitList(body.lo, body.hi, addrList))
	case p.isAny(sp):
		e.Kind = AddrAny
	case p.s[sp.lo] == '$' || p.s[sp.lo] == '@':
		e.Kind = AddrVar
		if p.s[sp.lo] == '@' {
			e.Kind = AddrRef
		}
		e.Name, _ = p.varName(sp, p.s[sp.lo])
	default:
		e = p.addrLiteral(sp)
	}
	e.Negated = neg
	e.Range = p.m.rng(whole.lo, whole.hi)
	return e
}

// addrLiteral parses an address, a CIDR or a "first-last" IPv4 range.
func (p *ruleParser) addrLiteral(sp span) AddrExpr {
	text := p.s[sp.lo:sp.hi]
	if i := strings.IndexByte(text, '-'); i >= 0 {
		return p.addrRange(sp, i)
	}
	addrText, bitsText, hasBits := strings.Cut(text, "/")
	addr, ok := p.parseIP(span{sp.lo, sp.lo + len(addrText)})
	if !ok {
		return AddrExpr{Kind: AddrAny}
	}
	bits := addr.BitLen()
	if hasBits {
		bits, ok = p.prefixBits(addr, bitsText, span{sp.hi - len(bitsText), sp.hi})
		if !ok {
			return AddrExpr{Kind: AddrAny}
		}
	}
	return AddrExpr{Kind: AddrPrefix, Prefix: netip.PrefixFrom(addr, bits)}
}

// addrRange parses "first-last" (IPv4 only, as Suricata 7 accepts).
func (p *ruleParser) addrRange(sp span, dash int) AddrExpr {
	first, ok1 := p.parseIP(span{sp.lo, sp.lo + dash})
	last, ok2 := p.parseIP(span{sp.lo + dash + 1, sp.hi})
	if !ok1 || !ok2 {
		return AddrExpr{Kind: AddrAny}
	}
	text := p.s[sp.lo:sp.hi]
	switch {
	case !first.Is4() || !last.Is4():
		p.errorf(sp.lo, sp.hi, "Invalid address range",
			"Suricata accepts address ranges for IPv4 only, not %q; write the range as CIDR blocks.", Clip(text))
	case last.Less(first):
		p.errorf(sp.lo, sp.hi, "Invalid address range",
			"The range %q ends before it starts; write the lower address first.", Clip(text))
	default:
		return AddrExpr{Kind: AddrRange, First: first, Last: last}
	}
	return AddrExpr{Kind: AddrAny}
}

// parseIP parses a single IPv4 or IPv6 address without zone.
func (p *ruleParser) parseIP(sp span) (netip.Addr, bool) {
	text := p.s[sp.lo:sp.hi]
	a, err := netip.ParseAddr(text)
	if err != nil || a.Zone() != "" {
		p.errorf(sp.lo, sp.hi, "Invalid address",
			"%q is not an IP address; expected any, an IPv4 or IPv6 address or CIDR (10.0.0.0/8, 2001:db8::/32), a range (10.0.0.1-10.0.0.9), a list in brackets, $VARIABLE or @REFERENCE.",
			Clip(text))
		return netip.Addr{}, false
	}
	return a, true
}

// prefixBits parses the part after '/': a prefix length, or for IPv4 a
// dotted netmask (255.255.255.0), which Suricata also accepts.
func (p *ruleParser) prefixBits(addr netip.Addr, text string, sp span) (int, bool) {
	if n, err := strconv.Atoi(text); err == nil && text[0] != '+' && text[0] != '-' && n <= addr.BitLen() {
		return n, true
	}
	if addr.Is4() {
		if m, err := netip.ParseAddr(text); err == nil && m.Is4() {
			if n, ok := maskBits(m); ok {
				return n, true
			}
		}
	}
	hint := ""
	if addr.Is4() {
		hint = " or a netmask such as 255.255.255.0"
	}
	p.errorf(sp.lo, sp.hi, "Invalid prefix length",
		"%q is not a prefix length for %s; expected a number from 0 to %d%s.",
		Clip(text), addr, addr.BitLen(), hint)
	return 0, false
}

// maskBits returns the length of a contiguous IPv4 netmask.
func maskBits(m netip.Addr) (int, bool) {
	b := m.As4()
	v := uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
	n := 0
	for n < 32 && v&(1<<(31-n)) != 0 {
		n++
	}
	if n < 32 && v<<n != 0 {
		return 0, false
	}
	return n, true
}
