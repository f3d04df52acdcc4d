package topology

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// resourceTypes are the block types that declare addressable resources,
// sorted. Read-only.
var resourceTypes = []string{
	"expect", "firewall_endpoint", "firewall_policy", "instance", "internet_gateway",
	"nat_gateway", "network_acl", "network_firewall", "network_interface", "prefix_list", "route_table", "rule_group",
	"security_group", "stateless_rule_group", "subnet", "transit_gateway",
	"transit_gateway_attachment", "transit_gateway_route_table", "vpc", "vpc_endpoint", "vpc_peering",
}

// vpcMembers are the implicit resources addressable as vpc.NAME.MEMBER,
// with their types. Read-only.
var vpcMembers = map[string]string{
	"main_route_table":       "route_table",
	"default_security_group": "security_group",
	"default_network_acl":    "network_acl",
}

// symbol is one declared resource.
type symbol struct {
	res Resource
	def hcl.Range
}

// symbols maps a block type and a name to the declared resource.
type symbols map[string]map[string]symbol

func isResourceType(t string) bool {
	i := sort.SearchStrings(resourceTypes, t)
	return i < len(resourceTypes) && resourceTypes[i] == t
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// article returns "a vpc" or "an instance".
func article(kind string) string {
	switch kind[0] {
	case 'a', 'e', 'i', 'o', 'u':
		return "an " + kind
	}
	return "a " + kind
}

// ref resolves a reference attribute (TYPE.NAME) statically against the
// symbol table. It returns nil, with a diagnostic, when the reference is
// invalid, undeclared or of none of kinds; and nil, silently, when expr is
// absent. what names the attribute, such as "vpc of subnet.app_a".
func (l *loader) ref(expr hcl.Expression, what string, kinds ...string) Resource {
	if !present(expr) {
		return nil
	}
	tr, d := hcl.AbsTraversalForExpr(expr)
	if d.HasErrors() {
		l.errorf(expr.Range(), "Invalid reference", "The %s must be a reference%s.", what, referenceHint(expr, kinds))
		return nil
	}
	return l.lookup(tr, expr.Range(), what, kinds)
}

func (l *loader) lookup(tr hcl.Traversal, rng hcl.Range, what string, kinds []string) Resource {
	root := tr.RootName()
	var name string
	if len(tr) >= 2 {
		if a, ok := tr[1].(hcl.TraverseAttr); ok {
			name = a.Name
		}
	}
	switch {
	case root == "local":
		l.errorf(rng, "Invalid reference",
			"The %s must name a resource, such as %s.NAME; a local value cannot hold a reference.", what, kinds[0])
		return nil
	case !isResourceType(root):
		hint := ""
		if k := suggest(root, kinds); k != "" && name != "" {
			hint = " Did you mean " + k + "." + name + "?"
		}
		l.errorf(rng, "Reference to unknown resource type",
			"The %s refers to %s, but there is no resource type %q.%s", what, tr.RootName()+dotName(name), root, hint)
		return nil
	case name == "":
		l.errorf(rng, "Invalid reference", "The %s must be a reference such as %s.NAME.", what, root)
		return nil
	case len(tr) == 3 && root == "vpc":
		return l.lookupMember(tr, rng, what, name, kinds)
	case len(tr) > 2:
		l.errorf(rng, "Invalid reference",
			"The %s must refer to a whole resource, such as %s.%s; attributes of resources cannot be referenced.", what, root, name)
		return nil
	case !contains(kinds, root):
		l.errorf(rng, "Wrong resource type", "The %s must refer to %s, but %s.%s is %s.%s",
			what, kindList(kinds), root, name, article(root), l.didYouMean(name, kinds))
		return nil
	}
	sym, ok := l.syms[root][name]
	if !ok {
		l.errorf(rng, "Reference to undeclared resource", "The %s refers to %s.%s, which is not declared.%s",
			what, root, name, l.didYouMean(name, kinds))
		return nil
	}
	return sym.res
}

func dotName(name string) string {
	if name == "" {
		return ""
	}
	return "." + name
}

// kindList renders kinds as "a vpc" or "an instance, a subnet or a nat_gateway".
func kindList(kinds []string) string {
	if len(kinds) > 8 {
		return "a resource"
	}
	s := ""
	for i, k := range kinds {
		switch {
		case i == 0:
		case i == len(kinds)-1:
			s += " or "
		default:
			s += ", "
		}
		s += article(k)
	}
	return s
}

// lookupMember resolves vpc.NAME.MEMBER, an implicit resource of a VPC.
func (l *loader) lookupMember(tr hcl.Traversal, rng hcl.Range, what, name string, kinds []string) Resource {
	a, ok := tr[2].(hcl.TraverseAttr)
	kind, known := vpcMembers[a.Name]
	if !ok || !known {
		members := []string{"default_network_acl", "default_security_group", "main_route_table"}
		hint := ""
		if ok {
			if s := suggest(a.Name, members); s != "" {
				hint = " Did you mean vpc." + name + "." + s + "?"
			}
		}
		l.errorf(rng, "Invalid reference",
			"The %s refers to an attribute of vpc.%s; only %s can be referenced.%s", what, name, quoteList(members), hint)
		return nil
	}
	if !contains(kinds, kind) {
		l.errorf(rng, "Wrong resource type", "The %s must refer to %s, but vpc.%s.%s is %s.",
			what, kindList(kinds), name, a.Name, article(kind))
		return nil
	}
	sym, found := l.syms["vpc"][name]
	if !found {
		l.errorf(rng, "Reference to undeclared resource", "The %s refers to vpc.%s, which is not declared.%s",
			what, name, l.didYouMean(name, []string{"vpc"}))
		return nil
	}
	v := sym.res.(*VPC)
	var r Resource
	switch kind {
	case "route_table":
		if v.MainRouteTable != nil {
			r = v.MainRouteTable
		}
	case "security_group":
		r = v.DefaultSecurityGroup
	default:
		r = v.DefaultNetworkACL
	}
	if r == nil {
		l.errorf(rng, "Invalid reference", "The %s cannot use vpc.%s.%s here; name the route table directly.", what, name, a.Name)
	}
	return r
}

// didYouMean suggests the declared resource of kinds whose name is
// nearest to name.
func (l *loader) didYouMean(name string, kinds []string) string {
	var names, addrs []string
	for _, k := range kinds {
		var ns []string
		for n := range l.syms[k] {
			ns = append(ns, n)
		}
		sort.Strings(ns)
		for _, n := range ns {
			names = append(names, n)
			addrs = append(addrs, k+"."+n)
		}
	}
	s := suggest(name, names)
	if s == "" {
		return ""
	}
	for i, n := range names {
		if n == s {
			return " Did you mean " + addrs[i] + "?"
		}
	}
	return ""
}

// refItem is one resolved element of a reference list.
type refItem struct {
	res  Resource
	rng  hcl.Range
	expr hcl.Expression
}

// refs resolves a list of references, such as [security_group.web].
// Unresolvable elements are reported and left out.
func (l *loader) refs(expr hcl.Expression, what string, kinds ...string) []refItem {
	if !present(expr) {
		return nil
	}
	tup, ok := expr.(*hclsyntax.TupleConsExpr)
	if !ok {
		l.errorf(expr.Range(), "Invalid reference list",
			"The %s must be a list of references, such as [%s.NAME].", what, kinds[0])
		return nil
	}
	var out []refItem
	for _, e := range tup.Exprs {
		if r := l.ref(e, "element of the "+what, kinds...); r != nil {
			out = append(out, refItem{r, e.Range(), e})
		}
	}
	return out
}

// referenceHint completes "must be a reference" for an expression that is
// not one: the same words without quotes when it is a quoted TYPE.NAME,
// else an example of the kinds expected (TYPE.NAME when there are many).
func referenceHint(expr hcl.Expression, kinds []string) string {
	if v, d := expr.Value(nil); !d.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
		s := v.AsString()
		if typ, name, ok := strings.Cut(s, "."); ok && isResourceType(typ) && nameRE.MatchString(name) {
			return fmt.Sprintf(", written without quotes: %s, not %q", s, s)
		}
	}
	example := kinds[0] + ".NAME"
	if len(kinds) > 6 {
		example = "TYPE.NAME"
	}
	return " such as " + example + ", written without quotes"
}
