package topology

import (
	"net/netip"
	"slices"
)

func (l *loader) validateRouteTables(d *decls) {
	for _, p := range d.routeTables {
		rt := p.m
		seen := map[routeKey]*Route{}
		for _, r := range rt.Routes {
			rb := l.routeSrc[r]
			if rb == nil {
				continue
			}
			key := routeKey{r.Destination, r.PrefixList != nil}
			if first, dup := seen[key]; dup {
				l.duplicateRoute(rt, r, rb, first)
				continue
			}
			seen[key] = r
			if rt.VPC != nil {
				l.checkRoute(rt, r, rb)
			}
		}
	}
}

// routeKey identifies a route for duplicate checks: a route to a CIDR and
// a prefix-list route holding the same CIDR may coexist (the CIDR route
// takes priority).
type routeKey struct {
	dst        netip.Prefix
	prefixList bool
}

// duplicateRoute reports a second route to r's destination. Two
// prefix-list routes sharing an entry are refused too: AWS documents no
// priority between them, so the answer would be a guess.
func (l *loader) duplicateRoute(rt *RouteTable, r *Route, rb *routeBlock, firstRoute *Route) {
	first := l.routeSrc[firstRoute]
	if r.PrefixList != nil && r.PrefixList != firstRoute.PrefixList {
		l.errorf(rb.Destination.Range(), "Overlapping prefix list routes",
			"%s already routes %s through a prefix list at %s, and %s holds it too; vpcreach cannot tell which of the two routes AWS uses, so remove the entry from one list.",
			rt.Addr(), r.Destination, where(first.Destination.Range()), r.PrefixList.Addr())
		return
	}
	dst := r.Destination.String()
	if r.PrefixList != nil {
		dst = r.PrefixList.Addr()
	}
	l.errorf(rb.Destination.Range(), "Duplicate route",
		"%s already has a route to %s at %s; a route table holds one route per destination.",
		rt.Addr(), dst, where(first.Destination.Range()))
}

// checkRoute reports a route that AWS would refuse in rt.
func (l *loader) checkRoute(rt *RouteTable, r *Route, rb *routeBlock) {
	v := rt.VPC
	if !l.checkTargetVPC(rt, r, rb) {
		return
	}
	if !l.checkEndpointRoute(rt, r, rb) {
		return
	}
	isVPC := slices.Contains(v.CIDRs, r.Destination)
	isSubnet := slices.ContainsFunc(v.Subnets, func(s *Subnet) bool { return s.CIDR == r.Destination })
	middlebox := r.Target.Kind == TargetNATGateway || r.Target.Kind == TargetInstance || r.Target.Kind == TargetFirewallEndpoint ||
		isGWLBTarget(r.Target)
	if rt.EdgeGateway != nil {
		l.checkEdgeRoute(rt, r, rb, isVPC || isSubnet)
		return
	}
	switch {
	case r.Target.Kind == TargetLocal && !isVPC && !isSubnet:
		l.errorf(rb.Destination.Range(), "Invalid local route",
			"A local route of %s goes to %s, which is neither a CIDR block of %s nor a subnet's; local routes cover the VPC's own blocks.",
			rt.Addr(), r.Destination, v.Addr())
	case isVPC && !middlebox && r.Target.Kind != TargetLocal:
		l.errorf(rb.Target.Range(), "Invalid local route replacement",
			"A route of %s replaces the local route of %s with %s; only a nat_gateway, instance or firewall_endpoint can replace a local route.",
			rt.Addr(), r.Destination, r.Target)
	case moreSpecificThanLocal(r.Destination, v.CIDRs) && !isSubnet:
		l.errorf(rb.Destination.Range(), "Route more specific than local",
			"A route of %s to %s is more specific than the local route of %s but is not the CIDR of one subnet; such a route must match a subnet's CIDR exactly.",
			rt.Addr(), r.Destination, v.Addr())
	case moreSpecificThanLocal(r.Destination, v.CIDRs) && !middlebox && r.Target.Kind != TargetLocal:
		l.errorf(rb.Target.Range(), "Invalid middlebox route target",
			"A route of %s to the subnet CIDR %s targets %s; a route more specific than local must target a nat_gateway, instance or firewall_endpoint.",
			rt.Addr(), r.Destination, r.Target)
	}
}

// isGWLBTarget reports whether t is a Gateway Load Balancer endpoint, which
// AWS accepts wherever a middlebox may be targeted.
func isGWLBTarget(t Target) bool {
	return t.Kind == TargetVPCEndpoint && t.VPCEndpoint.Type == EndpointGWLB
}

// checkEndpointRoute reports a route to a VPC endpoint that AWS refuses:
// an Interface endpoint is never a route target, and a Gateway endpoint
// is the target only of the routes to its service's prefix list.
func (l *loader) checkEndpointRoute(rt *RouteTable, r *Route, rb *routeBlock) bool {
	if r.Target.Kind != TargetVPCEndpoint {
		return true
	}
	e := r.Target.VPCEndpoint
	switch {
	case e.Type == EndpointInterface:
		l.errorf(rb.Target.Range(), "Interface endpoint as route target",
			"A route of %s targets %s, an Interface endpoint; only Gateway and GatewayLoadBalancer endpoints are route targets. Address the endpoint's network interfaces directly.",
			rt.Addr(), e.Addr())
		return false
	case e.Type == EndpointGateway && (r.PrefixList == nil || r.PrefixList != e.PrefixList):
		want := "its service's prefix list"
		if e.PrefixList != nil {
			want = e.PrefixList.Addr()
		}
		l.errorf(rb.Destination.Range(), "Gateway endpoint route destination",
			"A route of %s targets the Gateway endpoint %s, so its destination must be %s, as the routes AWS adds for the endpoint are.",
			rt.Addr(), e.Addr(), want)
		return false
	}
	return true
}

// moreSpecificThanLocal reports whether dst lies strictly inside one of
// the VPC CIDRs.
func moreSpecificThanLocal(dst netip.Prefix, cidrs []netip.Prefix) bool {
	for _, c := range cidrs {
		if c.Bits() < dst.Bits() && c.Contains(dst.Addr()) {
			return true
		}
	}
	return false
}

// checkTargetVPC reports a target that does not belong to rt's VPC.
func (l *loader) checkTargetVPC(rt *RouteTable, r *Route, rb *routeBlock) bool {
	v := rt.VPC
	var owner *VPC
	switch t := r.Target; t.Kind {
	case TargetInternetGateway:
		owner = t.InternetGateway.VPC
	case TargetNATGateway:
		owner = subnetVPC(t.NATGateway.Subnet)
	case TargetInstance:
		owner = subnetVPC(t.Instance.Subnet)
	case TargetFirewallEndpoint:
		owner = subnetVPC(t.FirewallEndpoint.Subnet)
	case TargetVPCEndpoint:
		owner = t.VPCEndpoint.VPC
	case TargetTransitGateway:
		if !slices.ContainsFunc(v.TGWAttachments, func(a *TGWAttachment) bool { return a.TransitGateway == t.TransitGateway }) {
			l.errorf(rb.Target.Range(), "Transit gateway not attached",
				"A route of %s targets %s, but %s has no transit_gateway_attachment to it; attach the VPC first.",
				rt.Addr(), t.TransitGateway.Addr(), v.Addr())
			return false
		}
	case TargetVPCPeering:
		if t.VPCPeering.Peer(v) == nil && t.VPCPeering.Requester != nil && t.VPCPeering.Accepter != nil {
			l.errorf(rb.Target.Range(), "Peering of other VPCs",
				"A route of %s targets %s, which connects %s and %s, not %s; use a peering of this VPC.",
				rt.Addr(), t.VPCPeering.Addr(), t.VPCPeering.Requester.Addr(), t.VPCPeering.Accepter.Addr(), v.Addr())
			return false
		}
	}
	if owner != nil && owner != v {
		l.errorf(rb.Target.Range(), "Route target in another VPC",
			"A route of %s (in %s) targets %s, which is in %s; a route can target only resources of its own VPC.",
			rt.Addr(), v.Addr(), r.Target, owner.Addr())
		return false
	}
	return true
}

func subnetVPC(s *Subnet) *VPC {
	if s == nil {
		return nil
	}
	return s.VPC
}

// checkEdgeRoute reports routes a gateway route table refuses.
func (l *loader) checkEdgeRoute(rt *RouteTable, r *Route, rb *routeBlock, ownCIDR bool) {
	switch {
	case r.Target.Kind == TargetLocal, r.Target.Kind == TargetFirewallEndpoint, r.Target.Kind == TargetInstance,
		isGWLBTarget(r.Target):
	default:
		l.errorf(rb.Target.Range(), "Invalid gateway route target",
			"%s is edge-associated with %s, so its routes can target only \"local\", a firewall_endpoint or an instance, not %s.",
			rt.Addr(), rt.EdgeGateway.Addr(), r.Target)
		return
	}
	if !ownCIDR {
		l.errorf(rb.Destination.Range(), "Invalid gateway route destination",
			"%s is edge-associated with %s, so its route destinations must be the CIDR of %s or of one of its subnets, not %s.",
			rt.Addr(), rt.EdgeGateway.Addr(), rt.VPC.Addr(), r.Destination)
	}
}

func (l *loader) validateGateways(d *decls) {
	firstIGW := map[*VPC]*igwBlock{}
	for _, p := range d.igws {
		g, b := p.m, p.b
		if g.VPC != nil {
			if first, dup := firstIGW[g.VPC]; dup {
				l.errorf(b.VPC.Range(), "More than one internet gateway",
					"%s already has internet_gateway.%s (at %s); a VPC has at most one internet gateway.",
					g.VPC.Addr(), first.Name, where(first.DefRange))
			} else {
				firstIGW[g.VPC] = b
			}
		}
		rt := g.EdgeRouteTable
		if rt == nil || rt.VPC == nil || g.VPC == nil {
			continue
		}
		if rt.VPC != g.VPC {
			l.errorf(b.RouteTable.Range(), "Route table of another VPC",
				"The route_table of %s is %s, which belongs to %s; an internet gateway's route table must be in its VPC, %s.",
				g.Addr(), rt.Addr(), rt.VPC.Addr(), g.VPC.Addr())
		} else if rt.EdgeGateway != g {
			l.errorf(b.RouteTable.Range(), "Route table already edge-associated",
				"%s is already the route table of %s; a gateway route table serves one gateway.", rt.Addr(), rt.EdgeGateway.Addr())
		}
	}
}
