package analyzer

import (
	"net/netip"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"go4.org/netipx"

	"github.com/vpcreach/vpcreach/internal/diag"
	"github.com/vpcreach/vpcreach/internal/par"
	"github.com/vpcreach/vpcreach/rules"
	"github.com/vpcreach/vpcreach/topology"
)

// Compile prepares a loaded topology for analysis: it compiles the policy
// of every firewall (rule text is parsed here, so rule errors come out of
// Compile) and indexes the route tables. Diagnostics are sorted; with
// errors the Network is nil.
func Compile(topo *topology.Topology) (*Network, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	policies := map[*topology.Firewall]firewallPolicy{}
	cache := map[string]*rules.Policy{}
	groupRules := map[string]int{}
	var extra []netip.Prefix
	var all []*rules.Rule
	for _, fw := range topo.Firewalls {
		spec := policySpec(fw)
		key := spec.Name + "|" + prefixesKey(spec.Env.HomeNet)
		pol, ok := cache[key]
		if !ok {
			var d hcl.Diagnostics
			pol, d = rules.CompilePolicy(spec)
			diags = append(diags, d...)
			cache[key] = pol
			if pol != nil {
				countRules(pol, groupRules)
				extra = append(extra, specificPrefixes(pol)...)
				all = append(all, pol.LoadedRules()...)
			}
		}
		if pol != nil {
			policies[fw] = pol
		}
	}
	diags = append(diags, checkUnusedGroups(topo)...)
	diags = diag.Sort(diag.Dedupe(diags))
	if diags.HasErrors() {
		return nil, diags
	}
	n := newNetwork(topo, policies, extra...)
	if d := n.checkExpectEndpoints(); d.HasErrors() {
		return nil, diag.Sort(append(diags, d...))
	}
	n.ruleBounds = ruleAddrBounds(all)
	for _, c := range groupRules {
		n.ruleCount += c
	}
	return n, diags
}

// RuleCount is the number of stateful firewall rules of the topology's
// rule groups that some firewall uses.
func (n *Network) RuleCount() int { return n.ruleCount }

func countRules(pol *rules.Policy, byGroup map[string]int) {
	counts := map[string]int{}
	for _, r := range pol.LoadedRules() {
		counts[r.Group]++
	}
	for g, c := range counts {
		byGroup[g] = c
	}
}

// specificPrefixes returns the IPv4 prefixes of rule address sets that name
// a small part of the address space (so not $EXTERNAL_NET or any), which the
// representative internet address must avoid.
func specificPrefixes(pol *rules.Policy) []netip.Prefix {
	var out []netip.Prefix
	seen := map[*netipx.IPSet]bool{} // rules share sets (variables, repeated addresses)
	for _, r := range pol.LoadedRules() {
		for _, s := range []*netipx.IPSet{r.Src, r.Dst} {
			if s == nil || seen[s] {
				continue
			}
			seen[s] = true
			ps := s.Prefixes()
			if coversLittle(ps) {
				out = append(out, ps...)
			}
		}
	}
	return out
}

// coversLittle reports whether the IPv4 prefixes cover less than a /4.
func coversLittle(ps []netip.Prefix) bool {
	var total uint64
	for _, p := range ps {
		if p.Addr().Is4() {
			total += 1 << (32 - p.Bits())
		}
	}
	return total < 1<<28
}

// policySpec describes fw's policy for package rules.
func policySpec(fw *topology.Firewall) rules.PolicySpec {
	p := fw.Policy
	home := p.HomeNet
	if home == nil {
		home = fw.VPC.CIDRs
	}
	spec := rules.PolicySpec{
		Name: p.Addr(), StatefulRuleOrder: p.StatefulRuleOrder,
		StatefulDefaultActions: p.StatefulDefaultActions, StreamExceptionPolicy: p.StreamExceptionPolicy,
		Env: rules.Env{HomeNet: home}, StatelessDefaultActions: p.StatelessDefaultActions, Range: p.Range,
	}
	for _, ref := range p.StatefulRuleGroups {
		spec.StatefulGroups = append(spec.StatefulGroups, groupSpec(ref))
	}
	for _, ref := range p.StatelessRuleGroups {
		spec.StatelessGroups = append(spec.StatelessGroups, statelessSpec(ref))
	}
	return spec
}

// groupSpec describes a rule group for package rules: the topology's
// declarations are the spec's (package policyspec), so nothing is copied.
func groupSpec(ref *topology.StatefulGroupRef) rules.GroupSpec {
	g := ref.Group
	return rules.GroupSpec{Name: g.Addr(), Priority: ref.Priority, RuleOrder: g.RuleOrder, Range: g.Range,
		IPSets: g.IPSets, PortSets: g.PortSets, IPSetRefs: g.IPSetReferences,
		Text: g.Text, Standard: g.StatefulRules, Domains: g.DomainList}
}

func statelessSpec(ref *topology.StatelessGroupRef) rules.StatelessGroupSpec {
	return rules.StatelessGroupSpec{Name: ref.Group.Addr(), Priority: ref.Priority, Rules: ref.Group.Rules}
}

func prefixesKey(ps []netip.Prefix) string {
	ss := make([]string, len(ps))
	for i, p := range ps {
		ss[i] = p.String()
	}
	sort.Strings(ss)
	return strings.Join(ss, ",")
}

// checkUnusedGroups loads the rule groups no firewall's policy uses, so
// their errors are reported too (AWS refuses to create an invalid group).
func checkUnusedGroups(topo *topology.Topology) hcl.Diagnostics {
	used := map[*topology.RuleGroup]bool{}
	for _, fw := range topo.Firewalls {
		for _, ref := range fw.Policy.StatefulRuleGroups {
			used[ref.Group] = true
		}
	}
	var unused []*topology.RuleGroup
	for _, g := range topo.RuleGroups {
		if !used[g] {
			unused = append(unused, g)
		}
	}
	return checkGroups(unused)
}

// CheckRules loads every stateful rule group of topo on its own and
// returns the rule diagnostics. It is for topologies that have errors (so
// Compile cannot run) but whose rules should be reported in the same run;
// HOME_NET does not change which rules are valid, so a placeholder stands
// in for it.
func CheckRules(topo *topology.Topology) hcl.Diagnostics {
	return checkGroups(topo.RuleGroups)
}

func checkGroups(groups []*topology.RuleGroup) hcl.Diagnostics {
	env := rules.Env{HomeNet: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}}
	each := make([]hcl.Diagnostics, len(groups))
	par.Do(len(groups), func(i int) {
		if groups[i] != nil {
			_, each[i] = rules.LoadGroup(groupSpec(&topology.StatefulGroupRef{Group: groups[i]}), env)
		}
	})
	var diags hcl.Diagnostics
	for _, d := range each {
		diags = append(diags, d...)
	}
	return diag.Sort(diag.Dedupe(diags))
}
