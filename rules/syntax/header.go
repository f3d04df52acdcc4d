package syntax

import (
	"strings"
)

// headerFields names the header fields in order, for diagnostics.
var headerFields = [...]string{
	"action", "protocol", "source address", "source port", "direction",
	"destination address", "destination port",
}

// span is a field of the rule: the bytes [lo, hi) of the logical rule.
type span struct{ lo, hi int }

// parseHeader parses "action proto src sport dir dst dport (" and returns
// the offset just after '('. ok is false when the header is too broken to
// find the options.
func (p *ruleParser) parseHeader(r *Rule) (optStart int, ok bool) {
	var f [len(headerFields)]span
	i := 0
	for k := range f {
		lo, hi, found := p.field(i)
		if !found {
			if !p.unclosed {
				p.incomplete(f[:k])
			}
			return 0, false
		}
		if strings.Trim(p.s[lo:hi], "!") == "" {
			p.errorf(lo, hi, "Space after negation",
				"A '!' must be written against what it negates, as in !10.0.0.0/8 or !80; remove the space after it.")
			return 0, false
		}
		f[k], i = span{lo, hi}, hi
	}
	if i < len(p.s) && p.s[i] == '(' {
		p.errorf(i, i+1, "Missing space before options",
			"Suricata needs a space between the destination port and the options: write %q.",
			p.s[f[6].lo:f[6].hi]+" (")
	}
	i = p.skipSpaces(i)
	if i >= len(p.s) || p.s[i] != '(' {
		p.missingOptions(f[6], i)
		return 0, false
	}
	p.parseAction(r, f[0])
	p.parseProtocol(r, f[1])
	if !p.listDepthOK(f[2], addrList, maxAddrListDepth) || !p.listDepthOK(f[3], portList, maxPortListDepth) ||
		!p.listDepthOK(f[5], addrList, maxAddrListDepth) || !p.listDepthOK(f[6], portList, maxPortListDepth) {
		return 0, false
	}
	r.Source = p.parseAddr(f[2])
	r.SourcePort = p.parsePort(f[3])
	p.parseDirection(r, f[4])
	r.Destination = p.parseAddr(f[5])
	r.DestinationPort = p.parsePort(f[6])
	return i + 1, true
}

// skipSpaces returns the offset of the first byte at or after i that is
// not a space. Tabs in the header are reported and skipped too.
func (p *ruleParser) skipSpaces(i int) int {
	for i < len(p.s) && (p.s[i] == ' ' || p.s[i] == '\t') {
		if p.s[i] == '\t' {
			p.errorf(i, i+1, "Tab in rule header",
				"Suricata separates the fields of a rule header with spaces only and rejects a rule with a tab before its options. Replace the tab with a space.")
		}
		i++
	}
	return i
}

// field finds the header field starting at or after i: a run of bytes up
// to a space (or the '(' of the options) outside brackets. found is false
// at the end of the rule, at the '(' that opens the options, or after an
// unclosed '[' (reported here).
func (p *ruleParser) field(i int) (lo, hi int, found bool) {
	lo = p.skipSpaces(i)
	if lo >= len(p.s) || p.s[lo] == '(' {
		return lo, lo, false
	}
	depth, open := 0, -1
	for hi = lo; hi < len(p.s); hi++ {
		switch c := p.s[hi]; {
		case c == '[':
			if depth == 0 {
				open = hi
			}
			depth++
		case c == ']':
			depth--
		case (c == ' ' || c == '\t' || c == '(') && depth <= 0:
			return lo, hi, true
		}
	}
	if depth > 0 {
		p.errorf(open, open+1, "Unclosed bracket",
			"The '[' that opens this list has no matching ']', so the rest of the rule was read as part of the list.")
		p.unclosed = true
		return lo, hi, false
	}
	return lo, hi, true
}

// incomplete reports a header that ends after the fields got.
func (p *ruleParser) incomplete(got []span) {
	want := strings.Join(headerFields[len(got):], ", ")
	if len(got) == 0 {
		p.errorf(0, len(p.s), "Incomplete rule header",
			"Expected a rule: action, protocol, source address and port, direction, destination address and port, then options in parentheses.")
		return
	}
	last := got[len(got)-1]
	p.errorf(last.lo, last.hi, "Incomplete rule header",
		"The rule header ends after the %s %q; expected the %s, then the options in parentheses.",
		headerFields[len(got)-1], p.s[last.lo:last.hi], want)
}

// missingOptions reports what follows the destination port when it is not
// the '(' that opens the options.
func (p *ruleParser) missingOptions(dport span, i int) {
	if i >= len(p.s) {
		p.errorf(dport.lo, dport.hi, "Missing rule options",
			"The rule ends after its header; expected the options in parentheses after the destination port %q, at least a sid: (sid:1;).",
			p.s[dport.lo:dport.hi])
		return
	}
	end := i
	for end < len(p.s) && p.s[end] != ' ' {
		end++
	}
	p.errorf(i, end, "Unexpected text after rule header",
		"Expected the options in parentheses after the destination port %q, found %q. The header has seven fields: action, protocol, source address and port, direction, destination address and port.",
		p.s[dport.lo:dport.hi], Clip(p.s[i:end]))
}

// parseAction sets r.Action; the four AWS Network Firewall actions are
// accepted in any case.
func (p *ruleParser) parseAction(r *Rule, f span) {
	switch strings.ToLower(p.s[f.lo:f.hi]) {
	case "pass":
		r.Action = ActionPass
	case "drop":
		r.Action = ActionDrop
	case "reject":
		r.Action = ActionReject
	case "alert":
		r.Action = ActionAlert
	default:
		p.errorf(f.lo, f.hi, "Invalid rule action",
			"%q is not a rule action AWS Network Firewall accepts; expected pass, drop, reject or alert.",
			Clip(p.s[f.lo:f.hi]))
	}
}

// parseDirection sets r.Bidirectional from "->" or "<>".
func (p *ruleParser) parseDirection(r *Rule, f span) {
	switch d := p.s[f.lo:f.hi]; d {
	case "->":
	case "<>":
		r.Bidirectional = true
	case "<-":
		p.errorf(f.lo, f.hi, "Invalid rule direction",
			"Suricata has no \"<-\" direction; write the rule the other way round with \"->\" (swap source and destination), or use \"<>\" for both directions.")
	default:
		p.errorf(f.lo, f.hi, "Invalid rule direction",
			"%q is not a direction; expected \"->\" (source to destination) or \"<>\" (both ways).", Clip(d))
	}
}
