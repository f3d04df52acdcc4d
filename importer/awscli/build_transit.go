package awscli

import (
	"net/netip"

	"github.com/vpcreach/vpcreach/importer"
)

func (b *builder) peerings() {
	for _, it := range b.c.peerings {
		p := it.v
		if !b.first(p.VpcPeeringConnectionId) {
			continue
		}
		if p.Status.Code != "" && p.Status.Code != "active" {
			b.m.Skip(p.VpcPeeringConnectionId, "VpcPeeringConnections", it.where, "its status is "+p.Status.Code+", not active", false)
			continue
		}
		b.m.Peerings = append(b.m.Peerings, &importer.Peering{Origin: origin(it, p.VpcPeeringConnectionId, nameOf(p.Tags)),
			Requester: p.RequesterVpcInfo.VpcId, Accepter: p.AccepterVpcInfo.VpcId})
	}
}

func (b *builder) transit() {
	for _, it := range b.c.tgws {
		g := it.v
		if b.first(g.TransitGatewayId) {
			b.m.TransitGateways = append(b.m.TransitGateways, &importer.TransitGateway{Origin: origin(it, g.TransitGatewayId, nameOf(g.Tags))})
		}
	}
	for _, it := range b.c.tgwVPCAtts {
		a := it.v
		if !b.first(a.TransitGatewayAttachmentId) {
			continue
		}
		if a.State != "" && a.State != "available" {
			b.m.Skip(a.TransitGatewayAttachmentId, "TransitGatewayVpcAttachments", it.where, "its state is "+a.State, false)
			continue
		}
		out := &importer.TGWAttachment{Origin: origin(it, a.TransitGatewayAttachmentId, nameOf(a.Tags)),
			TransitGateway: a.TransitGatewayId, VPC: a.VpcId, Subnets: a.SubnetIds, ApplianceMode: a.Options.ApplianceModeSupport == "enable"}
		b.attachments[a.TransitGatewayAttachmentId] = out
		b.m.TGWAttachments = append(b.m.TGWAttachments, out)
	}
	for _, it := range b.c.tgwAtts {
		a := it.v
		out := b.attachments[a.TransitGatewayAttachmentId]
		if out == nil {
			if b.first(a.TransitGatewayAttachmentId) {
				why := "a " + a.ResourceType + " attachment; the topology language has VPC attachments only"
				if a.ResourceType == "vpc" {
					why = "describe-transit-gateway-vpc-attachments does not list it (its subnets are unknown)"
				}
				b.m.Skip(a.TransitGatewayAttachmentId, "TransitGatewayAttachments", it.where, why+"; routes to it are written as blackholes", true)
			}
			continue
		}
		if as := a.Association; as != nil && as.State == "associated" && out.RouteTable == "" {
			out.RouteTable = as.TransitGatewayRouteTableId
		}
	}
	for _, it := range b.c.tgwRTs {
		t := it.v
		if !b.first(t.TransitGatewayRouteTableId) {
			continue
		}
		b.m.TGWRouteTables = append(b.m.TGWRouteTables, &importer.TGWRouteTable{
			Origin: origin(it, t.TransitGatewayRouteTableId, nameOf(t.Tags)), TransitGateway: t.TransitGatewayId,
			Routes: b.tgwRoutes(t.TransitGatewayRouteTableId)})
	}
	b.tgwAssociations()
}

// tgwRoutes returns the static routes of table rt (propagated routes come
// from the propagations).
func (b *builder) tgwRoutes(rt string) []importer.TGWRoute {
	var out []importer.TGWRoute
	seen := map[netip.Prefix]bool{}
	for _, it := range b.c.tgwRoutes[rt] {
		r := it.v
		if r.Type == "propagated" {
			continue
		}
		var dests []netip.Prefix
		switch {
		case r.DestinationCidrBlock != "":
			if p, ok := prefix(b, it, "transit gateway route destination", r.DestinationCidrBlock); ok {
				dests = append(dests, p)
			}
		case r.PrefixListId != "":
			cidrs, known := b.c.prefixLists[r.PrefixListId]
			if !known {
				b.m.Skip(rt+" -> "+r.PrefixListId, "TransitGatewayStaticRoutes", it.where,
					"a route to a prefix list whose entries are not given; the route is left out", true)
			}
			for _, c := range cidrs {
				if p, ok := prefix(b, it, "prefix list entry", c); ok {
					dests = append(dests, p)
				}
			}
		}
		for _, d := range dests {
			if seen[d] {
				continue
			}
			seen[d] = true
			tr := importer.TGWRoute{Destination: d, Blackhole: r.State == "blackhole"}
			if !tr.Blackhole && len(r.TransitGatewayAttachments) > 0 {
				tr.Attachment = r.TransitGatewayAttachments[0].TransitGatewayAttachmentId
			}
			switch {
			case r.State == "blackhole":
				tr.Note = "AWS reports this route as a blackhole"
			case tr.Attachment == "":
				tr.Blackhole, tr.Note = true, "the route names no attachment; vpcreach does not follow the path past it"
			}
			out = append(out, tr)
		}
	}
	return out
}

// tgwAssociations applies get-transit-gateway-route-table-associations and
// -propagations output.
func (b *builder) tgwAssociations() {
	for _, t := range b.m.TGWRouteTables {
		rt := t.AWSID
		for _, it := range b.c.tgwAssocs[rt] {
			if a := b.attachments[it.v.TransitGatewayAttachmentId]; a != nil && it.v.State != "disassociated" && a.RouteTable == "" {
				a.RouteTable = rt
			}
		}
		for _, it := range b.c.tgwProps[rt] {
			a := b.attachments[it.v.TransitGatewayAttachmentId]
			if a == nil || it.v.State != "enabled" || contains(a.PropagateTo, rt) {
				continue
			}
			a.PropagateTo = append(a.PropagateTo, rt)
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
