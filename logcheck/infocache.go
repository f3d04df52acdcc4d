package logcheck

import (
	"sync"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/rules"
	"github.com/vpcreach/vpcreach/topology"
)

// infoCache renders each rule and decision once: many classes share a
// decider, and rendering one (address sets as CIDR lists) costs more than
// evaluating a flow. The values it returns are shared and must not be
// modified. Safe for concurrent use.
type infoCache struct {
	rules     sync.Map // *rules.Rule -> *analyzer.FirewallRuleInfo
	decisions sync.Map // decisionKey -> *analyzer.FirewallRuleInfo
}

// decisionKey is every field Network.DecisionInfo reads.
type decisionKey struct {
	fw       *topology.Firewall
	kind     rules.DecisionKind
	rule     *rules.Rule
	latched  rules.Phase
	def      string
	group    string
	priority int
	dOut     rules.Outcome
	action   rules.Action
	phase    rules.Phase
	out      rules.Outcome
}

func (c *infoCache) rule(n *analyzer.Network, fw *topology.Firewall, r *rules.Rule) *analyzer.FirewallRuleInfo {
	if v, ok := c.rules.Load(r); ok {
		return v.(*analyzer.FirewallRuleInfo)
	}
	v, _ := c.rules.LoadOrStore(r, n.RuleInfo(fw, r))
	return v.(*analyzer.FirewallRuleInfo)
}

func (c *infoCache) decision(n *analyzer.Network, fw *topology.Firewall, pr rules.PhaseResult) *analyzer.FirewallRuleInfo {
	d := pr.Decision
	k := decisionKey{fw, d.Kind, d.Rule, d.LatchedAt, d.DefaultAction, d.StatelessGroup, d.StatelessPriority,
		d.Outcome, d.Action, pr.Phase, pr.Outcome}
	if v, ok := c.decisions.Load(k); ok {
		return v.(*analyzer.FirewallRuleInfo)
	}
	v, _ := c.decisions.LoadOrStore(k, n.DecisionInfo(fw, pr))
	return v.(*analyzer.FirewallRuleInfo)
}
