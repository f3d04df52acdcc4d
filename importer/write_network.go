package importer

import (
	"strings"

	"github.com/hashicorp/hcl/v2/hclwrite"
)

func (w *writer) vpc(body *hclwrite.Body, v *VPC) {
	gap(body)
	b := newBlock(body, w.n, "vpc", &v.Origin)
	b.prefixes("cidr_blocks", v.CIDRs)
	b.ref("main_route_table", v.MainRouteTable)
}

func (w *writer) routeTable(body *hclwrite.Body, t *RouteTable) {
	gap(body)
	b := newBlock(body, w.n, "route_table", &t.Origin)
	b.ref("vpc", t.VPC)
	for _, r := range t.Routes {
		rb := b.sub("route")
		rb.str("destination", r.Destination.String())
		if r.Target == TargetLocal || r.Target == TargetBlackhole {
			rb.str("target", r.Target)
		} else {
			rb.ref("target", r.Target)
		}
		rb.str("note", r.Note)
	}
}

func (w *writer) subnet(body *hclwrite.Body, s *Subnet) {
	gap(body)
	b := newBlock(body, w.n, "subnet", &s.Origin)
	b.ref("vpc", s.VPC)
	b.str("cidr_block", s.CIDR.String())
	b.str("availability_zone", s.AZ)
	b.ref("route_table", s.RouteTable)
	b.ref("network_acl", s.NetworkACL)
}

func (w *writer) igw(body *hclwrite.Body, g *InternetGateway) {
	gap(body)
	b := newBlock(body, w.n, "internet_gateway", &g.Origin)
	b.ref("vpc", g.VPC)
	b.ref("route_table", g.RouteTable)
}

func (w *writer) nat(body *hclwrite.Body, g *NATGateway) {
	gap(body)
	b := newBlock(body, w.n, "nat_gateway", &g.Origin)
	if len(g.Assumed) > 0 {
		b.comment("assumed (known only after apply): " + strings.Join(g.Assumed, ", "))
	}
	b.ref("subnet", g.Subnet)
	if g.Private {
		b.str("connectivity_type", "private")
	}
	b.addr("private_ip", g.PrivateIP)
	if !g.Private {
		b.addr("public_ip", g.PublicIP)
	}
}

func (w *writer) instance(body *hclwrite.Body, i *Instance) {
	gap(body)
	b := newBlock(body, w.n, "instance", &i.Origin)
	if len(i.Assumed) > 0 {
		b.comment("assumed (known only after apply): " + strings.Join(i.Assumed, ", "))
	}
	b.ref("subnet", i.Subnet)
	b.addr("private_ip", i.PrivateIP)
	b.addr("public_ip", i.PublicIP)
	b.refs("security_groups", i.SecurityGroups)
	if !i.SourceDestCheck {
		b.boolean("source_dest_check", false)
	}
}

func (w *writer) securityGroup(body *hclwrite.Body, g *SecurityGroup) {
	gap(body)
	b := newBlock(body, w.n, "security_group", &g.Origin)
	b.ref("vpc", g.VPC)
	for _, dir := range []struct {
		typ   string
		rules []SGRule
	}{{"ingress", g.Ingress}, {"egress", g.Egress}} {
		for _, r := range dir.rules {
			if r.Note != "" {
				b.comment(r.Note)
			}
			rb := b.sub(dir.typ)
			rb.str("protocol", r.Protocol)
			rb.str("ports", r.Ports)
			rb.prefixes("cidr_blocks", r.CIDRs)
			rb.refs("security_groups", r.SecurityGroups)
		}
	}
}

func (w *writer) networkACL(body *hclwrite.Body, a *NetworkACL) {
	gap(body)
	b := newBlock(body, w.n, "network_acl", &a.Origin)
	b.ref("vpc", a.VPC)
	for _, dir := range []struct {
		typ   string
		rules []NACLRule
	}{{"ingress", a.Ingress}, {"egress", a.Egress}} {
		for _, r := range dir.rules {
			rb := b.sub(dir.typ)
			rb.num("rule_number", r.Number)
			action := "deny"
			if r.Allow {
				action = "allow"
			}
			rb.str("action", action)
			rb.str("protocol", r.Protocol)
			rb.str("ports", r.Ports)
			rb.str("cidr_block", r.CIDR.String())
		}
	}
}
