package diff

import (
	"fmt"
	"strings"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/topology"
)

// sideOf summarises one answer of network n: its verdict, decider,
// firewalls and path, and the addresses of everything it crosses or
// names (for the causes of a change).
func sideOf(n *analyzer.Network, a *analyzer.Answer) (Side, []string) {
	s := Side{Verdict: a.Verdict, DecidedBy: a.DecidedBy()}
	var refs refSet
	var path []string
	for dir, hops := range [][]*analyzer.Hop{a.ForwardPath, a.ReturnPath} {
		for _, h := range hops {
			if len(path) == 0 || path[len(path)-1] != h.Component {
				path = append(path, h.Component) // a subnet's ingress and egress hops once
			}
			refs.hop(h)
			if h.Type == "firewall_endpoint" {
				s.Firewalls = appendNew(s.Firewalls, firewallAt(n, h))
				s.seen = appendFlow(s.seen, n.Topology(), h, dir == 1)
				refs.firewallEndpoint(n.Topology(), h.Component)
			}
		}
	}
	for _, f := range append(append([]*analyzer.Finding{}, a.Explanations...), a.AdditionalDetails...) {
		refs.finding(f)
	}
	switch {
	case s.Verdict == analyzer.Reachable:
		s.DecidedBy = allowedBy(n.Topology(), a.ForwardPath)
	case s.Verdict == analyzer.NotReachable && len(a.Explanations) > 0 && a.Explanations[0].FirewallRule != nil:
		// Name the rule or default action too: "CODE at ENDPOINT (stateful drop sid 5 of rule_group.g at ...)".
		s.DecidedBy += " (" + ruleText(n.Topology(), a.Explanations[0].FirewallRule) + ")"
	}
	s.Path = strings.Join(path, "->")
	return s, refs.list
}

// firewallAt names the firewall of a firewall endpoint hop and where it
// was crossed: "network_firewall.X at firewall_endpoint.Y (AZ)".
func firewallAt(n *analyzer.Network, h *analyzer.Hop) string {
	fw := "unknown firewall"
	if r, ok := n.Topology().Resource(h.Component); ok {
		if ep, ok := r.(*topology.FirewallEndpoint); ok && ep.Firewall != nil {
			fw = ep.Firewall.Addr()
		}
	}
	s := fw + " at " + h.Component
	if h.AvailabilityZone != "" {
		s += " (" + h.AvailabilityZone + ")"
	}
	return s
}

// allowedBy names the firewall decisions that let reachable traffic
// through, in path order, "; "-separated ("" when no firewall decided).
func allowedBy(t *topology.Topology, hops []*analyzer.Hop) string {
	var out []string
	for _, h := range hops {
		if fr := h.FirewallRule; fr != nil {
			out = appendNew(out, ruleText(t, fr))
		}
	}
	return strings.Join(out, "; ")
}

// ruleText is "ENGINE DECISION at FIREWALL", such as "stateful pass sid 10
// of rule_group.allow at network_firewall.inspection" or "default_action
// aws:drop_established at network_firewall.fw". A rule AWS generates for
// a domain list is named by its action and group only: its sid is its
// position, which any edit of the list shifts.
func ruleText(t *topology.Topology, fr *analyzer.FirewallRuleInfo) string {
	what := string(fr.Engine)
	switch {
	case fr.SID != 0 && isDomainList(t, fr.RuleGroup):
		what += fmt.Sprintf(" %s of the domain list %s", strings.ToLower(fr.Action), fr.RuleGroup)
	case fr.SID != 0:
		what += fmt.Sprintf(" %s sid %d of %s", strings.ToLower(fr.Action), fr.SID, fr.RuleGroup)
	case fr.RuleGroup != "":
		what += fmt.Sprintf(" %s priority %d of %s", strings.ToLower(fr.Action), fr.Priority, fr.RuleGroup)
	case fr.DefaultAction != "":
		what += " " + fr.DefaultAction
	case fr.Action != "":
		what += " " + strings.ToLower(fr.Action)
	}
	return what + " at " + fr.Firewall
}

// isDomainList reports whether addr is a rule group with a domain list.
func isDomainList(t *topology.Topology, addr string) bool {
	r, ok := t.Resource(addr)
	if !ok {
		return false
	}
	g, ok := r.(*topology.RuleGroup)
	return ok && g.DomainList != nil
}

// refSet collects resource addresses once each, in order.
type refSet struct{ list []string }

func (r *refSet) add(addrs ...string) {
	for _, a := range addrs {
		r.list = appendNew(r.list, a)
	}
}

func (r *refSet) hop(h *analyzer.Hop) {
	r.add(h.Component, h.Subnet, h.VPC)
	if h.Route != nil {
		r.add(h.Route.RouteTable, h.Route.Target)
	}
	if h.TGWRoute != nil {
		r.add(h.TGWRoute.RouteTable, h.TGWRoute.Attachment)
	}
	if h.ACLRule != nil {
		r.add(h.ACLRule.NetworkACL)
	}
	if sg := h.SecurityGroupRule; sg != nil {
		r.add(sg.SecurityGroup, sg.ReferencedSecurityGroup)
	}
	r.rule(h.FirewallRule)
}

func (r *refSet) rule(fr *analyzer.FirewallRuleInfo) {
	if fr != nil {
		r.add(fr.Firewall, fr.Policy, fr.RuleGroup)
	}
}

func (r *refSet) finding(f *analyzer.Finding) {
	r.add(f.Component)
	r.add(f.SecurityGroups...)
	if f.Route != nil {
		r.add(f.Route.RouteTable, f.Route.Target)
	}
	if f.TGWRoute != nil {
		r.add(f.TGWRoute.RouteTable, f.TGWRoute.Attachment)
	}
	if f.ACLRule != nil {
		r.add(f.ACLRule.NetworkACL)
	}
	r.rule(f.FirewallRule)
	for _, fr := range f.Rules {
		r.rule(fr)
	}
}

// firewallEndpoint adds the firewall of endpoint addr, its policy and
// every rule group of the policy: a change to any of them can change what
// the endpoint decides.
func (r *refSet) firewallEndpoint(t *topology.Topology, addr string) {
	res, ok := t.Resource(addr)
	if !ok {
		return
	}
	ep, ok := res.(*topology.FirewallEndpoint)
	if !ok || ep.Firewall == nil {
		return
	}
	r.add(ep.Firewall.Addr())
	p := ep.Firewall.Policy
	if p == nil {
		return
	}
	r.add(p.Addr())
	for _, g := range p.StatefulRuleGroups {
		if g.Group != nil {
			r.add(g.Group.Addr())
		}
	}
	for _, g := range p.StatelessRuleGroups {
		if g.Group != nil {
			r.add(g.Group.Addr())
		}
	}
}

// appendNew appends s to list unless it is empty or already there.
func appendNew(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
