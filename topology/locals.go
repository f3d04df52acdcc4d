package topology

import (
	"fmt"
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
	e := &localsEval{l: l, attrs: byName, vals: map[string]cty.Value{}, state: map[string]int{}, onStack: map[string]int{}}
	for _, a := range order {
		e.visit(a.Name)
	}
	if len(e.vals) > 0 {
		l.ctx.Variables = map[string]cty.Value{"local": cty.ObjectVal(e.vals)}
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

// localsEval evaluates locals depth first (a topological order), each
// once, in a context holding only the locals it refers to, so that n
// locals cost time linear in their size (the whole local object is built
// once, at the end). The walk keeps its own stack: a chain of locals as
// long as a file allows cannot exhaust the Go stack.
type localsEval struct {
	l       *loader
	attrs   map[string]*hcl.Attribute
	vals    map[string]cty.Value
	state   map[string]int // 0 new, 1 on the stack, 2 done
	onStack map[string]int // index in the stack of a local with state 1
}

// localFrame is one local on the walk's stack and how many of its
// dependencies have been visited.
type localFrame struct {
	name string
	deps []string
	next int
}

func (e *localsEval) visit(root string) {
	if _, ok := e.attrs[root]; !ok || e.state[root] != 0 {
		return // undeclared: evaluation of the user reports it
	}
	var stack []localFrame
	push := func(name string) {
		e.state[name], e.onStack[name] = 1, len(stack)
		stack = append(stack, localFrame{name: name, deps: localDeps(e.attrs[name].Expr)})
	}
	push(root)
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if top.next < len(top.deps) {
			dep := top.deps[top.next]
			top.next++
			if _, ok := e.attrs[dep]; !ok || e.state[dep] == 2 {
				continue
			}
			if e.state[dep] == 1 {
				e.cycle(stack[e.onStack[dep]:], dep)
				continue
			}
			push(dep)
			continue
		}
		name := top.name
		stack = stack[:len(stack)-1]
		e.state[name] = 2
		delete(e.onStack, name)
		e.evaluate(name)
	}
}

// evaluate evaluates the local name, whose dependencies are evaluated.
func (e *localsEval) evaluate(name string) {
	if _, failed := e.vals[name]; failed {
		return // part of a cycle, already reported
	}
	a := e.attrs[name]
	if !e.l.checkVars(a.Expr, "local value "+name) {
		e.vals[name] = cty.DynamicVal
		return
	}
	deps := map[string]cty.Value{}
	for _, d := range localDeps(a.Expr) {
		if v, ok := e.vals[d]; ok {
			deps[d] = v
		}
	}
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{"local": cty.ObjectVal(deps)}}
	v, d := a.Expr.Value(ctx)
	e.l.diags = append(e.l.diags, d...)
	if d.HasErrors() {
		v = cty.DynamicVal
	}
	e.vals[name] = v
}

// maxCycleNames is the most locals a cycle's message names.
const maxCycleNames = 10

// cycle reports a dependency cycle: the locals of frames (from the one
// named name to the top of the stack) and back to name; it marks them
// unknown.
func (e *localsEval) cycle(frames []localFrame, name string) {
	members := make([]string, 0, min(len(frames), maxCycleNames)+1)
	for i, f := range frames {
		if i == maxCycleNames {
			members = append(members, fmt.Sprintf("... (%d more)", len(frames)-i))
			break
		}
		members = append(members, "local."+f.name)
	}
	members = append(members, "local."+name)
	path := strings.Join(members, " -> ")
	first := e.attrs[frames[0].name]
	e.l.errorf(first.Expr.Range(), "Cycle in local values",
		"The local values refer to each other in a cycle (%s); break the cycle by writing one of them as a literal value.", path)
	for _, f := range frames {
		e.vals[f.name] = cty.DynamicVal
	}
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
