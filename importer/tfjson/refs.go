package tfjson

import (
	"slices"
	"strings"

	tfj "github.com/hashicorp/terraform-json"
)

// seg is one step of a reference: a name with an optional static index.
type seg struct {
	name  string
	index string // as written inside the brackets: 0 or "a"; "" for none
}

// splitRef splits a Terraform reference or address at dots outside
// brackets and quotes: `module.a["x.y"].b[0].id` -> module, a["x.y"],
// b[0], id.
func splitRef(s string) []seg {
	var out []seg
	var cur, idx strings.Builder
	inQuote, inBracket := false, false
	flush := func() {
		if cur.Len() > 0 || idx.Len() > 0 {
			out = append(out, seg{name: cur.String(), index: idx.String()})
		}
		cur.Reset()
		idx.Reset()
	}
	for _, c := range s {
		switch {
		case inBracket && c == '"':
			inQuote = !inQuote
			idx.WriteRune(c)
		case inBracket && !inQuote && c == ']':
			inBracket = false
		case inBracket:
			idx.WriteRune(c)
		case c == '[':
			inBracket = true
		case c == '.':
			flush()
		default:
			cur.WriteRune(c)
		}
	}
	flush()
	return out
}

// maxRefDepth bounds how many variables and outputs a reference is
// followed through.
const maxRefDepth = 16

// refScope is where a reference is read: a module instance, its
// configuration, and the instance key of the resource that refers.
type refScope struct {
	module string
	cfg    *tfj.ConfigModule
	index  string
}

// resolve returns the resources the references name, of one of types,
// followed through module variables and outputs.
func (r *reader) resolve(sc refScope, refs []string, types []string, depth int) []*res {
	return r.resolveAll(sc, refs, types, depth, false)
}

// resolveAll is resolve; with all, a reference to a resource with several
// instances and no index (aws_subnet.app[*].id in a list) names every
// instance.
func (r *reader) resolveAll(sc refScope, refs []string, types []string, depth int, all bool) []*res {
	if depth > maxRefDepth {
		return nil
	}
	var out []*res
	add := func(xs ...*res) {
		for _, x := range xs {
			if !slices.Contains(out, x) {
				out = append(out, x)
			}
		}
	}
	for _, ref := range refs {
		segs := splitRef(ref)
		if len(segs) < 2 {
			continue
		}
		switch root := segs[0].name; {
		case root == "var":
			add(r.viaVariable(sc, segs[1].name, types, depth, all)...)
		case root == "module" && len(segs) >= 3:
			add(r.viaOutput(sc, segs[1], segs[2].name, types, depth, all)...)
		case slices.Contains(types, root):
			if all && segs[1].index == "" {
				add(r.byName[sc.module+"|"+root+"."+segs[1].name]...)
			} else if x := r.instance(sc, root, segs[1]); x != nil {
				add(x)
			}
		}
	}
	return out
}

// instance picks the instance of resource typ.name in the scope: the one
// the reference indexes, else the one with the referrer's key, else the
// only one.
func (r *reader) instance(sc refScope, typ string, s seg) *res {
	xs := r.byName[sc.module+"|"+typ+"."+s.name]
	pick := func(key string) *res {
		for _, x := range xs {
			if x.index == key {
				return x
			}
		}
		return nil
	}
	switch {
	case s.index != "":
		return pick(s.index)
	case len(xs) == 1:
		return xs[0]
	case sc.index != "":
		return pick(sc.index)
	}
	return nil
}

// viaVariable follows var.NAME of a module to the expression its caller
// gives it.
func (r *reader) viaVariable(sc refScope, name string, types []string, depth int, all bool) []*res {
	parent, call := splitLastModule(sc.module)
	if call.name == "" {
		return nil
	}
	pcfg := r.configModule(parent)
	if pcfg == nil || pcfg.ModuleCalls[call.name] == nil {
		return nil
	}
	e := pcfg.ModuleCalls[call.name].Expressions[name]
	if e == nil || e.ExpressionData == nil {
		return nil
	}
	return r.resolveAll(refScope{module: parent, cfg: pcfg, index: sc.index}, e.References, types, depth+1, all)
}

// viaOutput follows module.CALL.OUTPUT to the output's expression.
func (r *reader) viaOutput(sc refScope, call seg, output string, types []string, depth int, all bool) []*res {
	if sc.cfg == nil || sc.cfg.ModuleCalls[call.name] == nil || sc.cfg.ModuleCalls[call.name].Module == nil {
		return nil
	}
	child := sc.cfg.ModuleCalls[call.name].Module
	o := child.Outputs[output]
	if o == nil || o.Expression == nil || o.Expression.ExpressionData == nil {
		return nil
	}
	prefix := "module." + call.name
	if sc.module != "" {
		prefix = sc.module + "." + prefix
	}
	inst := ""
	switch {
	case call.index != "":
		inst = prefix + "[" + call.index + "]"
	case r.modules[prefix]:
		inst = prefix
	default:
		var found []string
		for m := range r.modules {
			if strings.HasPrefix(m, prefix+"[") && !strings.Contains(m[len(prefix):], ".module.") {
				found = append(found, m)
			}
		}
		if len(found) != 1 {
			return nil
		}
		inst = found[0]
	}
	return r.resolveAll(refScope{module: inst, cfg: child, index: sc.index}, o.Expression.References, types, depth+1, all)
}

// splitLastModule splits a module instance address into its parent and
// its last call: module.a.module.b["x"] -> module.a, b["x"].
func splitLastModule(module string) (string, seg) {
	segs := splitRef(module)
	if len(segs) < 2 {
		return "", seg{}
	}
	last := segs[len(segs)-1]
	parent := strings.TrimSuffix(module, ".module."+render(last))
	if len(segs) == 2 {
		parent = ""
	}
	return parent, last
}

func render(s seg) string {
	if s.index == "" {
		return s.name
	}
	return s.name + "[" + s.index + "]"
}

// exprRefs returns the references of attribute path of x's configuration:
// ("vpc_id") or, inside nested blocks, ("route", 2, "nat_gateway_id").
func (x *res) exprRefs(path ...any) []string {
	if x.cfg == nil {
		return nil
	}
	exprs := x.cfg.Expressions
	for i := 0; i < len(path); i++ {
		name, _ := path[i].(string)
		e := exprs[name]
		if e == nil || e.ExpressionData == nil {
			return nil
		}
		if i == len(path)-1 {
			return e.References
		}
		n, ok := path[i+1].(int)
		if !ok || n >= len(e.NestedBlocks) {
			return nil
		}
		exprs = e.NestedBlocks[n]
		i++
	}
	return nil
}

// ref returns the key of the resource attribute attr of x names: its
// value when known, else the resource of one of types its configuration
// refers to; "" when neither says.
func (r *reader) ref(x *res, attr string, types ...string) string {
	if s := str(x.v, attr); s != "" {
		return s
	}
	return r.refExpr(x, []any{attr}, types)
}

// refExpr resolves the references of a configuration path to one key.
func (r *reader) refExpr(x *res, path []any, types []string) string {
	xs := r.resolve(refScope{module: x.module, cfg: x.cfgMod, index: x.index}, x.exprRefs(path...), types, 0)
	if len(xs) == 1 {
		return xs[0].key
	}
	return ""
}

// refList returns the keys a list attribute names: its values when all
// known, else every resource of types its configuration refers to.
func (r *reader) refList(x *res, attr string, types ...string) []string {
	if vs, ok := strs(x.v, attr); ok && !x.isUnknown(attr) {
		return vs
	}
	var out []string
	for _, y := range r.resolveAll(refScope{module: x.module, cfg: x.cfgMod, index: x.index}, x.exprRefs(attr), types, 0, true) {
		out = append(out, y.key)
	}
	return out
}
