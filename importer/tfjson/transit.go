package tfjson

import (
	"net/netip"
	"slices"

	"github.com/vpcreach/vpcreach/importer"
)

func (r *reader) peerings() {
	accepted := map[string]bool{}
	for _, x := range r.of("aws_vpc_peering_connection_accepter") {
		if boolean(x.v, "auto_accept", false) || str(x.v, "accept_status") == "active" {
			accepted[r.ref(x, "vpc_peering_connection_id", "aws_vpc_peering_connection")] = true
		}
	}
	for _, x := range r.of("aws_vpc_peering_connection") {
		if !(str(x.v, "accept_status") == "active" || boolean(x.v, "auto_accept", false) || accepted[x.key]) {
			r.m.Skip(x.addr, x.typ, r.where(x), "the peering is not accepted (no auto_accept, no aws_vpc_peering_connection_accepter); it carries no traffic", false)
			continue
		}
		r.m.Peerings = append(r.m.Peerings, &importer.Peering{Origin: x.origin(r.where(x)),
			Requester: r.ref(x, "vpc_id", "aws_vpc"), Accepter: r.ref(x, "peer_vpc_id", "aws_vpc")})
	}
}

// tgwDefaults are a transit gateway's default association and propagation
// route tables ("" when disabled).
type tgwDefaults struct{ assoc, prop string }

func (r *reader) transit() {
	tables := map[string]*importer.TGWRouteTable{}
	for _, x := range r.of("aws_ec2_transit_gateway_route_table") {
		t := &importer.TGWRouteTable{Origin: x.origin(r.where(x)), TransitGateway: r.ref(x, "transit_gateway_id", "aws_ec2_transit_gateway")}
		tables[x.key] = t
		r.m.TGWRouteTables = append(r.m.TGWRouteTables, t)
	}
	defaults := map[string]tgwDefaults{}
	for _, x := range r.of("aws_ec2_transit_gateway") {
		r.m.TransitGateways = append(r.m.TransitGateways, &importer.TransitGateway{Origin: x.origin(r.where(x))})
		defaults[x.key] = r.defaultTables(x, tables)
	}
	attachments := map[string]*importer.TGWAttachment{}
	for _, x := range r.of("aws_ec2_transit_gateway_vpc_attachment") {
		a := &importer.TGWAttachment{Origin: x.origin(r.where(x)), TransitGateway: r.ref(x, "transit_gateway_id", "aws_ec2_transit_gateway"),
			VPC: r.ref(x, "vpc_id", "aws_vpc"), Subnets: r.refList(x, "subnet_ids", "aws_subnet"),
			ApplianceMode: str(x.v, "appliance_mode_support") == "enable"}
		d := defaults[a.TransitGateway]
		if boolean(x.v, "transit_gateway_default_route_table_association", true) && d.assoc != "" {
			a.RouteTable = d.assoc
		}
		if boolean(x.v, "transit_gateway_default_route_table_propagation", true) && d.prop != "" {
			a.PropagateTo = append(a.PropagateTo, d.prop)
		}
		attachments[x.key] = a
		r.m.TGWAttachments = append(r.m.TGWAttachments, a)
	}
	rtTypes := []string{"aws_ec2_transit_gateway_route_table"}
	for _, x := range r.of("aws_ec2_transit_gateway_route_table_association", "aws_ec2_transit_gateway_route_table_propagation") {
		a := attachments[r.ref(x, "transit_gateway_attachment_id", "aws_ec2_transit_gateway_vpc_attachment")]
		rt := r.ref(x, "transit_gateway_route_table_id", rtTypes...)
		if a == nil || tables[rt] == nil {
			r.m.Skip(x.addr, x.typ, r.where(x), "its attachment (a VPC attachment) or route table is not imported or not known", true)
			continue
		}
		if x.typ == "aws_ec2_transit_gateway_route_table_association" {
			a.RouteTable = rt
		} else if !slices.Contains(a.PropagateTo, rt) {
			a.PropagateTo = append(a.PropagateTo, rt)
		}
	}
	for _, x := range r.of("aws_ec2_transit_gateway_route") {
		r.tgwRoute(x, tables, defaults)
	}
}

// defaultTables returns (creating them when no declared table is one)
// the default association and propagation route tables of transit
// gateway x.
func (r *reader) defaultTables(x *res, tables map[string]*importer.TGWRouteTable) tgwDefaults {
	var d tgwDefaults
	table := func(idAttr string) string {
		id := str(x.v, idAttr)
		if id != "" && tables[id] != nil {
			return id
		}
		key := x.addr + ".default_route_table"
		if id != "" {
			key = id
		}
		if tables[key] == nil {
			t := &importer.TGWRouteTable{Origin: importer.Origin{AWSID: id, TFAddress: x.addr + ".default_route_table",
				Name: tagName(x.v) + "_default", Where: r.where(x)}, TransitGateway: x.key}
			if id != "" {
				t.TFAddress = ""
			}
			tables[key] = t
			r.m.TGWRouteTables = append(r.m.TGWRouteTables, t)
		}
		return key
	}
	if str(x.v, "default_route_table_association") != "disable" {
		d.assoc = table("association_default_route_table_id")
	}
	if str(x.v, "default_route_table_propagation") != "disable" {
		d.prop = table("propagation_default_route_table_id")
	}
	return d
}

func (r *reader) tgwRoute(x *res, tables map[string]*importer.TGWRouteTable, defaults map[string]tgwDefaults) {
	rt := r.ref(x, "transit_gateway_route_table_id", "aws_ec2_transit_gateway_route_table")
	if tables[rt] == nil {
		if tgw := r.refExpr(x, []any{"transit_gateway_route_table_id"}, []string{"aws_ec2_transit_gateway"}); tgw != "" {
			rt = defaults[tgw].assoc
		}
	}
	t := tables[rt]
	dest := str(x.v, "destination_cidr_block")
	if t == nil || dest == "" {
		r.m.Skip(x.addr, x.typ, r.where(x), "its route table or destination is not imported or not known", true)
		return
	}
	p, ok := r.prefix(x, "destination_cidr_block", dest)
	if !ok {
		return
	}
	route := importer.TGWRoute{Destination: p, Blackhole: boolean(x.v, "blackhole", false)}
	if !route.Blackhole {
		route.Attachment = r.ref(x, "transit_gateway_attachment_id", "aws_ec2_transit_gateway_vpc_attachment")
		if route.Attachment == "" {
			r.m.Skip(x.addr, x.typ, r.where(x), "its attachment is not a VPC attachment vpcreach imports, or is not known; the route is written as a blackhole", true)
			route.Blackhole = true
			route.Note = "its attachment is not a VPC attachment vpcreach imports, or is not known; vpcreach does not follow the path past it"
		}
	}
	t.Routes = append(t.Routes, route)
}

// buildPrefixLists gathers managed prefix list entries by list key.
func (r *reader) buildPrefixLists() {
	r.prefixLists = map[string][]string{}
	for _, x := range r.of("aws_ec2_managed_prefix_list") {
		r.prefixLists[x.key] = []string{}
		for _, e := range blocks(x.v, "entry") {
			if c := str(e, "cidr"); c != "" {
				r.prefixLists[x.key] = append(r.prefixLists[x.key], c)
			}
		}
	}
	for _, x := range r.of("aws_ec2_managed_prefix_list_entry") {
		k := r.ref(x, "prefix_list_id", "aws_ec2_managed_prefix_list")
		if c := str(x.v, "cidr"); c != "" && k != "" {
			r.prefixLists[k] = append(r.prefixLists[k], c)
		}
	}
}

// prefixList returns the CIDRs of prefix list pl; an unknown list is a
// warning and no CIDR.
func (r *reader) prefixList(x *res, pl string) []netip.Prefix {
	cidrs, ok := r.prefixLists[pl]
	if !ok {
		r.m.Skip(x.addr+" -> "+pl, x.typ, r.where(x), "it uses prefix list "+pl+", whose entries are not in the input; that part is left out", true)
		return nil
	}
	var out []netip.Prefix
	for _, c := range cidrs {
		if p, ok := r.prefix(x, "prefix list entry", c); ok {
			out = append(out, p)
		}
	}
	return out
}
