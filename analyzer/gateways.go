package analyzer

import (
	"fmt"
	"net/netip"

	"github.com/vpcreach/vpcreach/topology"
)

// igwEgress passes the packet out through internet gateway g: the source
// must have a public IP, which the IGW substitutes for the private one.
func (w *walker) igwEgress(g *topology.InternetGateway) {
	if w.done {
		return
	}
	h, ok := w.hop(g.Addr(), "internet_gateway", "egress")
	if !ok {
		return
	}
	h.VPC = g.VPC.Addr()
	if w.hdr.src.Is6() {
		w.igwEgress6(g, h)
		return
	}
	pub, ok := w.publicIPFor(g.VPC, w.hdr.src)
	if !ok {
		f := w.stop(h, CodeIGWPublicIPForEgress, w.noPublicIPMessage(g))
		f.Location = location(g.Range.Filename, g.Range.Start.Line)
		return
	}
	before := w.hdr.src
	w.hdr.src = pub
	h.OutboundHeader = w.headerJSON()
	h.Translation = fmt.Sprintf("source %s -> %s", before, pub)
	if !isInternetAddr(w.hdr.dst) {
		w.stop(h, CodeNoPossibleDestination, fmt.Sprintf(
			"%s is not an internet address: %s drops the packet", w.hdr.dst, g.Addr()))
		return
	}
	if holder := w.s.n.topo.PublicIPHolder(w.hdr.dst); holder != nil {
		w.toPublicIP(h, holder)
		return
	}
	if w.target().kind == epInternet {
		w.arriveInternet()
		return
	}
	w.stop(h, CodeNoPossibleDestination, fmt.Sprintf("the packet leaves for the internet at %s, away from %s",
		g.Addr(), w.target().name))
}

// toPublicIP carries a packet across the internet to the VPC whose ENI
// holds its (public) destination address.
func (w *walker) toPublicIP(h *Hop, holder topology.Resource) {
	vpc := holderVPC(holder)
	if vpc.InternetGateway == nil {
		w.stop(h, CodeNoPossibleDestination, fmt.Sprintf("%s holds %s but %s has no internet gateway",
			holder.Addr(), w.hdr.dst, vpc.Addr()))
		return
	}
	w.igwIngress(vpc.InternetGateway)
}

func holderVPC(r topology.Resource) *topology.VPC {
	switch r := r.(type) {
	case *topology.Instance:
		return r.Subnet.VPC
	case *topology.NATGateway:
		return r.Subnet.VPC
	}
	return nil
}

// publicIPFor returns the public IP an internet gateway of vpc maps the
// private address a to: an instance's public IP or a public NAT gateway's
// EIP.
func (w *walker) publicIPFor(vpc *topology.VPC, a netip.Addr) (netip.Addr, bool) {
	s := vpc.SubnetFor(a)
	if s == nil {
		return netip.Addr{}, false
	}
	switch eni := s.ENIAt(a).(type) {
	case *topology.Instance:
		return eni.PublicIP, eni.PublicIP.IsValid()
	case *topology.NATGateway:
		return eni.PublicIP, eni.Public && eni.PublicIP.IsValid()
	}
	return netip.Addr{}, false
}

func (w *walker) noPublicIPMessage(g *topology.InternetGateway) string {
	a := w.hdr.src
	if s := g.VPC.SubnetFor(a); s != nil {
		switch eni := s.ENIAt(a).(type) {
		case *topology.NATGateway:
			return fmt.Sprintf("%s is a private NAT gateway: %s drops its traffic", eni.Addr(), g.Addr())
		case *topology.Instance:
			return fmt.Sprintf("%s (%s) has no public IP: %s drops the packet", eni.Addr(), a, g.Addr())
		}
	}
	return fmt.Sprintf("source %s has no public IP in %s: %s drops the packet", a, g.VPC.Addr(), g.Addr())
}

// fromInternet brings a packet from the internet into the VPC through
// internet gateway g; nil picks the gateway of the VPC that holds the
// destination address (its public IPv4, or its IPv6 address). An IPv4
// destination that is no public IP cannot be addressed from the internet
// at all: IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS, at the gateway of the
// destination's VPC or, when it has none, where the packet starts.
func (w *walker) fromInternet(h *Hop, g *topology.InternetGateway) {
	dst := w.hdr.dst
	vpc := w.target().vpc()
	if g == nil {
		switch holder := w.s.n.topo.PublicIPHolder(dst); {
		case holder != nil:
			vpc = holderVPC(holder)
		case dst.Is6() && vpcHolding(w.s.n.topo, dst) != nil:
			vpc = vpcHolding(w.s.n.topo, dst)
		}
		if vpc != nil {
			g = vpc.InternetGateway
		}
	}
	if g == nil && dst.Is4() && w.s.n.topo.PublicIPHolder(dst) == nil && vpc != nil {
		msg := noIngressMessage(vpc, dst, "")
		w.stop(h, CodeIGWPrivateIPForIngress, msg+fmt.Sprintf(" (and %s has no internet gateway)", vpc.Addr()))
		return
	}
	if g == nil {
		w.stop(h, CodeNoRouteToDestination, fmt.Sprintf("no internet gateway leads to %s", dst))
		return
	}
	w.igwIngress(g)
}

// igwIngress passes a packet from the internet in through g: its public
// destination becomes the private IP of the ENI holding it, then the IGW's
// edge route table (or the VPC's local routes) takes it on.
func (w *walker) igwIngress(g *topology.InternetGateway) {
	if w.done {
		return
	}
	h, ok := w.hop(g.Addr(), "internet_gateway", "ingress")
	if !ok {
		return
	}
	h.VPC = g.VPC.Addr()
	if w.hdr.dst.Is6() {
		w.igwIngress6(g, h)
		return
	}
	holder := w.s.n.topo.PublicIPHolder(w.hdr.dst)
	if holder == nil || holderVPC(holder) != g.VPC {
		w.stop(h, CodeIGWPrivateIPForIngress, noIngressMessage(g.VPC, w.hdr.dst, g.Addr()))
		return
	}
	priv := holderPrivateIP(holder)
	h.Translation = fmt.Sprintf("destination %s -> %s", w.hdr.dst, priv)
	w.hdr.dst = priv
	h.OutboundHeader = w.headerJSON()
	w.igwRoute(g, h)
}

// igwRoute routes a packet that came in through g (hop h) to its
// destination: by g's edge route table, else by the VPC's local routes.
func (w *walker) igwRoute(g *topology.InternetGateway, h *Hop) {
	w.gatewayVPC = g.VPC
	if rt := g.EdgeRouteTable; rt != nil {
		route := w.s.n.lookupRoute(rt, w.hdr.dst)
		if route == nil {
			w.stop(h, CodeNoRouteToDestination, fmt.Sprintf("%s has no route for %s", rt.Addr(), w.hdr.dst))
			return
		}
		h.Route = routeInfo(rt, route)
		w.follow(nil, h, rt, route)
		return
	}
	w.local(nil, h)
}

// noIngressMessage explains why the internet cannot reach address a of
// vpc; igw names the gateway that drops the packet ("" when vpc has none).
func noIngressMessage(vpc *topology.VPC, a netip.Addr, igw string) string {
	drops := ""
	if igw != "" {
		drops = ": " + igw + " drops the packet"
	}
	if !isInternetAddr(a) {
		name := a.String()
		if s := vpc.SubnetFor(a); s != nil && s.ENIAt(a) != nil {
			name = fmt.Sprintf("%s (%s)", s.ENIAt(a).Addr(), a)
		}
		return fmt.Sprintf("%s has no public IP, so the internet cannot address it%s", name, drops)
	}
	return fmt.Sprintf("no ENI of %s has the public IP %s%s", vpc.Addr(), a, drops)
}

func holderPrivateIP(r topology.Resource) netip.Addr {
	switch r := r.(type) {
	case *topology.Instance:
		return r.PrivateIP
	case *topology.NATGateway:
		return r.PrivateIP
	}
	return netip.Addr{}
}

// toNAT hands the packet to NAT gateway nat, which rewrites its source to
// the gateway's private IP and a port of its own (the IGW later maps a
// public gateway's private IP to its EIP).
func (w *walker) toNAT(from *topology.Subnet, h *Hop, nat *topology.NATGateway) {
	if !w.leave(from, h, nat.Subnet) {
		return
	}
	hn, ok := w.hop(nat.Addr(), "nat_gateway", "")
	if !ok {
		return
	}
	w.placeENI(hn, nat.Subnet)
	if w.viaPeering {
		w.stop(hn, CodeNGWRequiresSourceInVPC, fmt.Sprintf(
			"%s arrived over VPC peering: %s translates only traffic from its own VPC or a transit gateway",
			w.hdr.src, nat.Addr()))
		return
	}
	if w.dir == dirReturn {
		w.stop(hn, CodeNoReturnRoute, fmt.Sprintf(
			"the reply is routed to %s, which would translate it as a new connection", nat.Addr()))
		return
	}
	before := w.hdr
	if w.hdr.dst.Is6() && !w.nat64Destination(hn, nat.Addr()) {
		return
	}
	w.hdr.src = nat.PrivateIP
	if w.hdr.proto.HasPorts() {
		w.hdr.sport = natPort(before.sport)
		w.hdr.sportNAT = true
	}
	w.s.nats[nat] = natBinding{before: before, after: w.hdr}
	hn.OutboundHeader = w.headerJSON()
	hn.Translation = fmt.Sprintf("source %s -> %s", endpointOf(before, true), endpointOf(w.hdr, true))
	if before.dst != w.hdr.dst {
		hn.Translation += fmt.Sprintf("; destination %s -> %s (NAT64)", before.dst, w.hdr.dst)
	}
	w.sgLost = true
	w.emit(nat.Subnet)
}

// untranslate undoes, for the reply, the translation nat made forward.
func (w *walker) untranslate(nat *topology.NATGateway) {
	b := w.s.nats[nat]
	h, ok := w.hop(nat.Addr(), "nat_gateway", "reply")
	if !ok {
		return
	}
	w.placeENI(h, nat.Subnet)
	orig := b.before.reply()
	w.hdr.dst, w.hdr.dport, w.hdr.dportNAT = orig.dst, orig.dport, false
	h.Translation = fmt.Sprintf("destination %s -> %s", endpointOf(b.after, true), endpointOf(b.before, true))
	if w.hdr.src.Is6() != orig.src.Is6() { // NAT64: the server as its 64:ff9b::/96 address again
		h.Translation += fmt.Sprintf("; source %s -> %s (NAT64)", w.hdr.src, orig.src)
		w.hdr.src = orig.src
	}
	h.OutboundHeader = w.headerJSON()
	w.emit(nat.Subnet)
}

// natPort is the port a NAT gateway is taken to choose: the client's port
// when it lies in the gateway's range 1024-65535, else 1024. Where the
// choice matters (network ACLs on the reply), the whole range is checked.
func natPort(p uint16) uint16 {
	if p >= 1024 {
		return p
	}
	return 1024
}

// endpointOf renders the source (or destination) address and port of h.
func endpointOf(h header, source bool) string {
	a, p := h.dst, h.dport
	if source {
		a, p = h.src, h.sport
	}
	if !h.proto.HasPorts() {
		return a.String()
	}
	return netip.AddrPortFrom(a, p).String()
}
