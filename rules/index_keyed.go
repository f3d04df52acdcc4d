package rules

import (
	"strings"

	"github.com/vpcreach/vpcreach/rules/syntax"
)

// Domain rules (tls.sni, http.host and dns.query with one content anchored
// at the end, as domain lists and SNI allow lists are written) are keyed by
// their lower-cased pattern, so that for a flow whose value is known only
// the rules whose key fits the value are candidates: a policy with 6,000
// SNI rules on port 443 costs a few map lookups instead of 6,000 checks.
// The keyed lookup may return more rules than can match (it folds case
// even for case-sensitive contents); conditions decides each candidate.

// anchorKey keys a domain rule: its buffer, whether the buffer has the
// dotprefix transform, whether the content is anchored at both ends
// (startswith: the buffer equals the pattern) or only at the end, and the
// lower-cased pattern.
type anchorKey struct {
	kind  bufferKind
	dot   bool
	exact bool
	text  string
}

// anchorOf returns c's key: the first decidable buffer whose inspections
// are one content, not negated, with endswith and without offset, depth,
// distance or within, on an ASCII pattern. Such a rule matches only when
// its buffer (lower-cased, ASCII) equals the key text (exact) or ends with
// it.
func anchorOf(c *compiledRule) (anchorKey, bool) {
	for _, b := range c.bufs {
		if len(b.items) != 1 || b.items[0].kind != itemContent {
			continue
		}
		cc := b.items[0].content
		if cc.negated || !cc.endswith || cc.offset >= 0 || cc.depth >= 0 || cc.hasDist || cc.hasWithin ||
			len(cc.pattern) == 0 || !asciiBytes(cc.pattern) {
			continue
		}
		return anchorKey{kind: b.kind, dot: b.dotprefix, exact: cc.startswith,
			text: strings.ToLower(string(cc.pattern))}, true
	}
	return anchorKey{}, false
}

// ruleList is one candidate list of the index, in evaluation order, with
// its domain rules also keyed.
type ruleList struct {
	all []int32
	// plain are the rules without a key; keyed the others by key.
	plain []int32
	keyed map[anchorKey][]int32
	// kinds has bit 1<<kind for every buffer kind among the keys;
	// suffixLens lists, by kind and dotprefix, the distinct pattern
	// lengths of the suffix keys.
	kinds      uint8
	suffixLens map[[2]uint8][]int
}

func (l *ruleList) add(c *compiledRule) {
	pos := int32(c.pos)
	l.all = append(l.all, pos)
	k, ok := anchorOf(c)
	if !ok {
		l.plain = append(l.plain, pos)
		return
	}
	if l.keyed == nil {
		l.keyed, l.suffixLens = map[anchorKey][]int32{}, map[[2]uint8][]int{}
	}
	l.keyed[k] = append(l.keyed[k], pos)
	l.kinds |= 1 << k.kind
	if !k.exact {
		lk := [2]uint8{uint8(k.kind), boolByte(k.dot)}
		if !containsInt(l.suffixLens[lk], len(k.text)) {
			l.suffixLens[lk] = append(l.suffixLens[lk], len(k.text))
		}
	}
}

func boolByte(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// flowValues holds a flow's buffer values for keyed lookups, by kind:
// the lower-cased value, and whether it is usable (known and ASCII).
type flowValues struct {
	lower  [4]string
	usable [4]bool
}

func newFlowValues(f *Flow) flowValues {
	var fv flowValues
	for _, k := range []bufferKind{bufSNI, bufHost, bufDNSQuery} {
		v := k.value(f)
		if v.Known && syntax.IsASCII(v.Value) {
			fv.lower[k], fv.usable[k] = strings.ToLower(v.Value), true
		}
	}
	return fv
}

// appendSelected appends to lists the parts of l that can match a flow
// with values fv: every rule when some keyed kind has no usable value,
// else the plain rules and the keyed rules whose key fits the value.
func (l *ruleList) appendSelected(lists [][]int32, fv *flowValues) [][]int32 {
	if l.keyed == nil {
		return append(lists, l.all)
	}
	for k := bufSNI; k <= bufDNSQuery; k++ {
		if l.kinds&(1<<k) != 0 && !fv.usable[k] {
			return append(lists, l.all)
		}
	}
	lists = append(lists, l.plain)
	for k := bufSNI; k <= bufDNSQuery; k++ {
		if l.kinds&(1<<k) == 0 {
			continue
		}
		for dot := range 2 {
			buf := fv.lower[k]
			if dot == 1 {
				buf = "." + buf
			}
			lists = appendIfAny(lists, l.keyed[anchorKey{kind: k, dot: dot == 1, exact: true, text: buf}])
			for _, n := range l.suffixLens[[2]uint8{uint8(k), uint8(dot)}] {
				if n <= len(buf) {
					lists = appendIfAny(lists, l.keyed[anchorKey{kind: k, dot: dot == 1, text: buf[len(buf)-n:]}])
				}
			}
		}
	}
	return lists
}

func appendIfAny(lists [][]int32, l []int32) [][]int32 {
	if len(l) == 0 {
		return lists
	}
	return append(lists, l)
}

func asciiBytes(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}
