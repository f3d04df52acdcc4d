package analyzer

// The types in this file are the answer to a path query. Slices are
// sorted or in path order. The CLI's JSON documents are not made from
// them: they are package render/jsonwire (schema_version 1), converted by
// package render, so these types can change without changing that JSON.
// Their JSON tags serve reports that embed them as they are (package
// logcheck's `vpcreach logs` reports).

// SchemaVersion is the schema_version of the JSON output made from these
// results.
const SchemaVersion = 1

// Verdict of an analysis.
type Verdict string

// Verdicts.
const (
	Reachable    Verdict = "REACHABLE"
	NotReachable Verdict = "NOT_REACHABLE"
	Ambiguous    Verdict = "AMBIGUOUS"
)

// Answer is a verdict with the paths and findings behind it. Analysis and
// the per-range results embed it.
type Answer struct {
	Verdict   Verdict `json:"verdict"`
	Reachable bool    `json:"reachable"`
	// ForwardPath and ReturnPath hold the hops in order.
	ForwardPath       []*Hop     `json:"forward_path"`
	ReturnPath        []*Hop     `json:"return_path"`
	Explanations      []*Finding `json:"explanations"`
	AdditionalDetails []*Finding `json:"additional_details"`
}

// Analysis is the answer to one path query.
type Analysis struct {
	SchemaVersion int       `json:"schema_version"`
	Query         QueryInfo `json:"query"`
	Answer
	// PortRanges is set when the query gives no destination port: one
	// entry per class of ports that every component treats alike.
	PortRanges []*PortRangeResult `json:"port_ranges,omitempty"`
	// AddressRanges is set when the destination is a CIDR: one entry per
	// class of addresses that every component treats alike.
	AddressRanges []*AddressRangeResult `json:"address_ranges,omitempty"`
}

// QueryInfo echoes the query after defaults are applied.
type QueryInfo struct {
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
	// Direction is "ingress" or "egress" for subnet hops (the packet
	// enters or leaves the subnet).
	Direction        string  `json:"direction,omitempty"`
	VPC              string  `json:"vpc,omitempty"`
	Subnet           string  `json:"subnet,omitempty"`
	AvailabilityZone string  `json:"availability_zone,omitempty"`
	InboundHeader    *Header `json:"inbound_header"`
	OutboundHeader   *Header `json:"outbound_header"`

	Route             *RouteInfo        `json:"route,omitempty"`
	TGWRoute          *TGWRouteInfo     `json:"transit_gateway_route,omitempty"`
	ACLRule           *ACLRuleInfo      `json:"acl_rule,omitempty"`
	SecurityGroupRule *SGRuleInfo       `json:"security_group_rule,omitempty"`
	FirewallRule      *FirewallRuleInfo `json:"firewall_rule,omitempty"`
	// Translation describes an address or port rewrite at this hop.
	Translation string `json:"translation,omitempty"`
	// Blocked is true when the packet is stopped at this hop (the walk may
	// continue past it to report every blocker).
	Blocked bool `json:"blocked,omitempty"`
}

// RouteInfo is the route a route table chose.
type RouteInfo struct {
	RouteTable  string `json:"route_table"`
	Destination string `json:"destination"`
	Target      string `json:"target"`
	// PrefixList is set for a route whose destination is a prefix list;
	// Destination is then the entry that matched.
	PrefixList string `json:"prefix_list,omitempty"`
	Origin     string `json:"origin,omitempty"` // "local" for implicit local routes
	Location   string `json:"location,omitempty"`
}

// TGWRouteInfo is the route a transit gateway route table chose.
type TGWRouteInfo struct {
	RouteTable  string `json:"route_table"`
	Destination string `json:"destination"`
	Attachment  string `json:"attachment,omitempty"`
	Blackhole   bool   `json:"blackhole,omitempty"`
	// PrefixList is set for a route to a prefix list; Destination is then
	// the entry that matched.
	PrefixList string `json:"prefix_list,omitempty"`
	Origin     string `json:"origin"` // "static" or "propagated"
	Location   string `json:"location,omitempty"`
}

// ACLRuleInfo is the network ACL rule that admitted or denied a packet.
type ACLRuleInfo struct {
	NetworkACL string `json:"network_acl"`
	// RuleNumber is 32767 for the implicit final "*" rule, as AWS shows it.
	RuleNumber int    `json:"rule_number"`
	Action     string `json:"action"` // allow | deny
	Egress     bool   `json:"egress"`
	Protocol   string `json:"protocol"`
	CIDR       string `json:"cidr"`
	PortRange  string `json:"port_range"`
	Location   string `json:"location,omitempty"`
}

// SGRuleInfo is the security group rule that admitted a packet.
type SGRuleInfo struct {
	SecurityGroup string `json:"security_group"`
	Direction     string `json:"direction"` // ingress | egress
	Protocol      string `json:"protocol"`
	PortRange     string `json:"port_range"`
	CIDR          string `json:"cidr,omitempty"`
	// PrefixList is set when the rule matched through a prefix list.
	PrefixList string `json:"prefix_list,omitempty"`
	// ReferencedSecurityGroup is set when the rule matched by SG reference.
	ReferencedSecurityGroup string `json:"referenced_security_group,omitempty"`
	Location                string `json:"location,omitempty"`
}

// Engine is the part of a firewall policy that decided a flow. Its values
// are the strings the JSON output shows.
type Engine string

// Firewall engines.
const (
	EngineStateful        Engine = "stateful"         // a stateful rule
	EngineStateless       Engine = "stateless"        // a stateless rule or default action
	EngineDefaultAction   Engine = "default_action"   // a stateful default action (or none)
	EngineStreamException Engine = "stream_exception" // the stream exception policy
)

// FirewallRuleInfo is the firewall rule, default action or setting that
// decided at a firewall endpoint, shown the way AWS Reachability Analyzer
// shows a stateful rule.
type FirewallRuleInfo struct {
	Firewall  string `json:"firewall"`
	Policy    string `json:"policy,omitempty"`
	RuleGroup string `json:"rule_group,omitempty"`
	// Engine is the part of the firewall that decided.
	Engine Engine `json:"engine"`
	SID    int64  `json:"sid,omitempty"`
	// Priority of a stateless rule.
	Priority         int      `json:"priority,omitempty"`
	Action           string   `json:"action"`
	DefaultAction    string   `json:"default_action,omitempty"`
	Protocol         string   `json:"protocol,omitempty"`
	Sources          []string `json:"sources,omitempty"`
	Destinations     []string `json:"destinations,omitempty"`
	SourcePorts      []string `json:"source_ports,omitempty"`
	DestinationPorts []string `json:"destination_ports,omitempty"`
	Direction        string   `json:"direction,omitempty"` // forward | any
	// Phase is the packet of the flow the decision applies to, such as
	// "client data"; LatchedAt is set when an earlier packet decided the
	// whole flow.
	Phase     string `json:"phase,omitempty"`
	LatchedAt string `json:"latched_at,omitempty"`
	// Ambiguous is set when undecidable rules could change this decision;
	// the rest of the fields then describe the baseline (every undecidable
	// rule taken as not matching).
	Ambiguous bool   `json:"ambiguous,omitempty"`
	Rule      string `json:"rule,omitempty"` // the rule text
	Location  string `json:"location,omitempty"`
}

// Finding is an explanation (blocking) or an additional detail.
type Finding struct {
	Code string `json:"code"`
	// Direction is "forward" or "return" (path direction).
	Direction string `json:"direction,omitempty"`
	Component string `json:"component,omitempty"`
	Message   string `json:"message"`
	// Optional references to what is at fault.
	Route          *RouteInfo    `json:"route,omitempty"`
	TGWRoute       *TGWRouteInfo `json:"transit_gateway_route,omitempty"`
	ACLRule        *ACLRuleInfo  `json:"acl_rule,omitempty"`
	SecurityGroups []string      `json:"security_groups,omitempty"`
	// TrafficDirection is "ingress" or "egress" for security group and
	// network ACL findings.
	TrafficDirection  string              `json:"traffic_direction,omitempty"`
	PacketField       string              `json:"packet_field,omitempty"`
	FirewallRule      *FirewallRuleInfo   `json:"firewall_rule,omitempty"`
	Rules             []*FirewallRuleInfo `json:"rules,omitempty"`
	RuleOptions       []string            `json:"rule_options,omitempty"`
	AvailabilityZones []string            `json:"availability_zones,omitempty"`
	Location          string              `json:"location,omitempty"`
}

// PortRangeResult is the answer for one class of destination ports.
type PortRangeResult struct {
	From int `json:"from"`
	To   int `json:"to"`
	// AppProtocol is the application protocol inferred for the range's
	// ports; empty when they differ (decided alike all the same).
	AppProtocol string `json:"app_protocol,omitempty"`
	Answer
}
