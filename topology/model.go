// Package topology loads a vpcreach topology (a directory of HCL files, see
// ../shared/spec/topology-language.md) into an immutable, fully resolved
// model. References between resources are pointers, addresses are net/netip
// values and ports are ports.Set values, so the path engine walks the model
// without any lookup by name.
//
// The package knows nothing of evaluation: firewall rule text is kept as
// text with its file positions, and route tables are plain lists. Longest
// prefix matching and rule evaluation live in package analyzer and rules.
//
// A *Topology and everything reachable from it must not be modified after
// Load returns; it is then safe for concurrent use.
package topology

import (
	"net/netip"

	"github.com/hashicorp/hcl/v2"
)

// Resource is any declared (or implicit) block of the topology.
type Resource interface {
	// Addr is the resource's address, "TYPE.NAME" (for example
	// "subnet.app_a"). Implicit resources have addresses that cannot be
	// declared, such as "vpc.egress.main_route_table".
	Addr() string
	// Kind is the block type, such as "subnet".
	Kind() string
	// DeclRange is the range of the block's header ("subnet \"app_a\" {"),
	// or of the owning VPC block for implicit resources.
	DeclRange() hcl.Range
}

// Meta holds what every resource has. It implements Resource.
type Meta struct {
	Type     string    // block type, such as "subnet"
	Name     string    // block label; for implicit resources, see Addr
	Range    hcl.Range // the block header's range
	Implicit bool      // true for resources the language creates implicitly
	addr     string
	// awsID and tfAddress are the block's aws_id and terraform_address.
	awsID, tfAddress string
}

// NewMeta returns the Meta of a declared block.
func NewMeta(typ, name string, rng hcl.Range) Meta {
	return Meta{Type: typ, Name: name, Range: rng, addr: typ + "." + name}
}

// NewImplicitMeta returns the Meta of an implicit resource owned by a
// declared one, addressed "OWNER.SUFFIX" (for example
// "vpc.egress.main_route_table").
func NewImplicitMeta(typ string, owner Resource, suffix string) Meta {
	return Meta{Type: typ, Name: suffix, Range: owner.DeclRange(), Implicit: true,
		addr: owner.Addr() + "." + suffix}
}

// Addr implements Resource.
func (m *Meta) Addr() string { return m.addr }

// Kind implements Resource.
func (m *Meta) Kind() string { return m.Type }

// DeclRange implements Resource.
func (m *Meta) DeclRange() hcl.Range { return m.Range }

// Protocol is an IP protocol as security groups, network ACLs and queries
// name it. ProtocolAll ("-1") matches every protocol.
type Protocol int

// Protocols by IANA number.
const (
	ProtocolAll  Protocol = -1
	ProtocolICMP Protocol = 1
	ProtocolTCP  Protocol = 6
	ProtocolUDP  Protocol = 17
)

// String returns "tcp", "udp", "icmp", "all" or the number.
func (p Protocol) String() string {
	switch p {
	case ProtocolAll:
		return "all"
	case ProtocolICMP:
		return "icmp"
	case ProtocolTCP:
		return "tcp"
	case ProtocolUDP:
		return "udp"
	}
	return itoa(int(p))
}

// HasPorts reports whether the protocol carries TCP/UDP ports.
func (p Protocol) HasPorts() bool { return p == ProtocolTCP || p == ProtocolUDP }

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// Topology is a loaded topology. Slices of resources are sorted by name and
// hold declared resources only, but for Instances, which also holds the
// network interfaces of Interface VPC endpoints ("vpc_endpoint.NAME.SUBNET");
// other implicit resources (main route tables, default security groups and
// network ACLs) hang off their VPC.
type Topology struct {
	VPCs             []*VPC
	Subnets          []*Subnet
	RouteTables      []*RouteTable
	InternetGateways []*InternetGateway
	NATGateways      []*NATGateway
	// Instances holds the instance and network_interface blocks.
	Instances           []*Instance
	VPCPeerings         []*VPCPeering
	TransitGateways     []*TransitGateway
	TGWRouteTables      []*TGWRouteTable
	TGWAttachments      []*TGWAttachment
	Firewalls           []*Firewall
	FirewallEndpoints   []*FirewallEndpoint
	FirewallPolicies    []*FirewallPolicy
	RuleGroups          []*RuleGroup
	StatelessRuleGroups []*StatelessRuleGroup
	SecurityGroups      []*SecurityGroup
	NetworkACLs         []*NetworkACL
	Expects             []*Expect
	PrefixLists         []*PrefixList
	VPCEndpoints        []*VPCEndpoint

	// Files holds every source file read, HCL and rules files alike, keyed
	// by the file name used in diagnostics, for rendering diagnostics.
	Files map[string]*hcl.File

	index *index
}

// Resource returns the declared resource with the given address, such as
// "instance.web".
func (t *Topology) Resource(addr string) (Resource, bool) {
	r, ok := t.index.byAddr[addr]
	return r, ok
}

// SubnetsContaining returns every subnet, in any VPC, whose CIDR holds a,
// sorted by address. VPCs may overlap, so there can be more than one.
func (t *Topology) SubnetsContaining(a netip.Addr) []*Subnet {
	return t.index.subnetsContaining(a.Unmap())
}

// VPCsContaining returns every VPC one of whose CIDRs holds a.
func (t *Topology) VPCsContaining(a netip.Addr) []*VPC {
	return t.index.vpcsContaining(a.Unmap())
}

// PublicIPHolder returns the instance or NAT gateway whose public IP is a,
// or nil. Public IPs are unique across the topology.
func (t *Topology) PublicIPHolder(a netip.Addr) Resource {
	return t.index.byPublicIP[a.Unmap()]
}
