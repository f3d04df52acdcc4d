package topology

import (
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

var localsSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "locals"}}}

// locals takes the locals blocks out of bodies, evaluates them in
// dependency order into l.ctx (as local.NAME) and returns the rest of
// each body. A local that fails to evaluate becomes unknown, so that its
// users report nothing more.
func (l *loader) locals(bodies []hcl.Body) []hcl.Body {
	var attrs []*hcl.Attribute
	rest := make([]hcl.Body, 0, len(bodies))
	for _, b := range bodies {
		content, remain, d := b.PartialContent(localsSchema)
		l.diags = append(l.diags, d...)
		rest = append(rest, remain)
		for _, blk := range content.Blocks {
			as, d := blk.Body.JustAttributes()
			l.diags = append(l.diags, d...)
			attrs = append(attrs, sortedAttrs(as)...)
		}
	}
	byName := map[string]*hcl.Attribute{}
	var order []*hcl.Attribute
	for _, a := range attrs {
		if first, dup := byName[a.Name]; dup {
			l.errorf(a.NameRange, "Duplicate local value",
				"The local value %q is already defined at %s; each local needs a unique name.",
				a.Name, where(first.NameRange))
			continue
		}
		byName[a.Name] = a
		order = append(order, a)
	}
	for name, a := range byName {
		l.localNames[name] = a.NameRange
	}
	e := &localsEval{l: l, attrs: byName, vals: map[string]cty.Value{}, state: map[string]int{}}
	for _, a := range order {
		e.visit(a.Name, nil)
	}
	return rest
}

// sortedAttrs returns the attributes of a map in source order.
func sortedAttrs(m hcl.Attributes) []*hcl.Attribute {
	out := make([]*hcl.Attribute, 0, len(m))
	for _, a := range m {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Range.Start.Byte < out[j].Range.Start.Byte })
	return out
}

// localsEval evaluates locals depth first (a topological order).
type localsEval struct {
	l     *loader
	attrs map[string]*hcl.Attribute
	vals  map[string]cty.Value
	state map[string]int // 0 new, 1 on the stack, 2 done
}

func (e *localsEval) visit(name string, stack []string) {
	a, ok := e.attrs[name]
	if !ok || e.state[name] == 2 {
		return // undeclared: evaluation of the user reports it
	}
	if e.state[name] == 1 {
		e.cycle(name, stack)
		return
	}
	e.state[name] = 1
	stack = append(stack, name)
	for _, dep := range localDeps(a.Expr) {
		e.visit(dep, stack)
	}
	e.state[name] = 2
	if _, failed := e.vals[name]; failed {
		return // part of a cycle, already reported
	}
	if !e.l.checkVars(a.Expr, "local value "+name) {
		e.set(name, cty.DynamicVal)
		return
	}
	v, d := a.Expr.Value(e.l.ctx)
	e.l.diags = append(e.l.diags, d...)
	if d.HasErrors() {
		v = cty.DynamicVal
	}
	e.set(name, v)
}

// cycle reports a dependency cycle that ends at name and marks its members
// unknown.
func (e *localsEval) cycle(name string, stack []string) {
	start := 0
	for i, n := range stack {
		if n == name {
			start = i
		}
	}
	members := append(append([]string(nil), stack[start:]...), name)
	path := "local." + strings.Join(members, " -> local.")
	first := e.attrs[members[0]]
	e.l.errorf(first.Expr.Range(), "Cycle in local values",
		"The local values refer to each other in a cycle (%s); break the cycle by writing one of them as a literal value.", path)
	for _, m := range members {
		e.set(m, cty.DynamicVal)
	}
}

func (e *localsEval) set(name string, v cty.Value) {
	e.vals[name] = v
	obj := make(map[string]cty.Value, len(e.vals))
	for k, x := range e.vals {
		obj[k] = x
	}
	e.l.ctx.Variables = map[string]cty.Value{"local": cty.ObjectVal(obj)}
}

// localDeps lists the local names expr refers to, in order.
func localDeps(expr hcl.Expression) []string {
	var out []string
	for _, tr := range expr.Variables() {
		if tr.RootName() != "local" || len(tr) < 2 {
			continue
		}
		if at, ok := tr[1].(hcl.TraverseAttr); ok {
			out = append(out, at.Name)
		}
	}
	return out
}
