package syntax

import (
	"fmt"
	"strings"

	"github.com/vpcreach/vpcreach/ports"
)

// parsePort parses a port field: one element, or elements separated by
// commas (a group, bracketed or not).
func (p *ruleParser) parsePort(f span) PortExpr {
	if !p.hasTopComma(f) {
		return p.portElem(f)
	}
	return p.portGroup(f, p.splitList(f.lo, f.hi, portList))
}

// portGroup builds a group node over the given element spans.
func (p *ruleParser) portGroup(whole span, elems []span) PortExpr {
	g := PortExpr{Kind: PortGroup, Range: p.m.rng(whole.lo, whole.hi)}
	if len(elems) == 0 {
		p.errorf(whole.lo, whole.hi, "Empty port list",
			"The list %q holds no port; Suricata rejects a rule whose ports are empty.", p.s[whole.lo:whole.hi])
		return g
	}
	g.Elems = make([]PortExpr, len(elems))
	for i, el := range elems {
		g.Elems[i] = p.portElem(el)
	}
	return g
}

// portElem parses one element: optional '!' then any, $VAR, a bracketed
// list, a port or a range.
func (p *ruleParser) portElem(sp span) PortExpr {
	whole := sp
	sp, neg := p.negation(sp)
	var e PortExpr
	switch {
	case sp.lo >= sp.hi:
		p.errorf(whole.lo, whole.hi, "Invalid port",
			"Expected a port after '!', such as !80 or !$HTTP_PORTS.")
		e.Kind = PortAny
	case p.s[sp.lo] == '[':
		body, _ := p.groupBody(sp, portList)
		e = p.portGroup(sp, p.splitList(body.lo, body.hi, portList))
	case p.isAny(sp):
		e.Kind = PortAny
	case p.s[sp.lo] == '$':
		e.Kind = PortVar
		e.Name, _ = p.varName(sp, '$')
	case p.s[sp.lo] == '@':
		p.errorf(sp.lo, sp.hi, "Invalid port",
			"%q is an IP set reference, which holds addresses; a port field takes any, a port (443), a range (1024:65535), a list in brackets or a $PORT_VARIABLE.",
			Clip(p.s[sp.lo:sp.hi]))
		e.Kind = PortAny
	default:
		e = p.portRange(sp)
	}
	e.Negated = neg
	e.Range = p.m.rng(whole.lo, whole.hi)
	return e
}

// portRange parses "443", "1024:65535", "1024:" or ":1023".
func (p *ruleParser) portRange(sp span) PortExpr {
	text := p.s[sp.lo:sp.hi]
	loText, hiText, isRange := strings.Cut(text, ":")
	r := ports.Range{}
	ok := true
	if isRange {
		r.Hi = ports.Max
		if loText != "" {
			r.Lo, ok = portNumber(loText)
		}
		if hiText != "" && ok {
			r.Hi, ok = portNumber(hiText)
		}
		ok = ok && (loText != "" || hiText != "")
	} else {
		r.Lo, ok = portNumber(text)
		r.Hi = r.Lo
	}
	switch {
	case !ok:
		p.errorf(sp.lo, sp.hi, "Invalid port", "%s", portHint(text))
	case r.Lo > r.Hi:
		p.errorf(sp.lo, sp.hi, "Invalid port range",
			"The range %q ends before it starts; write the lower port first.", Clip(text))
	default:
		return PortExpr{Kind: PortRange, Ports: r}
	}
	return PortExpr{Kind: PortAny}
}

// portNumber parses a decimal port number (leading zeros allowed, as in
// Suricata).
func portNumber(s string) (uint16, bool) {
	if s == "" || len(s) > 5 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	if n > ports.Max {
		return 0, false
	}
	return uint16(n), true
}

// portHint explains why text is not a port.
func portHint(text string) string {
	const want = "expected any, a port from 0 to 65535, a range (1024:65535, 1024:, :1023), a list in brackets or a $PORT_VARIABLE."
	if strings.Contains(text, "-") {
		return fmt.Sprintf("Suricata writes port ranges with ':', not '-': write %q.", strings.Replace(Clip(text), "-", ":", 1))
	}
	return fmt.Sprintf("%q is not a port; %s", Clip(text), want)
}
