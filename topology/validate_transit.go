package topology

func (l *loader) validateTransit(d *decls) {
	type vpcTGW struct {
		v *VPC
		g *TransitGateway
	}
	attached := map[vpcTGW]*TGWAttachment{}
	for _, p := range d.attachments {
		a, b := p.m, p.b
		info := l.attachSrc[a]
		azs := map[string]*Subnet{}
		for _, it := range info.subnets {
			s := it.res.(*Subnet)
			if a.VPC != nil && s.VPC != nil && s.VPC != a.VPC {
				l.errorf(it.rng, "Attachment subnet in another VPC",
					"%s of %s is in %s, not in the attachment's VPC %s; choose a subnet of %s.",
					s.Addr(), a.Addr(), s.VPC.Addr(), a.VPC.Addr(), a.VPC.Addr())
				continue
			}
			if first, dup := azs[s.AZ]; dup && s.AZ != "" {
				l.errorf(it.rng, "More than one attachment subnet per AZ",
					"%s and %s of %s are both in %s; an attachment takes exactly one subnet per availability zone.",
					first.Addr(), s.Addr(), a.Addr(), s.AZ)
				continue
			}
			azs[s.AZ] = s
		}
		if a.TransitGateway == nil {
			continue
		}
		if rt := a.RouteTable; rt != nil && rt.TransitGateway != nil && rt.TransitGateway != a.TransitGateway {
			l.errorf(b.RouteTable.Range(), "Route table of another transit gateway",
				"The route_table of %s is %s, which belongs to %s, not %s.", a.Addr(), rt.Addr(), rt.TransitGateway.Addr(), a.TransitGateway.Addr())
		}
		for _, it := range info.propagate {
			rt := it.res.(*TGWRouteTable)
			if rt.TransitGateway != nil && rt.TransitGateway != a.TransitGateway {
				l.errorf(it.rng, "Route table of another transit gateway",
					"%s propagates to %s, which belongs to %s, not %s.", a.Addr(), rt.Addr(), rt.TransitGateway.Addr(), a.TransitGateway.Addr())
			}
		}
		if a.VPC != nil {
			k := vpcTGW{a.VPC, a.TransitGateway}
			if first, dup := attached[k]; dup {
				l.errorf(b.VPC.Range(), "VPC attached twice",
					"%s is already attached to %s by %s (at %s); a VPC has one attachment per transit gateway.",
					a.VPC.Addr(), a.TransitGateway.Addr(), first.Addr(), where(first.Range))
			} else {
				attached[k] = a
			}
		}
	}
	for _, p := range d.tgwRTs {
		l.checkTGWRoutes(p.m)
	}
}

func (l *loader) checkTGWRoutes(rt *TGWRouteTable) {
	seen := map[routeKey]*tgwRouteBlock{}
	for _, r := range rt.Routes {
		rb := l.tgwRouteSrc[r]
		if rb == nil {
			continue
		}
		key := routeKey{r.Destination, r.PrefixList != nil}
		if first, dup := seen[key]; dup {
			why := "a route table holds one static route per destination"
			if r.PrefixList != nil {
				why = "prefix-list routes of one table must not share an entry (AWS states no order between them)"
			}
			l.errorf(rb.Destination.Range(), "Duplicate route", "%s already has a route to %s at %s; %s.",
				rt.Addr(), r.Destination, where(first.Destination.Range()), why)
			continue
		}
		seen[key] = rb
		a := r.Attachment
		if a != nil && a.TransitGateway != nil && rt.TransitGateway != nil && a.TransitGateway != rt.TransitGateway {
			l.errorf(rb.Attachment.Range(), "Attachment of another transit gateway",
				"A route of %s (on %s) sends to %s, which attaches to %s; routes can use only attachments of their own transit gateway.",
				rt.Addr(), rt.TransitGateway.Addr(), a.Addr(), a.TransitGateway.Addr())
		}
	}
}

func (l *loader) validateFirewalls(d *decls) {
	type fwAZ struct {
		f  *Firewall
		az string
	}
	perAZ := map[fwAZ]*FirewallEndpoint{}
	for _, p := range d.endpoints {
		e, b := p.m, p.b
		f := e.Firewall
		if f == nil || f.VPC == nil || e.Subnet == nil || e.Subnet.VPC == nil || e.Association {
			continue
		}
		if e.Subnet.VPC != f.VPC {
			l.errorf(b.Subnet.Range(), "Firewall endpoint outside its firewall's VPC",
				"The subnet of %s, %s, is in %s, but %s is in %s; put the endpoint in a subnet of %s.",
				e.Addr(), e.Subnet.Addr(), e.Subnet.VPC.Addr(), f.Addr(), f.VPC.Addr(), f.VPC.Addr())
			continue
		}
		k := fwAZ{f, e.Subnet.AZ}
		if first, dup := perAZ[k]; dup {
			l.errorf(b.Subnet.Range(), "Two primary firewall endpoints in one AZ",
				"%s (at %s) and %s of %s are both in %s; a firewall has one primary endpoint per availability zone. Declare further endpoints in the zone with vpc_endpoint_association = true.",
				first.Addr(), where(first.Range), e.Addr(), f.Addr(), e.Subnet.AZ)
			continue
		}
		perAZ[k] = e
	}
	for _, p := range d.endpoints {
		e, b := p.m, p.b
		f := e.Firewall
		if !e.Association || f == nil || e.Subnet == nil {
			continue
		}
		if perAZ[fwAZ{f, e.Subnet.AZ}] == nil {
			l.errorf(b.Subnet.Range(), "VPC endpoint association without a primary endpoint",
				"%s is a VPC endpoint association in %s, but %s has no primary endpoint in that zone; AWS creates associations only in zones where the firewall has one.",
				e.Addr(), e.Subnet.AZ, f.Addr())
		}
		if v := e.Subnet.VPC; v != nil && f.VPC != nil && v != f.VPC && f.Policy != nil && f.Policy.HomeNet == nil {
			l.errorf(b.Subnet.Range(), "HOME_NET of an endpoint in another VPC",
				"%s is in %s, not in the VPC of %s, and %s sets no home_net: $HOME_NET would default to the CIDR blocks of %s, and vpcreach does not know whether AWS uses those for this endpoint. Set home_net in the policy.",
				e.Addr(), v.Addr(), f.Addr(), f.Policy.Addr(), f.VPC.Addr())
		}
	}
}
