package importer

import (
	"sort"
	"strconv"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// firewall writes firewall.hcl (firewalls, endpoints, policies, rule
// groups) and one NAME.rules file per rule group given as Suricata rules.
// ok is false when there is nothing to write.
func (w *writer) firewall() (*hclwrite.File, []File, bool) {
	m := w.m
	if len(m.Firewalls)+len(m.FirewallEndpoints)+len(m.Policies)+len(m.RuleGroups) == 0 {
		return nil, nil, false
	}
	f := hclwrite.NewEmptyFile()
	body := f.Body()
	for _, x := range byName(w.n, m.Firewalls) {
		gap(body)
		b := newBlock(body, w.n, "network_firewall", &x.Origin)
		b.ref("vpc", x.VPC)
		b.ref("policy", x.Policy)
	}
	for _, x := range byName(w.n, m.FirewallEndpoints) {
		gap(body)
		b := newBlock(body, w.n, "firewall_endpoint", &x.Origin)
		b.ref("firewall", x.Firewall)
		b.ref("subnet", x.Subnet)
	}
	for _, p := range byName(w.n, m.Policies) {
		w.policy(body, p)
	}
	var rules []File
	for _, g := range byName(w.n, m.RuleGroups) {
		if g.Stateless {
			w.statelessGroup(body, g)
			continue
		}
		if r, ok := w.ruleGroup(body, g); ok {
			rules = append(rules, r)
		}
	}
	return f, rules, true
}

func (w *writer) policy(body *hclwrite.Body, p *Policy) {
	gap(body)
	b := newBlock(body, w.n, "firewall_policy", &p.Origin)
	b.strs("stateless_default_actions", p.StatelessDefaultActions)
	b.strs("stateless_fragment_default_actions", p.StatelessFragmentDefaultActions)
	for _, g := range p.StatelessGroups {
		sb := b.sub("stateless_rule_group")
		sb.ref("rule_group", g.Group)
		sb.num("priority", g.Priority)
	}
	b.str("stateful_rule_order", p.StatefulRuleOrder)
	b.strs("stateful_default_actions", p.StatefulDefaultActions)
	b.str("stream_exception_policy", p.StreamExceptionPolicy)
	b.strs("home_net", p.HomeNet)
	for _, g := range p.StatefulGroups {
		sb := b.sub("stateful_rule_group")
		sb.ref("rule_group", g.Group)
		if g.Priority > 0 {
			sb.num("priority", g.Priority)
		}
	}
}

// sortedKeys returns m's keys in order.
func sortedKeys(m map[string][]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// ruleGroup writes a stateful rule group; a Suricata rules source goes to
// NAME.rules, returned with ok.
func (w *writer) ruleGroup(body *hclwrite.Body, g *RuleGroup) (File, bool) {
	gap(body)
	b := newBlock(body, w.n, "rule_group", &g.Origin)
	b.str("rule_order", g.RuleOrder)
	for _, k := range sortedKeys(g.IPSets) {
		b.sub("ip_set", k).strs("definition", g.IPSets[k])
	}
	for _, k := range sortedKeys(g.PortSets) {
		b.sub("port_set", k).strs("definition", g.PortSets[k])
	}
	for _, k := range sortedKeys(g.IPSetReferences) {
		b.sub("ip_set_reference", k).strs("cidrs", g.IPSetReferences[k])
	}
	switch {
	case g.DomainList != nil:
		d := b.sub("domain_list")
		d.strs("targets", g.DomainList.Targets)
		d.strs("target_types", g.DomainList.TargetTypes)
		d.str("type", g.DomainList.Type)
	case len(g.StandardRules) > 0:
		for _, r := range g.StandardRules {
			w.standardRule(b, r)
		}
	default:
		name := w.n.name(g.key()) + ".rules"
		b.str("rules_file", name)
		text := g.RulesString
		if text != "" && text[len(text)-1] != '\n' {
			text += "\n"
		}
		return File{Name: name, Data: []byte(text)}, true
	}
	return File{}, false
}

func (w *writer) standardRule(b block, r StandardRule) {
	s := b.sub("stateful_rule")
	s.str("action", r.Action)
	s.str("protocol", r.Protocol)
	s.str("source", r.Source)
	s.str("source_port", r.SourcePort)
	s.str("direction", r.Direction)
	s.str("destination", r.Destination)
	s.str("destination_port", r.DestinationPort)
	for _, o := range r.Options {
		ob := s.sub("rule_option")
		ob.str("keyword", o.Keyword)
		ob.strs("settings", o.Settings)
	}
}

func (w *writer) statelessGroup(body *hclwrite.Body, g *RuleGroup) {
	gap(body)
	b := newBlock(body, w.n, "stateless_rule_group", &g.Origin)
	for _, r := range g.StatelessRules {
		rb := b.sub("rule")
		rb.num("priority", r.Priority)
		rb.strs("actions", r.Actions)
		rb.strs("sources", r.Sources)
		rb.strs("destinations", r.Destinations)
		rb.strs("source_ports", r.SourcePorts)
		rb.strs("destination_ports", r.DestinationPorts)
		if len(r.Protocols) > 0 {
			ps := make([]string, len(r.Protocols))
			for i, p := range r.Protocols {
				ps[i] = strconv.Itoa(p)
			}
			rb.b.SetAttributeRaw("protocols", hclwrite.TokensForTuple(numberTokens(ps)))
		}
		for _, f := range r.TCPFlags {
			fb := rb.sub("tcp_flags")
			fb.strs("flags", f.Flags)
			fb.strs("masks", f.Masks)
		}
	}
}

// numberTokens renders decimal numbers as tuple elements.
func numberTokens(ns []string) []hclwrite.Tokens {
	out := make([]hclwrite.Tokens, len(ns))
	for i, n := range ns {
		out[i] = hclwrite.Tokens{{Type: hclsyntax.TokenNumberLit, Bytes: []byte(n)}}
	}
	return out
}
