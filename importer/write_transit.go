package importer

import "github.com/hashicorp/hcl/v2/hclwrite"

// transit writes transit.hcl: peerings and transit gateways with their
// route tables and attachments. ok is false when there are none.
func (w *writer) transit() (*hclwrite.File, bool) {
	m := w.m
	if len(m.Peerings)+len(m.TransitGateways)+len(m.TGWRouteTables)+len(m.TGWAttachments) == 0 {
		return nil, false
	}
	f := hclwrite.NewEmptyFile()
	body := f.Body()
	for _, p := range byName(w.n, m.Peerings) {
		gap(body)
		b := newBlock(body, w.n, "vpc_peering", &p.Origin)
		b.ref("requester", p.Requester)
		b.ref("accepter", p.Accepter)
	}
	for _, g := range byName(w.n, m.TransitGateways) {
		gap(body)
		newBlock(body, w.n, "transit_gateway", &g.Origin)
	}
	for _, t := range byName(w.n, m.TGWRouteTables) {
		gap(body)
		b := newBlock(body, w.n, "transit_gateway_route_table", &t.Origin)
		b.ref("transit_gateway", t.TransitGateway)
		for _, r := range t.Routes {
			rb := b.sub("route")
			rb.str("destination", r.Destination.String())
			if r.Blackhole {
				rb.boolean("blackhole", true)
			} else {
				rb.ref("attachment", r.Attachment)
			}
			rb.str("note", r.Note)
		}
	}
	for _, a := range byName(w.n, m.TGWAttachments) {
		gap(body)
		b := newBlock(body, w.n, "transit_gateway_attachment", &a.Origin)
		b.ref("transit_gateway", a.TransitGateway)
		b.ref("vpc", a.VPC)
		b.refs("subnets", a.Subnets)
		b.ref("route_table", a.RouteTable)
		b.refs("propagate_to", a.PropagateTo)
		if a.ApplianceMode {
			b.boolean("appliance_mode", true)
		}
	}
	return f, true
}
