package importer

import (
	"sort"
	"strconv"
	"strings"
)

// maxName bounds a block name's length.
const maxName = 64

// namer gives every resource a block name: its Name tag, else a name
// derived from its Terraform address, else its AWS id; sanitised to the
// language's ^[A-Za-z][A-Za-z0-9_-]*$ and made unique per block type.
type namer struct {
	// byKey maps a resource key to its address ("subnet.app_a").
	byKey map[string]string
	// kind maps a resource key to its block type.
	kind map[string]string
}

// nameAll names every resource of every block type: within a type,
// resources are taken in key order, so the same input always gets the
// same names; a clash gets the suffix _2, _3, ...
func nameAll(groups map[string][]*Origin) *namer {
	n := &namer{byKey: map[string]string{}, kind: map[string]string{}}
	types := make([]string, 0, len(groups))
	for t := range groups {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		os := append([]*Origin(nil), groups[t]...)
		sort.Slice(os, func(i, j int) bool { return os[i].key() < os[j].key() })
		used := map[string]bool{}
		for _, o := range os {
			base := baseName(t, o)
			name := base
			for i := 2; used[name]; i++ {
				name = base + "_" + strconv.Itoa(i)
			}
			used[name] = true
			n.byKey[o.key()] = t + "." + name
			n.kind[o.key()] = t
		}
	}
	return n
}

// baseName is the preferred, sanitised name of a resource of type typ.
func baseName(typ string, o *Origin) string {
	for _, cand := range []string{o.Name, tfName(o.TFAddress), o.AWSID} {
		if s := sanitize(cand); s != "" {
			if c := s[0]; c < 'a' || c > 'z' {
				s = typ + "_" + s
			}
			return s
		}
	}
	return typ
}

// sanitize lower-cases s and replaces every run of characters a name
// cannot hold by one underscore, trimming underscores and dashes at the
// ends; it keeps at most maxName characters.
func sanitize(s string) string {
	var b strings.Builder
	under := false
	for _, r := range strings.ToLower(s) {
		ok := (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '-'
		if !ok {
			if !under && b.Len() > 0 {
				b.WriteByte('_')
			}
			under = true
			continue
		}
		under = false
		b.WriteRune(r)
		if b.Len() >= maxName {
			break
		}
	}
	return strings.Trim(b.String(), "_-")
}

// tfName turns a Terraform address into a name: module names and index
// keys kept, the resource type and "module." dropped:
// module.spoke["a"].aws_subnet.app[0] -> spoke_a_app_0.
func tfName(addr string) string {
	if addr == "" {
		return ""
	}
	var parts []string
	segs := splitAddress(addr)
	for i := 0; i < len(segs); i++ {
		s := segs[i]
		switch {
		case s == "module" || s == "data":
			continue
		case strings.HasPrefix(s, "aws_") && i+1 < len(segs):
			continue // the resource type
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "_")
}

// splitAddress splits a Terraform address at dots outside brackets and
// quotes, and splits index keys off their names: `module.a["x.y"].b[0]`
// -> module, a, x.y, b, 0.
func splitAddress(addr string) []string {
	var segs []string
	var cur strings.Builder
	inQuote, depth := false, 0
	flush := func() {
		if cur.Len() > 0 {
			segs = append(segs, cur.String())
			cur.Reset()
		}
	}
	for _, r := range addr {
		switch {
		case r == '"' && depth > 0:
			inQuote = !inQuote
		case inQuote:
			cur.WriteRune(r)
		case r == '[':
			flush()
			depth++
		case r == ']':
			flush()
			depth--
		case r == '.' && depth == 0:
			flush()
		default:
			cur.WriteRune(r)
		}
	}
	flush()
	return segs
}

// name returns the block name of the resource with key k.
func (n *namer) name(k string) string {
	a := n.byKey[k]
	return a[strings.IndexByte(a, '.')+1:]
}
