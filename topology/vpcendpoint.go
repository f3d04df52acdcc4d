package topology

import (
	"net/netip"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// VPCEndpointType is the vpc_endpoint_type of a VPC endpoint.
type VPCEndpointType int

// VPC endpoint types, named as the AWS API names them.
const (
	EndpointInterface VPCEndpointType = iota + 1 // "Interface"
	EndpointGateway                              // "Gateway"
	EndpointGWLB                                 // "GatewayLoadBalancer"
)

// String returns the AWS name of the type.
func (t VPCEndpointType) String() string {
	switch t {
	case EndpointInterface:
		return "Interface"
	case EndpointGateway:
		return "Gateway"
	case EndpointGWLB:
		return "GatewayLoadBalancer"
	}
	return ""
}

// VPCEndpoint is a VPC endpoint ("vpc_endpoint" block).
//
//   - Interface: a network interface per subnet (ENIs, Kind "vpc_endpoint",
//     addressed "vpc_endpoint.NAME.SUBNET"), filtered by SecurityGroups;
//     a path may start or end at one. Private DNS is not modelled: a query
//     names the interface or its address.
//   - Gateway: a route target for the entries of PrefixList (S3,
//     DynamoDB); traffic routed to it reaches the service.
//   - GatewayLoadBalancer: a route target in one subnet that sends the
//     traffic to the Appliances behind its load balancer and back.
type VPCEndpoint struct {
	Meta
	VPC  *VPC
	Type VPCEndpointType
	// ServiceName is the service_name, such as "com.amazonaws.us-east-1.s3".
	ServiceName string
	// Subnets (Interface: one per AZ; GatewayLoadBalancer: exactly one).
	Subnets []*Subnet
	// SecurityGroups of the interface ENIs (default: the VPC's default SG).
	SecurityGroups []*SecurityGroup
	// ENIs are the interface endpoint's network interfaces, one per
	// subnet, in Subnets order.
	ENIs []*Instance
	// PrefixList is the service's prefix list (Gateway).
	PrefixList *PrefixList
	// Appliances behind a Gateway Load Balancer endpoint.
	Appliances []*Instance
}

// Subnet returns the subnet of a Gateway Load Balancer endpoint, or nil.
func (e *VPCEndpoint) Subnet() *Subnet {
	if len(e.Subnets) == 0 {
		return nil
	}
	return e.Subnets[0]
}

type vpcEndpointBlock struct {
	Name           string         `hcl:"name,label"`
	NameRange      hcl.Range      `hcl:"name,label_range"`
	DefRange       hcl.Range      `hcl:",def_range"`
	Body           hcl.Body       `hcl:",body"`
	VPC            hcl.Expression `hcl:"vpc"`
	Type           hcl.Expression `hcl:"vpc_endpoint_type"`
	ServiceName    hcl.Expression `hcl:"service_name,optional"`
	Subnets        hcl.Expression `hcl:"subnets,optional"`
	PrivateIPs     hcl.Expression `hcl:"private_ips,optional"`
	SecurityGroups hcl.Expression `hcl:"security_groups,optional"`
	PrefixList     hcl.Expression `hcl:"prefix_list,optional"`
	Appliances     hcl.Expression `hcl:"appliances,optional"`
	RouteTables    hcl.Expression `hcl:"route_tables,optional"`
}

func (b *vpcEndpointBlock) head() (string, hcl.Range, hcl.Range) {
	return b.Name, b.NameRange, b.DefRange
}

// resolveVPCEndpoint evaluates a vpc_endpoint block; the attributes that
// belong to another type are reported.
func (l *loader) resolveVPCEndpoint(b *vpcEndpointBlock, e *VPCEndpoint) {
	e.VPC = l.refVPC(b.VPC, of("vpc", e))
	t, ok := l.oneOf(b.Type, of("vpc_endpoint_type", e), "Interface", "Gateway", "GatewayLoadBalancer")
	if !ok {
		return
	}
	e.Type = map[string]VPCEndpointType{"Interface": EndpointInterface, "Gateway": EndpointGateway,
		"GatewayLoadBalancer": EndpointGWLB}[t]
	if present(b.ServiceName) {
		e.ServiceName, _ = l.str(b.ServiceName, of("service_name", e))
	}
	for _, it := range l.refs(b.Subnets, of("subnets", e), "subnet") {
		e.Subnets = append(e.Subnets, it.res.(*Subnet))
	}
	for _, it := range l.refs(b.SecurityGroups, of("security_groups", e), "security_group") {
		e.SecurityGroups = append(e.SecurityGroups, it.res.(*SecurityGroup))
	}
	e.PrefixList, _ = l.ref(b.PrefixList, of("prefix_list", e), "prefix_list").(*PrefixList)
	for _, it := range l.refs(b.Appliances, of("appliances", e), "instance", "network_interface") {
		e.Appliances = append(e.Appliances, it.res.(*Instance))
	}
	for _, sub := range e.Subnets {
		if e.VPC != nil && sub.VPC != nil && sub.VPC != e.VPC {
			l.errorf(b.Subnets.Range(), "Endpoint subnet in another VPC",
				"%s is in %s, but its subnet %s is in %s.", e.Addr(), e.VPC.Addr(), sub.Addr(), sub.VPC.Addr())
		}
	}
	l.checkEndpointAttrs(b, e)
	if e.Type == EndpointInterface {
		l.endpointENIs(b, e)
	}
}

// checkEndpointAttrs reports attributes missing for, or foreign to, the
// endpoint's type.
func (l *loader) checkEndpointAttrs(b *vpcEndpointBlock, e *VPCEndpoint) {
	foreign := func(expr hcl.Expression, attr string) {
		if present(expr) {
			l.errorf(expr.Range(), "Attribute of another endpoint type",
				"%s is %s endpoint, which has no %s.", e.Addr(), anArticle(e.Type.String()), attr)
		}
	}
	switch e.Type {
	case EndpointInterface:
		foreign(b.PrefixList, "prefix_list")
		foreign(b.Appliances, "appliances")
		foreign(b.RouteTables, "route_tables")
		if len(e.Subnets) == 0 && present(b.Subnets) || !present(b.Subnets) {
			l.errorf(b.DefRange, "Interface endpoint without subnets",
				"%s is an Interface endpoint: give the subnets of its network interfaces, such as subnets = [subnet.app_a].", e.Addr())
		}
	case EndpointGateway:
		foreign(b.Subnets, "subnets")
		foreign(b.SecurityGroups, "security_groups")
		foreign(b.PrivateIPs, "private_ips")
		foreign(b.Appliances, "appliances")
		if !present(b.PrefixList) {
			l.errorf(b.DefRange, "Gateway endpoint without prefix list",
				"%s is a Gateway endpoint: name the service's prefix list, such as prefix_list = prefix_list.s3; routes to that list target the endpoint.", e.Addr())
		}
	case EndpointGWLB:
		foreign(b.RouteTables, "route_tables")
		foreign(b.SecurityGroups, "security_groups")
		foreign(b.PrivateIPs, "private_ips")
		foreign(b.PrefixList, "prefix_list")
		if len(e.Subnets) != 1 {
			l.errorf(b.DefRange, "Gateway Load Balancer endpoint subnets",
				"%s is a GatewayLoadBalancer endpoint: it lives in exactly one subnet, such as subnets = [subnet.inspection_a].", e.Addr())
		}
		if len(e.Appliances) == 0 {
			l.errorf(b.DefRange, "Gateway Load Balancer endpoint without appliance",
				"%s is a GatewayLoadBalancer endpoint but names no appliance behind its load balancer; give appliances = [instance.NAME] (or network_interface.NAME).", e.Addr())
		}
	}
}

// endpointENIs creates the network interface of an Interface endpoint in
// each subnet, at the private_ips given (in subnets order) or at an
// address assumed later (assumeEndpointAddresses).
func (l *loader) endpointENIs(b *vpcEndpointBlock, e *VPCEndpoint) {
	var ips []netip.Addr
	if present(b.PrivateIPs) {
		items, _ := l.strs(b.PrivateIPs, of("private_ips", e))
		for _, it := range items {
			if a, ok := l.parseAddr(it.s, it.rng, "element of the "+of("private_ips", e)); ok {
				ips = append(ips, a)
			}
		}
		if len(ips) != len(e.Subnets) {
			l.errorf(b.PrivateIPs.Range(), "One private IP per subnet",
				"%s has %d subnets but %d private_ips; give one address per subnet, in the same order.", e.Addr(), len(e.Subnets), len(ips))
			ips = nil
		}
	}
	seenAZ := map[string]*Subnet{}
	for i, s := range e.Subnets {
		if first, dup := seenAZ[s.AZ]; dup && s.AZ != "" {
			l.errorf(b.Subnets.Range(), "Two endpoint subnets in one AZ",
				"%s names %s and %s, both in %s; an Interface endpoint has one network interface per Availability Zone.", e.Addr(), first.Addr(), s.Addr(), s.AZ)
			continue
		}
		seenAZ[s.AZ] = s
		eni := &Instance{Meta: NewImplicitMeta("vpc_endpoint", e, s.Name), Subnet: s,
			SecurityGroups: e.SecurityGroups, SourceDestCheck: true}
		eni.Range = e.Range
		if ips != nil {
			eni.PrivateIP = ips[i]
		} else {
			eni.PrivateIPAssumed = true
		}
		e.ENIs = append(e.ENIs, eni)
	}
}

// addEndpointRoutes adds, to each route table a Gateway endpoint names in
// route_tables, the route AWS adds for it: destination the endpoint's
// prefix list, target the endpoint (one Route per entry).
func (l *loader) addEndpointRoutes(b *vpcEndpointBlock, e *VPCEndpoint) {
	if e.Type != EndpointGateway || e.PrefixList == nil {
		return
	}
	for _, it := range l.refs(b.RouteTables, of("route_tables", e), "route_table") {
		rt := it.res.(*RouteTable)
		expr := it.expr
		rb := &routeBlock{DefRange: it.rng, Destination: expr, Target: expr}
		for _, dst := range e.PrefixList.Entries {
			l.addRoute(rt, rb, &Route{Origin: OriginDeclared, Range: it.rng, Destination: dst,
				Target: Target{Kind: TargetVPCEndpoint, VPCEndpoint: e}, PrefixList: e.PrefixList})
		}
	}
}

// anArticle returns "an Interface" or "a Gateway".
func anArticle(word string) string {
	if word != "" && strings.ContainsRune("AEIOUaeiou", rune(word[0])) {
		return "an " + word
	}
	return "a " + word
}
