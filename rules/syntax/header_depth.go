package syntax

// Nesting limits of address and port lists. Suricata 7 parses a '[...]'
// list by calling itself on the list's body and refuses a rule once these
// calls nest too deeply ("address block recursion limit reached (max
// 64)", "port block recursion limit reached (max 64)"): 63 nested lists
// in an address field, 64 in a port field (checked with Suricata 7.0.10's
// -T: 63 and 64 load, 64 and 65 are refused, negated or not). The parser
// checks the depth
// before it descends, so a deeply nested field costs one scan, never a
// deep recursion.
const (
	maxAddrListDepth = 63
	maxPortListDepth = 64
)

// listDepthOK reports whether the brackets of field f nest at most max
// levels deep; otherwise it reports the first '[' past the limit.
func (p *ruleParser) listDepthOK(f span, kind listKind, max int) bool {
	depth := 0
	for i := f.lo; i < f.hi; i++ {
		switch p.s[i] {
		case '[':
			if depth++; depth > max {
				p.errorf(i, i+1, "Lists nested too deeply",
					"This '[' opens %s list level %d; Suricata refuses %s lists nested more than %d levels deep. Flatten the list.",
					article(kind), depth, kind, max)
				return false
			}
		case ']':
			depth--
		}
	}
	return true
}

// article returns kind with its indefinite article ("an address").
func article(kind listKind) string {
	if kind == addrList {
		return "an address"
	}
	return "a port"
}
