package tfjson

import (
	"net/netip"
	"strings"

	"github.com/vpcreach/vpcreach/importer"
)

// targetFields are the route attributes that name a target, with the
// resource types each may refer to.
var targetFields = []struct {
	attr  string
	types []string
}{
	{"gateway_id", []string{"aws_internet_gateway", "aws_vpn_gateway", "aws_vpc_endpoint"}},
	{"nat_gateway_id", []string{"aws_nat_gateway"}},
	{"transit_gateway_id", []string{"aws_ec2_transit_gateway"}},
	{"vpc_peering_connection_id", []string{"aws_vpc_peering_connection"}},
	{"network_interface_id", []string{"aws_network_interface", "aws_instance"}},
	{"vpc_endpoint_id", []string{"aws_vpc_endpoint", "aws_networkfirewall_firewall"}},
	{"egress_only_gateway_id", []string{"aws_egress_only_internet_gateway"}},
	{"instance_id", []string{"aws_instance"}},
	{"local_gateway_id", nil},
	{"carrier_gateway_id", nil},
	{"core_network_arn", nil},
}

func (r *reader) routeTables() {
	tables := map[string]*importer.RouteTable{}
	vpcs := map[string]*importer.VPC{}
	for _, v := range r.m.VPCs {
		vpcs[v.Key()] = v
	}
	owners := map[*importer.RouteTable]*res{}
	for _, x := range r.of("aws_route_table", "aws_default_route_table") {
		vpc := r.ref(x, "vpc_id", "aws_vpc")
		if x.typ == "aws_default_route_table" {
			if id := str(x.v, "default_route_table_id"); id != "" && x.key == x.addr {
				x.key = id
			}
			if vpc == "" {
				vpc = r.refExpr(x, []any{"default_route_table_id"}, []string{"aws_vpc"})
			}
			if v := vpcs[vpc]; v != nil {
				v.MainRouteTable = x.key
			}
		}
		t := &importer.RouteTable{Origin: x.origin(r.where(x)), VPC: vpc}
		tables[x.key] = t
		owners[t] = x
		r.m.RouteTables = append(r.m.RouteTables, t)
	}
	// Associations first: a route to a firewall takes the endpoint of the
	// AZ of the table's subnets.
	r.associations(tables, vpcs)
	for _, t := range r.m.RouteTables {
		if x := owners[t]; x != nil {
			for i, obj := range r.objects(x, "route") {
				t.Routes = append(t.Routes, r.route(x, t, obj, []any{"route", i})...)
			}
		}
	}
	for _, x := range r.of("aws_route") {
		t := tables[r.ref(x, "route_table_id", "aws_route_table", "aws_default_route_table")]
		if t == nil {
			t = r.mainTable(x, vpcs, tables)
		}
		if t == nil {
			r.m.Skip(x.addr, x.typ, r.where(x), "its route table is not imported or not known", true)
			continue
		}
		t.Routes = append(t.Routes, r.route(x, t, x.v, nil)...)
	}
}

// mainTable returns (creating it) the VPC's main route table an aws_route
// names when no route table resource is that table: through
// aws_vpc.X.main_route_table_id in the configuration, or by the id a
// VPC's main_route_table_id holds.
func (r *reader) mainTable(x *res, vpcs map[string]*importer.VPC, tables map[string]*importer.RouteTable) *importer.RouteTable {
	var y *res
	if k := r.refExpr(x, []any{"route_table_id"}, []string{"aws_vpc"}); k != "" {
		y = r.byKey(k)
	} else if id := str(x.v, "route_table_id"); id != "" {
		for _, z := range r.of("aws_vpc") {
			if str(z.v, "main_route_table_id") == id {
				y = z
			}
		}
	}
	if y == nil || vpcs[y.key] == nil {
		return nil
	}
	v := vpcs[y.key]
	key := str(y.v, "main_route_table_id")
	if key == "" {
		key = y.addr + ".main_route_table"
	}
	if tables[key] == nil {
		t := &importer.RouteTable{Origin: importer.Origin{Name: v.Name + "_main", Where: v.Where}, VPC: y.key}
		if key == str(y.v, "main_route_table_id") {
			t.AWSID = key
		} else {
			t.TFAddress = key
		}
		tables[key] = t
		r.m.RouteTables = append(r.m.RouteTables, t)
		if v.MainRouteTable == "" {
			v.MainRouteTable = key
		}
	}
	return tables[key]
}

// route converts one route (obj: its attribute values; path: its place
// in the configuration, nil for an aws_route resource).
func (r *reader) route(x *res, t *importer.RouteTable, obj map[string]any, path []any) []importer.Route {
	var dests []netip.Prefix
	for _, attr := range []string{"cidr_block", "destination_cidr_block", "ipv6_cidr_block", "destination_ipv6_cidr_block"} {
		if s := str(obj, attr); s != "" {
			if p, ok := r.prefix(x, attr, s); ok {
				dests = append(dests, p)
			}
		}
	}
	if pl := str(obj, "destination_prefix_list_id"); pl != "" && len(dests) == 0 {
		if dests = r.prefixList(x, pl); len(dests) == 0 {
			return nil // reported by prefixList
		}
	}
	if len(dests) == 0 {
		r.m.Skip(x.addr, x.typ, r.where(x), "a route whose destination is not known (or is a prefix list whose entries are not known); it is left out", true)
		return nil
	}
	target, note := r.routeTarget(x, t, obj, path, dests)
	var out []importer.Route
	for _, d := range dests {
		out = append(out, importer.Route{Destination: d, Target: target, Note: note})
	}
	return out
}

// routeTarget returns a route's target key, or a blackhole with a note
// when it is not modelled or cannot be told.
func (r *reader) routeTarget(x *res, t *importer.RouteTable, obj map[string]any, path []any, dests []netip.Prefix) (string, string) {
	for _, f := range targetFields {
		if s := str(obj, f.attr); s != "" {
			if s == "local" {
				return importer.TargetLocal, ""
			}
			return r.targetKey(x, s, nil, t, dests)
		}
	}
	for _, f := range targetFields {
		if len(f.types) == 0 {
			continue
		}
		p := append(append([]any(nil), path...), f.attr)
		xs := r.resolve(refScope{module: x.module, cfg: x.cfgMod, index: x.index}, x.exprRefs(p...), f.types, 0)
		if len(xs) == 1 {
			return r.targetKey(x, xs[0].key, xs[0], t, dests)
		}
	}
	if ep := r.impliedFirewallEndpoint(x, t, path, dests); ep != "" {
		return ep, ""
	}
	r.m.Skip(x.addr, x.typ, r.where(x), "a route whose target is not known until apply and cannot be told from the configuration; it is written as a blackhole", true)
	return importer.TargetBlackhole, "target not known from " + x.addr
}

// targetKey checks a target: a resource the language lacks becomes a
// blackhole with a warning; a firewall becomes its endpoint.
func (r *reader) targetKey(x *res, key string, y *res, t *importer.RouteTable, dests []netip.Prefix) (string, string) {
	if y == nil {
		y = r.byKey(key)
	}
	typ := ""
	if y != nil {
		typ = y.typ
	}
	why := ""
	switch {
	case typ == "aws_networkfirewall_firewall":
		if ep := r.firewallEndpointFor(y, t, dests); ep != "" {
			return ep, ""
		}
		why = "the firewall's endpoint for this route table's AZ cannot be told"
	case typ == "aws_vpn_gateway" || strings.HasPrefix(key, "vgw-"):
		why = "virtual private gateways (VPN) are not in the topology language"
	case typ == "aws_vpc_endpoint" || (strings.HasPrefix(key, "vpce-") && !r.endpointIDs[key]):
		why = "VPC endpoints are not in the topology language yet"
	case typ == "aws_egress_only_internet_gateway" || strings.HasPrefix(key, "eigw-"):
		why = "egress-only internet gateways (IPv6) are not in the topology language"
	case strings.HasPrefix(key, "lgw-"), strings.HasPrefix(key, "cagw-"), strings.HasPrefix(key, "arn:aws:networkmanager"):
		why = "local, carrier and Cloud WAN gateways are not in the topology language"
	}
	if why == "" {
		if typ == "aws_instance" {
			return r.instanceKey(key), ""
		}
		return key, ""
	}
	r.m.Skip(key, "route target", r.where(x), "a route of "+x.addr+" sends traffic to it, but "+why+"; the route is written as a blackhole", true)
	return importer.TargetBlackhole, "stands for " + key + ": " + why + "; vpcreach does not follow the path past it"
}

// byKey returns the resource with model key k.
func (r *reader) byKey(k string) *res {
	for _, x := range r.all {
		if x.key == k {
			return x
		}
	}
	return nil
}

// associations applies subnet, gateway and main route table associations.
func (r *reader) associations(tables map[string]*importer.RouteTable, vpcs map[string]*importer.VPC) {
	rtTypes := []string{"aws_route_table", "aws_default_route_table"}
	for _, x := range r.of("aws_route_table_association") {
		rt := r.ref(x, "route_table_id", rtTypes...)
		if tables[rt] == nil {
			r.m.Skip(x.addr, x.typ, r.where(x), "its route table is not imported or not known", true)
			continue
		}
		if sk := r.ref(x, "subnet_id", "aws_subnet"); sk != "" {
			if s := r.subnet(sk); s != nil {
				s.RouteTable = rt
				continue
			}
		}
		if gk := r.ref(x, "gateway_id", "aws_internet_gateway"); gk != "" {
			for _, g := range r.m.InternetGateways {
				if g.Key() == gk {
					g.RouteTable = rt
				}
			}
			continue
		}
		r.m.Skip(x.addr, x.typ, r.where(x), "its subnet or gateway is not imported or not known", true)
	}
	for _, x := range r.of("aws_main_route_table_association") {
		rt := r.ref(x, "route_table_id", rtTypes...)
		if v := vpcs[r.ref(x, "vpc_id", "aws_vpc")]; v != nil && tables[rt] != nil {
			v.MainRouteTable = rt
		} else {
			r.m.Skip(x.addr, x.typ, r.where(x), "its VPC or route table is not imported or not known", true)
		}
	}
}

// impliedFirewallEndpoint handles the usual way Terraform routes to a
// firewall endpoint: vpc_endpoint_id taken from a local value built over
// the firewall's sync_states (locals are not in the plan's
// configuration). When the route sets vpc_endpoint_id and its VPC holds
// exactly one firewall and no Gateway Load Balancer endpoint, the target
// is that firewall's endpoint in the route's AZ; the report lists it as
// assumed. It returns "" otherwise.
func (r *reader) impliedFirewallEndpoint(x *res, t *importer.RouteTable, path []any, dests []netip.Prefix) string {
	if len(x.exprRefs(append(append([]any(nil), path...), "vpc_endpoint_id")...)) == 0 || t.VPC == "" {
		return ""
	}
	var fws []*res
	for _, y := range r.of("aws_networkfirewall_firewall") {
		if r.ref(y, "vpc_id", "aws_vpc") == t.VPC {
			fws = append(fws, y)
		}
	}
	for _, y := range r.of("aws_vpc_endpoint") {
		if r.ref(y, "vpc_id", "aws_vpc") == t.VPC && str(y.v, "vpc_endpoint_type") == "GatewayLoadBalancer" {
			return ""
		}
	}
	if len(fws) != 1 {
		return ""
	}
	ep := r.firewallEndpointFor(fws[0], t, dests)
	if ep != "" {
		r.assume(x, "the vpc_endpoint_id of a route (a value vpcreach cannot follow) is taken to be "+ep+", the endpoint of "+fws[0].addr+" in the route's AZ")
	}
	return ep
}
