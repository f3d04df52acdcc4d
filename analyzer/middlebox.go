package analyzer

import (
	"fmt"

	"github.com/vpcreach/vpcreach/topology"
)

// toFirewallEndpoint hands the packet to a Network Firewall endpoint. The
// policy's verdict is computed once both walks are done (it depends on
// which directions the endpoint sees); the packet then leaves by the route
// table of the endpoint's subnet.
func (w *walker) toFirewallEndpoint(from *topology.Subnet, h *Hop, ep *topology.FirewallEndpoint) {
	if !w.leave(from, h, ep.Subnet) {
		return
	}
	he, ok := w.hop(ep.Addr(), "firewall_endpoint", "")
	if !ok {
		return
	}
	w.placeENI(he, ep.Subnet)
	if ep.Subnet.CIDR.Contains(w.hdr.src) || ep.Subnet.CIDR.Contains(w.hdr.dst) {
		// AWS: an endpoint can't filter traffic coming into or going out of
		// the subnet in which it resides.
		w.detail(CodeFirewallEndpointOwnSubnet, ep.Addr(), fmt.Sprintf(
			"%s does not inspect traffic to or from its own subnet %s: the packet passes uninspected",
			ep.Addr(), ep.Subnet.Addr()))
		w.emit(ep.Subnet)
		return
	}
	w.s.fwVisits = append(w.s.fwVisits, fwVisit{ep: ep, hop: he, hdr: w.hdr, dir: w.dir, via: w.viaAttachment(ep.Subnet.VPC)})
	w.sgLost = true
	w.emit(ep.Subnet)
}

// viaAttachment returns the TGW attachment the packet entered vpc
// through, or nil.
func (w *walker) viaAttachment(vpc *topology.VPC) *topology.TGWAttachment {
	if w.lastAttachment != nil && w.lastAttachment.VPC == vpc {
		return w.lastAttachment
	}
	return nil
}

// toAppliance hands the packet to an appliance instance (a route target):
// its security groups apply, and with source/destination check on it
// refuses to forward traffic not addressed to it.
func (w *walker) toAppliance(from *topology.Subnet, h *Hop, inst *topology.Instance) {
	if !w.leave(from, h, inst.Subnet) {
		return
	}
	ha, ok := w.hop(inst.Addr(), inst.Kind(), "")
	if !ok {
		return
	}
	w.placeENI(ha, inst.Subnet)
	tracked := w.dir == dirReturn && w.s.appliances[inst]
	if !tracked {
		w.checkSGIngress(ha, inst)
	}
	if inst.SourceDestCheck && w.hdr.dst != inst.PrivateIP {
		w.block(ha, CodeENISourceDestCheck, fmt.Sprintf(
			"%s has source/destination check on and is asked to forward a packet for %s", inst.Addr(), w.hdr.dst))
	}
	if !tracked {
		w.checkSGEgress(ha, inst)
	}
	if w.dir == dirForward {
		w.s.appliances[inst] = true
	}
	w.sgLost = true
	w.emit(inst.Subnet)
}

// toPeering carries the packet over VPC peering p into the peer VPC,
// where it is delivered by the peer's local routes.
func (w *walker) toPeering(from *topology.Subnet, h *Hop, p *topology.VPCPeering) {
	peer := p.Peer(from.VPC)
	if peer == nil || !peer.Contains(w.hdr.dst) {
		name := "the peer VPC"
		if peer != nil {
			name = peer.Addr()
		}
		w.stop(h, CodePCXRequiresAddressInVPC, fmt.Sprintf("%s is not in %s: %s does not carry it",
			w.hdr.dst, name, p.Addr()))
		return
	}
	if !w.leave(from, h, nil) {
		return
	}
	hp, ok := w.hop(p.Addr(), "vpc_peering", "")
	if !ok {
		return
	}
	hp.VPC = peer.Addr()
	w.viaPeering = true
	w.gatewayVPC = peer
	w.local(nil, hp)
}
