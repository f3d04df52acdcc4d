package topology

import (
	"cmp"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/vpcreach/vpcreach/policyspec"
)

// attrRanges maps the attributes written in body to their full ranges.
func attrRanges(body hcl.Body) map[string]hcl.Range {
	out := map[string]hcl.Range{}
	if b, ok := body.(*hclsyntax.Body); ok {
		for name, a := range b.Attributes {
			out[name] = a.SrcRange
		}
	}
	return out
}

// attrValueRanges maps the attributes written in body to their value
// ranges.
func attrValueRanges(body hcl.Body) map[string]hcl.Range {
	out := map[string]hcl.Range{}
	if b, ok := body.(*hclsyntax.Body); ok {
		for name, a := range b.Attributes {
			out[name] = a.Expr.Range()
		}
	}
	return out
}

func (l *loader) resolveFirewall(b *firewallBlock, f *Firewall) {
	f.VPC = l.refVPC(b.VPC, of("vpc", f))
	f.Policy, _ = l.ref(b.Policy, of("policy", f), "firewall_policy").(*FirewallPolicy)
}

func (l *loader) resolveEndpoint(b *endpointBlock, e *FirewallEndpoint) {
	e.Firewall, _ = l.ref(b.Firewall, of("firewall", e), "network_firewall").(*Firewall)
	e.Subnet = l.refSubnet(b.Subnet, of("subnet", e))
	e.Association, _ = l.boolean(b.Association, of("vpc_endpoint_association", e))
}

// Allowed values of policy attributes. Read-only.
var (
	statelessActions       = []string{"aws:pass", "aws:drop", "aws:forward_to_sfe"}
	statefulDefaultActions = []string{
		"aws:drop_strict", "aws:drop_established", "aws:alert_strict", "aws:alert_established",
		"aws:drop_established_app_layer", "aws:alert_established_app_layer",
		"aws:drop_established_app_layer_to_server", "aws:alert_established_app_layer_to_server",
	}
)

func (l *loader) resolvePolicy(b *policyBlock, p *FirewallPolicy) {
	p.AttrRanges = attrRanges(b.Body)
	p.StatelessDefaultActions = l.statelessDefault(b.StatelessDefaultActions, of("stateless_default_actions", p))
	p.StatelessFragmentDefaultActions = l.statelessDefault(b.StatelessFragmentDefaultActions,
		of("stateless_fragment_default_actions", p))
	p.StatefulRuleOrder = policyspec.DefaultActionOrder
	if o, ok := l.oneOf(b.StatefulRuleOrder, of("stateful_rule_order", p), string(policyspec.StrictOrder), string(policyspec.DefaultActionOrder)); ok {
		p.StatefulRuleOrder = policyspec.RuleOrder(o)
	}
	p.StreamExceptionPolicy = policyspec.StreamDrop
	if s, ok := l.oneOf(b.StreamExceptionPolicy, of("stream_exception_policy", p), "DROP", "CONTINUE", "REJECT"); ok {
		p.StreamExceptionPolicy = policyspec.StreamExceptionPolicy(s)
	}
	l.statefulDefaults(b, p)
	if present(b.HomeNet) {
		items, ok := l.prefixes(b.HomeNet, of("home_net", p))
		p.HomeNet = prefixValues(items)
		if ok && len(items) == 0 {
			l.errorf(b.HomeNet.Range(), "Empty home_net",
				"The home_net of %s is empty; list the CIDR blocks to protect, or remove it to use the firewall VPC's CIDRs.", p.Addr())
		}
	}
	l.statelessRefs(b, p)
	l.statefulRefs(b, p)
}

// statelessDefault evaluates a stateless default action list: exactly one
// of the standard actions. Absent means ["aws:forward_to_sfe"].
func (l *loader) statelessDefault(expr hcl.Expression, what string) []string {
	if !present(expr) {
		return []string{"aws:forward_to_sfe"}
	}
	items, _ := l.strs(expr, what)
	return l.standardActions(items, expr.Range(), what)
}

// standardActions checks that items hold exactly one standard stateless
// action and nothing else.
func (l *loader) standardActions(items []strItem, rng hcl.Range, what string) []string {
	var out []string
	for _, it := range items {
		if s, ok := l.checkOneOf(it.s, it.rng, "action in the "+what, statelessActions...); ok {
			out = append(out, s)
		}
	}
	if len(out) != len(items) {
		return out
	}
	if len(out) != 1 {
		l.errorf(rng, "Wrong number of stateless actions",
			"The %s holds %d standard actions; give exactly one of \"aws:pass\", \"aws:drop\" or \"aws:forward_to_sfe\".", what, len(out))
	}
	return out
}

// statefulDefaults evaluates and checks stateful_default_actions.
func (l *loader) statefulDefaults(b *policyBlock, p *FirewallPolicy) {
	if !present(b.StatefulDefaultActions) {
		return
	}
	what := of("stateful_default_actions", p)
	items, _ := l.strs(b.StatefulDefaultActions, what)
	if p.StatefulRuleOrder != policyspec.StrictOrder && len(items) > 0 {
		l.errorf(b.StatefulDefaultActions.Range(), "Default actions need strict order",
			"The %s can be set only when stateful_rule_order = \"STRICT_ORDER\"; set the order, or remove the default actions.", what)
	}
	var drops []strItem
	plain, appLayer := "", ""
	for _, it := range items {
		s, ok := l.checkOneOf(it.s, it.rng, "action in the "+what, statefulDefaultActions...)
		if !ok {
			continue
		}
		p.StatefulDefaultActions = append(p.StatefulDefaultActions, s)
		if strings.HasPrefix(s, "aws:drop_") {
			drops = append(drops, it)
		}
		switch {
		case strings.Contains(s, "_app_layer"):
			appLayer = s
		case strings.HasSuffix(s, "_established"):
			plain = s
		}
	}
	if len(drops) > 1 {
		l.errorf(drops[1].rng, "More than one drop action",
			"The %s holds %q and %q; choose at most one drop action.", what, drops[0].s, drops[1].s)
	}
	if plain != "" && appLayer != "" {
		l.errorf(b.StatefulDefaultActions.Range(), "Incompatible default actions",
			"The %s combines %q with %q; the *_established actions cannot be combined with the *_app_layer ones.", what, plain, appLayer)
	}
}

func (l *loader) statelessRefs(b *policyBlock, p *FirewallPolicy) {
	seen := map[int]hcl.Range{}
	groups := map[*StatelessRuleGroup]bool{}
	for _, rb := range b.StatelessRuleGroups {
		g, _ := l.ref(rb.RuleGroup, "rule_group of a stateless_rule_group of "+p.Addr(), "stateless_rule_group").(*StatelessRuleGroup)
		prio, ok := l.integer(rb.Priority, "priority of a stateless_rule_group of "+p.Addr())
		if ok && (prio < 1 || prio > 65535) {
			l.errorf(rb.Priority.Range(), "Priority out of range",
				"The priority %d of a stateless rule group of %s must be between 1 and 65535.", prio, p.Addr())
			ok = false
		}
		if first, dup := seen[prio]; ok && dup {
			l.errorf(rb.Priority.Range(), "Duplicate rule group priority",
				"Priority %d of %s is already used at %s; stateless rule groups need unique priorities.", prio, p.Addr(), where(first))
		}
		if ok {
			seen[prio] = rb.Priority.Range()
		}
		if g == nil {
			continue
		}
		if groups[g] {
			l.errorf(rb.RuleGroup.Range(), "Duplicate rule group reference",
				"%s is referenced twice by %s; a policy may use a rule group once.", g.Addr(), p.Addr())
			continue
		}
		groups[g] = true
		p.StatelessRuleGroups = append(p.StatelessRuleGroups,
			&StatelessGroupRef{Group: g, Priority: prio, Range: blockRange(rb.DefRange, rb.Body)})
	}
}

func (l *loader) statefulRefs(b *policyBlock, p *FirewallPolicy) {
	strict := p.StatefulRuleOrder == policyspec.StrictOrder
	seen := map[int]hcl.Range{}
	groups := map[*RuleGroup]bool{}
	for _, rb := range b.StatefulRuleGroups {
		what := "stateful_rule_group of " + p.Addr()
		g, _ := l.ref(rb.RuleGroup, "rule_group of a "+what, "rule_group").(*RuleGroup)
		ref := &StatefulGroupRef{Group: g, Range: blockRange(rb.DefRange, rb.Body)}
		if present(rb.Priority) {
			ref.Priority, ref.HasPriority = l.integer(rb.Priority, "priority of a "+what)
		}
		if strict {
			l.strictPriority(rb, ref, seen, p)
		}
		if g == nil {
			continue
		}
		if groups[g] {
			l.errorf(rb.RuleGroup.Range(), "Duplicate rule group reference",
				"%s is referenced twice by %s; a policy may use a rule group once.", g.Addr(), p.Addr())
			continue
		}
		groups[g] = true
		if order := cmp.Or(g.RuleOrder, policyspec.DefaultActionOrder); order != p.StatefulRuleOrder {
			note := ""
			if g.RuleOrder == "" {
				note = " (its rule_order is omitted)"
			}
			l.errorf(rb.RuleGroup.Range(), "Rule order mismatch",
				"%s uses rule order %s%s but %s uses %s; a rule group's rule_order must equal its policy's stateful_rule_order.",
				g.Addr(), order, note, p.Addr(), p.StatefulRuleOrder)
		}
		p.StatefulRuleGroups = append(p.StatefulRuleGroups, ref)
	}
}

// strictPriority checks a stateful group priority under STRICT_ORDER:
// required, 1-65535 and unique.
func (l *loader) strictPriority(rb *statefulRefBlock, ref *StatefulGroupRef, seen map[int]hcl.Range, p *FirewallPolicy) {
	switch {
	case !present(rb.Priority):
		l.errorf(rb.DefRange, "Missing rule group priority",
			"A stateful_rule_group of %s has no priority; STRICT_ORDER policies need a unique priority for every rule group.", p.Addr())
	case !ref.HasPriority:
	case ref.Priority < 1 || ref.Priority > 65535:
		l.errorf(rb.Priority.Range(), "Priority out of range",
			"The priority %d of a stateful rule group of %s must be between 1 and 65535.", ref.Priority, p.Addr())
	default:
		if first, dup := seen[ref.Priority]; dup {
			l.errorf(rb.Priority.Range(), "Duplicate rule group priority",
				"Priority %d of %s is already used at %s; in STRICT_ORDER every stateful rule group needs a unique priority.",
				ref.Priority, p.Addr(), where(first))
			return
		}
		seen[ref.Priority] = rb.Priority.Range()
	}
}
