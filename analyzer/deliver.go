package analyzer

import (
	"fmt"

	"github.com/vpcreach/vpcreach/topology"
)

// startForward emits the request from the query's source.
func (w *walker) startForward() {
	src := w.s.src
	switch src.kind {
	case epInstance:
		h, _ := w.hop(src.instance.Addr(), src.instance.Kind(), "")
		h.InboundHeader = nil
		w.placeENI(h, src.subnet)
		w.checkSGEgress(h, src.instance)
		w.emit(src.subnet)
	case epSubnet:
		w.emit(src.subnet)
		if len(w.hops) > 0 {
			w.hops[0].InboundHeader = nil
		}
	case epInternet:
		h, _ := w.hop("internet", "internet", "")
		h.InboundHeader = nil
		w.fromInternet(h, src.igw)
	}
}

// startReturn emits the reply from the query's destination.
func (w *walker) startReturn() {
	dst := w.s.dst
	switch dst.kind {
	case epInstance, epNAT, epSubnet:
		h, _ := w.hop(endpointComponent(dst), endpointType(dst), "")
		h.InboundHeader = nil
		w.placeENI(h, dst.subnet)
		w.emit(dst.subnet)
	case epInternet:
		if e := w.s.gatewayEndpoint; e != nil {
			w.replyFromService(e)
			return
		}
		h, _ := w.hop("internet", "internet", "")
		h.InboundHeader = nil
		w.fromInternet(h, nil)
	}
}

// placeENI fills the VPC, subnet and AZ of an ENI hop.
func (w *walker) placeENI(h *Hop, s *topology.Subnet) {
	h.VPC, h.Subnet, h.AvailabilityZone = s.VPC.Addr(), s.Addr(), s.AZ
	w.az = s.AZ
}

func endpointComponent(e endpoint) string {
	switch e.kind {
	case epInstance:
		return e.instance.Addr()
	case epNAT:
		return e.nat.Addr()
	case epSubnet:
		return e.subnet.Addr()
	}
	return "internet"
}

func endpointType(e endpoint) string {
	switch e.kind {
	case epInstance:
		return e.instance.Kind()
	case epNAT:
		return "nat_gateway"
	case epSubnet:
		return "subnet"
	}
	return "internet"
}

// deliver hands the packet, now in subnet d, to the ENI its destination
// address belongs to. h is the last hop.
func (w *walker) deliver(d *topology.Subnet, h *Hop) {
	if w.done {
		return
	}
	a := w.hdr.dst
	if w.dir == dirReturn {
		if nat, ok := d.ENIAt(a).(*topology.NATGateway); ok {
			if _, bound := w.s.nats[nat]; bound {
				w.untranslate(nat)
				return
			}
		}
		if w.s.isSource(d, a) {
			w.arrive(w.s.src, d)
			return
		}
	} else if w.s.isDestination(d, a) {
		w.arrive(w.s.dst, d)
		return
	}
	if eni := d.ENIAt(a); eni != nil {
		w.stop(h, CodeNoPossibleDestination, fmt.Sprintf("the packet is delivered to %s, not to %s",
			eni.Addr(), w.target().name))
		return
	}
	w.stop(h, CodeNoPossibleDestination, fmt.Sprintf("no ENI of %s holds %s", d.Addr(), a))
}

// target is the endpoint this walk heads for.
func (w *walker) target() endpoint {
	if w.dir == dirForward {
		return w.s.dst
	}
	return w.s.src
}

// arrive ends the walk at endpoint e in subnet d: the last hop, and the
// security groups of a destination instance on the forward path (replies
// of allowed flows always pass them).
func (w *walker) arrive(e endpoint, d *topology.Subnet) {
	h, ok := w.hop(endpointComponent(e), endpointType(e), "arrive")
	if !ok {
		return
	}
	h.OutboundHeader = nil
	w.placeENI(h, d)
	if w.dir == dirForward && e.kind == epNAT {
		// A NAT gateway forwards only flows its own side started: a
		// connection addressed to it matches no translation and is dropped.
		f := w.stop(h, CodeNGWAcceptsOnlyReplies, fmt.Sprintf(
			"%s is a NAT gateway: it translates connections its side starts and accepts no connection addressed to it (%s)",
			e.nat.Addr(), w.hdr.dst))
		f.Location = location(e.nat.Range.Filename, e.nat.Range.Start.Line)
		return
	}
	if w.dir == dirForward && e.kind == epInstance {
		w.checkSGIngress(h, e.instance)
	}
	w.done, w.reached = true, true
}

// arriveInternet ends the walk on the internet.
func (w *walker) arriveInternet() {
	h, ok := w.hop("internet", "internet", "arrive")
	if !ok {
		return
	}
	h.OutboundHeader = nil
	w.done, w.reached = true, true
}
