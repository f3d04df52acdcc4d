package syntax

// This file holds the list syntax that address and port expressions share:
// elements separated by commas, '!' negation, '[...]' groups.

// listKind names what a list holds, for diagnostics.
type listKind string

const (
	addrList listKind = "address"
	portList listKind = "port"
)

// splitList splits the bytes [lo, hi) at commas outside brackets. A single
// trailing empty element ("[a,b,]") is dropped, as Suricata does; other
// empty elements are reported and left out.
func (p *ruleParser) splitList(lo, hi int, kind listKind) []span {
	if all := p.trimSpan(span{lo, hi}); all.lo == all.hi {
		return nil
	}
	var out []span
	depth, start := 0, lo
	for i := lo; i <= hi; i++ {
		if i < hi {
			switch p.s[i] {
			case '[':
				depth++
			case ']':
				depth--
			}
			if p.s[i] != ',' || depth != 0 {
				continue
			}
		}
		el := p.trimSpan(span{start, i})
		switch {
		case el.lo < el.hi:
			out = append(out, el)
		case i == hi && len(out) > 0:
			// trailing comma
		default:
			p.errorf(el.lo, min(el.lo+1, hi), "Empty "+string(kind)+" in list",
				"Expected an %s between the commas of %q.", kind, Clip(p.s[lo:hi]))
		}
		start = i + 1
	}
	return out
}

// hasTopComma reports whether the field has a comma outside brackets.
func (p *ruleParser) hasTopComma(f span) bool {
	depth := 0
	for i := f.lo; i < f.hi; i++ {
		switch p.s[i] {
		case '[':
			depth++
		case ']':
			depth--
		case ',':
			if depth == 0 {
				return true
			}
		}
	}
	return false
}

// trimSpan drops blanks around a list element.
func (p *ruleParser) trimSpan(sp span) span {
	for sp.lo < sp.hi && (p.s[sp.lo] == ' ' || p.s[sp.lo] == '\t') {
		sp.lo++
	}
	for sp.hi > sp.lo && (p.s[sp.hi-1] == ' ' || p.s[sp.hi-1] == '\t') {
		sp.hi--
	}
	return sp
}

// negation strips leading '!' from an element. Suricata reads several
// '!' as one.
func (p *ruleParser) negation(sp span) (span, bool) {
	neg := false
	for sp.lo < sp.hi && p.s[sp.lo] == '!' {
		sp.lo++
		neg = true
	}
	return sp, neg
}

// groupBody returns the inside of a bracketed element "[...]" and whether
// sp is one. It reports text after the closing bracket and a missing
// closing bracket.
func (p *ruleParser) groupBody(sp span, kind listKind) (span, bool) {
	if sp.lo >= sp.hi || p.s[sp.lo] != '[' {
		return sp, false
	}
	depth := 0
	for i := sp.lo; i < sp.hi; i++ {
		switch p.s[i] {
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 && i != sp.hi-1 {
				p.errorf(i+1, sp.hi, "Unexpected text after "+string(kind)+" list",
					"The list closed by this ']' is followed by %q; separate list elements with commas.",
					Clip(p.s[i+1:sp.hi]))
				return span{sp.lo + 1, i}, true
			}
		}
	}
	if depth != 0 {
		p.errorf(sp.lo, sp.lo+1, "Unclosed bracket",
			"The '[' that opens the %s list %q has no matching ']'.", kind, Clip(p.s[sp.lo:sp.hi]))
		return span{sp.lo + 1, sp.hi}, true
	}
	return span{sp.lo + 1, sp.hi - 1}, true
}

// varName checks the name of a $VARIABLE or @REFERENCE (without its sigil)
// and returns it.
func (p *ruleParser) varName(sp span, sigil byte) (string, bool) {
	name := p.s[sp.lo+1 : sp.hi]
	ok := name != ""
	for i := 0; i < len(name) && ok; i++ {
		c := name[i]
		ok = c == '_' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
	}
	if !ok {
		what := "variable"
		if sigil == '@' {
			what = "IP set reference"
		}
		p.errorf(sp.lo, sp.hi, "Invalid "+what+" name",
			"%q is not a valid %s: after %q, expected a name of letters, digits and underscores, such as %cHOME_NET.",
			Clip(p.s[sp.lo:sp.hi]), what, string(sigil), sigil)
	}
	return name, ok
}

// isAny reports whether the element is the keyword "any" (any case, as
// Suricata accepts).
func (p *ruleParser) isAny(sp span) bool {
	return sp.hi-sp.lo == 3 && (p.s[sp.lo]|0x20) == 'a' && (p.s[sp.lo+1]|0x20) == 'n' && (p.s[sp.lo+2]|0x20) == 'y'
}
