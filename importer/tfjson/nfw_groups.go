package tfjson

import (
	"fmt"

	"github.com/vpcreach/vpcreach/importer"
)

func (r *reader) nfwRuleGroups() {
	for _, x := range r.of("aws_networkfirewall_rule_group") {
		g := &importer.RuleGroup{Origin: x.origin(r.where(x)), Stateless: str(x.v, "type") == "STATELESS"}
		if g.Name == "" {
			g.Name = str(x.v, "name")
		}
		rg := map[string]any{}
		if rgs := r.objects(x, "rule_group"); len(rgs) > 0 {
			rg = rgs[0]
		}
		for _, o := range blocks(rg, "stateful_rule_options") {
			g.RuleOrder = str(o, "rule_order")
		}
		r.groupVariables(x, g, rg)
		var src map[string]any
		for _, s := range blocks(rg, "rules_source") {
			src = s
		}
		ok := false
		if g.Stateless {
			ok = r.statelessRules(g, src)
		} else {
			ok = r.statefulSource(x, g, src)
		}
		if !ok {
			r.m.Skip(x.addr, x.typ, r.where(x), "its rules are not known (or it has none)", true)
			continue
		}
		r.m.RuleGroups = append(r.m.RuleGroups, g)
	}
}

// groupVariables copies IP sets, port sets and IP set references.
func (r *reader) groupVariables(x *res, g *importer.RuleGroup, rg map[string]any) {
	sets := func(vars map[string]any, attr, inner string) map[string][]string {
		var out map[string][]string
		for _, s := range blocks(vars, attr) {
			for _, d := range blocks(s, inner) {
				if out == nil {
					out = map[string][]string{}
				}
				out[str(s, "key")], _ = strs(d, "definition")
			}
		}
		return out
	}
	for _, vars := range blocks(rg, "rule_variables") {
		g.IPSets = sets(vars, "ip_sets", "ip_set")
		g.PortSets = sets(vars, "port_sets", "port_set")
	}
	for _, rs := range blocks(rg, "reference_sets") {
		for _, ref := range blocks(rs, "ip_set_references") {
			for _, isr := range blocks(ref, "ip_set_reference") {
				if g.IPSetReferences == nil {
					g.IPSetReferences = map[string][]string{}
				}
				arn := str(isr, "reference_arn")
				cidrs := append([]string{}, r.prefixListByArn(arn)...)
				if len(cidrs) == 0 {
					r.m.Skip(fmt.Sprintf("%s @%s", x.addr, str(ref, "key")), x.typ, r.where(x),
						"the IP set reference "+arn+" has no entries in the input; it is imported empty", true)
				}
				g.IPSetReferences[str(ref, "key")] = cidrs
			}
		}
	}
}

// prefixListByArn returns the entries of the managed prefix list with arn.
func (r *reader) prefixListByArn(arn string) []string {
	for _, x := range r.of("aws_ec2_managed_prefix_list") {
		if arn != "" && str(x.v, "arn") == arn {
			return r.prefixLists[x.key]
		}
	}
	return nil
}

// statefulSource copies a stateful group's one rules source.
func (r *reader) statefulSource(x *res, g *importer.RuleGroup, src map[string]any) bool {
	if s := str(x.v, "rules"); s != "" {
		g.RulesString = s
		return true
	}
	if s := str(src, "rules_string"); s != "" {
		g.RulesString = s
		return true
	}
	for _, l := range blocks(src, "rules_source_list") {
		d := &importer.DomainList{Type: str(l, "generated_rules_type")}
		d.Targets, _ = strs(l, "targets")
		d.TargetTypes, _ = strs(l, "target_types")
		g.DomainList = d
		return true
	}
	for _, sr := range blocks(src, "stateful_rule") {
		rule := importer.StandardRule{Action: str(sr, "action")}
		for _, h := range blocks(sr, "header") {
			rule.Protocol, rule.Source, rule.SourcePort = str(h, "protocol"), str(h, "source"), str(h, "source_port")
			rule.Direction, rule.Destination, rule.DestinationPort = str(h, "direction"), str(h, "destination"), str(h, "destination_port")
		}
		for _, o := range blocks(sr, "rule_option") {
			settings, _ := strs(o, "settings")
			rule.Options = append(rule.Options, importer.RuleOption{Keyword: str(o, "keyword"), Settings: settings})
		}
		g.StandardRules = append(g.StandardRules, rule)
	}
	return len(g.StandardRules) > 0
}

// statelessRules copies a stateless group's rules (custom actions, which
// only publish metrics, are dropped from the actions).
func (r *reader) statelessRules(g *importer.RuleGroup, src map[string]any) bool {
	for _, sa := range blocks(src, "stateless_rules_and_custom_actions") {
		for _, sr := range blocks(sa, "stateless_rule") {
			prio, _ := num(sr, "priority")
			rule := importer.StatelessRule{Priority: prio}
			for _, d := range blocks(sr, "rule_definition") {
				acts, _ := strs(d, "actions")
				for _, a := range acts {
					if len(a) > 4 && a[:4] == "aws:" {
						rule.Actions = append(rule.Actions, a)
					}
				}
				for _, m := range blocks(d, "match_attributes") {
					statelessMatch(&rule, m)
				}
			}
			g.StatelessRules = append(g.StatelessRules, rule)
		}
	}
	return len(g.StatelessRules) > 0
}

func statelessMatch(rule *importer.StatelessRule, m map[string]any) {
	for _, s := range blocks(m, "source") {
		rule.Sources = append(rule.Sources, str(s, "address_definition"))
	}
	for _, s := range blocks(m, "destination") {
		rule.Destinations = append(rule.Destinations, str(s, "address_definition"))
	}
	portList := func(attr string) []string {
		var out []string
		for _, p := range blocks(m, attr) {
			from, _ := num(p, "from_port")
			to, ok := num(p, "to_port")
			if !ok || to == from {
				out = append(out, fmt.Sprint(from))
			} else {
				out = append(out, fmt.Sprintf("%d:%d", from, to))
			}
		}
		return out
	}
	rule.SourcePorts = portList("source_port")
	rule.DestinationPorts = portList("destination_port")
	if ps, ok := m["protocols"].([]any); ok {
		for _, p := range ps {
			if f, ok := p.(float64); ok {
				rule.Protocols = append(rule.Protocols, int(f))
			}
		}
	}
	for _, f := range blocks(m, "tcp_flag") {
		flags, _ := strs(f, "flags")
		masks, _ := strs(f, "masks")
		rule.TCPFlags = append(rule.TCPFlags, importer.TCPFlags{Flags: flags, Masks: masks})
	}
}
