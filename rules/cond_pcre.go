package rules

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
)

// lazyRegexp is a regular expression whose syntax was checked when the
// rule was compiled and which is compiled on first use: most rules of a
// large rule set (ET Open has thousands of pcre options) are never
// evaluated, and compiling them all took a tenth of a load. Safe for
// concurrent use.
type lazyRegexp struct {
	expr string
	once sync.Once
	re   *regexp.Regexp
}

// newLazyRegexp checks expr as regexp.Compile parses it (Perl syntax).
// regexp.Compile fails only where syntax.Parse does, so a checked
// expression always compiles later.
func newLazyRegexp(expr string) (*lazyRegexp, error) {
	if _, err := syntax.Parse(expr, syntax.Perl); err != nil {
		return nil, err
	}
	return &lazyRegexp{expr: expr}, nil
}

// get returns the compiled expression.
func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.expr) })
	return l.re
}

// pcreSpec is a pcre keyword translated to Go's regexp.
type pcreSpec struct {
	re       *lazyRegexp
	negated  bool
	relative bool
	// buffer is the legacy buffer modifier letter (U, H, W, ...), 0 if none.
	buffer byte
}

// pcreBufferFlags are the legacy pcre modifiers that select a buffer.
const pcreBufferFlags = "UIPQHDMCKSYVWZ"

// translatePcre converts a Suricata pcre value ("/re/flags", possibly
// negated) to Go syntax. It fails when the expression or a flag has no
// RE2 equivalent: the option is then undecidable.
func translatePcre(v string) (pcreSpec, error) {
	var p pcreSpec
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "!") {
		p.negated = true
		v = strings.TrimSpace(v[1:])
	}
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		v = v[1 : len(v)-1]
	}
	v = strings.ReplaceAll(v, `\"`, `"`)
	v = strings.ReplaceAll(v, `\;`, `;`)
	if len(v) < 2 || v[0] != '/' {
		return p, fmt.Errorf("pcre %q: not /re/flags", v)
	}
	end := strings.LastIndexByte(v, '/')
	if end <= 0 {
		return p, fmt.Errorf("pcre %q: no closing /", v)
	}
	expr, flags := v[1:end], v[end+1:]
	goFlags := ""
	anchored := false
	for i := 0; i < len(flags); i++ {
		switch f := flags[i]; {
		case f == 'i' || f == 's' || f == 'm':
			goFlags += string(f)
		case f == 'G':
			goFlags += "U"
		case f == 'A':
			anchored = true
		case f == 'R':
			p.relative = true
		case f == 'E' || f == 'O':
			// dollar-end-only is Go's default; O only lifts match limits.
		case strings.IndexByte(pcreBufferFlags, f) >= 0:
			if p.buffer != 0 {
				return p, fmt.Errorf("pcre flags %q: two buffers", flags)
			}
			p.buffer = f
		default:
			return p, fmt.Errorf("pcre flag %q has no Go equivalent", f)
		}
	}
	if anchored {
		expr = `^(?:` + expr + `)`
	}
	if goFlags != "" {
		expr = "(?" + goFlags + ")" + expr
	}
	re, err := newLazyRegexp(expr)
	if err != nil {
		return p, fmt.Errorf("pcre %q: %v", v, err)
	}
	p.re = re
	return p, nil
}
