package awscli

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/vpcreach/vpcreach/importer"
)

func (b *builder) routeTables() {
	vpcs := map[string]*importer.VPC{}
	for _, v := range b.m.VPCs {
		vpcs[v.AWSID] = v
	}
	igws := map[string]*importer.InternetGateway{}
	for _, g := range b.m.InternetGateways {
		igws[g.AWSID] = g
	}
	for _, it := range b.c.routeTables {
		t := it.v
		if !b.first(t.RouteTableId) {
			continue
		}
		out := &importer.RouteTable{Origin: origin(it, t.RouteTableId, nameOf(t.Tags)), VPC: t.VpcId}
		for _, r := range t.Routes {
			out.Routes = append(out.Routes, b.route(it, r)...)
		}
		b.m.RouteTables = append(b.m.RouteTables, out)
		for _, a := range t.Associations {
			switch {
			case a.Main:
				if v := vpcs[t.VpcId]; v != nil {
					v.MainRouteTable = t.RouteTableId
				}
			case a.SubnetId != "":
				if s := b.subnet(a.SubnetId); s != nil {
					s.RouteTable = t.RouteTableId
				}
			case a.GatewayId != "":
				if g := igws[a.GatewayId]; g != nil {
					g.RouteTable = t.RouteTableId
				} else {
					b.m.Skip(t.RouteTableId+" -> "+a.GatewayId, "RouteTables", it.where,
						"edge association with a gateway that is not an imported internet gateway (a virtual private gateway?)", true)
				}
			}
		}
	}
}

// route converts one route: one model route per destination (a prefix
// list gives one per entry), none for the implicit local routes.
func (b *builder) route(it item[routeTable], r route) []importer.Route {
	if r.GatewayId == "local" {
		return nil
	}
	dests, ok := b.routeDestinations(it, r)
	if !ok {
		return nil
	}
	target, note := b.routeTarget(it, r)
	var out []importer.Route
	for _, d := range dests {
		out = append(out, importer.Route{Destination: d, Target: target, Note: note})
	}
	return out
}

func (b *builder) routeDestinations(it item[routeTable], r route) ([]netip.Prefix, bool) {
	switch {
	case r.DestinationCidrBlock != "":
		p, ok := prefix(b, it, "route destination", r.DestinationCidrBlock)
		return []netip.Prefix{p}, ok
	case r.DestinationIpv6CidrBlock != "":
		p, ok := prefix(b, it, "route destination", r.DestinationIpv6CidrBlock)
		return []netip.Prefix{p}, ok
	case r.DestinationPrefixListId != "":
		cidrs, known := b.c.prefixLists[r.DestinationPrefixListId]
		if !known {
			b.m.Skip(it.v.RouteTableId+" -> "+r.DestinationPrefixListId, "RouteTables", it.where, fmt.Sprintf(
				"a route to prefix list %s, whose entries are not given (describe-prefix-lists or get-managed-prefix-list-entries); the route is left out", r.DestinationPrefixListId), true)
			return nil, false
		}
		var ps []netip.Prefix
		for _, c := range cidrs {
			if p, ok := prefix(b, it, "prefix list entry", c); ok {
				ps = append(ps, p)
			}
		}
		return ps, true
	}
	return nil, false
}

// routeTarget returns the target key of r, or a blackhole with a note
// (and a warning in the report) when the target is not modelled.
func (b *builder) routeTarget(it item[routeTable], r route) (string, string) {
	id := ""
	for _, s := range []string{r.NatGatewayId, r.TransitGatewayId, r.VpcPeeringConnectionId, r.GatewayId,
		r.EgressOnlyInternetGatewayId, r.LocalGatewayId, r.CarrierGatewayId, r.CoreNetworkArn} {
		if s != "" {
			id = s
			break
		}
	}
	switch {
	case r.InstanceId != "" && b.instanceKey[r.InstanceId]:
		id = r.InstanceId
	case r.NetworkInterfaceId != "":
		if k, ok := b.eniKey[r.NetworkInterfaceId]; ok {
			id = k
		} else if id == "" {
			id = r.NetworkInterfaceId
		}
	case r.InstanceId != "" && id == "":
		id = r.InstanceId
	}
	if r.State == "blackhole" {
		return importer.TargetBlackhole, "AWS reports this route as a blackhole (its target " + id + " is gone)"
	}
	if why := unsupportedTarget(id, b.firewallEndpoints); why != "" {
		b.m.Skip(id, "route target", it.where, fmt.Sprintf(
			"route table %s sends traffic to it, but %s; the route is written as a blackhole", it.v.RouteTableId, why), true)
		return importer.TargetBlackhole, "stands for " + id + ": " + why + "; vpcreach does not follow the path past it"
	}
	return id, ""
}

// unsupportedTarget says why a route target is not modelled, or "".
func unsupportedTarget(id string, firewallEndpoints map[string]bool) string {
	switch {
	case strings.HasPrefix(id, "vgw-"):
		return "virtual private gateways (VPN) are not in the topology language"
	case strings.HasPrefix(id, "vpce-") && !firewallEndpoints[id]:
		return "VPC endpoints are not in the topology language yet (a firewall endpoint needs describe-firewall)"
	case strings.HasPrefix(id, "eigw-"):
		return "egress-only internet gateways (IPv6) are not in the topology language"
	case strings.HasPrefix(id, "lgw-"), strings.HasPrefix(id, "cagw-"), strings.HasPrefix(id, "arn:"):
		return "local, carrier and Cloud WAN gateways are not in the topology language"
	}
	return ""
}
