package analyzer

import (
	"fmt"
	"net/netip"

	"github.com/vpcreach/vpcreach/topology"
)

// IPv6 through an internet gateway. AWS (VPC User Guide, "Enable internet
// access for a VPC using an internet gateway"): an internet gateway
// translates only IPv4 (an instance's private address to its public IPv4
// or Elastic IP); IPv6 addresses are globally unique and so public
// already, and the gateway forwards IPv6 packets unchanged both ways. What
// reaches an instance over IPv6 is then decided by the routes (the reply
// needs a ::/0 route back to the gateway), the network ACLs and the
// security groups. (An egress-only internet gateway, the IPv6 gateway that
// refuses connections from the internet, is not in the topology language.)

// igwEgress6 passes an IPv6 packet out through g at hop h: no translation;
// the source must be a global address of g's VPC.
func (w *walker) igwEgress6(g *topology.InternetGateway, h *Hop) {
	src, dst := w.hdr.src, w.hdr.dst
	if !g.VPC.Contains(src) || !isInternetAddr(src) {
		f := w.stop(h, CodeIGWPublicIPForEgress, fmt.Sprintf(
			"%s is not a global IPv6 address of %s: %s drops the packet", src, g.VPC.Addr(), g.Addr()))
		f.Location = location(g.Range.Filename, g.Range.Start.Line)
		return
	}
	if !isInternetAddr(dst) {
		w.stop(h, CodeNoPossibleDestination, fmt.Sprintf(
			"%s is not an internet address: %s drops the packet", dst, g.Addr()))
		return
	}
	if vpc := vpcHolding(w.s.n.topo, dst); vpc != nil {
		if vpc.InternetGateway == nil {
			w.stop(h, CodeNoPossibleDestination, fmt.Sprintf("%s holds %s but has no internet gateway", vpc.Addr(), dst))
			return
		}
		w.igwIngress(vpc.InternetGateway)
		return
	}
	if w.target().kind == epInternet {
		w.arriveInternet()
		return
	}
	w.stop(h, CodeNoPossibleDestination, fmt.Sprintf("the packet leaves for the internet at %s, away from %s",
		g.Addr(), w.target().name))
}

// igwIngress6 passes an IPv6 packet from the internet in through g at hop
// h: its destination, a global address of g's VPC, is kept as it is.
func (w *walker) igwIngress6(g *topology.InternetGateway, h *Hop) {
	if !g.VPC.Contains(w.hdr.dst) {
		w.stop(h, CodeNoPossibleDestination, fmt.Sprintf("%s is not an address of %s: %s drops the packet",
			w.hdr.dst, g.VPC.Addr(), g.Addr()))
		return
	}
	w.igwRoute(g, h)
}

// vpcHolding returns the first VPC one of whose CIDRs holds a, or nil.
func vpcHolding(topo *topology.Topology, a netip.Addr) *topology.VPC {
	if vpcs := topo.VPCsContaining(a); len(vpcs) > 0 {
		return vpcs[0]
	}
	return nil
}

// internetRepresentative6 picks the IPv6 address that stands for the
// internet in an IPv6 query: a documentation address no IPv6 prefix of the
// topology (VPC CIDRs, routes, security group and network ACL rules)
// holds.
func internetRepresentative6(topo *topology.Topology) netip.Addr {
	prefixes := topologyPrefixes6(topo)
	candidates := []string{"2001:db8:ffff::50", "2001:db8:fffe::50", "3fff:ffff::50", "3fff:fffe::50"}
	for _, c := range candidates {
		a := netip.MustParseAddr(c)
		held := false
		for _, p := range prefixes {
			held = held || (p.Bits() > 0 && p.Contains(a))
		}
		if !held {
			return a
		}
	}
	return netip.MustParseAddr(candidates[0])
}

// topologyPrefixes6 lists the IPv6 prefixes of VPCs, routes, security
// group and network ACL rules.
func topologyPrefixes6(topo *topology.Topology) []netip.Prefix {
	var out []netip.Prefix
	add := func(ps ...netip.Prefix) {
		for _, p := range ps {
			if p.IsValid() && p.Addr().Is6() {
				out = append(out, p)
			}
		}
	}
	for _, v := range topo.VPCs {
		add(v.CIDRs...)
	}
	for _, rt := range topo.RouteTables {
		for _, r := range rt.Routes {
			add(r.Destination)
		}
	}
	for _, sg := range topo.SecurityGroups {
		for _, r := range sg.Ingress {
			add(r.CIDRs...)
		}
		for _, r := range sg.Egress {
			add(r.CIDRs...)
		}
	}
	for _, acl := range topo.NetworkACLs {
		for _, r := range acl.Ingress {
			add(r.CIDR)
		}
		for _, r := range acl.Egress {
			add(r.CIDR)
		}
	}
	for _, pl := range topo.PrefixLists {
		add(pl.Entries...)
	}
	return out
}
