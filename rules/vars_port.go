package rules

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/ports"
	"github.com/vpcreach/vpcreach/rules/syntax"
)

// resolvePort resolves a port field to a set, the full set for any. The
// semantics mirror resolveAddr: list elements are collected into a
// positive and a negated part, a negated element contributes its value to
// the negated part, only negations means all ports minus them, and
// negating every port or leaving none is an error.
func (v *varEnv) resolvePort(e *syntax.PortExpr) (ports.Set, hcl.Diagnostics) {
	if e.Kind == syntax.PortAny && !e.Negated {
		return ports.AllSet(), nil
	}
	if e.Kind == syntax.PortVar && !e.Negated {
		if s, ok := v.ports[e.Name]; ok && !s.IsEmpty() {
			return s, nil
		}
	}
	key := e.String()
	if s, ok := v.portMemo[key]; ok {
		return s, nil
	}
	r := portResolver{v: v}
	var pos, neg ports.Set
	r.collect(e, &pos, &neg)
	s := r.merge(e, pos, neg)
	if len(r.diags) == 0 {
		v.portMemo[key] = s
	}
	return s, r.diags
}

// portResolver resolves one port expression, collecting diagnostics.
type portResolver struct {
	v     *varEnv
	diags hcl.Diagnostics
}

// collect adds element e to the positive or negated part.
func (r *portResolver) collect(e *syntax.PortExpr, pos, neg *ports.Set) {
	switch {
	case e.Negated:
		*neg = neg.Union(r.value(e))
	case e.Kind == syntax.PortGroup:
		for i := range e.Elems {
			r.collect(&e.Elems[i], pos, neg)
		}
	default:
		*pos = pos.Union(r.value(e))
	}
}

// value returns the set e stands for, ignoring e.Negated.
func (r *portResolver) value(e *syntax.PortExpr) ports.Set {
	switch e.Kind {
	case syntax.PortAny:
		return ports.AllSet()
	case syntax.PortRange:
		return ports.NewSet(e.Ports)
	case syntax.PortVar:
		return r.lookup(e)
	}
	var pos, neg ports.Set
	for i := range e.Elems {
		r.collect(&e.Elems[i], &pos, &neg)
	}
	return r.merge(e, pos, neg)
}

// lookup returns the set of a $VARIABLE, reporting unknown names.
func (r *portResolver) lookup(e *syntax.PortExpr) ports.Set {
	if s, ok := r.v.ports[e.Name]; ok {
		if s.IsEmpty() {
			r.errorf(e.Range, "Empty variable",
				"$%s holds no port; Suricata rejects a rule whose variable resolves to nothing.", e.Name)
		}
		return s
	}
	if _, ok := r.v.addrs[e.Name]; ok {
		r.errorf(e.Range, "Address variable used as port",
			"$%s is an ip_set (addresses), but it is used here as a port. Use a port_set for ports.", e.Name)
		return ports.Set{}
	}
	r.errorf(e.Range, "Undefined variable",
		"The rule uses $%s, which is not defined. %s", e.Name, suggest(e.Name, keys(r.v.ports), "$", "a port_set"))
	return ports.Set{}
}

// merge combines the positive and negated parts as Suricata does.
func (r *portResolver) merge(e *syntax.PortExpr, pos, neg ports.Set) ports.Set {
	if neg.IsAll() {
		r.errorf(e.Range, "Negated port space",
			"%q negates every port, which leaves the rule nothing to match; Suricata rejects it.", syntax.Clip(e.String()))
		return ports.Set{}
	}
	if pos.IsEmpty() && !neg.IsEmpty() {
		pos = ports.AllSet()
	}
	out := pos.Intersect(neg.Complement())
	if out.IsEmpty() && len(r.diags) == 0 {
		r.errorf(e.Range, "Empty port set",
			"%q holds no port once its negations are applied; Suricata rejects the rule (\"no ports left after merging ports with negated ports\").",
			syntax.Clip(e.String()))
	}
	return out
}

func (r *portResolver) errorf(rng hcl.Range, summary, format string, args ...any) {
	r.diags = append(r.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  summary,
		Detail:   fmt.Sprintf(format, args...),
		Subject:  &rng,
	})
}
