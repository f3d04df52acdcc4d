// Package jsonwire holds the JSON documents vpcreach writes (schema_version
// 1): `analyze path --format json` (Analysis), `analyze matrix --format
// json` (Matrix), `check --format json` (CheckReport) and `validate
// --format json` (ValidateReport).
//
// The types carry only data and json tags; they import nothing of the
// engine, so a program that reads vpcreach's JSON can decode it with them.
// The render package converts the analyzer's results into them. Field
// names are stable snake_case; optional fields are omitted when empty; a
// change to a name or a meaning is a new schema version. The JSON Schema
// that describes the documents is render/schema/vpcreach-v1.json.
package jsonwire

// SchemaVersion is the schema_version of every document of this package.
const SchemaVersion = 1

// Analysis is the answer to one path query.
type Analysis struct {
	SchemaVersion int   `json:"schema_version"`
	Query         Query `json:"query"`
	Answer
	// PortRanges is set when the query gives no destination port: one
	// entry per class of ports that every component treats alike.
	PortRanges []*PortRange `json:"port_ranges,omitempty"`
	// AddressRanges is set when the destination is a CIDR: one entry per
	// class of addresses that every component treats alike.
	AddressRanges []*AddressRange `json:"address_ranges,omitempty"`
}

// Answer is a verdict with the paths and findings behind it; it is
// flattened into Analysis, PortRange and AddressRange.
type Answer struct {
	// Verdict is REACHABLE, NOT_REACHABLE or AMBIGUOUS.
	Verdict   string `json:"verdict"`
	Reachable bool   `json:"reachable"`
	// ForwardPath and ReturnPath hold the hops in order.
	ForwardPath       []*Hop     `json:"forward_path"`
	ReturnPath        []*Hop     `json:"return_path"`
	Explanations      []*Finding `json:"explanations"`
	AdditionalDetails []*Finding `json:"additional_details"`
}

// Query echoes a path query after defaults are applied.
type Query struct {
	Source          string `json:"source"`
	Destination     string `json:"destination"`
	Protocol        string `json:"protocol"`
	SourcePort      *int   `json:"source_port,omitempty"`
	DestinationPort *int   `json:"destination_port,omitempty"`
	AppProtocol     string `json:"app_protocol,omitempty"`
	SNI             string `json:"sni,omitempty"`
	HTTPHost        string `json:"http_host,omitempty"`
}

// Header is a packet header as a hop receives or sends it.
type Header struct {
	Source          string `json:"source"`
	Destination     string `json:"destination"`
	Protocol        string `json:"protocol"`
	SourcePort      *int   `json:"source_port,omitempty"`
	DestinationPort *int   `json:"destination_port,omitempty"`
}

// Hop is one component on a path.
type Hop struct {
	Sequence  int    `json:"sequence"`
	Component string `json:"component"`
	Type      string `json:"type"`
	// Direction is "ingress" or "egress" for subnet hops.
	Direction         string        `json:"direction,omitempty"`
	VPC               string        `json:"vpc,omitempty"`
	Subnet            string        `json:"subnet,omitempty"`
	AvailabilityZone  string        `json:"availability_zone,omitempty"`
	InboundHeader     *Header       `json:"inbound_header"`
	OutboundHeader    *Header       `json:"outbound_header"`
	Route             *Route        `json:"route,omitempty"`
	TGWRoute          *TGWRoute     `json:"transit_gateway_route,omitempty"`
	ACLRule           *ACLRule      `json:"acl_rule,omitempty"`
	SecurityGroupRule *SGRule       `json:"security_group_rule,omitempty"`
	FirewallRule      *FirewallRule `json:"firewall_rule,omitempty"`
	Translation       string        `json:"translation,omitempty"`
	// Blocked is true when the packet is stopped at this hop.
	Blocked bool `json:"blocked,omitempty"`
}

// Route is the route a VPC route table chose.
type Route struct {
	RouteTable  string `json:"route_table"`
	Destination string `json:"destination"`
	Target      string `json:"target"`
	PrefixList  string `json:"prefix_list,omitempty"`
	Origin      string `json:"origin,omitempty"`
	Location    string `json:"location,omitempty"`
}

// TGWRoute is the route a transit gateway route table chose.
type TGWRoute struct {
	RouteTable  string `json:"route_table"`
	Destination string `json:"destination"`
	Attachment  string `json:"attachment,omitempty"`
	Blackhole   bool   `json:"blackhole,omitempty"`
	PrefixList  string `json:"prefix_list,omitempty"`
	Origin      string `json:"origin"`
	Location    string `json:"location,omitempty"`
}

// ACLRule is the network ACL rule that admitted or denied a packet;
// RuleNumber is 32767 for the implicit final "*" rule.
type ACLRule struct {
	NetworkACL string `json:"network_acl"`
	RuleNumber int    `json:"rule_number"`
	Action     string `json:"action"`
	Egress     bool   `json:"egress"`
	Protocol   string `json:"protocol"`
	CIDR       string `json:"cidr"`
	PortRange  string `json:"port_range"`
	Location   string `json:"location,omitempty"`
}

// SGRule is the security group rule that admitted a packet.
type SGRule struct {
	SecurityGroup           string `json:"security_group"`
	Direction               string `json:"direction"`
	Protocol                string `json:"protocol"`
	PortRange               string `json:"port_range"`
	CIDR                    string `json:"cidr,omitempty"`
	PrefixList              string `json:"prefix_list,omitempty"`
	ReferencedSecurityGroup string `json:"referenced_security_group,omitempty"`
	Location                string `json:"location,omitempty"`
}

// FirewallRule is the firewall rule, default action or setting that
// decided at a firewall endpoint.
type FirewallRule struct {
	Firewall         string   `json:"firewall"`
	Policy           string   `json:"policy,omitempty"`
	RuleGroup        string   `json:"rule_group,omitempty"`
	Engine           string   `json:"engine"`
	SID              int64    `json:"sid,omitempty"`
	Priority         int      `json:"priority,omitempty"`
	Action           string   `json:"action"`
	DefaultAction    string   `json:"default_action,omitempty"`
	Protocol         string   `json:"protocol,omitempty"`
	Sources          []string `json:"sources,omitempty"`
	Destinations     []string `json:"destinations,omitempty"`
	SourcePorts      []string `json:"source_ports,omitempty"`
	DestinationPorts []string `json:"destination_ports,omitempty"`
	Direction        string   `json:"direction,omitempty"`
	Phase            string   `json:"phase,omitempty"`
	LatchedAt        string   `json:"latched_at,omitempty"`
	Ambiguous        bool     `json:"ambiguous,omitempty"`
	Rule             string   `json:"rule,omitempty"`
	Location         string   `json:"location,omitempty"`
}

// Finding is an explanation (blocking) or an additional detail.
type Finding struct {
	Code              string          `json:"code"`
	Direction         string          `json:"direction,omitempty"`
	Component         string          `json:"component,omitempty"`
	Message           string          `json:"message"`
	Route             *Route          `json:"route,omitempty"`
	TGWRoute          *TGWRoute       `json:"transit_gateway_route,omitempty"`
	ACLRule           *ACLRule        `json:"acl_rule,omitempty"`
	SecurityGroups    []string        `json:"security_groups,omitempty"`
	TrafficDirection  string          `json:"traffic_direction,omitempty"`
	PacketField       string          `json:"packet_field,omitempty"`
	FirewallRule      *FirewallRule   `json:"firewall_rule,omitempty"`
	Rules             []*FirewallRule `json:"rules,omitempty"`
	RuleOptions       []string        `json:"rule_options,omitempty"`
	AvailabilityZones []string        `json:"availability_zones,omitempty"`
	Location          string          `json:"location,omitempty"`
}

// PortRange is the answer for one class of destination ports.
type PortRange struct {
	From        int    `json:"from"`
	To          int    `json:"to"`
	AppProtocol string `json:"app_protocol,omitempty"`
	Answer
}

// AddressRange is the answer for one class of destination addresses.
type AddressRange struct {
	From        string   `json:"from"`
	To          string   `json:"to"`
	CIDRs       []string `json:"cidrs"`
	Destination string   `json:"destination,omitempty"`
	Answer
	PortRanges []*PortRange `json:"port_ranges,omitempty"`
}
