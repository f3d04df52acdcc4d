package syntax

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// checkValues reports option values Suricata 7 refuses to load, and
// options out of place (a content modifier without a content, a sticky
// buffer without a match), each at the offending option. The grammars
// follow Suricata 7.0's parsers; testdata/values records what Suricata
// 7.0.10 does with each case (TestValuesAgreeWithSuricata).
func checkValues(r *Rule) hcl.Diagnostics {
	c := valueChecker{r: r, ipProtoIs: -1}
	for i := range r.Options {
		c.option(&r.Options[i])
	}
	c.endBuffer()
	return c.diags
}

// valueChecker walks a rule's options in order.
type valueChecker struct {
	r     *Rule
	diags hcl.Diagnostics
	// vars are the byte_extract and byte_math variables defined so far
	// (nil until the first).
	vars map[string]bool
	// dsize is the first dsize option, which Suricata accepts once.
	dsize *Option
	// buffer is the active sticky buffer (nil: the payload or a buffer
	// the checks do not know) and matched whether it has had a match;
	// anyBuffer is set once any buffer was selected.
	buffer             *Option
	matched, anyBuffer bool
	// hasLast is set when the active buffer has a content; last is the
	// last one.
	hasLast bool
	last    contentState
	// ipProtoIs is the protocol a plain ip_proto asked for (-1: none);
	// appLayer the app-layer-protocol option that is not negated.
	ipProtoIs int
	appLayer  *Option
}

// contentState is a content option and the modifiers applied to it.
type contentState struct {
	length int
	mods   modSet
}

// fail reports a refused value of option o.
func (c *valueChecker) fail(o *Option, format string, args ...any) {
	c.diags = append(c.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Invalid " + o.Name + " value",
		Detail:   fmt.Sprintf("%s:%s %s; Suricata refuses the rule.", o.Name, Clip(o.Value), fmt.Sprintf(format, args...)),
		Subject:  valueSubject(o),
	})
}

// misplaced reports an option Suricata refuses where it stands.
func (c *valueChecker) misplaced(o *Option, summary, format string, args ...any) {
	c.diags = append(c.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError, Summary: summary,
		Detail: fmt.Sprintf(format, args...) + " Suricata refuses the rule.", Subject: o.Range.Ptr(),
	})
}

// keywordInfo is what the checks know of a keyword.
type keywordInfo struct {
	noValue, sticky, match, modifier bool
	check                            func(*valueChecker, string) string
}

// keywordInfos gathers the keyword tables, so that checking an option
// takes one lookup. Read only.
var keywordInfos = func() map[string]keywordInfo {
	m := map[string]keywordInfo{}
	for name, check := range simpleChecks {
		m[name] = keywordInfo{check: check}
	}
	set := func(names map[string]bool, f func(*keywordInfo)) {
		for n := range names {
			k := m[n]
			f(&k)
			m[n] = k
		}
	}
	set(noValueKeywords, func(k *keywordInfo) { k.noValue = true })
	set(stickyBuffers, func(k *keywordInfo) { k.sticky, k.noValue = true, true })
	set(bufferMatches, func(k *keywordInfo) { k.match = true })
	set(setOf(contentModifierNames...), func(k *keywordInfo) { k.modifier = true })
	return m
}()

// option checks one option.
func (c *valueChecker) option(o *Option) {
	name := o.Name
	info, known := keywordInfos[name]
	if !known {
		if !o.HasValue && (strings.Contains(name, ".") || strings.HasSuffix(name, "_data")) {
			c.anyBuffer = true // a buffer the checks do not know
		}
		return
	}
	if o.HasValue && info.noValue {
		c.fail(o, "gives a value to %s, which takes none", name)
	}
	if info.sticky {
		c.endBuffer()
		c.buffer, c.matched, c.hasLast = o, false, false
		c.anyBuffer = true
		return
	}
	if info.match {
		c.matched = true
	}
	switch {
	case name == "content" || name == "uricontent":
		c.content(o)
	case info.modifier:
		c.modifier(o)
	case name == "dotprefix" && !c.anyBuffer:
		c.misplaced(o, "dotprefix without a sticky buffer",
			"dotprefix transforms a sticky buffer such as tls.sni, and none is active here.")
	case name == "pcre":
		if msg := checkPCREValue(o.Value); msg != "" {
			c.fail(o, "%s", msg)
		}
	case info.check != nil:
		c.simple(o, info.check)
	}
}

// endBuffer reports an active sticky buffer that had no match.
func (c *valueChecker) endBuffer() {
	if c.buffer != nil && !c.matched {
		c.misplaced(c.buffer, c.buffer.Name+" without a match",
			"%s selects a buffer, but no content, pcre or other match follows it before the next buffer or the end of the rule.",
			c.buffer.Name)
	}
}

// once reports a second occurrence of a keyword Suricata accepts once,
// whose first occurrence is *first.
func (c *valueChecker) once(o *Option, first **Option) bool {
	if *first != nil {
		c.misplaced(o, "Duplicate "+o.Name, "%s appears twice in the rule (first as %s:%s).", o.Name, (*first).Name, Clip((*first).Value))
		return false
	}
	*first = o
	return true
}

// simple checks a keyword whose value alone decides, with check.
func (c *valueChecker) simple(o *Option, check func(*valueChecker, string) string) {
	if o.Name == "dsize" && !c.once(o, &c.dsize) {
		return
	}
	if o.Name == "app-layer-protocol" && !strings.HasPrefix(strings.TrimSpace(o.Value), "!") {
		if c.appLayer != nil {
			c.misplaced(o, "Conflicting app-layer-protocol", "The rule already requires %s:%s.", c.appLayer.Name, Clip(c.appLayer.Value))
			return
		}
		c.appLayer = o
	}
	if msg := check(c, o.Value); msg != "" {
		c.fail(o, "%s", msg)
	}
}

// simpleChecks maps keywords to their value check, which returns what is
// wrong ("" when the value is valid). Read only.
var simpleChecks = map[string]func(*valueChecker, string) string{
	"dsize":              func(_ *valueChecker, v string) string { return checkUint(v, 65535) },
	"ttl":                func(_ *valueChecker, v string) string { return checkUint(v, 255) },
	"itype":              func(_ *valueChecker, v string) string { return checkUint(v, 255) },
	"icode":              func(_ *valueChecker, v string) string { return checkUint(v, 255) },
	"bsize":              func(_ *valueChecker, v string) string { return checkUint(v, 1<<64-1) },
	"id":                 func(_ *valueChecker, v string) string { return plainNumber(v, 65535) },
	"icmp_id":            func(_ *valueChecker, v string) string { return plainNumber(v, 65535) },
	"icmp_seq":           func(_ *valueChecker, v string) string { return plainNumber(v, 65535) },
	"seq":                func(_ *valueChecker, v string) string { return plainNumber(v, 1<<32-1) },
	"ack":                func(_ *valueChecker, v string) string { return plainNumber(v, 1<<32-1) },
	"gid":                func(_ *valueChecker, v string) string { return plainNumber(v, 1<<32-1) },
	"priority":           func(_ *valueChecker, v string) string { return plainNumber(v, 1<<31-1) },
	"window":             func(_ *valueChecker, v string) string { return plainNumber(strings.TrimPrefix(v, "!"), 65535) },
	"tos":                func(_ *valueChecker, v string) string { return checkTOS(v) },
	"ip_proto":           (*valueChecker).ipProto,
	"flow":               func(_ *valueChecker, v string) string { return checkFlow(v) },
	"flags":              func(_ *valueChecker, v string) string { return checkFlags(v) },
	"fragbits":           func(_ *valueChecker, v string) string { return checkFragbits(v) },
	"ssl_state":          func(_ *valueChecker, v string) string { return checkSSLState(v) },
	"ssl_version":        func(_ *valueChecker, v string) string { return checkSSLVersion(v) },
	"app-layer-protocol": func(_ *valueChecker, v string) string { return checkAppLayer(v) },
	"flowbits":           func(_ *valueChecker, v string) string { return checkFlowbits(v) },
	"byte_test":          (*valueChecker).byteTest,
	"byte_jump":          (*valueChecker).byteJump,
	"byte_extract":       (*valueChecker).byteExtract,
	"byte_math":          (*valueChecker).byteMath,
	"isdataat":           (*valueChecker).isdataat,
	"stream_size":        func(_ *valueChecker, v string) string { return checkStreamSize(v) },
	"msg":                func(_ *valueChecker, v string) string { return checkMsg(v) },
	"reference":          func(_ *valueChecker, v string) string { return checkReference(v) },
	"metadata":           func(_ *valueChecker, v string) string { return nonEmpty(v) },
	"classtype":          func(_ *valueChecker, v string) string { return nonEmpty(v) },
	"target":             func(_ *valueChecker, v string) string { return oneOf(v, "src_ip", "dest_ip") },
	"tag":                func(_ *valueChecker, v string) string { return checkTag(v) },
	"xbits":              func(_ *valueChecker, v string) string { return checkXbits(v) },
}

func nonEmpty(v string) string {
	if strings.TrimSpace(v) == "" {
		return "is empty"
	}
	return ""
}

func oneOf(v string, names ...string) string {
	v = strings.TrimSpace(v)
	for _, n := range names {
		if v == n {
			return ""
		}
	}
	return fmt.Sprintf("is not one of %s", strings.Join(names, ", "))
}

// plainNumber checks a decimal number from 0 to max, without comparison.
func plainNumber(v string, max uint64) string {
	_, msg := parseDecimal(v, max)
	return msg
}
