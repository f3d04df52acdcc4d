package syntax

import (
	"fmt"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// ParseText parses Suricata rule text: one rule per line, blank lines and
// lines starting with '#' skipped, a line ending with '\' continued on the
// next. Every rule is parsed even when earlier ones fail; the result holds
// the rules that parsed without error, in written order, with Format
// FormatSuricata. Diagnostics point into t.Filename through t.LineStarts.
//
// ParseText checks syntax only: variables are not resolved (see LoadGroup)
// and option keywords are not checked against Suricata's or AWS's lists.
func ParseText(t Text) ([]*Rule, hcl.Diagnostics) {
	var (
		out   []*Rule
		diags hcl.Diagnostics
	)
	lr := newLineReader(t)
	var alloc ruleAlloc
	for {
		lrule, ok := lr.nextRule()
		if !ok {
			break
		}
		r, d := parseLogical(lrule, &alloc)
		diags = append(diags, d...)
		if r != nil {
			out = append(out, r)
		}
	}
	return out, diags
}

// ParseRule parses one rule whose first byte is at position start of
// filename. The rule may span lines joined by '\' continuations; blank and
// '#' comment lines are skipped as in ParseText. A src holding no rule, or
// more than one, is an error. The result has Format FormatSuricata; it is
// nil when the rule has errors.
func ParseRule(src string, start hcl.Pos, filename string) (*Rule, hcl.Diagnostics) {
	t := Text{Filename: filename, Text: src, LineStarts: []hcl.Pos{start}}
	lr := newLineReader(t)
	lrule, ok := lr.nextRule()
	if !ok {
		rng := hcl.Range{Filename: filename, Start: start, End: start}
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Empty rule",
			Detail:   "Expected a Suricata rule such as: pass tcp any any -> any any (sid:1;)",
			Subject:  &rng,
		}}
	}
	r, diags := parseLogical(lrule, &ruleAlloc{})
	if extra, more := lr.nextRule(); more {
		rng := extra.m.rng(0, len(extra.text))
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "More than one rule",
			Detail: fmt.Sprintf("Expected one rule, but another one starts here (%q). "+
				"End a line with '\\' to continue a rule on the next line.", Clip(extra.text)),
			Subject: &rng,
		})
		return nil, diags
	}
	return r, diags
}

// parseLogical parses one logical rule, taking memory from alloc. It
// returns nil when the rule has errors.
func parseLogical(lrule *logicalRule, alloc *ruleAlloc) (*Rule, hcl.Diagnostics) {
	if lrule.unfinished {
		rng := lrule.backslash
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Unfinished rule",
			Detail:   "The rule's last line ends with '\\', which continues the rule on the next line, but no line follows. Remove the '\\' or complete the rule.",
			Subject:  &rng,
		}}
	}
	p := ruleParser{s: lrule.text, m: &lrule.m, alloc: alloc}
	r := p.parse()
	if p.diags.HasErrors() {
		return nil, p.diags
	}
	p.diags = append(p.diags, checkValues(r)...)
	if p.diags.HasErrors() {
		return nil, p.diags
	}
	return r, p.diags
}

// ruleParser holds the state of parsing one logical rule.
type ruleParser struct {
	s        string
	m        *srcMap
	alloc    *ruleAlloc
	diags    hcl.Diagnostics
	unclosed bool // a header field has an unclosed '['
	// swallowed is set when a missing ';' made one option's value take
	// in the next options, which are then not reported as missing.
	swallowed bool
}

// parse parses the whole rule: header, then options.
func (p *ruleParser) parse() *Rule {
	r := p.alloc.rule()
	ok := p.checkChars()
	r.Text, r.Format, r.Range = p.s, FormatSuricata, p.m.rng(0, len(p.s))
	if !ok {
		return r
	}
	optStart, ok := p.parseHeader(r)
	if !ok {
		return r
	}
	p.parseOptions(r, optStart)
	return r
}

// checkChars reports control characters, which Suricata refuses in rules.
// It also tells the source map which of its segments are ASCII.
func (p *ruleParser) checkChars() bool {
	i, ascii := scanText(p.s)
	p.m.markASCII(ascii)
	if i >= 0 {
		p.errorf(i, i+1, "Invalid character in rule",
			"The rule contains the control character %q at this position; Suricata accepts only printable characters and tabs in rules.", string(p.s[i]))
		return false
	}
	return true
}

// errorf records an error diagnostic on the rule's bytes [lo, hi).
func (p *ruleParser) errorf(lo, hi int, summary, format string, args ...any) {
	rng := p.m.rng(lo, hi)
	p.diags = append(p.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  summary,
		Detail:   fmt.Sprintf(format, args...),
		Subject:  &rng,
	})
}

// warnf records a warning diagnostic on the rule's bytes [lo, hi).
func (p *ruleParser) warnf(lo, hi int, summary, format string, args ...any) {
	rng := p.m.rng(lo, hi)
	p.diags = append(p.diags, &hcl.Diagnostic{
		Severity: hcl.DiagWarning,
		Summary:  summary,
		Detail:   fmt.Sprintf(format, args...),
		Subject:  &rng,
	})
}

// Clip shortens s for quoting in a diagnostic: at most 60 bytes, cut at a
// rune boundary with "..." appended.
func Clip(s string) string {
	const limit = 60
	if len(s) <= limit {
		return s
	}
	cut := limit - 3
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}
