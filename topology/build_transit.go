package topology

import "github.com/hashicorp/hcl/v2"

func (l *loader) refTGW(expr hcl.Expression, what string) *TransitGateway {
	g, _ := l.ref(expr, what, "transit_gateway").(*TransitGateway)
	return g
}

func (l *loader) resolveTGWRouteTable(b *tgwRouteTableBlock, rt *TGWRouteTable) {
	rt.TransitGateway = l.refTGW(b.TransitGateway, of("transit_gateway", rt))
	for _, rb := range b.Routes {
		r := &TGWRoute{Range: blockRange(rb.DefRange, rb.Body)}
		what := "destination of a route of " + rt.Addr()
		pl, isPL := l.routePrefixList(rb.Destination, what)
		ok := isPL && pl != nil
		if !isPL {
			r.Destination, ok = l.prefix(rb.Destination, what)
		}
		hasAtt := present(rb.Attachment)
		r.Attachment, _ = l.ref(rb.Attachment, "attachment of a route of "+rt.Addr(), "transit_gateway_attachment").(*TGWAttachment)
		bh, bok := l.boolean(rb.Blackhole, "blackhole of a route of "+rt.Addr())
		r.Blackhole = bok && bh
		if present(rb.Note) {
			r.Note, _ = l.str(rb.Note, "note of a route of "+rt.Addr())
		}
		switch {
		case hasAtt && r.Blackhole:
			l.errorf(rb.Blackhole.Range(), "Route with attachment and blackhole",
				"A route of %s has both an attachment and blackhole = true; keep one of them.", rt.Addr())
			ok = false
		case !hasAtt && !r.Blackhole:
			if !present(rb.Blackhole) || bok {
				l.errorf(rb.DefRange, "Route without target",
					"A route of %s has neither an attachment nor blackhole = true; add attachment = transit_gateway_attachment.NAME or blackhole = true.", rt.Addr())
			}
			ok = false
		case hasAtt && r.Attachment == nil:
			ok = false
		}
		if !ok {
			continue
		}
		if !isPL {
			rt.Routes = append(rt.Routes, r)
			l.tgwRouteSrc[r] = rb
			continue
		}
		for _, e := range pl.Entries {
			pr := *r
			pr.Destination, pr.PrefixList = e, pl
			rt.Routes = append(rt.Routes, &pr)
			l.tgwRouteSrc[&pr] = rb
		}
	}
}

func (l *loader) resolveAttachment(b *tgwAttachmentBlock, a *TGWAttachment) {
	a.TransitGateway = l.refTGW(b.TransitGateway, of("transit_gateway", a))
	a.VPC = l.refVPC(b.VPC, of("vpc", a))
	subnets := l.refs(b.Subnets, of("subnets", a), "subnet")
	if present(b.Subnets) && len(subnets) == 0 && !hasErrorsIn(l.diags, b.Subnets.Range()) {
		l.errorf(b.Subnets.Range(), "Attachment without subnet",
			"The subnets of %s is empty; give one subnet per availability zone the attachment serves.", a.Addr())
	}
	for _, s := range subnets {
		a.Subnets = append(a.Subnets, s.res.(*Subnet))
	}
	a.RouteTable, _ = l.ref(b.RouteTable, of("route_table", a), "transit_gateway_route_table").(*TGWRouteTable)
	prop := l.refs(b.PropagateTo, of("propagate_to", a), "transit_gateway_route_table")
	for _, p := range prop {
		a.PropagateTo = append(a.PropagateTo, p.res.(*TGWRouteTable))
	}
	if v, ok := l.boolean(b.ApplianceMode, of("appliance_mode", a)); ok {
		a.ApplianceMode = v
	}
	l.attachSrc[a] = attachInfo{subnets: subnets, propagate: prop, propagateRange: attrRanges(b.Body)["propagate_to"]}
}

// attachInfo keeps the ranges of an attachment's reference lists for
// validation.
type attachInfo struct {
	subnets, propagate []refItem
	propagateRange     hcl.Range
}

// hasErrorsIn reports whether an error was already recorded inside rng.
func hasErrorsIn(diags hcl.Diagnostics, rng hcl.Range) bool {
	for _, d := range diags {
		if d.Severity == hcl.DiagError && d.Subject != nil && d.Subject.Filename == rng.Filename &&
			d.Subject.Start.Byte >= rng.Start.Byte && d.Subject.End.Byte <= rng.End.Byte {
			return true
		}
	}
	return false
}
