package topology

import (
	"net/netip"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// blockRange is the range of a whole block, from its type to its closing
// brace.
func blockRange(def hcl.Range, body hcl.Body) hcl.Range {
	if b, ok := body.(*hclsyntax.Body); ok {
		return hcl.RangeBetween(def, b.SrcRange)
	}
	return def
}

// of renders "ATTR of ADDR" for messages.
func of(attr string, r Resource) string { return attr + " of " + r.Addr() }

func (l *loader) refVPC(expr hcl.Expression, what string) *VPC {
	v, _ := l.ref(expr, what, "vpc").(*VPC)
	return v
}

func (l *loader) refSubnet(expr hcl.Expression, what string) *Subnet {
	s, _ := l.ref(expr, what, "subnet").(*Subnet)
	return s
}

func (l *loader) resolveVPC(b *vpcBlock, v *VPC) {
	items, ok := l.prefixes(b.CIDRBlocks, of("cidr_blocks", v))
	v.CIDRs = prefixValues(items)
	if ok && len(items) == 0 {
		l.errorf(b.CIDRBlocks.Range(), "VPC without CIDR block",
			"The cidr_blocks of %s is empty; give at least one CIDR block, such as [\"10.1.0.0/16\"].", v.Addr())
	}
	if !l.checkVPCCIDRs(v, items) {
		items = nil // too many to compare pairwise
	}
	for i, a := range items {
		for _, p := range items[:i] {
			if p.p.Overlaps(a.p) {
				l.errorf(a.rng, "Overlapping VPC CIDR blocks",
					"The CIDR block %s of %s overlaps its CIDR block %s; the CIDR blocks of a VPC must not overlap.",
					a.p, v.Addr(), p.p)
				break
			}
		}
	}
	if rt, ok := l.ref(b.MainRouteTable, of("main_route_table", v), "route_table").(*RouteTable); ok {
		v.MainRouteTable = rt
		rt.IsMain = true
		return
	}
	rt := &RouteTable{Meta: NewImplicitMeta("route_table", v, "main_route_table"), VPC: v, IsMain: true}
	v.MainRouteTable = rt
}

func (l *loader) resolveSubnet(b *subnetBlock, s *Subnet) {
	s.VPC = l.refVPC(b.VPC, of("vpc", s))
	s.CIDR, _ = l.prefix(b.CIDRBlock, of("cidr_block", s))
	l.checkSubnetCIDR(s, s.CIDR, b.CIDRBlock.Range())
	if az, ok := l.str(b.AvailabilityZone, of("availability_zone", s)); ok {
		if az == "" {
			l.errorf(b.AvailabilityZone.Range(), "Empty availability zone",
				"The availability_zone of %s is empty; name the zone, such as \"us-east-1a\".", s.Addr())
		}
		s.AZ = az
	}
	s.RouteTable, _ = l.ref(b.RouteTable, of("route_table", s), "route_table").(*RouteTable)
	s.NetworkACL, _ = l.ref(b.NetworkACL, of("network_acl", s), "network_acl").(*NetworkACL)
}

// targetKinds are the resource types a VPC route may target. Read-only.
var targetKinds = []string{
	"internet_gateway", "nat_gateway", "firewall_endpoint", "transit_gateway", "instance", "vpc_peering",
	"network_interface", "vpc_endpoint",
}

func (l *loader) resolveRouteTable(b *routeTableBlock, rt *RouteTable) {
	rt.VPC = l.refVPC(b.VPC, of("vpc", rt))
	for _, rb := range b.Routes {
		what := "destination of a route of " + rt.Addr()
		pl, isPL := l.routePrefixList(rb.Destination, what)
		var dst netip.Prefix
		dok := isPL && pl != nil
		if !isPL {
			dst, dok = l.prefix(rb.Destination, what)
		}
		tgt, tok := l.routeTarget(rb.Target, "target of a route of "+rt.Addr())
		if !dok || !tok {
			continue
		}
		var note string
		if present(rb.Note) {
			note, _ = l.str(rb.Note, "note of a route of "+rt.Addr())
		}
		if !isPL {
			l.addRoute(rt, rb, &Route{Origin: OriginDeclared, Range: blockRange(rb.DefRange, rb.Body), Destination: dst, Target: tgt, Note: note})
			continue
		}
		for _, e := range pl.Entries {
			l.addRoute(rt, rb, &Route{Origin: OriginDeclared, Range: blockRange(rb.DefRange, rb.Body), Destination: e, Target: tgt, PrefixList: pl, Note: note})
		}
	}
}

func (l *loader) addRoute(rt *RouteTable, rb *routeBlock, r *Route) {
	rt.Routes = append(rt.Routes, r)
	l.routeSrc[r] = rb
}

// routePrefixList resolves a route destination that is a reference (to a
// prefix list). isRef is false for any other expression, a CIDR string.
func (l *loader) routePrefixList(expr hcl.Expression, what string) (pl *PrefixList, isRef bool) {
	tr, d := hcl.AbsTraversalForExpr(expr)
	if d.HasErrors() || len(tr) < 2 || tr.RootName() == "local" {
		return nil, false
	}
	pl, _ = l.lookup(tr, expr.Range(), what, []string{"prefix_list"}).(*PrefixList)
	return pl, true
}

// routeTarget resolves a route target: a reference, "local" or "blackhole".
func (l *loader) routeTarget(expr hcl.Expression, what string) (Target, bool) {
	if tr, d := hcl.AbsTraversalForExpr(expr); !d.HasErrors() && tr.RootName() != "local" {
		switch r := l.lookup(tr, expr.Range(), what, targetKinds).(type) {
		case *InternetGateway:
			return Target{Kind: TargetInternetGateway, InternetGateway: r}, true
		case *NATGateway:
			return Target{Kind: TargetNATGateway, NATGateway: r}, true
		case *FirewallEndpoint:
			return Target{Kind: TargetFirewallEndpoint, FirewallEndpoint: r}, true
		case *TransitGateway:
			return Target{Kind: TargetTransitGateway, TransitGateway: r}, true
		case *Instance:
			return Target{Kind: TargetInstance, Instance: r}, true
		case *VPCPeering:
			return Target{Kind: TargetVPCPeering, VPCPeering: r}, true
		case *VPCEndpoint:
			return Target{Kind: TargetVPCEndpoint, VPCEndpoint: r}, true
		}
		return Target{}, false
	} else if len(tr) == 1 && (tr.RootName() == "local" || tr.RootName() == "blackhole") {
		l.errorf(expr.Range(), "Invalid route target",
			"The %s is the bare word %s; write it as a string, \"%s\".", what, tr.RootName(), tr.RootName())
		return Target{}, false
	}
	s, ok := l.str(expr, what)
	if !ok {
		return Target{}, false
	}
	switch s {
	case "local":
		return Target{Kind: TargetLocal}, true
	case "blackhole":
		return Target{Kind: TargetBlackhole}, true
	}
	l.errorf(expr.Range(), "Invalid route target",
		"The %s, %q, is not a target; use a reference such as nat_gateway.NAME, or \"local\" or \"blackhole\".", what, s)
	return Target{}, false
}

func (l *loader) resolveIGW(b *igwBlock, g *InternetGateway) {
	g.VPC = l.refVPC(b.VPC, of("vpc", g))
	g.EdgeRouteTable, _ = l.ref(b.RouteTable, of("route_table", g), "route_table").(*RouteTable)
}

func (l *loader) resolveNAT(b *natBlock, n *NATGateway) {
	n.Subnet = l.refSubnet(b.Subnet, of("subnet", n))
	n.Public = true
	ct, ctOK := l.oneOf(b.ConnectivityType, of("connectivity_type", n), "public", "private")
	if ctOK {
		n.Public = ct == "public"
	}
	if present(b.PrivateIP) {
		n.PrivateIP, _ = l.addr(b.PrivateIP, of("private_ip", n))
	} else if n.Subnet != nil && n.Subnet.CIDR.IsValid() {
		a := n.Subnet.CIDR.Addr()
		for range 4 {
			a = a.Next()
		}
		n.PrivateIP = a
	}
	pub := present(b.PublicIP)
	if pub {
		n.PublicIP, _ = l.addr(b.PublicIP, of("public_ip", n))
	}
	switch {
	case present(b.ConnectivityType) && !ctOK:
	case n.Public && !pub:
		n.PublicIPAssumed = true // assumeAddresses gives it a placeholder
	case !n.Public && pub:
		l.errorf(b.PublicIP.Range(), "Private NAT gateway with public IP",
			"The private %s cannot have a public_ip; remove it, or set connectivity_type = \"public\".", n.Addr())
	}
}

func (l *loader) resolveInstance(b *instanceBlock, i *Instance) {
	i.Subnet = l.refSubnet(b.Subnet, of("subnet", i))
	if present(b.PrivateIP) {
		i.PrivateIP, _ = l.addr(b.PrivateIP, of("private_ip", i))
	}
	if present(b.PublicIP) {
		i.PublicIP, _ = l.addr(b.PublicIP, of("public_ip", i))
	}
	for _, it := range l.refs(b.SecurityGroups, of("security_groups", i), "security_group") {
		i.SecurityGroups = append(i.SecurityGroups, it.res.(*SecurityGroup))
	}
	i.SourceDestCheck = true
	if v, ok := l.boolean(b.SourceDestCheck, of("source_dest_check", i)); ok {
		i.SourceDestCheck = v
	}
}

func (l *loader) resolvePeering(b *peeringBlock, p *VPCPeering) {
	p.Requester = l.refVPC(b.Requester, of("requester", p))
	p.Accepter = l.refVPC(b.Accepter, of("accepter", p))
	if p.Requester != nil && p.Requester == p.Accepter {
		l.errorf(b.Accepter.Range(), "VPC peered with itself",
			"The requester and accepter of %s are both %s; a peering connects two different VPCs.", p.Addr(), p.Requester.Addr())
	}
}
