package rules

import (
	"bytes"
	"regexp"
	"strings"
)

// bufferKind is an application buffer whose value a query can state.
type bufferKind uint8

// Decidable buffers.
const (
	bufSNI bufferKind = iota + 1
	bufHost
	bufDNSQuery
)

// String returns the sticky-buffer keyword of k.
func (k bufferKind) String() string {
	switch k {
	case bufSNI:
		return "tls.sni"
	case bufHost:
		return "http.host"
	case bufDNSQuery:
		return "dns.query"
	}
	return "invalid"
}

// value returns the flow's value for the buffer, as Suricata fills it:
// http.host lower-cased without a port.
func (k bufferKind) value(f *Flow) Value {
	switch k {
	case bufSNI:
		return f.SNI
	case bufHost:
		v := f.HTTPHost
		if v.Known {
			h := strings.ToLower(v.Value)
			if i := strings.LastIndexByte(h, ':'); i >= 0 && !strings.Contains(h[i:], "]") {
				h = h[:i]
			}
			v.Value = h
		}
		return v
	case bufDNSQuery:
		return Value{Known: f.DNSQuery.Known, Value: strings.TrimSuffix(f.DNSQuery.Value, ".")}
	}
	return Value{}
}

// bufItemKind is the kind of one inspection on a buffer.
type bufItemKind uint8

const (
	itemContent bufItemKind = iota + 1
	itemPcre
	itemIsdataat
	itemBsize
)

// bufItem is one inspection on a buffer, in written order.
type bufItem struct {
	kind    bufItemKind
	content *contentCond
	re      *regexp.Regexp
	reRel   bool // pcre R flag
	negated bool // pcre or isdataat negation
	n       int  // isdataat position
	nRel    bool // isdataat relative
	size    intCond
}

// bufferCond is a decidable sticky buffer with its transforms and
// inspections.
type bufferCond struct {
	kind      bufferKind
	dotprefix bool
	lower     bool
	items     []bufItem
}

// match reports whether the inspections all hold on value v.
func (b *bufferCond) match(v string) bool {
	if m, ok := b.matchAnchored(v); ok {
		return m
	}
	return b.matchBuffer(v)
}

// matchBuffer is match by the general matcher: it builds the buffer (with
// its transforms) and runs every inspection on it.
func (b *bufferCond) matchBuffer(v string) bool {
	buf := []byte(v)
	if b.lower {
		buf = bytes.ToLower(buf)
	}
	if b.dotprefix {
		buf = append([]byte{'.'}, buf...)
	}
	return matchItems(b.items, buf, 0)
}

// matchItems matches items[0:] on buf after a previous match ending at
// prev, backtracking over content positions.
func matchItems(items []bufItem, buf []byte, prev int) bool {
	if len(items) == 0 {
		return true
	}
	it, rest := &items[0], items[1:]
	switch it.kind {
	case itemContent:
		c := it.content
		pos := c.positions(buf, prev)
		if c.negated {
			return len(pos) == 0 && matchItems(rest, buf, prev)
		}
		for _, p := range pos {
			if matchItems(rest, buf, p+len(c.pattern)) {
				return true
			}
		}
		return false
	case itemPcre:
		start := 0
		if it.reRel {
			start = min(prev, len(buf))
		}
		loc := it.re.FindIndex(buf[start:])
		if it.negated {
			return loc == nil && matchItems(rest, buf, prev)
		}
		return loc != nil && matchItems(rest, buf, start+loc[1])
	case itemIsdataat:
		// As Suricata: relative needs prev+n <= len, absolute n < len.
		ok := it.n < len(buf)
		if it.nRel {
			ok = prev+it.n <= len(buf)
		}
		return ok != it.negated && matchItems(rest, buf, prev)
	case itemBsize:
		return it.size.holds(len(buf)) && matchItems(rest, buf, prev)
	}
	return false
}

// matchAnchored decides, without building the buffer, the shape that
// domain rules take: one content inspection, not negated, anchored by
// endswith (and maybe startswith), without offset, depth, distance or
// within, where the value and the pattern are ASCII (so lower-casing and
// nocase are byte-wise). ok is false when the shape does not qualify; the
// caller then builds the buffer and runs the general matcher, which gives
// the same answer (TestMatchAnchoredAgreesWithMatchItems).
func (b *bufferCond) matchAnchored(v string) (match, ok bool) {
	if len(b.items) != 1 || b.items[0].kind != itemContent {
		return false, false
	}
	c := b.items[0].content
	if c.negated || !c.endswith || c.offset >= 0 || c.depth >= 0 || c.hasDist || c.hasWithin ||
		!isASCII(v) || !asciiBytes(c.pattern) {
		return false, false
	}
	n, m := len(v), len(c.pattern)
	if b.dotprefix {
		n++
	}
	if m > n || (c.startswith && m != n) {
		return false, true
	}
	// Compare the pattern with the last m bytes of the buffer, which is
	// "." + v with dotprefix.
	for i := range m {
		j := n - m + i
		var ch byte
		switch {
		case !b.dotprefix:
			ch = v[j]
		case j == 0:
			ch = '.'
		default:
			ch = v[j-1]
		}
		p := c.pattern[i]
		if b.lower || c.nocase {
			ch = lowerASCII(ch)
		}
		if c.nocase {
			p = lowerASCII(p)
		}
		if ch != p {
			return false, true
		}
	}
	return true, true
}

// asciiBytes reports whether b holds only ASCII bytes.
func asciiBytes(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
