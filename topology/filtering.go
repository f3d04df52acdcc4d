package topology

import (
	"net/netip"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/ports"
)

// SecurityGroup is a VPC security group, declared or the implicit default.
type SecurityGroup struct {
	Meta
	VPC     *VPC
	Ingress []*SGRule
	Egress  []*SGRule
}

// SGRule is one ingress or egress rule of a security group. It matches a
// peer address in any of CIDRs or in an entry of any of PrefixLists, or an
// ENI that carries any of SecurityGroups.
type SGRule struct {
	Protocol Protocol
	// Ports is the port range; every port when the rule omits it or the
	// protocol carries no ports.
	Ports          ports.Range
	CIDRs          []netip.Prefix
	PrefixLists    []*PrefixList
	SecurityGroups []*SecurityGroup
	// Range is the rule block's range (the SG's block for implicit rules).
	Range hcl.Range
}

// NetworkACL is a subnet network ACL, declared or the implicit default.
type NetworkACL struct {
	Meta
	VPC *VPC
	// Ingress and Egress rules sorted by rule number; the final implicit
	// "*" deny rule is not listed. The default NACL holds rule 100 allowing
	// everything from/to 0.0.0.0/0 and rule 101 the same for ::/0.
	Ingress []*ACLRule
	Egress  []*ACLRule
	// Subnets explicitly associated, sorted by name (for the default NACL,
	// those that use it implicitly).
	Subnets []*Subnet
}

// ACLRule is one numbered network ACL rule.
type ACLRule struct {
	Number   int
	Allow    bool
	Protocol Protocol
	Ports    ports.Range
	CIDR     netip.Prefix
	Egress   bool
	Range    hcl.Range
}

// Expect is an expectation evaluated by `vpcreach check`.
type Expect struct {
	Meta
	From     Endpoint
	To       Endpoint
	Protocol Protocol // TCP, UDP or ICMP
	// Port is the destination port when HasPort; otherwise the expectation
	// covers every port.
	Port    uint16
	HasPort bool
	// Ports, when HasPorts, is the exact set of destination ports that must
	// be reachable (the "ports" attribute).
	Ports    ports.Set
	HasPorts bool
	// App is the application protocol ("" = infer from the port).
	App        string
	SNI        string
	HTTPHost   string
	Reachable  bool
	Through    []Resource
	NotThrough []Resource
	// AttrRanges maps attribute names to their ranges, for diagnostics and
	// SARIF locations.
	AttrRanges map[string]hcl.Range
}

// Endpoint is one end of a query: a resource or an IP address (or, for a
// destination, a CIDR).
type Endpoint struct {
	// Resource is set when the endpoint names a resource.
	Resource Resource
	// Addr is set when the endpoint is an IP address.
	Addr netip.Addr
	// Prefix is set when the endpoint is a CIDR (destinations only).
	Prefix netip.Prefix
	Range  hcl.Range
}

// String returns the resource address, the IP or the CIDR.
func (e Endpoint) String() string {
	switch {
	case e.Resource != nil:
		return e.Resource.Addr()
	case e.Addr.IsValid():
		return e.Addr.String()
	case e.Prefix.IsValid():
		return e.Prefix.String()
	}
	return ""
}
