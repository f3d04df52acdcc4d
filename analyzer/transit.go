package analyzer

import (
	"fmt"

	"github.com/vpcreach/vpcreach/topology"
)

// toTGW hands the packet, leaving subnet from, to transit gateway tgw
// through from's VPC attachment: the attachment needs an ENI in the
// packet's AZ, its associated TGW route table decides, and the packet
// enters the next VPC at that attachment's subnet in the same AZ (with
// appliance mode, the reply keeps the request's AZ).
func (w *walker) toTGW(from *topology.Subnet, h *Hop, tgw *topology.TransitGateway) {
	att := attachmentOf(from.VPC, tgw)
	if att == nil {
		w.stop(h, CodeNoRouteToDestination, fmt.Sprintf("%s has no attachment to %s", from.VPC.Addr(), tgw.Addr()))
		return
	}
	ingress := att.SubnetInAZ(from.AZ)
	if ingress == nil {
		w.stop(h, CodeTGWRouteAZRestriction, fmt.Sprintf("%s has no subnet in %s, the AZ of %s",
			att.Addr(), from.AZ, from.Addr()))
		return
	}
	if !w.leave(from, h, ingress) {
		return
	}
	ha, ok := w.hop(att.Addr(), "transit_gateway_attachment", "in")
	if !ok {
		return
	}
	ha.VPC, ha.Subnet, ha.AvailabilityZone = att.VPC.Addr(), ingress.Addr(), ingress.AZ
	if att.RouteTable == nil {
		w.stop(ha, CodeTGWAttachMissingAssoc, fmt.Sprintf("%s is associated with no transit gateway route table", att.Addr()))
		return
	}
	// The TGW's decision depends on the attachment the packet came from,
	// so passing the TGW twice from different attachments is no loop.
	ht, ok := w.hop(tgw.Addr(), "transit_gateway", att.Addr())
	if !ok {
		return
	}
	route := w.s.n.lookupTGWRoute(att.RouteTable, w.hdr.dst)
	if route == nil {
		f := w.stop(ht, CodeTGWRtbCannotRoute, fmt.Sprintf("%s has no route for %s", att.RouteTable.Addr(), w.hdr.dst))
		f.TGWRoute = &TGWRouteInfo{RouteTable: att.RouteTable.Addr()}
		return
	}
	ht.TGWRoute = tgwRouteInfo(att.RouteTable, route)
	if route.Blackhole {
		msg := fmt.Sprintf("route %s in %s is a blackhole", route.Destination, att.RouteTable.Addr())
		if route.Note != "" {
			msg += " (" + route.Note + ")"
		}
		f := w.stop(ht, CodeTGWRtbBlackholeRoute, msg)
		f.TGWRoute = ht.TGWRoute
		return
	}
	w.enterAttachment(route.Attachment)
}

// enterAttachment brings the packet out of the TGW into next's VPC.
func (w *walker) enterAttachment(next *topology.TGWAttachment) {
	az := w.chooseAZ(next)
	egress := next.SubnetInAZ(az)
	hb, ok := w.hop(next.Addr(), "transit_gateway_attachment", "out")
	if !ok {
		return
	}
	hb.VPC, hb.Subnet, hb.AvailabilityZone = next.VPC.Addr(), egress.Addr(), az
	w.az = az
	w.sgLost = true
	w.lastAttachment = next
	w.emit(egress)
}

// chooseAZ picks the AZ in which the packet enters attachment next: the
// AZ the request used when next has appliance mode and this is the reply,
// else the packet's AZ when next has a subnet there, else the first AZ of
// next (AVAILABILITY_ZONE_CROSSED).
func (w *walker) chooseAZ(next *topology.TGWAttachment) string {
	if next.ApplianceMode {
		if pinned, ok := w.s.pins[next]; ok && w.dir == dirReturn {
			return pinned
		}
	}
	az := w.az
	if next.SubnetInAZ(az) == nil {
		crossed := next.Subnets[0].AZ
		w.detail(CodeAvailabilityZoneCrossed, next.Addr(), fmt.Sprintf(
			"%s has no subnet in %s: the transit gateway sends the packet to %s", next.Addr(), az, crossed))
		az = crossed
	}
	if next.ApplianceMode && w.dir == dirForward {
		if _, ok := w.s.pins[next]; !ok {
			w.s.pins[next] = az
		}
	}
	return az
}

// attachmentOf returns vpc's attachment to tgw, or nil.
func attachmentOf(vpc *topology.VPC, tgw *topology.TransitGateway) *topology.TGWAttachment {
	for _, a := range vpc.TGWAttachments {
		if a.TransitGateway == tgw {
			return a
		}
	}
	return nil
}

// tgwRouteInfo renders a TGW route of rt.
func tgwRouteInfo(rt *topology.TGWRouteTable, r *topology.TGWRoute) *TGWRouteInfo {
	info := &TGWRouteInfo{RouteTable: rt.Addr(), Destination: r.Destination.String(),
		Blackhole: r.Blackhole, Origin: "static", Location: location(r.Range.Filename, r.Range.Start.Line)}
	if r.Propagated {
		info.Origin = "propagated"
	}
	if r.PrefixList != nil {
		info.PrefixList = r.PrefixList.Addr()
	}
	if r.Attachment != nil {
		info.Attachment = r.Attachment.Addr()
	}
	return info
}
