package analyzer

// The types in this file are the answer to a path query. Slices are
// sorted or in path order. They carry no JSON tags: the JSON output is
// package render/jsonwire (schema_version 1), converted from them by
// package render, so these types can change without changing the JSON.

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
	Verdict   Verdict
	Reachable bool
	// ForwardPath and ReturnPath hold the hops in order.
	ForwardPath       []*Hop
	ReturnPath        []*Hop
	Explanations      []*Finding
	AdditionalDetails []*Finding
}

// Analysis is the answer to one path query.
type Analysis struct {
	SchemaVersion int
	Query         QueryInfo
	Answer
	// PortRanges is set when the query gives no destination port: one
	// entry per class of ports that every component treats alike.
	PortRanges []*PortRangeResult
	// AddressRanges is set when the destination is a CIDR: one entry per
	// class of addresses that every component treats alike.
	AddressRanges []*AddressRangeResult
}

// QueryInfo echoes the query after defaults are applied.
type QueryInfo struct {
	Source          string
	Destination     string
	Protocol        string
	SourcePort      *int
	DestinationPort *int
	AppProtocol     string
	SNI             string
	HTTPHost        string
}

// Header is a packet header as a hop receives or sends it.
type Header struct {
	Source          string
	Destination     string
	Protocol        string
	SourcePort      *int
	DestinationPort *int
}

// Hop is one component on a path.
type Hop struct {
	Sequence  int
	Component string
	Type      string
	// Direction is "ingress" or "egress" for subnet hops (the packet
	// enters or leaves the subnet).
	Direction        string
	VPC              string
	Subnet           string
	AvailabilityZone string
	InboundHeader    *Header
	OutboundHeader   *Header

	Route             *RouteInfo
	TGWRoute          *TGWRouteInfo
	ACLRule           *ACLRuleInfo
	SecurityGroupRule *SGRuleInfo
	FirewallRule      *FirewallRuleInfo
	// Translation describes an address or port rewrite at this hop.
	Translation string
	// Blocked is true when the packet is stopped at this hop (the walk may
	// continue past it to report every blocker).
	Blocked bool
}

// RouteInfo is the route a route table chose.
type RouteInfo struct {
	RouteTable  string
	Destination string
	Target      string
	Origin      string // "local" for implicit local routes
	Location    string
}

// TGWRouteInfo is the route a transit gateway route table chose.
type TGWRouteInfo struct {
	RouteTable  string
	Destination string
	Attachment  string
	Blackhole   bool
	Origin      string // "static" or "propagated"
	Location    string
}

// ACLRuleInfo is the network ACL rule that admitted or denied a packet.
type ACLRuleInfo struct {
	NetworkACL string
	// RuleNumber is 32767 for the implicit final "*" rule, as AWS shows it.
	RuleNumber int
	Action     string // allow | deny
	Egress     bool
	Protocol   string
	CIDR       string
	PortRange  string
	Location   string
}

// SGRuleInfo is the security group rule that admitted a packet.
type SGRuleInfo struct {
	SecurityGroup string
	Direction     string // ingress | egress
	Protocol      string
	PortRange     string
	CIDR          string
	// ReferencedSecurityGroup is set when the rule matched by SG reference.
	ReferencedSecurityGroup string
	Location                string
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
	Firewall  string
	Policy    string
	RuleGroup string
	// Engine is the part of the firewall that decided.
	Engine Engine
	SID    int64
	// Priority of a stateless rule.
	Priority         int
	Action           string
	DefaultAction    string
	Protocol         string
	Sources          []string
	Destinations     []string
	SourcePorts      []string
	DestinationPorts []string
	Direction        string // forward | any
	// Phase is the packet of the flow the decision applies to, such as
	// "client data"; LatchedAt is set when an earlier packet decided the
	// whole flow.
	Phase     string
	LatchedAt string
	// Ambiguous is set when undecidable rules could change this decision;
	// the rest of the fields then describe the baseline (every undecidable
	// rule taken as not matching).
	Ambiguous bool
	Rule      string // the rule text
	Location  string
}

// Finding is an explanation (blocking) or an additional detail.
type Finding struct {
	Code string
	// Direction is "forward" or "return" (path direction).
	Direction string
	Component string
	Message   string
	// Optional references to what is at fault.
	Route          *RouteInfo
	TGWRoute       *TGWRouteInfo
	ACLRule        *ACLRuleInfo
	SecurityGroups []string
	// TrafficDirection is "ingress" or "egress" for security group and
	// network ACL findings.
	TrafficDirection  string
	PacketField       string
	FirewallRule      *FirewallRuleInfo
	Rules             []*FirewallRuleInfo
	RuleOptions       []string
	AvailabilityZones []string
	Location          string
}

// PortRangeResult is the answer for one class of destination ports.
type PortRangeResult struct {
	From int
	To   int
	// AppProtocol is the application protocol inferred for the range's
	// ports; empty when they differ (decided alike all the same).
	AppProtocol string
	Answer
}
