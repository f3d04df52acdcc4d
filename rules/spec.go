package rules

import (
	"net/netip"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/policyspec"
)

// GroupSpec describes one stateful rule group as the topology declares it.
// Exactly one of Text, Standard and Domains is set.
type GroupSpec struct {
	// Name is the group's address, such as "rule_group.egress".
	Name string
	// Priority is the group's priority in the policy (strict order).
	Priority int
	// RuleOrder as declared ("" = DEFAULT_ACTION_ORDER).
	RuleOrder policyspec.RuleOrder

	IPSets    []policyspec.IPSet   // $NAME
	PortSets  []policyspec.PortSet // $NAME
	IPSetRefs []policyspec.IPSet   // @NAME

	Text     *Text
	Standard []policyspec.StandardRule
	Domains  *policyspec.DomainList

	Range hcl.Range
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
	// StatefulRuleOrder is StrictOrder or DefaultActionOrder ("" counts as
	// DefaultActionOrder).
	StatefulRuleOrder policyspec.RuleOrder
	// StatefulDefaultActions, such as "aws:drop_established" (strict
	// order only).
	StatefulDefaultActions []string
	// StreamExceptionPolicy is StreamDrop, StreamContinue or StreamReject
	// ("" counts as StreamDrop).
	StreamExceptionPolicy policyspec.StreamExceptionPolicy
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
	Rules    []policyspec.StatelessRule
}
