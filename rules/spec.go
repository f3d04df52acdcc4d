package rules

import (
	"net/netip"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/ports"
)

// GroupSpec describes one stateful rule group as the topology declares it.
// Exactly one of Text, Standard and Domains is set.
type GroupSpec struct {
	// Name is the group's address, such as "rule_group.egress".
	Name string
	// Priority is the group's priority in the policy (strict order).
	Priority int
	// RuleOrder as declared ("" = DEFAULT_ACTION_ORDER).
	RuleOrder string

	IPSets    []NamedPrefixes // $NAME
	PortSets  []NamedPorts    // $NAME
	IPSetRefs []NamedPrefixes // @NAME

	Text     *Text
	Standard []StandardRule
	Domains  *DomainList

	Range hcl.Range
}

// NamedPrefixes is an ip_set or ip_set_reference.
type NamedPrefixes struct {
	Name     string
	Prefixes []netip.Prefix
	Range    hcl.Range
}

// NamedPorts is a port_set.
type NamedPorts struct {
	Name  string
	Ports ports.Set
	Range hcl.Range
}

// StandardRule is a standard 5-tuple stateful rule, with its values as
// written in the topology.
type StandardRule struct {
	Action          string // PASS | DROP | REJECT | ALERT
	Protocol        string // IP, TCP, UDP, ICMP, HTTP, TLS, DNS, ...
	Source          string // CIDR, ANY or a variable
	SourcePort      string // port, range, ANY or a variable
	Direction       string // FORWARD | ANY
	Destination     string
	DestinationPort string
	Options         []StandardOption
	Range           hcl.Range
	// AttrRanges maps attribute names ("source", ...) to value ranges.
	AttrRanges map[string]hcl.Range
}

// StandardOption is a rule_option of a standard rule.
type StandardOption struct {
	Keyword  string
	Settings []string
	Range    hcl.Range
}

// DomainList is a domain_list rule source.
type DomainList struct {
	Targets     []string
	TargetTypes []string // TLS_SNI, HTTP_HOST
	Type        string   // ALLOWLIST | DENYLIST | REJECTLIST | ALERTLIST
	Range       hcl.Range
	AttrRanges  map[string]hcl.Range
}

// Env holds the policy-level variables every group of a policy sees.
type Env struct {
	// HomeNet is the policy's effective HOME_NET: its home_net, else the
	// firewall VPC's CIDRs. EXTERNAL_NET is its complement.
	HomeNet []netip.Prefix
}

// PolicySpec describes a firewall policy as it applies at one firewall.
type PolicySpec struct {
	// Name is the policy's address, such as "firewall_policy.main".
	Name string
	// StatefulRuleOrder is "STRICT_ORDER" or "DEFAULT_ACTION_ORDER".
	StatefulRuleOrder string
	// StatefulDefaultActions, such as "aws:drop_established" (strict
	// order only).
	StatefulDefaultActions []string
	// StreamExceptionPolicy is "DROP", "CONTINUE" or "REJECT".
	StreamExceptionPolicy string
	Env                   Env
	// StatefulGroups in any order; strict order sorts them by priority.
	StatefulGroups []GroupSpec

	// StatelessGroups in any order; they are sorted by priority.
	StatelessGroups []StatelessGroupSpec
	// StatelessDefaultActions for full packets, such as
	// ["aws:forward_to_sfe"].
	StatelessDefaultActions []string

	Range hcl.Range
}

// StatelessGroupSpec is a stateless rule group referenced by a policy.
type StatelessGroupSpec struct {
	Name     string // "stateless_rule_group.screen"
	Priority int
	Rules    []StatelessRule
}

// StatelessRule is one stateless rule. Empty match fields match anything.
type StatelessRule struct {
	Priority         int
	Actions          []string // the standard action among them decides
	Sources          []netip.Prefix
	Destinations     []netip.Prefix
	SourcePorts      ports.Set // empty = any
	DestinationPorts ports.Set // empty = any
	Protocols        []int     // IANA numbers; empty = any
	// TCPFlags, when HasTCPFlags, matches packets whose flags masked by
	// Masks equal Flags. Names: FIN SYN RST PSH ACK URG ECE CWR.
	Flags       []string
	Masks       []string
	HasTCPFlags bool
	Range       hcl.Range
}
