package topology

import (
	"reflect"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Every resource block may say where it came from, as `vpcreach import`
// writes it: aws_id (the AWS id, such as "subnet-0abc") and
// terraform_address (such as `module.spoke["a"].aws_subnet.app[0]`).
// They are accepted and stored in Meta, never evaluated; queries may name
// a resource by either (Topology.ResourceByOrigin).
const (
	attrAWSID     = "aws_id"
	attrTFAddress = "terraform_address"
)

// originAttrs are the schema entries every labelled block accepts.
func originAttrs() []hcl.AttributeSchema {
	return []hcl.AttributeSchema{{Name: attrAWSID}, {Name: attrTFAddress}}
}

// Origin returns the resource's aws_id and terraform_address ("" when
// not given).
func (m *Meta) Origin() (awsID, tfAddress string) { return m.awsID, m.tfAddress }

// origin reads the aws_id and terraform_address of block b (a decoded
// block struct with a Body field) into m.
func (l *loader) origin(m *Meta, b any) {
	v := reflect.ValueOf(b)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	f := v.FieldByName("Body")
	if !f.IsValid() {
		return
	}
	body, ok := f.Interface().(*hclsyntax.Body)
	if !ok || body == nil {
		return
	}
	if a := body.Attributes[attrAWSID]; a != nil {
		m.awsID, _ = l.str(a.Expr, attrAWSID+" of "+m.Addr())
	}
	if a := body.Attributes[attrTFAddress]; a != nil {
		m.tfAddress, _ = l.str(a.Expr, attrTFAddress+" of "+m.Addr())
	}
}

// ResourceByOrigin returns the declared resource whose aws_id or
// terraform_address is id. An id given to several resources (the same
// AWS id imported twice) names none of them.
func (t *Topology) ResourceByOrigin(id string) (Resource, bool) {
	r := t.index.byOrigin[id]
	return r, r != nil
}

// addOrigin indexes r by its aws_id and terraform_address; an id seen
// twice maps to nil (ambiguous).
func (ix *index) addOrigin(r Resource) {
	o, ok := r.(interface{ Origin() (string, string) })
	if !ok {
		return
	}
	a, t := o.Origin()
	for _, id := range []string{a, t} {
		if id == "" {
			continue
		}
		if _, dup := ix.byOrigin[id]; dup {
			ix.byOrigin[id] = nil
			continue
		}
		ix.byOrigin[id] = r
	}
}

// originResource returns the declared resource of one of kinds whose
// aws_id or terraform_address is id, or nil (none, or several).
func (l *loader) originResource(id string, kinds []string) Resource {
	if l.origins == nil {
		l.origins = map[string]Resource{}
		ix := &index{byOrigin: l.origins}
		for _, byName := range l.syms {
			for _, s := range byName {
				ix.addOrigin(s.res)
			}
		}
	}
	r := l.origins[id]
	if r == nil || !slices.Contains(kinds, r.Kind()) {
		return nil
	}
	return r
}

// refsOrOrigins is refs for the lists of an expect block (through,
// not_through): an element may also be a string naming a resource by its
// aws_id or terraform_address.
func (l *loader) refsOrOrigins(expr hcl.Expression, what string, kinds ...string) []refItem {
	tup, ok := expr.(*hclsyntax.TupleConsExpr)
	if !present(expr) || !ok {
		return l.refs(expr, what, kinds...)
	}
	var out []refItem
	for _, e := range tup.Exprs {
		if len(e.Variables()) == 0 {
			if v, d := e.Value(nil); !d.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
				if r := l.originResource(v.AsString(), kinds); r != nil {
					out = append(out, refItem{r, e.Range(), e})
					continue
				}
				if typ, _, ok := strings.Cut(v.AsString(), "."); ok && isResourceType(typ) {
					// A quoted reference ("nat_gateway.x"): say to drop the quotes.
					l.ref(e, "element of the "+what, kinds...)
					continue
				}
				l.errorf(e.Range(), "Unknown resource",
					"The element of the %s, %q, is the aws_id or terraform_address of no %s; use a reference such as %s.NAME.",
					what, v.AsString(), strings.Join(kinds, ", "), kinds[0])
				continue
			}
		}
		if r := l.ref(e, "element of the "+what, kinds...); r != nil {
			out = append(out, refItem{r, e.Range(), e})
		}
	}
	return out
}
