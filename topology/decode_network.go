package topology

import "github.com/hashicorp/hcl/v2"

// Every resource block has these fields (gohcl does not decode embedded
// structs, so each block type repeats them):
//
//	Name      string    `hcl:"name,label"`
//	NameRange hcl.Range `hcl:"name,label_range"`
//	DefRange  hcl.Range `hcl:",def_range"`
//	Body      hcl.Body  `hcl:",body"`

type vpcBlock struct {
	Name           string         `hcl:"name,label"`
	NameRange      hcl.Range      `hcl:"name,label_range"`
	DefRange       hcl.Range      `hcl:",def_range"`
	Body           hcl.Body       `hcl:",body"`
	CIDRBlocks     hcl.Expression `hcl:"cidr_blocks"`
	MainRouteTable hcl.Expression `hcl:"main_route_table,optional"`
}

type subnetBlock struct {
	Name             string         `hcl:"name,label"`
	NameRange        hcl.Range      `hcl:"name,label_range"`
	DefRange         hcl.Range      `hcl:",def_range"`
	Body             hcl.Body       `hcl:",body"`
	VPC              hcl.Expression `hcl:"vpc"`
	CIDRBlock        hcl.Expression `hcl:"cidr_block"`
	AvailabilityZone hcl.Expression `hcl:"availability_zone"`
	RouteTable       hcl.Expression `hcl:"route_table,optional"`
	NetworkACL       hcl.Expression `hcl:"network_acl,optional"`
}

type routeTableBlock struct {
	Name      string         `hcl:"name,label"`
	NameRange hcl.Range      `hcl:"name,label_range"`
	DefRange  hcl.Range      `hcl:",def_range"`
	Body      hcl.Body       `hcl:",body"`
	VPC       hcl.Expression `hcl:"vpc"`
	Routes    []*routeBlock  `hcl:"route,block"`
}

type routeBlock struct {
	DefRange    hcl.Range      `hcl:",def_range"`
	Body        hcl.Body       `hcl:",body"`
	Destination hcl.Expression `hcl:"destination"`
	Target      hcl.Expression `hcl:"target"`
	Note        hcl.Expression `hcl:"note,optional"`
}

type igwBlock struct {
	Name       string         `hcl:"name,label"`
	NameRange  hcl.Range      `hcl:"name,label_range"`
	DefRange   hcl.Range      `hcl:",def_range"`
	Body       hcl.Body       `hcl:",body"`
	VPC        hcl.Expression `hcl:"vpc"`
	RouteTable hcl.Expression `hcl:"route_table,optional"`
}

type natBlock struct {
	Name             string         `hcl:"name,label"`
	NameRange        hcl.Range      `hcl:"name,label_range"`
	DefRange         hcl.Range      `hcl:",def_range"`
	Body             hcl.Body       `hcl:",body"`
	Subnet           hcl.Expression `hcl:"subnet"`
	ConnectivityType hcl.Expression `hcl:"connectivity_type,optional"`
	PrivateIP        hcl.Expression `hcl:"private_ip,optional"`
	PublicIP         hcl.Expression `hcl:"public_ip,optional"`
}

type instanceBlock struct {
	Name            string         `hcl:"name,label"`
	NameRange       hcl.Range      `hcl:"name,label_range"`
	DefRange        hcl.Range      `hcl:",def_range"`
	Body            hcl.Body       `hcl:",body"`
	Subnet          hcl.Expression `hcl:"subnet"`
	PrivateIP       hcl.Expression `hcl:"private_ip,optional"`
	PublicIP        hcl.Expression `hcl:"public_ip,optional"`
	SecurityGroups  hcl.Expression `hcl:"security_groups,optional"`
	SourceDestCheck hcl.Expression `hcl:"source_dest_check,optional"`
}

type peeringBlock struct {
	Name      string         `hcl:"name,label"`
	NameRange hcl.Range      `hcl:"name,label_range"`
	DefRange  hcl.Range      `hcl:",def_range"`
	Body      hcl.Body       `hcl:",body"`
	Requester hcl.Expression `hcl:"requester"`
	Accepter  hcl.Expression `hcl:"accepter"`
}

type tgwBlock struct {
	Name      string    `hcl:"name,label"`
	NameRange hcl.Range `hcl:"name,label_range"`
	DefRange  hcl.Range `hcl:",def_range"`
	Body      hcl.Body  `hcl:",body"`
}

type tgwRouteTableBlock struct {
	Name           string           `hcl:"name,label"`
	NameRange      hcl.Range        `hcl:"name,label_range"`
	DefRange       hcl.Range        `hcl:",def_range"`
	Body           hcl.Body         `hcl:",body"`
	TransitGateway hcl.Expression   `hcl:"transit_gateway"`
	Routes         []*tgwRouteBlock `hcl:"route,block"`
}

type tgwRouteBlock struct {
	DefRange    hcl.Range      `hcl:",def_range"`
	Body        hcl.Body       `hcl:",body"`
	Destination hcl.Expression `hcl:"destination"`
	Attachment  hcl.Expression `hcl:"attachment,optional"`
	Blackhole   hcl.Expression `hcl:"blackhole,optional"`
	Note        hcl.Expression `hcl:"note,optional"`
}

type tgwAttachmentBlock struct {
	Name           string         `hcl:"name,label"`
	NameRange      hcl.Range      `hcl:"name,label_range"`
	DefRange       hcl.Range      `hcl:",def_range"`
	Body           hcl.Body       `hcl:",body"`
	TransitGateway hcl.Expression `hcl:"transit_gateway"`
	VPC            hcl.Expression `hcl:"vpc"`
	Subnets        hcl.Expression `hcl:"subnets"`
	RouteTable     hcl.Expression `hcl:"route_table,optional"`
	PropagateTo    hcl.Expression `hcl:"propagate_to,optional"`
	ApplianceMode  hcl.Expression `hcl:"appliance_mode,optional"`
}

type sgBlock struct {
	Name      string         `hcl:"name,label"`
	NameRange hcl.Range      `hcl:"name,label_range"`
	DefRange  hcl.Range      `hcl:",def_range"`
	Body      hcl.Body       `hcl:",body"`
	VPC       hcl.Expression `hcl:"vpc"`
	Ingress   []*sgRuleBlock `hcl:"ingress,block"`
	Egress    []*sgRuleBlock `hcl:"egress,block"`
}

type sgRuleBlock struct {
	DefRange       hcl.Range      `hcl:",def_range"`
	Body           hcl.Body       `hcl:",body"`
	Protocol       hcl.Expression `hcl:"protocol"`
	Ports          hcl.Expression `hcl:"ports,optional"`
	CIDRBlocks     hcl.Expression `hcl:"cidr_blocks,optional"`
	PrefixLists    hcl.Expression `hcl:"prefix_lists,optional"`
	SecurityGroups hcl.Expression `hcl:"security_groups,optional"`
}

type naclBlock struct {
	Name      string           `hcl:"name,label"`
	NameRange hcl.Range        `hcl:"name,label_range"`
	DefRange  hcl.Range        `hcl:",def_range"`
	Body      hcl.Body         `hcl:",body"`
	VPC       hcl.Expression   `hcl:"vpc"`
	Ingress   []*naclRuleBlock `hcl:"ingress,block"`
	Egress    []*naclRuleBlock `hcl:"egress,block"`
}

type naclRuleBlock struct {
	DefRange   hcl.Range      `hcl:",def_range"`
	Body       hcl.Body       `hcl:",body"`
	RuleNumber hcl.Expression `hcl:"rule_number"`
	Action     hcl.Expression `hcl:"action"`
	Protocol   hcl.Expression `hcl:"protocol"`
	Ports      hcl.Expression `hcl:"ports,optional"`
	CIDRBlock  hcl.Expression `hcl:"cidr_block"`
	// PrefixList is accepted only to say that AWS refuses it.
	PrefixList hcl.Expression `hcl:"prefix_list,optional"`
}

type expectBlock struct {
	Name       string         `hcl:"name,label"`
	NameRange  hcl.Range      `hcl:"name,label_range"`
	DefRange   hcl.Range      `hcl:",def_range"`
	Body       hcl.Body       `hcl:",body"`
	From       hcl.Expression `hcl:"from"`
	To         hcl.Expression `hcl:"to"`
	Protocol   hcl.Expression `hcl:"protocol"`
	Port       hcl.Expression `hcl:"port,optional"`
	Ports      hcl.Expression `hcl:"ports,optional"`
	App        hcl.Expression `hcl:"app,optional"`
	SNI        hcl.Expression `hcl:"sni,optional"`
	HTTPHost   hcl.Expression `hcl:"http_host,optional"`
	Reachable  hcl.Expression `hcl:"reachable"`
	Through    hcl.Expression `hcl:"through,optional"`
	NotThrough hcl.Expression `hcl:"not_through,optional"`
}
