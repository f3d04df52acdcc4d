package importer

import (
	"net/netip"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// block is a thin helper over an hclwrite body: attribute setters that
// skip empty values, and references rendered through the namer.
type block struct {
	b *hclwrite.Body
	n *namer
}

// newBlock appends a resource block TYPE "NAME" to body, preceded by a
// comment naming its origin, with its aws_id and terraform_address.
func newBlock(body *hclwrite.Body, n *namer, typ string, o *Origin) block {
	comment := "# " + o.key()
	if o.Name != "" {
		comment += " (Name: " + commentText(o.Name) + ")"
	}
	body.AppendUnstructuredTokens(hclwrite.Tokens{
		{Type: hclsyntax.TokenComment, Bytes: []byte(comment + "\n")},
	})
	blk := body.AppendNewBlock(typ, []string{n.name(o.key())})
	b := block{b: blk.Body(), n: n}
	b.str("aws_id", o.AWSID)
	b.str("terraform_address", o.TFAddress)
	return b
}

// commentText keeps a Name tag printable and on one line in a comment.
func commentText(s string) string {
	s = oneLine(s)
	if len(s) > 80 {
		s = s[:80] + "..."
	}
	return s
}

func (b block) str(name, v string) {
	if v != "" {
		b.b.SetAttributeValue(name, cty.StringVal(v))
	}
}

func (b block) num(name string, v int) { b.b.SetAttributeValue(name, cty.NumberIntVal(int64(v))) }

func (b block) boolean(name string, v bool) { b.b.SetAttributeValue(name, cty.BoolVal(v)) }

func (b block) strs(name string, vs []string) {
	if len(vs) == 0 {
		return
	}
	l := make([]cty.Value, len(vs))
	for i, v := range vs {
		l[i] = cty.StringVal(v)
	}
	b.b.SetAttributeValue(name, cty.TupleVal(l))
}

func (b block) prefixes(name string, ps []netip.Prefix) {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.String()
	}
	b.strs(name, s)
}

func (b block) addr(name string, a netip.Addr) {
	if a.IsValid() {
		b.str(name, a.String())
	}
}

// ref sets name = TYPE.NAME of the resource with key k (nothing for "").
func (b block) ref(name, k string) {
	if k == "" {
		return
	}
	b.b.SetAttributeTraversal(name, b.n.traversal(k))
}

// refs sets name = [TYPE.NAME, ...].
func (b block) refs(name string, ks []string) {
	if len(ks) == 0 {
		return
	}
	elems := make([]hclwrite.Tokens, len(ks))
	for i, k := range ks {
		elems[i] = hclwrite.TokensForTraversal(b.n.traversal(k))
	}
	b.b.SetAttributeRaw(name, hclwrite.TokensForTuple(elems))
}

// comment appends a comment line to the block body.
func (b block) comment(text string) {
	b.b.AppendUnstructuredTokens(hclwrite.Tokens{
		{Type: hclsyntax.TokenComment, Bytes: []byte("# " + commentText(text) + "\n")},
	})
}

// sub appends a nested block.
func (b block) sub(typ string, labels ...string) block {
	return block{b: b.b.AppendNewBlock(typ, labels).Body(), n: b.n}
}

// traversal returns the reference TYPE.NAME of the resource with key k.
func (n *namer) traversal(k string) hcl.Traversal {
	a := n.byKey[k]
	typ, name, _ := strings.Cut(a, ".")
	return hcl.Traversal{hcl.TraverseRoot{Name: typ}, hcl.TraverseAttr{Name: name}}
}
