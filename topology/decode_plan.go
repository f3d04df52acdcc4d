package topology

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// The decoder below does what gohcl.DecodeBody does for the block structs
// of this package (labels, label ranges, def_range, body, hcl.Expression
// attributes, []*T blocks), plus the required-argument check, from a plan
// made once per struct type instead of by reflection on every block: at
// 1,000 spokes gohcl spent most of the decode phase re-deriving schemas.

// decodePlan is how to decode one block struct type.
type decodePlan struct {
	schema *hcl.BodySchema
	// Field indexes (-1: none).
	body, defRange int
	labels         []int // by label position
	labelRanges    []int // by label position (-1: none)
	attrs          []planAttr
	blocks         []planBlock
}

type planAttr struct {
	name     string
	field    int
	required bool
}

type planBlock struct {
	typ   string
	field int
	elem  reflect.Type // the struct type T of []*T
	plan  *decodePlan
}

// decodePlans holds the plans of a struct type and of every block type
// nested in it. It is built before decoding and only read after.
type decodePlans map[reflect.Type]*decodePlan

// planFor builds (once) the plan of struct type t and its nested blocks.
func (ps decodePlans) planFor(t reflect.Type) *decodePlan {
	if p := ps[t]; p != nil {
		return p
	}
	p := &decodePlan{schema: &hcl.BodySchema{}, body: -1, defRange: -1}
	ps[t] = p
	labelRange := map[string]int{}
	var labelNames []string
	for i := range t.NumField() {
		name, kind, _ := strings.Cut(t.Field(i).Tag.Get("hcl"), ",")
		switch kind {
		case "label":
			p.labels = append(p.labels, i)
			labelNames = append(labelNames, name)
		case "label_range":
			labelRange[name] = i
		case "def_range":
			p.defRange = i
		case "body":
			p.body = i
		case "block":
			elem := t.Field(i).Type.Elem().Elem() // []*T
			p.blocks = append(p.blocks, planBlock{typ: name, field: i, elem: elem})
		case "", "optional":
			if name != "" {
				p.attrs = append(p.attrs, planAttr{name: name, field: i, required: kind == ""})
			}
		default:
			panic(fmt.Sprintf("topology: unsupported hcl tag %q on %s", t.Field(i).Tag.Get("hcl"), t))
		}
	}
	for _, n := range labelNames {
		ix, ok := labelRange[n]
		if !ok {
			ix = -1
		}
		p.labelRanges = append(p.labelRanges, ix)
	}
	// Schemas list attributes and blocks by name, as gohcl's do; an
	// hcl.Expression attribute is never required at this level.
	sort.Slice(p.attrs, func(i, j int) bool { return p.attrs[i].name < p.attrs[j].name })
	sort.Slice(p.blocks, func(i, j int) bool { return p.blocks[i].typ < p.blocks[j].typ })
	for _, a := range p.attrs {
		p.schema.Attributes = append(p.schema.Attributes, hcl.AttributeSchema{Name: a.name})
	}
	for i := range p.blocks {
		b := &p.blocks[i]
		b.plan = ps.planFor(b.elem)
		p.schema.Blocks = append(p.schema.Blocks, hcl.BlockHeaderSchema{Type: b.typ, LabelNames: b.plan.labelNames(b.elem)})
		if t == reflect.TypeFor[config]() {
			// Every resource block may record its origin (origin.go).
			b.plan.schema.Attributes = append(b.plan.schema.Attributes, originAttrs()...)
		}
	}
	return p
}

// labelNames returns the label names of struct type t, in order.
func (p *decodePlan) labelNames(t reflect.Type) []string {
	out := make([]string, len(p.labels))
	for i, f := range p.labels {
		out[i], _, _ = strings.Cut(t.Field(f).Tag.Get("hcl"), ",")
	}
	return out
}

// decode decodes body into v (a struct of the plan's type), appending
// diagnostics: those of body.Content, and "Missing required argument" for
// each required attribute left out. An absent attribute becomes a static
// null expression at the body's missing-item range, as gohcl leaves it.
func (p *decodePlan) decode(body hcl.Body, v reflect.Value, diags *hcl.Diagnostics) {
	content, d := body.Content(p.schema)
	*diags = append(*diags, d...)
	if content == nil {
		return
	}
	if p.body >= 0 {
		v.Field(p.body).Set(reflect.ValueOf(body))
	}
	for _, a := range p.attrs {
		attr := content.Attributes[a.name]
		if attr == nil {
			missing := body.MissingItemRange()
			v.Field(a.field).Set(reflect.ValueOf(hcl.StaticExpr(cty.NullVal(cty.DynamicPseudoType), missing)))
			if a.required {
				*diags = append(*diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Missing required argument",
					Detail:   fmt.Sprintf("The argument %q is required, but no definition was found.", a.name),
					Subject:  missing.Ptr(),
				})
			}
			continue
		}
		v.Field(a.field).Set(reflect.ValueOf(attr.Expr))
	}
	if len(p.blocks) == 0 {
		return
	}
	byType := content.Blocks.ByType()
	for _, b := range p.blocks {
		blocks := byType[b.typ]
		if len(blocks) == 0 {
			continue
		}
		sli := reflect.MakeSlice(reflect.SliceOf(reflect.PointerTo(b.elem)), len(blocks), len(blocks))
		for i, blk := range blocks {
			ev := reflect.New(b.elem)
			b.plan.decodeBlock(blk, ev.Elem(), diags)
			sli.Index(i).Set(ev)
		}
		v.Field(b.field).Set(sli)
	}
}

// decodeBlock decodes a block: its body, labels, label ranges and range.
func (p *decodePlan) decodeBlock(blk *hcl.Block, v reflect.Value, diags *hcl.Diagnostics) {
	p.decode(blk.Body, v, diags)
	for i, l := range blk.Labels {
		if i >= len(p.labels) {
			break
		}
		v.Field(p.labels[i]).Set(reflect.ValueOf(l))
		if r := p.labelRanges[i]; r >= 0 {
			v.Field(r).Set(reflect.ValueOf(blk.LabelRanges[i]))
		}
	}
	if p.defRange >= 0 {
		v.Field(p.defRange).Set(reflect.ValueOf(blk.DefRange))
	}
}
