package analyzer

import (
	"net/netip"
	"slices"
	"strings"

	"go4.org/netipx"

	"github.com/vpcreach/vpcreach/rules"
	"github.com/vpcreach/vpcreach/topology"
)

// This file is the API `vpcreach logs` uses to hold logged traffic against
// the model: find a firewall by the name its logs carry, evaluate a logged
// flow with that firewall's policy, look a rule up by sid, and ask which
// firewall endpoints the model routes a flow through.

// FirewallNamed returns the firewall a log's firewall_name names: the
// network_firewall block whose label is name, or whose address
// ("network_firewall.NAME") is name. It returns nil when none is.
func (n *Network) FirewallNamed(name string) *topology.Firewall {
	name = strings.TrimPrefix(name, "network_firewall.")
	for _, fw := range n.topo.Firewalls {
		if fw.Name == name {
			return fw
		}
	}
	return nil
}

// FirewallPolicy returns fw's compiled policy, or nil when fw has none.
func (n *Network) FirewallPolicy(fw *topology.Firewall) *rules.Policy {
	p, _ := n.policies[fw].(*rules.Policy)
	return p
}

// EvaluateAtFirewall evaluates f with fw's policy, as the firewall's
// stateful and stateless engines would judge it. ok is false when fw has
// no compiled policy.
func (n *Network) EvaluateAtFirewall(fw *topology.Firewall, f rules.Flow) (res rules.Result, ok bool) {
	pol := n.policies[fw]
	if pol == nil {
		return rules.Result{}, false
	}
	return pol.Evaluate(f), true
}

// RuleBySID returns the stateful rule of fw's policy with that sid, or nil.
func (n *Network) RuleBySID(fw *topology.Firewall, sid int64) *rules.Rule {
	pol := n.FirewallPolicy(fw)
	if pol == nil {
		return nil
	}
	for _, r := range pol.Rules() {
		if r.SID == sid {
			return r
		}
	}
	return nil
}

// RuleInfo describes r of fw's policy the way analyses show a firewall
// rule (group, sid, action, expanded header, text, file:line).
func (n *Network) RuleInfo(fw *topology.Firewall, r *rules.Rule) *FirewallRuleInfo {
	return n.ruleInfo(fw, r)
}

// DecisionInfo describes what decided phase pr at fw, as analyses do.
func (n *Network) DecisionInfo(fw *topology.Firewall, pr rules.PhaseResult) *FirewallRuleInfo {
	return n.firewallRuleInfo(fw, pr)
}

// AppForPort returns the application protocol the analyzer assumes for a
// destination port when a query names none ("tls" for tcp/443, ...), and
// false when the port has no well-known protocol.
func AppForPort(proto topology.Protocol, port uint16) (string, bool) { return appByPort(proto, port) }

// Crossing is a firewall endpoint a path crosses.
type Crossing struct {
	Endpoint *topology.FirewallEndpoint
	// Direction is "forward" (the request) or "return" (the reply).
	Direction string
}

// Crossings returns the firewall endpoints a's forward and return paths
// cross, in path order (forward first).
func (n *Network) Crossings(a *Analysis) []Crossing {
	var out []Crossing
	for _, p := range []struct {
		dir  string
		hops []*Hop
	}{{"forward", a.ForwardPath}, {"return", a.ReturnPath}} {
		for _, h := range p.hops {
			if h.Type != "firewall_endpoint" {
				continue
			}
			if ep, ok := n.topo.Resource(h.Component); ok {
				if fe, ok := ep.(*topology.FirewallEndpoint); ok {
					out = append(out, Crossing{Endpoint: fe, Direction: p.dir})
				}
			}
		}
	}
	return out
}

// AddressClasses partitions the address space into classes of addresses
// that every route, subnet, ENI, ACL and SG CIDR and firewall rule of a
// network treats alike (as CIDR destinations are split): two sources, or
// two destinations, of one class get the same answer. It is immutable.
type AddressClasses struct {
	starts []netip.Addr // sorted first addresses of the classes, IPv4 then IPv6
}

// AddressClasses computes the network's address classes; every public
// address an instance or NAT gateway holds is a class of its own, and no
// class spans the edge of the internet (private and special-use ranges).
func (n *Network) AddressClasses() *AddressClasses {
	var starts []netip.Addr
	for _, all := range []netip.Prefix{netip.MustParsePrefix("0.0.0.0/0"), netip.MustParsePrefix("::/0")} {
		for _, r := range n.addressClasses(all) {
			starts = append(starts, r.From())
		}
	}
	host := func(a netip.Addr) {
		if a.IsValid() {
			starts = append(starts, a)
			if next := a.Next(); next.IsValid() {
				starts = append(starts, next)
			}
		}
	}
	edges := func(p netip.Prefix) {
		r := netipx.RangeOfPrefix(p)
		starts = append(starts, r.From())
		if next := r.To().Next(); next.IsValid() {
			starts = append(starts, next)
		}
	}
	// Where the internet ends: resolving an address depends on it.
	for _, p := range nonInternet {
		edges(p)
	}
	for _, p := range []string{"::/128", "::1/128", "fc00::/7", "fe80::/10", "ff00::/8"} {
		edges(netip.MustParsePrefix(p))
	}
	for _, i := range n.topo.Instances {
		host(i.PublicIP)
	}
	for _, g := range n.topo.NATGateways {
		host(g.PublicIP)
	}
	slices.SortFunc(starts, netip.Addr.Compare)
	return &AddressClasses{starts: slices.Compact(starts)}
}

// Class returns the first address of a's class (a itself when a starts
// one).
func (c *AddressClasses) Class(a netip.Addr) netip.Addr {
	a = a.Unmap()
	i, found := slices.BinarySearchFunc(c.starts, a, netip.Addr.Compare)
	if found || i == 0 {
		return a
	}
	s := c.starts[i-1]
	if s.Is4() != a.Is4() {
		return a
	}
	return s
}

// Len returns the number of classes.
func (c *AddressClasses) Len() int { return len(c.starts) }
