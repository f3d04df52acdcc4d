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

// byVPC groups resources by the key of their VPC (by vpcOf), keeping
// their order.
func byVPC[T any](xs []T, vpcOf func(T) string) map[string][]T {
	out := map[string][]T{}
	for _, x := range xs {
		out[vpcOf(x)] = append(out[vpcOf(x)], x)
	}
	return out
}

// vpcGroups holds every VPC's resources, grouped once.
type vpcGroups struct {
	routeTables map[string][]*RouteTable
	subnets     map[string][]*Subnet
	igws        map[string][]*InternetGateway
	nats        map[string][]*NATGateway
	instances   map[string][]*Instance
	sgs         map[string][]*SecurityGroup
	acls        map[string][]*NetworkACL
}

func (w *writer) groups() *vpcGroups {
	m := w.m
	subnetVPC := map[string]string{}
	for _, s := range m.Subnets {
		subnetVPC[s.key()] = s.VPC
	}
	return &vpcGroups{
		routeTables: byVPC(m.RouteTables, func(t *RouteTable) string { return t.VPC }),
		subnets:     byVPC(m.Subnets, func(s *Subnet) string { return s.VPC }),
		igws:        byVPC(m.InternetGateways, func(g *InternetGateway) string { return g.VPC }),
		nats:        byVPC(m.NATGateways, func(g *NATGateway) string { return subnetVPC[g.Subnet] }),
		instances:   byVPC(m.Instances, func(i *Instance) string { return subnetVPC[i.Subnet] }),
		sgs:         byVPC(m.SecurityGroups, func(g *SecurityGroup) string { return g.VPC }),
		acls:        byVPC(m.NetworkACLs, func(a *NetworkACL) string { return a.VPC }),
	}
}

func (w *writer) files() []File {
	var out []File
	g := w.groups()
	for _, v := range byName(w.n, w.m.VPCs) {
		f := hclwrite.NewEmptyFile()
		w.vpcFile(f.Body(), v, g)
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
func (w *writer) vpcFile(body *hclwrite.Body, v *VPC, g *vpcGroups) {
	k := v.key()
	w.vpc(body, v)
	for _, t := range byName(w.n, g.routeTables[k]) {
		w.routeTable(body, t)
	}
	for _, s := range byName(w.n, g.subnets[k]) {
		w.subnet(body, s)
	}
	for _, x := range byName(w.n, g.igws[k]) {
		w.igw(body, x)
	}
	for _, x := range byName(w.n, g.nats[k]) {
		w.nat(body, x)
	}
	for _, i := range byName(w.n, g.instances[k]) {
		w.instance(body, i)
	}
	for _, x := range byName(w.n, g.sgs[k]) {
		w.securityGroup(body, x)
	}
	for _, a := range byName(w.n, g.acls[k]) {
		w.networkACL(body, a)
	}
}

// gap separates blocks by an empty line.
func gap(body *hclwrite.Body) {
	if len(body.Blocks()) > 0 || len(body.Attributes()) > 0 {
		body.AppendNewline()
	}
}
