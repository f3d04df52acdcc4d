package importer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// resolver checks a model's references, in dependency order, dropping
// what refers to nothing and recording why.
type resolver struct {
	m    *Model
	have map[string]string // key -> block type of every resource kept so far
}

// Resolve checks every reference of m. A resource whose required
// reference (a subnet's VPC, an instance's subnet) names nothing imported
// is dropped; an optional reference that names nothing is removed; a
// route whose target names nothing becomes a blackhole with a warning.
// Resources listed twice under one key keep their first listing. Each
// change is recorded in m.Report. A reference to a block type the input
// holds completely (Model.Given) that names nothing is an error, located
// at the referring resource; Resolve returns those errors. It runs once;
// later calls return the same errors.
func (m *Model) Resolve() hcl.Diagnostics {
	if m.resolved {
		return m.diags
	}
	m.resolved = true
	r := &resolver{m: m, have: map[string]string{}}
	m.VPCs = keep(r, "vpc", m.VPCs, func(*VPC) bool { return true })
	m.TransitGateways = keep(r, "transit_gateway", m.TransitGateways, func(*TransitGateway) bool { return true })
	m.RuleGroups = keep(r, "rule_group", m.RuleGroups, func(*RuleGroup) bool { return true })
	m.Policies = keep(r, "firewall_policy", m.Policies, r.policy)
	m.RouteTables = keep(r, "route_table", m.RouteTables, func(t *RouteTable) bool { return r.need(&t.Origin, "vpc", t.VPC, "vpc") })
	m.SecurityGroups = keep(r, "security_group", m.SecurityGroups, func(g *SecurityGroup) bool { return r.need(&g.Origin, "vpc", g.VPC, "vpc") })
	m.NetworkACLs = keep(r, "network_acl", m.NetworkACLs, func(a *NetworkACL) bool { return r.need(&a.Origin, "vpc", a.VPC, "vpc") })
	m.Subnets = keep(r, "subnet", m.Subnets, r.subnet)
	m.InternetGateways = keep(r, "internet_gateway", m.InternetGateways, func(g *InternetGateway) bool {
		r.optional(&g.Origin, "route_table", &g.RouteTable, "route_table")
		return r.need(&g.Origin, "vpc", g.VPC, "vpc")
	})
	m.NATGateways = keep(r, "nat_gateway", m.NATGateways, func(g *NATGateway) bool { return r.need(&g.Origin, "subnet", g.Subnet, "subnet") })
	m.Instances = keep(r, "instance", m.Instances, func(i *Instance) bool {
		i.SecurityGroups = r.list(&i.Origin, "security_groups", i.SecurityGroups, "security_group")
		return r.need(&i.Origin, "subnet", i.Subnet, "subnet")
	})
	m.Peerings = keep(r, "vpc_peering", m.Peerings, func(p *Peering) bool {
		return r.need(&p.Origin, "requester", p.Requester, "vpc") && r.need(&p.Origin, "accepter", p.Accepter, "vpc")
	})
	m.TGWRouteTables = keep(r, "transit_gateway_route_table", m.TGWRouteTables, func(t *TGWRouteTable) bool {
		return r.need(&t.Origin, "transit_gateway", t.TransitGateway, "transit_gateway")
	})
	m.TGWAttachments = keep(r, "transit_gateway_attachment", m.TGWAttachments, r.attachment)
	m.Firewalls = keep(r, "network_firewall", m.Firewalls, func(f *Firewall) bool {
		return r.need(&f.Origin, "vpc", f.VPC, "vpc") && r.need(&f.Origin, "policy", f.Policy, "firewall_policy")
	})
	m.FirewallEndpoints = keep(r, "firewall_endpoint", m.FirewallEndpoints, func(e *FirewallEndpoint) bool {
		return r.need(&e.Origin, "firewall", e.Firewall, "network_firewall") && r.need(&e.Origin, "subnet", e.Subnet, "subnet")
	})
	for _, v := range m.VPCs {
		r.optional(&v.Origin, "main_route_table", &v.MainRouteTable, "route_table")
	}
	for _, t := range m.RouteTables {
		r.routes(t)
	}
	for _, t := range m.TGWRouteTables {
		r.tgwRoutes(t)
	}
	for _, g := range m.SecurityGroups {
		r.sgRules(g)
	}
	return m.diags
}

// dangling records a reference from o to ref (of type typ) that names
// nothing: an error when the input holds every resource of typ.
func (r *resolver) dangling(o *Origin, ref, typ, what string) {
	if ref == "" || !r.m.Given[typ] {
		return
	}
	d := &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Reference to nothing",
		Detail: fmt.Sprintf("%s (%s): %s %s, which the input does not hold although it lists every %s.", o.key(), o.Where, what, ref, strings.ReplaceAll(typ, "_", " "))}
	if o.Range != nil {
		d.Subject = o.Range
	}
	r.m.diags = append(r.m.diags, d)
}

// keep keeps the resources of one block type that are not duplicates and
// pass check, registering their keys.
func keep[T interface{ Key() string }](r *resolver, typ string, xs []T, check func(T) bool) []T {
	out := xs[:0]
	for _, x := range xs {
		k := x.Key()
		o := originOf(x)
		if _, dup := r.have[k]; dup {
			r.m.Skip(k, typ, o.Where, "listed more than once; the first listing is imported", false)
			continue
		}
		if !check(x) {
			continue
		}
		r.have[k] = typ
		out = append(out, x)
	}
	return out
}

// originOf returns the Origin embedded in a model resource.
func originOf(x any) *Origin {
	if o, ok := x.(interface{ origin() *Origin }); ok {
		return o.origin()
	}
	return &Origin{}
}

func (o *Origin) origin() *Origin { return o }

// need reports whether ref names a kept resource of type typ, recording
// the resource o as not imported when it does not.
func (r *resolver) need(o *Origin, attr, ref, typ string) bool {
	if r.have[ref] == typ {
		return true
	}
	r.dangling(o, ref, typ, "its "+attr+" refers to")
	what := "nothing"
	if ref != "" {
		what = ref + ", which is not imported"
	}
	r.m.Skip(o.key(), typ, o.Where, fmt.Sprintf("its %s refers to %s", attr, what), false)
	return false
}

// optional clears *ref when it names no kept resource of type typ.
func (r *resolver) optional(o *Origin, attr string, ref *string, typ string) {
	if *ref == "" || r.have[*ref] == typ {
		return
	}
	r.dangling(o, *ref, typ, "its "+attr+" refers to")
	r.m.Skip(*ref, typ, o.Where, fmt.Sprintf("%s of %s refers to it, but it is not imported; the default is used", attr, o.key()), true)
	*ref = ""
}

// list keeps the references of refs that name a kept resource of type typ.
func (r *resolver) list(o *Origin, attr string, refs []string, typ string) []string {
	var out []string
	for _, ref := range refs {
		if r.have[ref] == typ {
			if !slices.Contains(out, ref) {
				out = append(out, ref)
			}
			continue
		}
		r.m.Skip(ref, typ, o.Where, fmt.Sprintf("%s of %s refers to it, but it is not imported; the reference is left out", attr, o.key()), true)
	}
	return out
}

func (r *resolver) subnet(s *Subnet) bool {
	r.optional(&s.Origin, "route_table", &s.RouteTable, "route_table")
	r.optional(&s.Origin, "network_acl", &s.NetworkACL, "network_acl")
	return r.need(&s.Origin, "vpc", s.VPC, "vpc")
}

func (r *resolver) policy(p *Policy) bool {
	p.StatelessGroups = r.groups(&p.Origin, p.StatelessGroups)
	p.StatefulGroups = r.groups(&p.Origin, p.StatefulGroups)
	return true
}

func (r *resolver) groups(o *Origin, gs []GroupRef) []GroupRef {
	var out []GroupRef
	for _, g := range gs {
		if r.have[g.Group] == "rule_group" {
			out = append(out, g)
			continue
		}
		r.m.Skip(g.Group, "rule_group", o.Where, "the policy "+o.key()+" uses it, but it is not imported (describe it with network-firewall describe-rule-group)", true)
	}
	return out
}

func (r *resolver) attachment(a *TGWAttachment) bool {
	if !r.need(&a.Origin, "transit_gateway", a.TransitGateway, "transit_gateway") || !r.need(&a.Origin, "vpc", a.VPC, "vpc") {
		return false
	}
	a.Subnets = r.list(&a.Origin, "subnets", a.Subnets, "subnet")
	if len(a.Subnets) == 0 {
		r.m.Skip(a.key(), "transit_gateway_attachment", a.Where, "none of its subnets is imported", true)
		return false
	}
	r.optional(&a.Origin, "route_table", &a.RouteTable, "transit_gateway_route_table")
	a.PropagateTo = r.list(&a.Origin, "propagate_to", a.PropagateTo, "transit_gateway_route_table")
	return true
}

// routeTargetTypes are the block types a VPC route may target.
var routeTargetTypes = []string{"internet_gateway", "nat_gateway", "firewall_endpoint", "transit_gateway", "instance", "vpc_peering"}

// targetType guesses the block type of an AWS id by its prefix, "" when
// it cannot tell.
func targetType(id string) string {
	for prefix, typ := range map[string]string{"igw-": "internet_gateway", "nat-": "nat_gateway", "tgw-": "transit_gateway",
		"pcx-": "vpc_peering", "i-": "instance", "eni-": "instance"} {
		if strings.HasPrefix(id, prefix) && !strings.HasPrefix(id, "tgw-attach-") && !strings.HasPrefix(id, "tgw-rtb-") {
			return typ
		}
	}
	return ""
}

// routes turns a route whose target is not imported into a blackhole.
func (r *resolver) routes(t *RouteTable) {
	for i := range t.Routes {
		rt := &t.Routes[i]
		if rt.Target == TargetLocal || rt.Target == TargetBlackhole || slices.Contains(routeTargetTypes, r.have[rt.Target]) {
			continue
		}
		if typ := targetType(rt.Target); typ != "" {
			r.dangling(&t.Origin, rt.Target, typ, "a route ("+rt.Destination.String()+") targets")
		}
		r.m.Skip(rt.Target, "route target", t.Where, fmt.Sprintf(
			"route table %s sends %s to it, but it is not imported; the route is written as a blackhole", t.key(), rt.Destination), true)
		rt.Note = "stands for " + rt.Target + ", which the import does not hold; vpcreach does not follow the path past it"
		rt.Target = TargetBlackhole
	}
}

func (r *resolver) tgwRoutes(t *TGWRouteTable) {
	for i := range t.Routes {
		rt := &t.Routes[i]
		if rt.Blackhole || r.have[rt.Attachment] == "transit_gateway_attachment" {
			continue
		}
		r.m.Skip(rt.Attachment, "transit gateway attachment", t.Where, fmt.Sprintf(
			"transit gateway route table %s sends %s to it, but it is not imported; the route is written as a blackhole", t.key(), rt.Destination), true)
		rt.Note = "stands for " + rt.Attachment + ", which the import does not hold; vpcreach does not follow the path past it"
		rt.Attachment, rt.Blackhole = "", true
	}
}

func (r *resolver) sgRules(g *SecurityGroup) {
	for _, rules := range [][]SGRule{g.Ingress, g.Egress} {
		for i := range rules {
			rules[i].SecurityGroups = r.list(&g.Origin, "a rule", rules[i].SecurityGroups, "security_group")
		}
	}
	g.Ingress = dropEmpty(g.Ingress)
	g.Egress = dropEmpty(g.Egress)
}

// dropEmpty removes rules left with no CIDR and no group.
func dropEmpty(rules []SGRule) []SGRule {
	out := rules[:0]
	for _, x := range rules {
		if len(x.CIDRs) > 0 || len(x.SecurityGroups) > 0 {
			out = append(out, x)
		}
	}
	return out
}
