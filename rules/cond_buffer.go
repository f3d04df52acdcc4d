package rules

import (
	"bytes"
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
	re      *lazyRegexp
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
	return matchItems(b.items, b.transform(v), 0)
}

// transform applies the buffer's transforms to v.
func (b *bufferCond) transform(v string) []byte {
	buf := []byte(v)
	if b.lower {
		buf = bytes.ToLower(buf)
	}
	if b.dotprefix {
		buf = append([]byte{'.'}, buf...)
	}
	return buf
}

// bufferCache holds a flow's buffer values, transformed, per buffer kind
// and transform combination, computed on first use.
type bufferCache struct {
	done [4][4]bool
	vals [4][4][]byte
}

// get returns b's value on flow f (known: the query states it; present:
// the traffic carries it), transformed, from the cache.
func (bc *bufferCache) get(b *bufferCond, f *Flow) (buf []byte, known, present bool) {
	v := b.kind.value(f)
	if !v.Known || v.Value == "" {
		return nil, v.Known, false
	}
	t := 0
	if b.lower {
		t |= 1
	}
	if b.dotprefix {
		t |= 2
	}
	if !bc.done[b.kind][t] {
		bc.vals[b.kind][t] = b.transform(v.Value)
		bc.done[b.kind][t] = true
	}
	return bc.vals[b.kind][t], true, true
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
		if c.negated {
			found := c.eachPosition(buf, prev, func(int) bool { return true })
			return !found && matchItems(rest, buf, prev)
		}
		return c.eachPosition(buf, prev, func(p int) bool { return matchItems(rest, buf, p+len(c.pattern)) })
	case itemPcre:
		start := 0
		if it.reRel {
			start = min(prev, len(buf))
		}
		loc := it.re.get().FindIndex(buf[start:])
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
