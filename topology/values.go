package topology

import (
	"math/big"
	"net/netip"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// present reports whether an attribute was written: gohcl fills an absent
// optional attribute with a synthetic expression that is not native
// syntax.
func present(expr hcl.Expression) bool {
	_, ok := expr.(hclsyntax.Expression)
	return ok
}

// value evaluates expr with the locals. ok is false when expr is absent,
// unknown (after an earlier error) or invalid; errors are recorded. what
// names the attribute in messages, such as "cidr_block of subnet.app_a".
func (l *loader) value(expr hcl.Expression, what string) (cty.Value, bool) {
	if !present(expr) || !l.checkVars(expr, what) {
		return cty.NilVal, false
	}
	v, d := expr.Value(l.ctx)
	l.diags = append(l.diags, d...)
	switch {
	case d.HasErrors() || !v.IsWhollyKnown():
		return v, false
	case v.IsNull():
		l.errorf(expr.Range(), "Null value",
			"The %s is null; give it a value, or remove the argument if it is optional.", what)
		return v, false
	}
	return v, true
}

// checkVars reports the variables of expr that are not declared local
// values: resources (which are references, not values) and undeclared
// locals.
func (l *loader) checkVars(expr hcl.Expression, what string) bool {
	ok := true
	for _, tr := range expr.Variables() {
		root := tr.RootName()
		name := ""
		if len(tr) > 1 {
			if a, isAttr := tr[1].(hcl.TraverseAttr); isAttr {
				name = a.Name
			}
		}
		switch {
		case root == "local" && name != "":
			if _, declared := l.localNames[name]; declared {
				continue
			}
			hint := ""
			if s := l.suggestLocal(name); s != "" {
				hint = " Did you mean local." + s + "?"
			}
			l.errorf(tr.SourceRange(), "Reference to undeclared local value",
				"The %s refers to local.%s, which is not declared in any locals block.%s", what, name, hint)
		case isResourceType(root):
			l.errorf(tr.SourceRange(), "Reference where a value is expected",
				"The %s refers to %s%s, but it takes a value, such as a string or a list; resources are not values.", what, root, dotName(name))
		default:
			hint := ""
			if suggest(root, []string{"local"}) != "" && name != "" {
				hint = " Did you mean local." + name + "?"
			}
			l.errorf(tr.SourceRange(), "Unknown variable",
				"The %s refers to %s, which is neither a local value (local.NAME) nor anything else this language defines.%s",
				what, root+dotName(name), hint)
		}
		ok = false
	}
	return ok
}

// maxLocalSuggestions is how many undeclared locals get a "did you
// mean": each suggestion compares the name with every local, so without a
// bound n bad references to n locals would cost n² comparisons.
const maxLocalSuggestions = 100

// suggestLocal returns the declared local nearest to name, for the first
// maxLocalSuggestions undeclared references; "" after them.
func (l *loader) suggestLocal(name string) string {
	if l.localSuggestions >= maxLocalSuggestions {
		return ""
	}
	l.localSuggestions++
	if l.sortedLocals == nil {
		l.sortedLocals = sortedKeys(l.localNames)
	}
	return suggest(name, l.sortedLocals)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// item is one evaluated element of a list attribute with its range: the
// element's own range when the list is written literally, else the whole
// expression's.
type item struct {
	v   cty.Value
	rng hcl.Range
}

// list evaluates a list attribute element by element.
func (l *loader) list(expr hcl.Expression, what string) ([]item, bool) {
	if tup, ok := expr.(*hclsyntax.TupleConsExpr); ok {
		out := make([]item, 0, len(tup.Exprs))
		all := true
		for _, e := range tup.Exprs {
			v, ok := l.value(e, "element of the "+what)
			if ok {
				out = append(out, item{v, e.Range()})
			}
			all = all && ok
		}
		return out, all
	}
	v, ok := l.value(expr, what)
	if !ok {
		return nil, false
	}
	if !v.Type().IsListType() && !v.Type().IsTupleType() && !v.Type().IsSetType() {
		l.errorf(expr.Range(), "Incorrect value type",
			"The %s must be a list, such as [%s]; got a %s.", what, shortValue(v), v.Type().FriendlyName())
		return nil, false
	}
	var out []item
	for it := v.ElementIterator(); it.Next(); {
		_, ev := it.Element()
		out = append(out, item{ev, expr.Range()})
	}
	return out, true
}

// shortValue renders a primitive value for messages.
func shortValue(v cty.Value) string {
	if v.Type() == cty.String {
		return `"` + v.AsString() + `"`
	}
	if s, err := convert.Convert(v, cty.String); err == nil && s.IsKnown() && !s.IsNull() {
		return s.AsString()
	}
	return "..."
}

// asString converts an evaluated value to a string.
func (l *loader) asString(v cty.Value, rng hcl.Range, what string) (string, bool) {
	if v.IsNull() {
		l.errorf(rng, "Null value", "The %s is null; give it a string value.", what)
		return "", false
	}
	s, err := convert.Convert(v, cty.String)
	if err != nil {
		l.errorf(rng, "Incorrect value type", "The %s must be a string; got a %s.", what, v.Type().FriendlyName())
		return "", false
	}
	return s.AsString(), true
}

// str evaluates a string attribute.
func (l *loader) str(expr hcl.Expression, what string) (string, bool) {
	v, ok := l.value(expr, what)
	if !ok {
		return "", false
	}
	return l.asString(v, expr.Range(), what)
}

// strItem is a string element of a list attribute with its range.
type strItem struct {
	s   string
	rng hcl.Range
}

// strs evaluates a list of strings.
func (l *loader) strs(expr hcl.Expression, what string) ([]strItem, bool) {
	items, ok := l.list(expr, what)
	out := make([]strItem, 0, len(items))
	for _, it := range items {
		s, sok := l.asString(it.v, it.rng, "element of the "+what)
		if sok {
			out = append(out, strItem{s, it.rng})
		}
		ok = ok && sok
	}
	return out, ok
}

// strValues returns the strings of items.
func strValues(items []strItem) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.s
	}
	return out
}

// boolean evaluates a bool attribute.
func (l *loader) boolean(expr hcl.Expression, what string) (bool, bool) {
	v, ok := l.value(expr, what)
	if !ok {
		return false, false
	}
	b, err := convert.Convert(v, cty.Bool)
	if err != nil {
		l.errorf(expr.Range(), "Incorrect value type", "The %s must be true or false; got %s.", what, shortValue(v))
		return false, false
	}
	return b.True(), true
}

// asInt converts an evaluated value to a whole number in int32 range.
func (l *loader) asInt(v cty.Value, rng hcl.Range, what string) (int, bool) {
	n, err := convert.Convert(v, cty.Number)
	if err != nil || n.IsNull() {
		l.errorf(rng, "Incorrect value type", "The %s must be a whole number; got %s.", what, shortValue(v))
		return 0, false
	}
	i, acc := n.AsBigFloat().Int64()
	if acc != big.Exact || i < -1<<31 || i > 1<<31-1 {
		l.errorf(rng, "Invalid number", "The %s must be a whole number; got %s.", what, shortValue(v))
		return 0, false
	}
	return int(i), true
}

// integer evaluates a whole-number attribute.
func (l *loader) integer(expr hcl.Expression, what string) (int, bool) {
	v, ok := l.value(expr, what)
	if !ok {
		return 0, false
	}
	return l.asInt(v, expr.Range(), what)
}

// parsePrefix parses a CIDR and rejects host bits.
func (l *loader) parsePrefix(s string, rng hcl.Range, what string) (netip.Prefix, bool) {
	p, err := netip.ParsePrefix(strings.TrimSpace(s))
	if err != nil || p.Addr().Is4In6() {
		l.errorf(rng, "Invalid CIDR block",
			"The %s, %q, is not a CIDR block; write an address and a prefix length, such as \"10.1.0.0/16\".", what, s)
		return netip.Prefix{}, false
	}
	if p.Masked() != p {
		l.errorf(rng, "CIDR block has host bits set",
			"The %s, %q, has bits set after its /%d prefix; did you mean %q?", what, s, p.Bits(), p.Masked().String())
		return netip.Prefix{}, false
	}
	return p, true
}

// prefix evaluates a CIDR attribute.
func (l *loader) prefix(expr hcl.Expression, what string) (netip.Prefix, bool) {
	s, ok := l.str(expr, what)
	if !ok {
		return netip.Prefix{}, false
	}
	return l.parsePrefix(s, expr.Range(), what)
}

// prefixItem is a parsed CIDR with its range.
type prefixItem struct {
	p   netip.Prefix
	rng hcl.Range
}

// prefixes evaluates a list of CIDRs.
func (l *loader) prefixes(expr hcl.Expression, what string) ([]prefixItem, bool) {
	items, ok := l.strs(expr, what)
	out := make([]prefixItem, 0, len(items))
	for _, it := range items {
		p, pok := l.parsePrefix(it.s, it.rng, "element of the "+what)
		if pok {
			out = append(out, prefixItem{p, it.rng})
		}
		ok = ok && pok
	}
	return out, ok
}

// prefixValues returns the prefixes of items.
func prefixValues(items []prefixItem) []netip.Prefix {
	if len(items) == 0 {
		return nil
	}
	out := make([]netip.Prefix, len(items))
	for i, it := range items {
		out[i] = it.p
	}
	return out
}

// parseAddr parses an IP address.
func (l *loader) parseAddr(s string, rng hcl.Range, what string) (netip.Addr, bool) {
	a, err := netip.ParseAddr(strings.TrimSpace(s))
	if err != nil || a.Zone() != "" {
		l.errorf(rng, "Invalid IP address",
			"The %s, %q, is not an IP address; write it like \"10.1.1.10\".", what, s)
		return netip.Addr{}, false
	}
	return a.Unmap(), true
}

// addr evaluates an IP address attribute.
func (l *loader) addr(expr hcl.Expression, what string) (netip.Addr, bool) {
	s, ok := l.str(expr, what)
	if !ok {
		return netip.Addr{}, false
	}
	return l.parseAddr(s, expr.Range(), what)
}

// oneOf evaluates a string attribute that must be one of allowed.
func (l *loader) oneOf(expr hcl.Expression, what string, allowed ...string) (string, bool) {
	s, ok := l.str(expr, what)
	if !ok {
		return "", false
	}
	return l.checkOneOf(s, expr.Range(), what, allowed...)
}

// oneOfFold is oneOf for names that are case-insensitive (protocols): s is
// lower-cased before it is checked, and returned lower case.
func (l *loader) oneOfFold(expr hcl.Expression, what string, allowed ...string) (string, bool) {
	s, ok := l.str(expr, what)
	if !ok {
		return "", false
	}
	return l.checkOneOf(strings.ToLower(s), expr.Range(), what, allowed...)
}

// checkOneOf reports s unless it is one of allowed.
func (l *loader) checkOneOf(s string, rng hcl.Range, what string, allowed ...string) (string, bool) {
	for _, a := range allowed {
		if s == a {
			return s, true
		}
	}
	hint := ""
	if sug := suggest(s, allowed); sug != "" {
		hint = " Did you mean " + quote(sug) + "?"
	}
	l.errorf(rng, "Invalid value", "The %s, %q, must be one of %s.%s", what, s, quoteList(allowed), hint)
	return "", false
}

func quote(s string) string { return `"` + s + `"` }

// quoteList renders ["a", "b", "c"] as `"a", "b" or "c"`.
func quoteList(ss []string) string {
	var b strings.Builder
	for i, s := range ss {
		switch {
		case i == 0:
		case i == len(ss)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(quote(s))
	}
	return b.String()
}
