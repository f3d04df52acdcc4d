package topology

import (
	"net/netip"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/ports"
)

// Firewall is an AWS Network Firewall ("network_firewall" block).
type Firewall struct {
	Meta
	VPC    *VPC
	Policy *FirewallPolicy
	// Endpoints of the firewall, sorted by AZ.
	Endpoints []*FirewallEndpoint
}

// FirewallEndpoint is a firewall's endpoint (vpce-...) in one subnet and AZ.
type FirewallEndpoint struct {
	Meta
	Firewall *Firewall
	Subnet   *Subnet
}

// Stateful rule orders.
const (
	StrictOrder        = "STRICT_ORDER"
	DefaultActionOrder = "DEFAULT_ACTION_ORDER"
)

// FirewallPolicy is a Network Firewall policy.
type FirewallPolicy struct {
	Meta
	// StatelessDefaultActions and StatelessFragmentDefaultActions default
	// to ["aws:forward_to_sfe"].
	StatelessDefaultActions         []string
	StatelessFragmentDefaultActions []string
	// StatelessRuleGroups sorted by priority.
	StatelessRuleGroups []*StatelessGroupRef
	// StatefulRuleOrder is StrictOrder or DefaultActionOrder (the default).
	StatefulRuleOrder string
	// StatefulDefaultActions (strict order only), such as
	// "aws:drop_established"; empty means unmatched traffic passes.
	StatefulDefaultActions []string
	// StreamExceptionPolicy is "DROP" (default), "CONTINUE" or "REJECT".
	StreamExceptionPolicy string
	// HomeNet is the policy's home_net, or nil when not set (HOME_NET then
	// defaults to the firewall VPC's CIDRs).
	HomeNet []netip.Prefix
	// StatefulRuleGroups in declaration order (strict order evaluates them
	// by ascending priority; the engine sorts).
	StatefulRuleGroups []*StatefulGroupRef
	// Firewalls using this policy, sorted by name.
	Firewalls []*Firewall
	// AttrRanges maps attribute names to their ranges, for diagnostics.
	AttrRanges map[string]hcl.Range
}

// StatefulGroupRef is a stateful_rule_group block of a policy.
type StatefulGroupRef struct {
	Group *RuleGroup
	// Priority is the declared priority; HasPriority is false when omitted.
	Priority    int
	HasPriority bool
	Range       hcl.Range
}

// StatelessGroupRef is a stateless_rule_group block of a policy.
type StatelessGroupRef struct {
	Group    *StatelessRuleGroup
	Priority int
	Range    hcl.Range
}

// RuleGroup is a stateful rule group. Exactly one of Texts, StatefulRules
// and DomainList is set.
type RuleGroup struct {
	Meta
	// RuleOrder as declared; "" when omitted (AWS's default,
	// DEFAULT_ACTION_ORDER).
	RuleOrder       string
	IPSets          []*IPSet
	PortSets        []*PortSet
	IPSetReferences []*IPSetReference
	// Text holds Suricata rules from `rules` or `rules_file`.
	Text *RulesText
	// StatefulRules are standard 5-tuple rules, in order.
	StatefulRules []*StatefulRule
	// DomainList is a domain list source.
	DomainList *DomainList
	AttrRanges map[string]hcl.Range
}

// IPSet is a rule group ip_set variable ($NAME in rules).
type IPSet struct {
	Name       string
	Definition []netip.Prefix
	Range      hcl.Range
}

// PortSet is a rule group port_set variable ($NAME in rules).
type PortSet struct {
	Name       string
	Definition ports.Set
	Range      hcl.Range
}

// IPSetReference is an ip_set_reference (@NAME in rules), with the
// referenced prefix list's CIDRs given offline.
type IPSetReference struct {
	Name  string
	CIDRs []netip.Prefix
	Range hcl.Range
}

// RulesText is Suricata rule text with the position of each line in its
// source file, so rule errors point at the right file, line and column.
type RulesText struct {
	// Filename is the file that holds the text: the .hcl file for `rules`,
	// the rules file for `rules_file`.
	Filename string
	Text     string
	// LineStarts[i] is the position in Filename of the first byte of line
	// i (0-based) of Text. It may be shorter than the number of lines; a
	// missing entry continues from the last one.
	LineStarts []hcl.Pos
	// FromFile is true for rules_file.
	FromFile bool
}

// StatefulRule is a standard 5-tuple stateful_rule block. Values are kept
// as written; package rules validates and compiles them.
type StatefulRule struct {
	Action          string
	Protocol        string
	Source          string
	SourcePort      string
	Direction       string
	Destination     string
	DestinationPort string
	Options         []*RuleOption
	Range           hcl.Range
	// AttrRanges maps attribute names to their value ranges.
	AttrRanges map[string]hcl.Range
}

// RuleOption is a rule_option block of a stateful_rule.
type RuleOption struct {
	Keyword  string
	Settings []string
	Range    hcl.Range
}

// DomainList is a domain_list rule source.
type DomainList struct {
	Targets     []string
	TargetTypes []string // "TLS_SNI", "HTTP_HOST"
	Type        string   // ALLOWLIST | DENYLIST | REJECTLIST | ALERTLIST
	Range       hcl.Range
	AttrRanges  map[string]hcl.Range
}

// StatelessRuleGroup is a stateless rule group.
type StatelessRuleGroup struct {
	Meta
	// Rules sorted by priority.
	Rules []*StatelessRule
}

// StatelessRule is one stateless rule. Empty match fields match anything.
type StatelessRule struct {
	Priority         int
	Actions          []string // aws:pass | aws:drop | aws:forward_to_sfe (plus custom)
	Sources          []netip.Prefix
	Destinations     []netip.Prefix
	SourcePorts      ports.Set
	DestinationPorts ports.Set
	Protocols        []int
	// TCPFlags is nil when the rule has no tcp_flags block.
	TCPFlags *TCPFlags
	Range    hcl.Range
}

// TCPFlags matches packets whose flags, masked by Masks, equal Flags.
type TCPFlags struct {
	Flags []string // FIN SYN RST PSH ACK URG ECE CWR
	Masks []string
}
