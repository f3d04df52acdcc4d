package analyzer

import (
	"fmt"

	"github.com/vpcreach/vpcreach/topology"
)

// toVPCEndpoint hands the packet to the VPC endpoint a route targets: a
// Gateway endpoint delivers it to its service, a Gateway Load Balancer
// endpoint sends it through the appliance behind it and back out of its
// own subnet.
func (w *walker) toVPCEndpoint(from *topology.Subnet, h *Hop, e *topology.VPCEndpoint) {
	switch e.Type {
	case topology.EndpointGateway:
		w.toGatewayEndpoint(from, h, e)
	case topology.EndpointGWLB:
		w.toGWLBEndpoint(from, h, e)
	}
}

// toGatewayEndpoint carries the packet to the service of a Gateway
// endpoint (the route matched an entry of the service's prefix list):
// the walk arrives when the service is the walk's target.
func (w *walker) toGatewayEndpoint(from *topology.Subnet, h *Hop, e *topology.VPCEndpoint) {
	if !w.leave(from, h, nil) {
		return
	}
	he, ok := w.hop(e.Addr(), "vpc_endpoint", "")
	if !ok {
		return
	}
	he.VPC = e.VPC.Addr()
	if !e.VPC.Contains(w.hdr.src) {
		w.stop(he, CodeGatewayEndpointRequiresSourceInVPC, fmt.Sprintf(
			"%s serves only traffic from its own VPC %s; the packet comes from %s, which is outside it",
			e.Addr(), e.VPC.Addr(), w.hdr.src))
		return
	}
	t := w.target()
	if t.kind != epInternet || t.addr != w.hdr.dst {
		w.stop(he, CodeNoPossibleDestination, fmt.Sprintf("%s delivers the packet to its service %s, away from %s",
			e.Addr(), serviceName(e), t.name))
		return
	}
	if w.dir == dirForward {
		w.s.gatewayEndpoint = e
	}
	hs, ok := w.hop(serviceName(e), "aws_service", "arrive")
	if !ok {
		return
	}
	hs.OutboundHeader = nil
	w.done, w.reached = true, true
}

// serviceName is the service a Gateway endpoint reaches.
func serviceName(e *topology.VPCEndpoint) string {
	if e.ServiceName != "" {
		return e.ServiceName
	}
	return "the service of " + e.Addr()
}

// replyFromService starts the reply of a service reached through Gateway
// endpoint e: it enters the VPC at the endpoint and is delivered by the
// VPC's local routes.
func (w *walker) replyFromService(e *topology.VPCEndpoint) {
	h, ok := w.hop(serviceName(e), "aws_service", "")
	if !ok {
		return
	}
	h.InboundHeader = nil
	he, ok := w.hop(e.Addr(), "vpc_endpoint", "")
	if !ok {
		return
	}
	he.VPC = e.VPC.Addr()
	w.gatewayVPC = e.VPC
	w.local(nil, he)
}

// toGWLBEndpoint sends the packet through a Gateway Load Balancer
// endpoint: the load balancer hands it, encapsulated, to an appliance
// behind it (whose rules vpcreach does not know: it forwards), and the
// packet comes back out of the endpoint's subnet, routed by that subnet's
// route table. A stateful appliance must see both directions of a flow
// through the same endpoint (checkGWLBSymmetry).
func (w *walker) toGWLBEndpoint(from *topology.Subnet, h *Hop, e *topology.VPCEndpoint) {
	sub := e.Subnet()
	if !w.leave(from, h, sub) {
		return
	}
	he, ok := w.hop(e.Addr(), "vpc_endpoint", "")
	if !ok {
		return
	}
	w.placeENI(he, sub)
	app := e.Appliances[0]
	ha, ok := w.hop(app.Addr(), app.Kind(), "gwlb")
	if !ok {
		return
	}
	if app.Subnet != nil {
		w.placeENI(ha, app.Subnet)
		w.az = sub.AZ
	}
	if w.s.gwlbSeen == nil {
		w.s.gwlbSeen = map[*topology.VPCEndpoint][2]bool{}
	}
	seen, known := w.s.gwlbSeen[e]
	if !known {
		w.s.gwlbOrder = append(w.s.gwlbOrder, e)
	}
	seen[w.dir] = true
	w.s.gwlbSeen[e] = seen
	w.sgLost = true
	w.emit(sub)
}

// checkGWLBSymmetry makes the answer AMBIGUOUS when a Gateway Load
// Balancer endpoint saw one direction of the flow only: the appliance
// behind it then sees half a connection, which a stateful appliance
// drops and a stateless one may pass; vpcreach does not know which.
func (s *session) checkGWLBSymmetry(replied bool) {
	if !replied {
		return
	}
	for _, e := range s.gwlbOrder {
		seen := s.gwlbSeen[e]
		if seen[dirForward] && seen[dirReturn] {
			continue
		}
		only := "request"
		if seen[dirReturn] {
			only = "reply"
		}
		s.addDetail(&Finding{Code: CodeApplianceAsymmetricRouting, Component: e.Addr(), Message: fmt.Sprintf(
			"%s sees only the %s of the flow: the appliance behind it sees half a connection, which a stateful "+
				"appliance drops; route both directions through the same endpoint", e.Addr(), only)})
		s.ambiguous, s.pathAmbiguous = true, true
	}
}
