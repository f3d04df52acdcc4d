// Package importer turns a description of a real AWS network (the JSON the
// AWS CLI prints, package importer/awscli; Terraform's plan or state JSON,
// package importer/tfjson) into vpcreach HCL: readable, deterministic
// files that topology.Load reads back.
//
// The readers fill a Model: resources keyed by their AWS id (or, when the
// id is unknown until apply, their Terraform address), references kept as
// keys. Resolve checks every reference and drops (and reports) what
// refers to nothing; Write names every resource and renders the files.
// Everything the input holds that the model does not is a Skip in the
// report, with why.
package importer

import (
	"net/netip"

	"github.com/hashicorp/hcl/v2"
)

// Origin says where a resource came from: its AWS id, its Terraform
// address, or both. It is written into the block as aws_id and
// terraform_address.
type Origin struct {
	AWSID     string
	TFAddress string
	// Name is the resource's Name tag, if any: the preferred block name.
	Name string
	// Where is the input file (and, for JSON, the position) it came from,
	// for the report.
	Where string
	// Range locates the resource in its input file, when known: errors
	// about it point there.
	Range *hcl.Range
}

// key returns the key the model knows the resource by: its AWS id, else
// its Terraform address.
func (o Origin) key() string {
	if o.AWSID != "" {
		return o.AWSID
	}
	return o.TFAddress
}

// Key returns the resource's key: its AWS id, else its Terraform address.
func (o *Origin) Key() string { return o.key() }

// Model is one imported network. Slices are in input order; Write sorts.
type Model struct {
	VPCs              []*VPC
	Subnets           []*Subnet
	RouteTables       []*RouteTable
	InternetGateways  []*InternetGateway
	NATGateways       []*NATGateway
	Instances         []*Instance
	Peerings          []*Peering
	TransitGateways   []*TransitGateway
	TGWRouteTables    []*TGWRouteTable
	TGWAttachments    []*TGWAttachment
	Firewalls         []*Firewall
	FirewallEndpoints []*FirewallEndpoint
	Policies          []*Policy
	RuleGroups        []*RuleGroup
	SecurityGroups    []*SecurityGroup
	NetworkACLs       []*NetworkACL

	// Report lists what was not imported, and what was assumed.
	Report Report

	// Given holds the block types ("subnet", "nat_gateway", ...) whose
	// whole inventory the input holds (the AWS CLI output of their
	// describe call was given): a reference to one of them that names
	// nothing is then an error of the input, not a resource left out.
	Given map[string]bool

	resolved bool
	diags    hcl.Diagnostics
}

// VPC is a VPC with its CIDRs (the primary first).
type VPC struct {
	Origin
	CIDRs []netip.Prefix
	// MainRouteTable is the key of the main route table, or "".
	MainRouteTable string
}

// Subnet is a subnet; RouteTable and NetworkACL are keys or "".
type Subnet struct {
	Origin
	VPC        string
	CIDR       netip.Prefix
	AZ         string
	RouteTable string
	NetworkACL string
}

// Route is one VPC route. Target is a resource key, or "local" or
// "blackhole".
type Route struct {
	Destination netip.Prefix
	Target      string
	// Note is written as the route's note attribute (why it is a
	// blackhole, what it stands for); analyze path shows it when a path
	// ends at the route.
	Note string
}

// Route target keywords.
const (
	TargetLocal     = "local"
	TargetBlackhole = "blackhole"
)

// RouteTable is a VPC route table.
type RouteTable struct {
	Origin
	VPC    string
	Routes []Route
}

// InternetGateway is an internet gateway attached to VPC; RouteTable is
// its edge-associated table, or "".
type InternetGateway struct {
	Origin
	VPC        string
	RouteTable string
}

// NATGateway is a NAT gateway. An invalid PrivateIP leaves the address to
// the language's default; an invalid PublicIP on a public gateway is an
// address not known (until apply).
type NATGateway struct {
	Origin
	Subnet    string
	Private   bool
	PrivateIP netip.Addr
	PublicIP  netip.Addr
	// Assumed names the attributes whose value was assumed (a placeholder
	// for a value known only after apply).
	Assumed []string
}

// Instance is an ENI-backed endpoint (an EC2 instance's network
// interface, or a stand-alone interface).
type Instance struct {
	Origin
	Subnet          string
	PrivateIP       netip.Addr
	PublicIP        netip.Addr
	SecurityGroups  []string
	SourceDestCheck bool
	// WantPublicIP is set when the instance gets a public IP at launch
	// whose address is not known: a placeholder is assigned.
	WantPublicIP bool
	Assumed      []string
}

// Peering is a VPC peering connection.
type Peering struct {
	Origin
	Requester, Accepter string
}

// TransitGateway is a transit gateway.
type TransitGateway struct{ Origin }

// TGWRoute is a static transit gateway route: to Attachment (a key), or
// dropped when Blackhole.
type TGWRoute struct {
	Destination netip.Prefix
	Attachment  string
	Blackhole   bool
	// Note says what a blackhole route stands for (its note attribute).
	Note string
}

// TGWRouteTable is a transit gateway route table.
type TGWRouteTable struct {
	Origin
	TransitGateway string
	Routes         []TGWRoute
}

// TGWAttachment is a transit gateway VPC attachment.
type TGWAttachment struct {
	Origin
	TransitGateway string
	VPC            string
	Subnets        []string
	RouteTable     string
	PropagateTo    []string
	ApplianceMode  bool
}

// Firewall is an AWS Network Firewall in VPC using Policy.
type Firewall struct {
	Origin
	VPC    string
	Policy string
}

// FirewallEndpoint is one firewall endpoint (a vpce-...) in Subnet.
type FirewallEndpoint struct {
	Origin
	Firewall string
	Subnet   string
}

// GroupRef is a rule group a policy uses, with its priority (0: none).
type GroupRef struct {
	Group    string
	Priority int
}

// Policy is a firewall policy.
type Policy struct {
	Origin
	StatelessDefaultActions         []string
	StatelessFragmentDefaultActions []string
	StatelessGroups                 []GroupRef
	StatefulRuleOrder               string
	StatefulDefaultActions          []string
	StreamExceptionPolicy           string
	StatefulGroups                  []GroupRef
	HomeNet                         []string
}

// RuleGroup is a stateful or stateless rule group.
type RuleGroup struct {
	Origin
	Stateless bool
	RuleOrder string
	IPSets    map[string][]string
	PortSets  map[string][]string
	// IPSetReferences maps a reference name to its CIDRs, when known.
	IPSetReferences map[string][]string
	// Exactly one rules source for a stateful group.
	RulesString   string
	StandardRules []StandardRule
	DomainList    *DomainList
	// StatelessRules for a stateless group.
	StatelessRules []StatelessRule
}

// StandardRule is a 5-tuple stateful rule.
type StandardRule struct {
	Action, Protocol, Source, SourcePort, Direction, Destination, DestinationPort string
	Options                                                                       []RuleOption
}

// RuleOption is a stateful rule's keyword and settings.
type RuleOption struct {
	Keyword  string
	Settings []string
}

// DomainList is a domain list rule source.
type DomainList struct {
	Targets     []string
	TargetTypes []string
	Type        string
}

// StatelessRule is one stateless rule.
type StatelessRule struct {
	Priority         int
	Actions          []string
	Sources          []string
	Destinations     []string
	SourcePorts      []string
	DestinationPorts []string
	Protocols        []int
	TCPFlags         []TCPFlags
}

// TCPFlags is one flags/masks pair of a stateless rule.
type TCPFlags struct{ Flags, Masks []string }

// SGRule is one security group rule. Protocol is "tcp", "udp", "icmp",
// "-1" or a number; Ports is "" (all), "N" or "N-M".
type SGRule struct {
	Protocol       string
	Ports          string
	CIDRs          []netip.Prefix
	SecurityGroups []string
	Note           string
}

// SecurityGroup is a security group.
type SecurityGroup struct {
	Origin
	VPC     string
	Ingress []SGRule
	Egress  []SGRule
}

// NACLRule is one network ACL entry.
type NACLRule struct {
	Number   int
	Allow    bool
	Protocol string
	Ports    string
	CIDR     netip.Prefix
}

// NetworkACL is a network ACL.
type NetworkACL struct {
	Origin
	VPC     string
	Ingress []NACLRule
	Egress  []NACLRule
}
