package topology

import (
	"net/netip"

	"github.com/hashicorp/hcl/v2"
)

// VPC is a virtual private cloud.
type VPC struct {
	Meta
	// CIDRs are the VPC's CIDR blocks; the first is the primary.
	CIDRs []netip.Prefix
	// MainRouteTable is the declared main route table, or an implicit one
	// ("vpc.NAME.main_route_table") that holds only the local routes.
	MainRouteTable *RouteTable
	// DefaultSecurityGroup is the implicit default SG
	// ("vpc.NAME.default_security_group"): all outbound, inbound only from
	// itself.
	DefaultSecurityGroup *SecurityGroup
	// DefaultNetworkACL is the implicit default NACL
	// ("vpc.NAME.default_network_acl"): allows everything both ways.
	DefaultNetworkACL *NetworkACL
	// Subnets of the VPC, sorted by CIDR.
	Subnets []*Subnet
	// InternetGateway attached to the VPC, or nil.
	InternetGateway *InternetGateway
	// TGWAttachments of this VPC, sorted by name.
	TGWAttachments []*TGWAttachment
	// Firewalls whose VPC this is, sorted by name.
	Firewalls []*Firewall
	// Peerings this VPC takes part in, sorted by name.
	Peerings []*VPCPeering
}

// Contains reports whether a lies in one of the VPC's CIDRs.
func (v *VPC) Contains(a netip.Addr) bool {
	a = a.Unmap()
	for _, p := range v.CIDRs {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// SubnetFor returns the subnet of v whose CIDR holds a, or nil.
func (v *VPC) SubnetFor(a netip.Addr) *Subnet {
	a = a.Unmap()
	for _, s := range v.Subnets {
		if s.CIDR.Contains(a) {
			return s
		}
	}
	return nil
}

// Subnet is a subnet of one VPC in one availability zone.
type Subnet struct {
	Meta
	VPC  *VPC
	CIDR netip.Prefix
	AZ   string
	// RouteTable is the effective route table: the associated one, else
	// the VPC's main route table.
	RouteTable *RouteTable
	// NetworkACL is the effective network ACL: the associated one, else
	// the VPC's default network ACL.
	NetworkACL *NetworkACL
	// Instances, NATGateways and FirewallEndpoints in the subnet, sorted
	// by name.
	Instances         []*Instance
	NATGateways       []*NATGateway
	FirewallEndpoints []*FirewallEndpoint
	// TGWAttachments that place their ENI for this AZ in this subnet.
	TGWAttachments []*TGWAttachment
}

// ENIAt returns the instance or NAT gateway of the subnet whose private IP
// is a, or nil.
func (s *Subnet) ENIAt(a netip.Addr) Resource {
	a = a.Unmap()
	for _, i := range s.Instances {
		if i.PrivateIP == a {
			return i
		}
	}
	for _, n := range s.NATGateways {
		if n.PrivateIP == a {
			return n
		}
	}
	return nil
}

// RouteTable is a VPC route table, declared or implicit.
type RouteTable struct {
	Meta
	VPC *VPC
	// Routes are the declared routes in declaration order, followed by the
	// implicit local route of every VPC CIDR that no declared route
	// replaces (a declared route whose destination equals a VPC CIDR
	// replaces its local route).
	Routes []*Route
	// Subnets explicitly associated with the table, sorted by name; for the
	// main table, also the subnets that use it implicitly.
	Subnets []*Subnet
	// EdgeGateway is the internet gateway this table is edge-associated
	// with (a gateway route table), or nil.
	EdgeGateway *InternetGateway
	// IsMain reports whether the table is its VPC's main route table.
	IsMain bool
}

// RouteOrigin tells a declared route from an implicit local one.
type RouteOrigin int

// Route origins.
const (
	OriginDeclared RouteOrigin = iota // a route block
	OriginLocal                       // the implicit local route of a VPC CIDR
)

// Route is one entry of a VPC route table.
type Route struct {
	Destination netip.Prefix
	Target      Target
	Origin      RouteOrigin
	// PrefixList is set for a route whose destination is a prefix list:
	// the route block yields one Route per entry, each with this list. A
	// route to a CIDR takes priority over a prefix-list route to the same
	// CIDR (AWS route priority).
	PrefixList *PrefixList
	// Range is the route block's range; for a local route, the range of the
	// route table (or VPC, for an implicit table) block.
	Range hcl.Range
	// Note is the route's note attribute: what a blackhole route stands
	// for (vpcreach import writes one for a target it cannot model), shown
	// when a path ends there.
	Note string
}

// TargetKind is the kind of a route target.
type TargetKind int

// Route target kinds.
const (
	TargetLocal TargetKind = iota
	TargetBlackhole
	TargetInternetGateway
	TargetNATGateway
	TargetFirewallEndpoint
	TargetTransitGateway
	TargetInstance
	TargetVPCPeering
	TargetVPCEndpoint // a Gateway or GatewayLoadBalancer endpoint
)

// Target is where a route sends matching packets. Exactly the pointer that
// matches Kind is set; Local and Blackhole have none.
type Target struct {
	Kind             TargetKind
	InternetGateway  *InternetGateway
	NATGateway       *NATGateway
	FirewallEndpoint *FirewallEndpoint
	TransitGateway   *TransitGateway
	Instance         *Instance
	VPCPeering       *VPCPeering
	VPCEndpoint      *VPCEndpoint
}

// Resource returns the target resource, or nil for local and blackhole.
func (t Target) Resource() Resource {
	switch t.Kind {
	case TargetInternetGateway:
		return t.InternetGateway
	case TargetNATGateway:
		return t.NATGateway
	case TargetFirewallEndpoint:
		return t.FirewallEndpoint
	case TargetTransitGateway:
		return t.TransitGateway
	case TargetInstance:
		return t.Instance
	case TargetVPCPeering:
		return t.VPCPeering
	case TargetVPCEndpoint:
		return t.VPCEndpoint
	}
	return nil
}

// String returns "local", "blackhole" or the target's address.
func (t Target) String() string {
	switch t.Kind {
	case TargetLocal:
		return "local"
	case TargetBlackhole:
		return "blackhole"
	}
	return t.Resource().Addr()
}

// InternetGateway is an internet gateway attached to one VPC.
type InternetGateway struct {
	Meta
	VPC *VPC
	// EdgeRouteTable is the gateway route table edge-associated with the
	// IGW, or nil: inbound traffic then follows the VPC's local routes.
	EdgeRouteTable *RouteTable
}

// NATGateway is a public or private NAT gateway in one subnet.
type NATGateway struct {
	Meta
	Subnet *Subnet
	// Public is true for connectivity_type "public" (the default).
	Public bool
	// PrivateIP is the gateway's private address (default: the subnet's
	// base address + 4).
	PrivateIP netip.Addr
	// PublicIP is the EIP of a public NAT gateway; invalid for a private one.
	PublicIP netip.Addr
	// PublicIPAssumed is set when a public gateway has no public_ip: its
	// PublicIP is then a placeholder from 198.18.0.0/15 (assumed.go).
	PublicIPAssumed bool
}

// Instance is any ENI-backed endpoint: an EC2 instance ("instance"
// block), an appliance's network interface ("network_interface" block,
// Kind "network_interface"), ...
type Instance struct {
	Meta
	Subnet    *Subnet
	PrivateIP netip.Addr
	// PublicIP is the instance's public IPv4 or EIP; invalid when it has none.
	PublicIP netip.Addr
	// SecurityGroups are the effective SGs: the declared ones, else the
	// VPC's default security group.
	SecurityGroups []*SecurityGroup
	// SourceDestCheck is true (the default) unless the instance forwards
	// traffic not addressed to it.
	SourceDestCheck bool
	// PrivateIPAssumed is set when the block has no private_ip: the
	// address is then the first free one of the subnet (assumed.go).
	PrivateIPAssumed bool
}

// VPCPeering connects two VPCs.
type VPCPeering struct {
	Meta
	Requester *VPC
	Accepter  *VPC
}

// Peer returns the VPC at the other end from v, or nil when v is neither.
func (p *VPCPeering) Peer(v *VPC) *VPC {
	switch v {
	case p.Requester:
		return p.Accepter
	case p.Accepter:
		return p.Requester
	}
	return nil
}
