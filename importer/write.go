package importer

import (
	"sort"

	"github.com/hashicorp/hcl/v2/hclwrite"
)

// File is one output file: a name (no directory) and its content.
type File struct {
	Name string
	Data []byte
}

// Render resolves m's references, assigns placeholders to addresses not
// known, names every resource and renders the topology: one file per VPC
// (vpc_NAME.hcl), transit.hcl, firewall.hcl and one NAME.rules file per
// rule group with Suricata rules. Files come sorted by name; the same
// model always renders to the same bytes.
//
// Render calls Resolve when it has not run; its errors should have been
// reported (and nothing rendered) before.
func Render(m *Model) []File {
	m.Resolve()
	m.assign()
	n := nameAll(m.origins())
	m.Report.sort()
	w := &writer{m: m, n: n}
	return w.files()
}

// origins lists every resource's Origin by block type.
func (m *Model) origins() map[string][]*Origin {
	g := map[string][]*Origin{}
	add := func(typ string, o *Origin) { g[typ] = append(g[typ], o) }
	for _, x := range m.VPCs {
		add("vpc", &x.Origin)
	}
	for _, x := range m.Subnets {
		add("subnet", &x.Origin)
	}
	for _, x := range m.RouteTables {
		add("route_table", &x.Origin)
	}
	for _, x := range m.InternetGateways {
		add("internet_gateway", &x.Origin)
	}
	for _, x := range m.NATGateways {
		add("nat_gateway", &x.Origin)
	}
	for _, x := range m.Instances {
		add("instance", &x.Origin)
	}
	for _, x := range m.Peerings {
		add("vpc_peering", &x.Origin)
	}
	for _, x := range m.TransitGateways {
		add("transit_gateway", &x.Origin)
	}
	for _, x := range m.TGWRouteTables {
		add("transit_gateway_route_table", &x.Origin)
	}
	for _, x := range m.TGWAttachments {
		add("transit_gateway_attachment", &x.Origin)
	}
	for _, x := range m.Firewalls {
		add("network_firewall", &x.Origin)
	}
	for _, x := range m.FirewallEndpoints {
		add("firewall_endpoint", &x.Origin)
	}
	for _, x := range m.Policies {
		add("firewall_policy", &x.Origin)
	}
	for _, x := range m.RuleGroups {
		typ := "rule_group"
		if x.Stateless {
			typ = "stateless_rule_group"
		}
		add(typ, &x.Origin)
	}
	for _, x := range m.SecurityGroups {
		add("security_group", &x.Origin)
	}
	for _, x := range m.NetworkACLs {
		add("network_acl", &x.Origin)
	}
	return g
}

// writer renders one model.
type writer struct {
	m *Model
	n *namer
}

// byName sorts resources by their block name.
func byName[T interface{ Key() string }](n *namer, xs []T) []T {
	out := append([]T(nil), xs...)
	sort.Slice(out, func(i, j int) bool { return n.name(out[i].Key()) < n.name(out[j].Key()) })
	return out
}

// inVPC keeps the resources whose VPC (by vpcOf) is v.
func inVPC[T any](xs []T, v string, vpcOf func(T) string) []T {
	var out []T
	for _, x := range xs {
		if vpcOf(x) == v {
			out = append(out, x)
		}
	}
	return out
}

func (w *writer) files() []File {
	var out []File
	subnetVPC := map[string]string{}
	for _, s := range w.m.Subnets {
		subnetVPC[s.key()] = s.VPC
	}
	for _, v := range byName(w.n, w.m.VPCs) {
		f := hclwrite.NewEmptyFile()
		w.vpcFile(f.Body(), v, subnetVPC)
		out = append(out, File{Name: "vpc_" + w.n.name(v.key()) + ".hcl", Data: hclwrite.Format(f.Bytes())})
	}
	if f, ok := w.transit(); ok {
		out = append(out, File{Name: "transit.hcl", Data: hclwrite.Format(f.Bytes())})
	}
	if f, rules, ok := w.firewall(); ok {
		out = append(out, File{Name: "firewall.hcl", Data: hclwrite.Format(f.Bytes())})
		out = append(out, rules...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// vpcFile writes a VPC and everything inside it.
func (w *writer) vpcFile(body *hclwrite.Body, v *VPC, subnetVPC map[string]string) {
	k := v.key()
	w.vpc(body, v)
	for _, t := range byName(w.n, inVPC(w.m.RouteTables, k, func(t *RouteTable) string { return t.VPC })) {
		w.routeTable(body, t)
	}
	for _, s := range byName(w.n, inVPC(w.m.Subnets, k, func(s *Subnet) string { return s.VPC })) {
		w.subnet(body, s)
	}
	for _, g := range byName(w.n, inVPC(w.m.InternetGateways, k, func(g *InternetGateway) string { return g.VPC })) {
		w.igw(body, g)
	}
	for _, g := range byName(w.n, inVPC(w.m.NATGateways, k, func(g *NATGateway) string { return subnetVPC[g.Subnet] })) {
		w.nat(body, g)
	}
	for _, i := range byName(w.n, inVPC(w.m.Instances, k, func(i *Instance) string { return subnetVPC[i.Subnet] })) {
		w.instance(body, i)
	}
	for _, g := range byName(w.n, inVPC(w.m.SecurityGroups, k, func(g *SecurityGroup) string { return g.VPC })) {
		w.securityGroup(body, g)
	}
	for _, a := range byName(w.n, inVPC(w.m.NetworkACLs, k, func(a *NetworkACL) string { return a.VPC })) {
		w.networkACL(body, a)
	}
}

// gap separates blocks by an empty line.
func gap(body *hclwrite.Body) {
	if len(body.Blocks()) > 0 || len(body.Attributes()) > 0 {
		body.AppendNewline()
	}
}
