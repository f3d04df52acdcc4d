package syntax

import (
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// maxID is the largest sid or rev Suricata 7 accepts.
const maxID = 4294967294

// commonOptions extracts sid, rev and msg into r and reports a missing
// sid, duplicates and malformed values. opts spans the parenthesised
// options.
func (p *ruleParser) commonOptions(r *Rule, opts span) {
	var sid, rev, msg *Option
	for i := range r.Options {
		o := &r.Options[i]
		switch o.Name {
		case "sid":
			if p.once(o, &sid) {
				r.SID = p.idValue(o)
			}
		case "rev":
			if p.once(o, &rev) {
				r.Rev = p.idValue(o)
			}
		case "msg":
			if p.once(o, &msg) {
				r.Msg = p.msgValue(o)
			}
		}
	}
	if sid == nil && !p.swallowed {
		p.errorf(opts.lo, opts.hi, "Missing sid",
			"Every rule needs a signature id, unique in its rule group: add sid:N; with N from 1 to %d to the options.", maxID)
	}
}

// once records the first occurrence of a single-use option in *first and
// reports later ones.
func (p *ruleParser) once(o *Option, first **Option) bool {
	if *first == nil {
		*first = o
		return true
	}
	p.diags = append(p.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Duplicate " + o.Name,
		Detail: "The option " + o.Name + " appears twice in the rule (first as " +
			strconv.Quote((*first).Name+":"+(*first).Value) + "); Suricata accepts it once.",
		Subject: o.Range.Ptr(),
	})
	return false
}

// idValue parses a sid or rev value: a decimal number from 1 to maxID.
func (p *ruleParser) idValue(o *Option) int64 {
	v := o.Value
	var n int64
	ok := v != "" && len(v) <= 10
	for i := 0; i < len(v) && ok; i++ {
		ok = '0' <= v[i] && v[i] <= '9'
		n = n*10 + int64(v[i]-'0')
	}
	if ok && n >= 1 && n <= maxID {
		return n
	}
	p.diags = append(p.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Invalid " + o.Name,
		Detail: "The " + o.Name + " value " + strconv.Quote(Clip(v)) +
			" is not a number from 1 to 4294967294.",
		Subject: valueSubject(o),
	})
	return 0
}

// msgValue returns the unescaped text of a msg option, which must be
// double-quoted.
func (p *ruleParser) msgValue(o *Option) string {
	v := o.Value
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		return unescape(v[1 : len(v)-1])
	}
	p.diags = append(p.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Invalid msg",
		Detail:   "The msg value " + strconv.Quote(Clip(v)) + " must be in double quotes, such as msg:\"allow example.com\";.",
		Subject:  valueSubject(o),
	})
	return ""
}

// valueSubject is the range to blame for a bad option value: the value,
// or the whole option when it has none.
func valueSubject(o *Option) *hcl.Range {
	if o.HasValue && o.Value != "" {
		return o.ValueRange.Ptr()
	}
	return o.Range.Ptr()
}

// Unquote returns the option's value without a leading '!' (see Negated),
// without surrounding double quotes, and with Suricata's backslash escapes
// (\" \; \\ \:) replaced by the characters they stand for. Content hex
// bytes such as |2e| are left as written.
func (o Option) Unquote() string {
	v := strings.TrimLeft(strings.TrimPrefix(o.Value, "!"), " \t")
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		v = v[1 : len(v)-1]
	}
	return unescape(v)
}

// Negated reports whether the option's value starts with '!', as in
// content:!"x"; or app-layer-protocol:!tls;.
func (o Option) Negated() bool { return strings.HasPrefix(o.Value, "!") }

// unescape replaces each backslash escape \X by X.
func unescape(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Option returns the first option of r named name (lower case) and
// whether there is one.
func (r *Rule) Option(name string) (Option, bool) {
	for _, o := range r.Options {
		if o.Name == name {
			return o, true
		}
	}
	return Option{}, false
}
