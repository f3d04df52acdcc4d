package awscli

import (
	"fmt"
	"sort"
	"strings"

	"github.com/vpcreach/vpcreach/importer"
)

func (b *builder) firewalls() {
	for _, it := range b.c.firewalls {
		f := it.v.Firewall
		if !b.first(f.FirewallArn) {
			continue
		}
		b.m.Firewalls = append(b.m.Firewalls, &importer.Firewall{Origin: origin(it, f.FirewallArn, f.FirewallName), VPC: f.VpcId, Policy: f.FirewallPolicyArn})
		azs := make([]string, 0, len(it.v.FirewallStatus.SyncStates))
		for az := range it.v.FirewallStatus.SyncStates {
			azs = append(azs, az)
		}
		sort.Strings(azs)
		for _, az := range azs {
			at := it.v.FirewallStatus.SyncStates[az].Attachment
			if at.EndpointId == "" || !b.first(at.EndpointId) {
				continue
			}
			b.firewallEndpoints[at.EndpointId] = true
			b.m.FirewallEndpoints = append(b.m.FirewallEndpoints, &importer.FirewallEndpoint{
				Origin: origin(it, at.EndpointId, f.FirewallName+"_"+az), Firewall: f.FirewallArn, Subnet: at.SubnetId})
		}
	}
}

func (b *builder) policies() {
	for _, it := range b.c.policies {
		r, p := it.v.FirewallPolicyResponse, it.v.FirewallPolicy
		if !b.first(r.FirewallPolicyArn) {
			continue
		}
		out := &importer.Policy{
			Origin:                          origin(it, r.FirewallPolicyArn, r.FirewallPolicyName),
			StatelessDefaultActions:         p.StatelessDefaultActions,
			StatelessFragmentDefaultActions: p.StatelessFragmentDefaultActions,
			StatefulRuleOrder:               p.StatefulEngineOptions.RuleOrder,
			StatefulDefaultActions:          p.StatefulDefaultActions,
			StreamExceptionPolicy:           p.StatefulEngineOptions.StreamExceptionPolicy,
		}
		if hn, ok := p.PolicyVariables.RuleVariables["HOME_NET"]; ok {
			out.HomeNet = hn.Definition
		}
		for _, g := range p.StatelessRuleGroupReferences {
			out.StatelessGroups = append(out.StatelessGroups, importer.GroupRef{Group: g.ResourceArn, Priority: g.Priority})
		}
		for _, g := range p.StatefulRuleGroupReferences {
			out.StatefulGroups = append(out.StatefulGroups, importer.GroupRef{Group: g.ResourceArn, Priority: g.Priority})
		}
		b.m.Policies = append(b.m.Policies, out)
	}
}

func (b *builder) ruleGroups() {
	for _, it := range b.c.ruleGroups {
		r, g := it.v.RuleGroupResponse, it.v.RuleGroup
		if !b.first(r.RuleGroupArn) {
			continue
		}
		out := &importer.RuleGroup{Origin: origin(it, r.RuleGroupArn, r.RuleGroupName), Stateless: r.Type == "STATELESS",
			RuleOrder: g.StatefulRuleOptions.RuleOrder}
		if out.Stateless {
			if ok := b.statelessRules(it, out); ok {
				b.m.RuleGroups = append(b.m.RuleGroups, out)
			}
			continue
		}
		b.variables(it, out)
		src := g.RulesSource
		switch {
		case src.RulesSourceList != nil:
			out.DomainList = &importer.DomainList{Targets: src.RulesSourceList.Targets, TargetTypes: src.RulesSourceList.TargetTypes,
				Type: src.RulesSourceList.GeneratedRulesType}
		case len(src.StatefulRules) > 0:
			for _, sr := range src.StatefulRules {
				h := sr.Header
				rule := importer.StandardRule{Action: sr.Action, Protocol: h.Protocol, Source: h.Source, SourcePort: h.SourcePort,
					Direction: h.Direction, Destination: h.Destination, DestinationPort: h.DestinationPort}
				for _, o := range sr.RuleOptions {
					rule.Options = append(rule.Options, importer.RuleOption{Keyword: o.Keyword, Settings: o.Settings})
				}
				out.StandardRules = append(out.StandardRules, rule)
			}
		case src.RulesString != "":
			out.RulesString = src.RulesString
		default:
			b.m.Skip(r.RuleGroupArn, "RuleGroupResponse", it.where, "the rule group has no rules source", true)
			continue
		}
		b.m.RuleGroups = append(b.m.RuleGroups, out)
	}
}

// variables copies a stateful group's IP sets, port sets and IP set
// references (resolved through the prefix lists given).
func (b *builder) variables(it item[ruleGroupDoc], out *importer.RuleGroup) {
	g := it.v.RuleGroup
	for k, v := range g.RuleVariables.IPSets {
		if out.IPSets == nil {
			out.IPSets = map[string][]string{}
		}
		out.IPSets[k] = v.Definition
	}
	for k, v := range g.RuleVariables.PortSets {
		if out.PortSets == nil {
			out.PortSets = map[string][]string{}
		}
		out.PortSets[k] = v.Definition
	}
	for k, v := range g.ReferenceSets.IPSetReferences {
		if out.IPSetReferences == nil {
			out.IPSetReferences = map[string][]string{}
		}
		id := v.ReferenceArn[strings.LastIndexByte(v.ReferenceArn, '/')+1:]
		cidrs, known := b.c.prefixLists[id]
		if !known {
			b.m.Skip(fmt.Sprintf("%s @%s", it.v.RuleGroupResponse.RuleGroupArn, k), "RuleGroupResponse", it.where,
				"the IP set reference "+v.ReferenceArn+" has no entries given (get-managed-prefix-list-entries); it is imported empty", true)
			cidrs = []string{}
		}
		out.IPSetReferences[k] = cidrs
	}
}

// statelessRules copies a stateless group's rules; custom actions (metrics
// only) are dropped from the actions.
func (b *builder) statelessRules(it item[ruleGroupDoc], out *importer.RuleGroup) bool {
	src := it.v.RuleGroup.RulesSource.StatelessRulesAndCustomActions
	if src == nil {
		b.m.Skip(out.AWSID, "RuleGroupResponse", it.where, "the stateless rule group has no rules", true)
		return false
	}
	for _, r := range src.StatelessRules {
		d := r.RuleDefinition
		m := d.MatchAttributes
		sr := importer.StatelessRule{Priority: r.Priority, Protocols: m.Protocols}
		for _, a := range d.Actions {
			if strings.HasPrefix(a, "aws:") {
				sr.Actions = append(sr.Actions, a)
			}
		}
		for _, s := range m.Sources {
			sr.Sources = append(sr.Sources, s.AddressDefinition)
		}
		for _, s := range m.Destinations {
			sr.Destinations = append(sr.Destinations, s.AddressDefinition)
		}
		sr.SourcePorts = portRanges(m.SourcePorts)
		sr.DestinationPorts = portRanges(m.DestinationPorts)
		for _, f := range m.TCPFlags {
			sr.TCPFlags = append(sr.TCPFlags, importer.TCPFlags{Flags: f.Flags, Masks: f.Masks})
		}
		out.StatelessRules = append(out.StatelessRules, sr)
	}
	return true
}

func portRanges(rs []nfwPortRange) []string {
	var out []string
	for _, r := range rs {
		if r.FromPort == r.ToPort {
			out = append(out, fmt.Sprint(r.FromPort))
		} else {
			out = append(out, fmt.Sprintf("%d:%d", r.FromPort, r.ToPort))
		}
	}
	return out
}
