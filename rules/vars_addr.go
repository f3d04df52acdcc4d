package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"go4.org/netipx"

	"github.com/vpcreach/vpcreach/rules/syntax"
)

// resolveAddr resolves an address field to a set, nil meaning every
// address. It follows Suricata 7's semantics:
//   - elements of a list (and of nested, non-negated lists and variables)
//     are collected into a positive and a negated part;
//   - a negated element contributes its own value to the negated part;
//   - in each address family where only negations appear, the positive
//     part is that family's universe (so !10.0.0.0/8 holds no IPv6
//     address, as in Suricata);
//   - negating a whole family, or a result with no address, is an error.
func (v *varEnv) resolveAddr(e *syntax.AddrExpr) (*netipx.IPSet, hcl.Diagnostics) {
	if e.Kind == syntax.AddrAny && !e.Negated {
		return v.all, nil
	}
	if e.Kind == syntax.AddrVar && !e.Negated {
		if s, ok := v.addrs[e.Name]; ok && !isEmptySet(s) {
			return v.canonical(s), nil
		}
	}
	key := e.String()
	if s, ok := v.addrMemo[key]; ok {
		return s, nil
	}
	var r addrResolver
	r.v = v
	s := r.value(e, true)
	if len(r.diags) == 0 {
		v.addrMemo[key] = v.canonical(s)
	}
	return v.canonical(s), r.diags
}

// canonical returns v.all for a set of every address, so that the rules
// whose address is any share one set; other sets as they are.
func (v *varEnv) canonical(s *netipx.IPSet) *netipx.IPSet {
	if s != nil && isUniverse(s) {
		return v.all
	}
	return s
}

// nilIfUniverse returns nil for a set of every address: compiled rules
// test "any" as nil, which costs nothing per packet.
func nilIfUniverse(s *netipx.IPSet) *netipx.IPSet {
	if s != nil && isUniverse(s) {
		return nil
	}
	return s
}

// addrResolver resolves one address expression, collecting diagnostics.
type addrResolver struct {
	v     *varEnv
	diags hcl.Diagnostics
}

// value returns the set e stands for, ignoring e.Negated when top is
// false (the caller handles it). At the top level a lone element is
// treated as a one-element list, so "!x" is the universe minus x.
func (r *addrResolver) value(e *syntax.AddrExpr, top bool) *netipx.IPSet {
	if e.Kind != syntax.AddrGroup && !top {
		return r.leaf(e)
	}
	var pos, neg netipx.IPSetBuilder
	if top {
		r.collect(e, &pos, &neg)
	} else {
		for i := range e.Elems {
			r.collect(&e.Elems[i], &pos, &neg)
		}
	}
	return r.merge(e, &pos, &neg)
}

// collect adds element e to the positive or negated part.
func (r *addrResolver) collect(e *syntax.AddrExpr, pos, neg *netipx.IPSetBuilder) {
	switch {
	case e.Negated:
		neg.AddSet(r.value(e, false))
	case e.Kind == syntax.AddrGroup:
		for i := range e.Elems {
			r.collect(&e.Elems[i], pos, neg)
		}
	default:
		pos.AddSet(r.leaf(e))
	}
}

// leaf returns the set of a non-group element, ignoring negation.
func (r *addrResolver) leaf(e *syntax.AddrExpr) *netipx.IPSet {
	var b netipx.IPSetBuilder
	switch e.Kind {
	case syntax.AddrAny:
		b.AddPrefix(allV4)
		b.AddPrefix(allV6)
	case syntax.AddrPrefix:
		r.checkHostBits(e)
		b.AddPrefix(e.Prefix.Masked())
	case syntax.AddrRange:
		b.AddRange(netipx.IPRangeFrom(e.First, e.Last))
	case syntax.AddrVar, syntax.AddrRef:
		if s := r.lookup(e); s != nil {
			return s
		}
	case syntax.AddrGroup:
		return r.value(e, false)
	}
	s, _ := b.IPSet()
	return s
}

// lookup returns the set of a $VARIABLE or @REFERENCE, reporting unknown
// names.
func (r *addrResolver) lookup(e *syntax.AddrExpr) *netipx.IPSet {
	table, sigil := r.v.addrs, "$"
	if e.Kind == syntax.AddrRef {
		table, sigil = r.v.refs, "@"
	}
	if s, ok := table[e.Name]; ok {
		if isEmptySet(s) {
			r.errorf(e.Range, "Empty variable",
				"%s%s holds no address; Suricata rejects a rule whose variable resolves to nothing.", sigil, e.Name)
		}
		return s
	}
	switch {
	case e.Kind == syntax.AddrVar && hasPort(r.v, e.Name):
		r.errorf(e.Range, "Port variable used as address",
			"$%s is a port_set, but it is used here as an address. Use an ip_set for addresses.", e.Name)
	case e.Kind == syntax.AddrVar:
		r.errorf(e.Range, "Undefined variable",
			"The rule uses $%s, which is not defined. %s", e.Name, suggest(e.Name, keys(r.v.addrs), sigil, "an ip_set"))
	default:
		r.errorf(e.Range, "Undefined IP set reference",
			"The rule uses @%s, which is not an IP set reference of the rule group. %s", e.Name, suggest(e.Name, keys(r.v.refs), sigil, "an ip_set_reference"))
	}
	return nil
}

// merge combines the positive and negated parts as Suricata does.
func (r *addrResolver) merge(e *syntax.AddrExpr, posB, negB *netipx.IPSetBuilder) *netipx.IPSet {
	neg, _ := negB.IPSet()
	if neg.ContainsPrefix(allV4) || neg.ContainsPrefix(allV6) {
		r.errorf(e.Range, "Negated address space",
			"%q negates every %s address, which leaves the rule nothing to match; Suricata rejects it.",
			syntax.Clip(e.String()), familyOf(neg))
		return &netipx.IPSet{}
	}
	pos, _ := posB.IPSet()
	if !pos.OverlapsPrefix(allV4) && neg.OverlapsPrefix(allV4) {
		posB.AddPrefix(allV4)
	}
	if !pos.OverlapsPrefix(allV6) && neg.OverlapsPrefix(allV6) {
		posB.AddPrefix(allV6)
	}
	posB.RemoveSet(neg)
	out, _ := posB.IPSet()
	if len(out.Prefixes()) == 0 && len(r.diags) == 0 {
		r.errorf(e.Range, "Empty address set",
			"%q holds no address once its negations are applied; Suricata rejects the rule (\"no addresses left after merging addresses and negated addresses\").",
			syntax.Clip(e.String()))
	}
	return out
}

// checkHostBits warns about a CIDR with host bits set, which Suricata
// silently masks.
func (r *addrResolver) checkHostBits(e *syntax.AddrExpr) {
	if m := e.Prefix.Masked(); m != e.Prefix {
		rng := e.Range
		r.diags = append(r.diags, &hcl.Diagnostic{
			Severity: hcl.DiagWarning,
			Summary:  "Address has host bits set",
			Detail:   fmt.Sprintf("%s has bits set after its /%d prefix; Suricata reads it as %s.", e.Prefix, e.Prefix.Bits(), m),
			Subject:  &rng,
		})
	}
}

func (r *addrResolver) errorf(rng hcl.Range, summary, format string, args ...any) {
	r.diags = append(r.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  summary,
		Detail:   fmt.Sprintf(format, args...),
		Subject:  &rng,
	})
}

func familyOf(s *netipx.IPSet) string {
	switch {
	case isUniverse(s):
		return "IPv4 and IPv6"
	case s.ContainsPrefix(allV4):
		return "IPv4"
	}
	return "IPv6"
}

func hasPort(v *varEnv, name string) bool { _, ok := v.ports[name]; return ok }

// keys returns the sorted keys of m.
func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// suggest returns a sentence that proposes the nearest known name, or
// says how to declare the name.
func suggest(name string, known []string, sigil, block string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := editDistance(strings.ToUpper(name), strings.ToUpper(k)); d < bestD {
			best, bestD = k, d
		}
	}
	switch {
	case best != "":
		return "Did you mean " + sigil + best + "?"
	case name == "HOME_NET" || name == "EXTERNAL_NET":
		return "HOME_NET comes from the policy's home_net, else the firewall VPC's CIDRs, and EXTERNAL_NET is its negation; neither is known here."
	}
	return "Declare it in the rule group with " + block + " block."
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
