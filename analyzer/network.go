// Package analyzer is the path engine of vpcreach: it walks a packet of a
// query hop by hop through a loaded topology (route tables, gateways,
// transit gateways, firewall endpoints, security groups and network ACLs),
// forward and back, and explains what decided, with AWS Reachability
// Analyzer's explanation codes. Firewall policies are evaluated with package
// rules.
package analyzer

import (
	"net/netip"
	"sync"

	"github.com/vpcreach/vpcreach/rules"
	"github.com/vpcreach/vpcreach/topology"
)

// firewallPolicy is what the walk needs of a compiled firewall policy;
// *rules.Policy implements it.
type firewallPolicy interface {
	Evaluate(rules.Flow) rules.Result
	PortSplit(rules.Flow) rules.FlowPorts
}

// Network is a topology compiled for analysis: route tables indexed for
// longest-prefix match and one firewall policy compiled per firewall
// (HOME_NET depends on the firewall's VPC). A Network is immutable and safe
// for concurrent use; Compile builds it.
type Network struct {
	topo      *topology.Topology
	routes    map[*topology.RouteTable]prefixTable[*topology.Route]
	tgwRoutes map[*topology.TGWRouteTable]prefixTable[*topology.TGWRoute]
	policies  map[*topology.Firewall]firewallPolicy
	// internet is the address that stands for "the internet" when a query
	// names no internet address: one that no route, rule or ACL of the
	// topology names specifically.
	internet netip.Addr
	// internet6 stands for the internet in an IPv6 query.
	internet6 netip.Addr
	// ruleCount is the number of stateful rules in use.
	ruleCount int
	// ruleBounds are the sorted addresses where firewall rules' address
	// sets start or end+1 (address classes of CIDR destinations).
	ruleBounds []netip.Addr
	// ruleInfos memoises the rendering of stateful rules (ruleInfo):
	// ruleInfoKey -> *FirewallRuleInfo, filled on first use.
	ruleInfos sync.Map
	// maxHops, when positive, replaces defaultMaxHops (tests of the limit).
	maxHops int
}

// hopLimit is the number of hops one walk may take (see defaultMaxHops).
func (n *Network) hopLimit() int {
	if n.maxHops > 0 {
		return n.maxHops
	}
	return defaultMaxHops
}

// Topology returns the topology the network was compiled from.
func (n *Network) Topology() *topology.Topology { return n.topo }

// newNetwork indexes topo's route tables and keeps the given policies;
// the internet representative avoids the topology's prefixes and extra.
func newNetwork(topo *topology.Topology, policies map[*topology.Firewall]firewallPolicy, extra ...netip.Prefix) *Network {
	n := &Network{
		topo:      topo,
		routes:    map[*topology.RouteTable]prefixTable[*topology.Route]{},
		tgwRoutes: map[*topology.TGWRouteTable]prefixTable[*topology.TGWRoute]{},
		policies:  policies,
	}
	for _, v := range topo.VPCs {
		n.indexRouteTable(v.MainRouteTable)
	}
	for _, rt := range topo.RouteTables {
		n.indexRouteTable(rt)
	}
	for _, rt := range topo.TGWRouteTables {
		n.tgwRoutes[rt] = newPrefixTable(tgwRouteEntries(rt))
	}
	n.internet = internetRepresentative(topo, extra...)
	n.internet6 = internetRepresentative6(topo)
	return n
}

func (n *Network) indexRouteTable(rt *topology.RouteTable) {
	if rt == nil || n.routes[rt] != nil {
		return
	}
	n.routes[rt] = newPrefixTable(routeEntries(rt))
}

// routeEntries returns the LPM entries of rt: a route to a CIDR takes
// priority over a prefix-list route holding the same CIDR (AWS route
// priority: static routes before prefix-list routes), so such an entry is
// left out. The loader refuses two prefix-list routes sharing an entry.
func routeEntries(rt *topology.RouteTable) []prefixEntry[*topology.Route] {
	static := map[netip.Prefix]bool{}
	for _, r := range rt.Routes {
		if r.PrefixList == nil {
			static[r.Destination] = true
		}
	}
	entries := make([]prefixEntry[*topology.Route], 0, len(rt.Routes))
	for _, r := range rt.Routes {
		if r.PrefixList != nil && static[r.Destination] {
			continue
		}
		entries = append(entries, prefixEntry[*topology.Route]{r.Destination, r})
	}
	return entries
}

// tgwRouteEntries returns the LPM entries of a transit gateway route
// table: at equal prefix a static route to a CIDR beats a prefix-list
// route (AWS's transit gateway route priority); propagated routes never
// share a prefix with a static one (the loader leaves them out).
func tgwRouteEntries(rt *topology.TGWRouteTable) []prefixEntry[*topology.TGWRoute] {
	static := map[netip.Prefix]bool{}
	for _, r := range rt.Routes {
		if r.PrefixList == nil && !r.Propagated {
			static[r.Destination] = true
		}
	}
	entries := make([]prefixEntry[*topology.TGWRoute], 0, len(rt.Routes))
	for _, r := range rt.Routes {
		if r.PrefixList != nil && static[r.Destination] {
			continue
		}
		entries = append(entries, prefixEntry[*topology.TGWRoute]{r.Destination, r})
	}
	return entries
}

// lookupRoute returns the route of rt for dst, or nil.
func (n *Network) lookupRoute(rt *topology.RouteTable, dst netip.Addr) *topology.Route {
	return lookup(n.routes[rt], dst)
}

// lookupTGWRoute returns the route of rt for dst, or nil.
func (n *Network) lookupTGWRoute(rt *topology.TGWRouteTable, dst netip.Addr) *topology.TGWRoute {
	return lookup(n.tgwRoutes[rt], dst)
}

// lookup returns the value of t's longest prefix holding dst, or nil when
// t is nil or has none.
func lookup[V any](t prefixTable[*V], dst netip.Addr) *V {
	if t == nil {
		return nil
	}
	_, v, _ := t.Lookup(dst)
	return v
}
