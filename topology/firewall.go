package topology

import (
	"net/netip"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/policyspec"
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
	// Association is true for an endpoint made by a VPC endpoint
	// association (vpc_endpoint_association = true): a secondary endpoint,
	// in any VPC, in an AZ where the firewall has a primary endpoint. The
	// primary endpoints (false) are in the firewall's VPC, one per AZ.
	Association bool
}

// FirewallPolicy is a Network Firewall policy.
type FirewallPolicy struct {
	Meta
	// StatelessDefaultActions and StatelessFragmentDefaultActions default
	// to ["aws:forward_to_sfe"].
	StatelessDefaultActions         []string
	StatelessFragmentDefaultActions []string
	// StatelessRuleGroups sorted by priority.
	StatelessRuleGroups []*StatelessGroupRef
	// StatefulRuleOrder is policyspec.StrictOrder or
	// policyspec.DefaultActionOrder (the default).
	StatefulRuleOrder policyspec.RuleOrder
	// StatefulDefaultActions (strict order only), such as
	// "aws:drop_established"; empty means unmatched traffic passes.
	StatefulDefaultActions []string
	// StreamExceptionPolicy is policyspec.StreamDrop (the default),
	// StreamContinue or StreamReject.
	StreamExceptionPolicy policyspec.StreamExceptionPolicy
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
	RuleOrder       policyspec.RuleOrder
	IPSets          []policyspec.IPSet
	PortSets        []policyspec.PortSet
	IPSetReferences []policyspec.IPSet
	// Text holds Suricata rules from `rules` or `rules_file`.
	Text *policyspec.Text
	// FromFile is true when Text comes from rules_file.
	FromFile bool
	// StatefulRules are standard 5-tuple rules, in order.
	StatefulRules []policyspec.StandardRule
	// DomainList is a domain list source.
	DomainList *policyspec.DomainList
	AttrRanges map[string]hcl.Range
}

// StatelessRuleGroup is a stateless rule group.
type StatelessRuleGroup struct {
	Meta
	// Rules sorted by priority.
	Rules []policyspec.StatelessRule
}
