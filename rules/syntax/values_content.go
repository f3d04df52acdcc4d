package syntax

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// content checks a content value and makes it the active buffer's last.
func (c *valueChecker) content(o *Option) {
	n, msg := contentLength(o.Value)
	if msg != "" {
		c.fail(o, "%s", msg)
	}
	c.last, c.hasLast = contentState{length: n}, true
}

// modSet is a set of content modifiers, by their index in
// contentModifierNames.
type modSet uint16

func modBit(name string) modSet {
	for i, n := range contentModifierNames {
		if n == name {
			return 1 << i
		}
	}
	return 0
}

func (m modSet) has(name string) bool { return m&modBit(name) != 0 }

// contentLength checks a content string ([!]"text" with |hex| bytes and
// the escapes \" \; \\ \:) and returns the number of bytes it stands for.
func contentLength(v string) (int, string) {
	v = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), "!"))
	if len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' {
		return 0, "is not in double quotes"
	}
	s := v[1 : len(v)-1]
	if s == "" {
		return 0, "is empty"
	}
	n, hex := 0, false
	digits := 0
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch == '|':
			if hex && digits%2 == 1 {
				return 0, "has an odd number of hexadecimal digits between | |"
			}
			hex, digits = !hex, 0
		case hex && ch == ' ':
		case hex && isHexDigit(ch):
			digits++
			if digits%2 == 0 {
				n++
			}
		case hex:
			return 0, fmt.Sprintf("has %q between | |, where hexadecimal digits are expected", string(ch))
		case ch == '\\':
			if i+1 >= len(s) || !strings.ContainsRune(`";\:`, rune(s[i+1])) {
				return 0, `has a backslash that escapes nothing Suricata allows (\" \; \\ \:)`
			}
			i++
			n++
		case ch == '"':
			return 0, `has an unescaped " inside the quotes`
		default:
			n++
		}
	}
	if hex {
		return 0, "opens | hexadecimal bytes without closing them"
	}
	return n, ""
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// modifierConflicts lists, for each content modifier, those it cannot be
// combined with on the same content.
var modifierConflicts = map[string][]string{
	"offset":     {"distance", "startswith"},
	"distance":   {"offset", "startswith"},
	"depth":      {"within", "startswith"},
	"within":     {"depth", "startswith"},
	"startswith": {"depth", "offset", "distance", "within"},
}

// repeatable are the content modifiers a content may carry twice.
var repeatable = setOf("startswith", "endswith")

// modifier checks a content modifier against the last content.
func (c *valueChecker) modifier(o *Option) {
	if !c.hasLast {
		where := "payload"
		if c.buffer != nil {
			where = c.buffer.Name + " buffer"
		}
		c.misplaced(o, o.Name+" without content", "%s modifies the content before it, and the %s has none.", o.Name, where)
		return
	}
	mods := c.last.mods
	if mods.has(o.Name) && !repeatable[o.Name] {
		c.misplaced(o, "Duplicate "+o.Name, "The content before %s already has a %s.", o.Name, o.Name)
		return
	}
	for _, other := range modifierConflicts[o.Name] {
		if mods.has(other) {
			c.misplaced(o, o.Name+" with "+other, "A content cannot have both %s and %s.", other, o.Name)
			return
		}
	}
	c.last.mods |= modBit(o.Name)
	if msg := c.modifierValue(o); msg != "" {
		c.fail(o, "%s", msg)
	}
}

// modifierValue checks a content modifier's value.
func (c *valueChecker) modifierValue(o *Option) string {
	v, n := strings.TrimSpace(o.Value), c.last.length
	switch o.Name {
	case "depth":
		if msg := checkNumberOrVar(v, 1, 65535, c.vars); msg != "" {
			return msg
		}
		return shorterThan(v, n, "depth")
	case "offset":
		return checkNumberOrVar(v, 0, 65535, c.vars)
	case "distance":
		return checkNumberOrVar(v, -65535, math.MaxInt32, c.vars)
	case "within":
		if msg := checkNumberOrVar(v, 1, math.MaxInt32, c.vars); msg != "" {
			return msg
		}
		return shorterThan(v, n, "within")
	case "fast_pattern":
		if o.HasValue && v != "only" && !isOffsetLength(v) {
			return "is neither only nor offset,length"
		}
	}
	return ""
}

// shorterThan reports a numeric depth or within smaller than the content.
func shorterThan(v string, n int, name string) string {
	if d, err := strconv.Atoi(v); err == nil && d < n {
		return fmt.Sprintf("is shorter than the content (%d bytes): the %s can never hold it", n, name)
	}
	return ""
}

func isOffsetLength(v string) bool {
	a, b, ok := strings.Cut(v, ",")
	_, e1 := parseDecimal(a, 65535)
	_, e2 := parseDecimal(b, 65535)
	return ok && e1 == "" && e2 == ""
}

// checkPCREValue checks a pcre value: [!]"/regex/flags" (quotes optional)
// with Suricata's flags, at most one of them naming an HTTP buffer, and a
// regex whose groups and classes are closed.
func checkPCREValue(v string) string {
	v = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), "!"))
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		v = strings.TrimSpace(v[1 : len(v)-1])
	}
	end := strings.LastIndexByte(v, '/')
	if !strings.HasPrefix(v, "/") || end == 0 {
		return "is not /regex/flags"
	}
	flags, _, _ := strings.Cut(v[end+1:], ",") // ", flow:name" stores a capture
	buffers := 0
	for _, f := range flags {
		switch {
		case strings.ContainsRune("AEGimsxOBR", f):
		case strings.ContainsRune("UHIMCPQSYVWZ", f):
			buffers++
		default:
			return fmt.Sprintf("has the flag %q, which Suricata does not know", string(f))
		}
	}
	if buffers > 1 {
		return "names two buffers in its flags"
	}
	return checkRegex(v[1:end])
}

// checkRegex finds what PCRE refuses in any case: an unclosed or unopened
// group, an unclosed character class, a quantifier with nothing to repeat.
func checkRegex(re string) string {
	depth, class, prev := 0, false, byte('(')
	for i := 0; i < len(re); i++ {
		ch := re[i]
		switch {
		case ch == '\\':
			i++
			prev = 'a'
			continue
		case class:
			if ch == ']' {
				class = false
			}
		case ch == '[':
			class = true
			if i+1 < len(re) && re[i+1] == ']' {
				i++ // "[]...]": the first ']' is literal
			}
		case ch == '(':
			depth++
		case ch == ')':
			if depth == 0 {
				return "has a ')' that closes no group"
			}
			depth--
		case (ch == '*' || ch == '+') && (prev == '(' || prev == '|'):
			return fmt.Sprintf("has the quantifier %q with nothing to repeat", string(ch))
		}
		prev = ch
	}
	switch {
	case class:
		return "has an unclosed character class '['"
	case depth > 0:
		return "has an unclosed group '('"
	}
	return ""
}

// byteTest checks nbytes,[!]operator,value,offset[,flags].
func (c *valueChecker) byteTest(v string) string {
	parts := splitTrim(v, ",")
	if len(parts) < 4 {
		return "is not bytes,operator,value,offset[,options]"
	}
	if msg := c.byteFlags(parts[4:], "relative", "big", "little", "string", "hex", "dec", "oct", "dce", "bitmask"); msg != "" {
		return msg
	}
	if msg := checkNumberOrVar(parts[0], 0, byteCount(parts[4:]), c.vars); msg != "" {
		return "bytes " + msg
	}
	op := strings.TrimPrefix(parts[1], "!")
	if oneOf(op, "<", ">", "=", "<=", ">=", "&", "^") != "" && parts[1] != "!=" {
		return fmt.Sprintf("has the operator %q (<, >, =, <=, >=, &, ^, each optionally after !)", Clip(parts[1]))
	}
	if msg := checkValueOrVar(parts[2], c.vars); msg != "" {
		return "value " + msg
	}
	if msg := checkNumberOrVar(parts[3], math.MinInt32, math.MaxInt32, c.vars); msg != "" {
		return "offset " + msg
	}
	return ""
}

// byteJump checks nbytes,offset[,flags].
func (c *valueChecker) byteJump(v string) string {
	parts := splitTrim(v, ",")
	if len(parts) < 2 {
		return "is not bytes,offset[,options]"
	}
	if msg := c.byteFlags(parts[2:], "relative", "big", "little", "string", "hex", "dec", "oct", "align",
		"from_beginning", "from_end", "dce", "multiplier", "post_offset", "bitmask"); msg != "" {
		return msg
	}
	if msg := checkNumberOrVar(parts[0], 0, byteCount(parts[2:]), c.vars); msg != "" {
		return "bytes " + msg
	}
	if msg := checkNumberOrVar(parts[1], math.MinInt32, math.MaxInt32, c.vars); msg != "" {
		return "offset " + msg
	}
	return ""
}

// byteExtract checks nbytes,offset,name[,flags] and defines name.
func (c *valueChecker) byteExtract(v string) string {
	parts := splitTrim(v, ",")
	if len(parts) < 3 || !isIdentifier(parts[2]) {
		return "is not bytes,offset,name[,options]"
	}
	c.defineVar(parts[2])
	return ""
}

// defineVar records a byte_extract or byte_math variable.
func (c *valueChecker) defineVar(name string) {
	if c.vars == nil {
		c.vars = map[string]bool{}
	}
	c.vars[name] = true
}

// byteMath defines the variable of its "result NAME" part.
func (c *valueChecker) byteMath(v string) string {
	for _, p := range splitTrim(v, ",") {
		if name, ok := strings.CutPrefix(p, "result "); ok {
			c.defineVar(strings.TrimSpace(name))
		}
	}
	return ""
}

// isdataat checks [!]position[,relative][,rawbytes].
func (c *valueChecker) isdataat(v string) string {
	parts := splitTrim(strings.TrimPrefix(strings.TrimSpace(v), "!"), ",")
	for _, f := range parts[1:] {
		if oneOf(f, "relative", "rawbytes") != "" {
			return fmt.Sprintf("has the option %q (relative, rawbytes)", Clip(f))
		}
	}
	return checkNumberOrVar(parts[0], 0, 65535, c.vars)
}

// byteFlags checks the options of a byte_* keyword: known names, those
// taking a value (bitmask, multiplier, post_offset) with one.
func (c *valueChecker) byteFlags(flags []string, known ...string) string {
	for _, f := range flags {
		name, _, _ := strings.Cut(f, " ")
		if oneOf(name, known...) != "" {
			return fmt.Sprintf("has the option %q", Clip(f))
		}
	}
	return ""
}

// byteCount is the largest number of bytes a byte_test or byte_jump reads:
// 8, or 23 for a string.
func byteCount(flags []string) int64 {
	for _, f := range flags {
		if f == "string" {
			return 23
		}
	}
	return 8
}

// checkValueOrVar checks a byte_test value: a decimal or 0x hexadecimal
// number, or a variable.
func checkValueOrVar(v string, vars map[string]bool) string {
	if h, ok := strings.CutPrefix(strings.ToLower(v), "0x"); ok {
		for i := 0; i < len(h); i++ {
			if !isHexDigit(h[i]) {
				return fmt.Sprintf("has %q where a number is expected", Clip(v))
			}
		}
		if h == "" {
			return "lacks a number"
		}
		return ""
	}
	return checkNumberOrVar(v, 0, math.MaxInt64, vars)
}
