package syntax

import (
	"strings"
)

// parseOptions parses the options after the '(' at offset i-1, up to the
// closing ')', then extracts sid, rev and msg.
func (p *ruleParser) parseOptions(r *Rule, i int) {
	open := i - 1
	r.Options = p.alloc.options(strings.Count(p.s[i:], ";"))
	for {
		i = p.skipBlanks(i)
		if i >= len(p.s) {
			p.warnf(open, len(p.s), "Missing closing parenthesis",
				"The rule options opened by '(' are not closed; Suricata accepts this, but end the rule with ')'.")
			p.commonOptions(r, span{open, len(p.s)})
			return
		}
		if p.s[i] == ')' {
			p.checkTail(i + 1)
			p.commonOptions(r, span{open, i + 1})
			return
		}
		end := p.optionEnd(i)
		if end < 0 {
			p.unterminated(i)
			return
		}
		i = p.addOption(r, i, end)
	}
}

// skipBlanks skips spaces and tabs.
func (p *ruleParser) skipBlanks(i int) int {
	for i < len(p.s) && (p.s[i] == ' ' || p.s[i] == '\t') {
		i++
	}
	return i
}

// optionEnd returns the offset of the ';' that ends the option starting at
// i: the first ';' not preceded by '\' (quotes do not protect a ';'), or -1.
func (p *ruleParser) optionEnd(i int) int {
	for {
		j := strings.IndexByte(p.s[i:], ';')
		if j < 0 {
			return -1
		}
		j += i
		if j == 0 || p.s[j-1] != '\\' {
			return j
		}
		i = j + 1
	}
}

// checkTail reports text after the closing ')'.
func (p *ruleParser) checkTail(i int) {
	if j := p.skipBlanks(i); j < len(p.s) {
		p.errorf(j, len(p.s), "Unexpected text after rule options",
			"The rule continues after the ')' that closes its options with %q; Suricata rejects it. Put comments on their own line, starting with '#'.",
			Clip(p.s[j:]))
	}
}

// unterminated reports an option without its ';'.
func (p *ruleParser) unterminated(i int) {
	text := strings.TrimRight(p.s[i:], " \t")
	closed := strings.HasSuffix(text, ")")
	if closed {
		text = strings.TrimRight(text[:len(text)-1], " \t")
	}
	end := i + len(text)
	if !closed {
		p.errorf(i, end, "Missing semicolon",
			"The option %q is not terminated by ';', and the options are not closed by ')'. Every option ends with ';', the last one included.", Clip(text))
		return
	}
	p.errorf(i, end, "Missing semicolon",
		"The option %q is not terminated by ';'. Every option ends with ';', the last one included: write %q.",
		Clip(text), Clip(text)+";)")
}

// addOption parses the option in [i, end) (end is its ';') and returns
// the offset at which the next option starts.
func (p *ruleParser) addOption(r *Rule, i, end int) int {
	nameEnd, valLo, hasValue := end, end, false
	if k := strings.IndexByte(p.s[i:end], ':'); k >= 0 {
		nameEnd, valLo, hasValue = i+k, i+k+1, true
	}
	name := p.trimSpan(span{i, nameEnd})
	upper, ok := p.checkOptionName(name, end)
	if !ok {
		return end + 1
	}
	// Options has room for every ';' of the rule; write in place.
	r.Options = r.Options[:len(r.Options)+1]
	o := &r.Options[len(r.Options)-1]
	o.Name = p.s[name.lo:name.hi]
	if upper {
		o.Name = strings.ToLower(o.Name)
	}
	p.m.setRange(&o.Range, i, end)
	val := span{end, end}
	if hasValue {
		o.HasValue = true
		val = p.trimSpan(span{valLo, end})
		o.Value = p.s[val.lo:val.hi]
	}
	p.m.setRange(&o.ValueRange, val.lo, val.hi)
	if o.HasValue && !p.checkQuotes(o.Name, val, end) {
		if p.swallowed {
			// Its value holds the next options: leave it out rather
			// than report it again as a bad value.
			r.Options = r.Options[:len(r.Options)-1]
			return end + 1
		}
		return p.resync(end)
	}
	return end + 1
}

// checkOptionName reports an empty or malformed option name; upper tells
// whether the name has upper-case letters.
func (p *ruleParser) checkOptionName(name span, end int) (upper, ok bool) {
	if name.lo == name.hi {
		p.errorf(end, end+1, "Empty rule option",
			"Expected an option name before this ';', such as msg:\"...\"; or sid:1;.")
		return false, false
	}
	for i := name.lo; i < name.hi; i++ {
		c := p.s[i]
		switch {
		case ('a' <= c && c <= 'z') || c == '_' || c == '.' || c == '-' || ('0' <= c && c <= '9'):
		case 'A' <= c && c <= 'Z':
			upper = true
		default:
			p.errorf(name.lo, name.hi, "Invalid rule option",
				"%q is not an option name; options are written name; or name:value; with names of letters, digits, '.', '_' and '-'.",
				Clip(p.s[name.lo:name.hi]))
			return false, false
		}
	}
	return upper, true
}

// checkQuotes reports a value that opens a double quote (after an
// optional '!') and does not close it at its end.
func (p *ruleParser) checkQuotes(name string, val span, end int) bool {
	if val.lo < val.hi && p.s[val.lo] == '!' {
		val.lo = min(p.skipBlanks(val.lo+1), val.hi)
	}
	v := p.s[val.lo:val.hi]
	if v == "" || v[0] != '"' {
		return true
	}
	if len(v) >= 2 && v[len(v)-1] == '"' && !escapedAt(v, len(v)-1) {
		return true
	}
	if p.missingSemicolon(name, val) {
		return false
	}
	if end < len(p.s) && strings.Contains(p.s[end:], "\"") {
		p.errorf(end, end+1, "Unescaped semicolon in quoted value",
			"The quoted value of %s is cut at this ';', before its closing quote: Suricata ends an option at the first ';' not preceded by '\\', even inside quotes, and would reject the rule. Write '\\;' for a literal semicolon.",
			name)
		return false
	}
	p.errorf(val.lo, val.hi, "Unterminated quoted value",
		"The value of %s opens a double quote that is not closed before the ';' that ends the option.", name)
	return false
}

// missingSemicolon reports a quoted value closed and followed, without a
// ';', by what looks like the next option (content:"a" sid:1;): the ';'
// after the quote was forgotten. The swallowed options are then not
// reported again (no "Missing sid" for a sid that is there).
func (p *ruleParser) missingSemicolon(name string, val span) bool {
	v := p.s[val.lo:val.hi]
	q := closingQuote(v)
	if q < 0 {
		return false
	}
	rest := strings.TrimLeft(v[q+1:], " \t")
	if rest == "" || rest == v[q+1:] || !startsWithOptionName(rest) {
		return false
	}
	at := val.lo + q + 1
	p.errorf(at, at+1, "Missing semicolon",
		"The option %s:%s is not terminated by ';' before %q: every option ends with ';'. Write %s:%s; %s;",
		name, Clip(v[:q+1]), Clip(rest), name, Clip(v[:q+1]), Clip(rest))
	p.swallowed = true
	return true
}

// closingQuote returns the index of the first unescaped '"' after the
// opening one at v[0], or -1.
func closingQuote(v string) int {
	for i := 1; i < len(v); i++ {
		if v[i] == '"' && !escapedAt(v, i) {
			return i
		}
	}
	return -1
}

// startsWithOptionName reports whether s starts with an option name
// followed by ':' or by nothing (nocase): letters, digits, '.', '_', '-'.
func startsWithOptionName(s string) bool {
	i := 0
	for i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= '0' && s[i] <= '9' || s[i] == '.' || s[i] == '_' || s[i] == '-') {
		i++
	}
	return i > 0 && (i == len(s) || s[i] == ':')
}

// escapedAt reports whether s[i] is preceded by an odd number of
// backslashes.
func escapedAt(s string, i int) bool {
	n := 0
	for i > 0 && s[i-1] == '\\' {
		n++
		i--
	}
	return n%2 == 1
}

// resync finds where parsing should resume after a value cut short by a
// ';' inside quotes: after the next ';' that follows a closing quote.
func (p *ruleParser) resync(end int) int {
	for i := end + 1; i < len(p.s); i++ {
		if p.s[i] != '"' || escapedAt(p.s, i) {
			continue
		}
		if j := p.skipBlanks(i + 1); j < len(p.s) && p.s[j] == ';' {
			return j + 1
		}
	}
	return end + 1
}
