package analyzer

import (
	"net/netip"

	"go4.org/netipx"

	"github.com/vpcreach/vpcreach/topology"
)

// nonInternet lists the IPv4 space that is never "the internet": private
// (RFC 1918), shared (RFC 6598), this-network, loopback, link-local,
// IETF protocol assignments, multicast and reserved.
// It is read-only after initialisation.
var nonInternet = mustPrefixes(
	"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
	"172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16", "224.0.0.0/4", "240.0.0.0/4",
)

func mustPrefixes(ss ...string) []netip.Prefix {
	out := make([]netip.Prefix, len(ss))
	for i, s := range ss {
		out[i] = netip.MustParsePrefix(s)
	}
	return out
}

// isInternetAddr reports whether a is a public (internet-routable) address.
func isInternetAddr(a netip.Addr) bool {
	a = a.Unmap()
	if a.Is6() {
		return a.IsGlobalUnicast() && !a.IsPrivate()
	}
	for _, p := range nonInternet {
		if p.Contains(a) {
			return false
		}
	}
	return true
}

// representativeCandidates are documentation addresses preferred as the
// stand-in for "the internet", because they read well and real rules
// rarely name them.
var representativeCandidates = []string{"203.0.113.50", "198.51.100.50", "192.0.2.50"}

// internetRepresentative picks an internet address that no prefix of the
// topology (VPC CIDRs, public IPs, routes, security group, network ACL and
// stateless rule CIDRs, rule-group IP sets) or of extra names, so that it
// stands for the internet at large.
func internetRepresentative(topo *topology.Topology, extra ...netip.Prefix) netip.Addr {
	var b netipx.IPSetBuilder
	b.AddPrefix(netip.MustParsePrefix("0.0.0.0/0"))
	for _, p := range nonInternet {
		b.RemovePrefix(p)
	}
	for _, p := range topologyPrefixes(topo) {
		if p.Bits() > 0 {
			b.RemovePrefix(p)
		}
	}
	for _, p := range extra {
		if p.Bits() > 0 {
			b.RemovePrefix(p)
		}
	}
	set, err := b.IPSet()
	if err != nil || len(set.Ranges()) == 0 {
		return netip.MustParseAddr(representativeCandidates[0])
	}
	for _, c := range representativeCandidates {
		if a := netip.MustParseAddr(c); set.Contains(a) {
			return a
		}
	}
	return set.Ranges()[0].From()
}

// topologyPrefixes lists every IPv4 prefix the topology names.
func topologyPrefixes(topo *topology.Topology) []netip.Prefix {
	var out []netip.Prefix
	add := func(ps ...netip.Prefix) {
		for _, p := range ps {
			if p.IsValid() && p.Addr().Is4() {
				out = append(out, p)
			}
		}
	}
	addAddr := func(a netip.Addr) {
		if a.IsValid() {
			add(netip.PrefixFrom(a, a.BitLen()))
		}
	}
	for _, v := range topo.VPCs {
		add(v.CIDRs...)
	}
	for _, i := range topo.Instances {
		addAddr(i.PublicIP)
	}
	for _, n := range topo.NATGateways {
		addAddr(n.PublicIP)
	}
	for _, rt := range topo.RouteTables {
		for _, r := range rt.Routes {
			add(r.Destination)
		}
	}
	for _, rt := range topo.TGWRouteTables {
		for _, r := range rt.Routes {
			add(r.Destination)
		}
	}
	for _, sg := range topo.SecurityGroups {
		for _, r := range append(append([]*topology.SGRule{}, sg.Ingress...), sg.Egress...) {
			add(r.CIDRs...)
		}
	}
	for _, acl := range topo.NetworkACLs {
		for _, r := range append(append([]*topology.ACLRule{}, acl.Ingress...), acl.Egress...) {
			add(r.CIDR)
		}
	}
	for _, g := range topo.StatelessRuleGroups {
		for _, r := range g.Rules {
			add(r.Sources...)
			add(r.Destinations...)
		}
	}
	for _, g := range topo.RuleGroups {
		for _, s := range g.IPSets {
			add(s.Prefixes...)
		}
		for _, s := range g.IPSetReferences {
			add(s.Prefixes...)
		}
	}
	for _, p := range topo.FirewallPolicies {
		add(p.HomeNet...)
	}
	for _, pl := range topo.PrefixLists {
		add(pl.Entries...)
	}
	return out
}
