package analyzer

import (
	"net/netip"

	"github.com/vpcreach/vpcreach/topology"
)

// session is the state of one query shared by its forward and return
// walks: the NAT translations and transit-gateway AZ choices of the
// forward walk (the reply undoes and follows them), the firewall endpoints
// crossed, and the findings.
type session struct {
	n          *Network
	q          Query // normalized; Port is set
	app        string
	appAssumed bool
	src, dst   endpoint

	nats     map[*topology.NATGateway]natBinding
	pins     map[*topology.TGWAttachment]string
	fwVisits []fwVisit
	// appliances crossed by the forward walk: their connection tracking
	// admits the reply.
	appliances map[*topology.Instance]bool

	// gatewayEndpoint is the Gateway endpoint whose service the request
	// reached: the reply comes back through it.
	gatewayEndpoint *topology.VPCEndpoint
	// gwlbSeen records which directions crossed each Gateway Load
	// Balancer endpoint, in the order first crossed (gwlbOrder).
	gwlbSeen  map[*topology.VPCEndpoint][2]bool
	gwlbOrder []*topology.VPCEndpoint

	explanations []*Finding
	details      []*Finding
	detailSeen   map[string]bool
	// ambiguous is set when part of the answer cannot be decided;
	// aclAmbiguous when a network ACL on the reply's NAT ports is why.
	// pathAmbiguous when a Gateway Load Balancer endpoint saw one
	// direction only (no destination port changes either).
	ambiguous, aclAmbiguous, pathAmbiguous bool

	// judged are the firewall endpoints' judgements (evaluateFirewalls).
	judged []*endpointJudgement
	// rec, when set, collects the port-dependent checks (see probe).
	rec *portRecord
}

// natBinding is one translation a NAT gateway made on the forward path.
type natBinding struct {
	before, after header
}

// fwVisit is one pass of a packet through a firewall endpoint.
type fwVisit struct {
	ep  *topology.FirewallEndpoint
	hop *Hop
	hdr header
	dir direction
	// via is the TGW attachment the packet entered the endpoint's VPC
	// through, or nil.
	via *topology.TGWAttachment
}

func newSession(n *Network, q Query, src, dst endpoint) *session {
	return &session{n: n, q: q, src: src, dst: dst,
		nats: map[*topology.NATGateway]natBinding{}, pins: map[*topology.TGWAttachment]string{},
		appliances: map[*topology.Instance]bool{}, detailSeen: map[string]bool{}}
}

// addDetail records an additional detail unless the same code was already
// recorded for the same component and direction.
func (s *session) addDetail(f *Finding) *Finding {
	key := f.Code + "|" + f.Component + "|" + f.Direction + "|" + f.Message
	if s.detailSeen[key] {
		return f
	}
	s.detailSeen[key] = true
	s.details = append(s.details, f)
	return f
}

// isDestination reports whether a packet addressed to a in subnet d has
// reached the query's destination.
func (s *session) isDestination(d *topology.Subnet, a netip.Addr) bool {
	return endpointAt(s.dst, d, a)
}

// isSource reports whether a reply addressed to a in subnet d is back at
// the query's source.
func (s *session) isSource(d *topology.Subnet, a netip.Addr) bool {
	return endpointAt(s.src, d, a)
}

func endpointAt(e endpoint, d *topology.Subnet, a netip.Addr) bool {
	switch e.kind {
	case epInstance:
		return e.instance.Subnet == d && e.instance.PrivateIP == a
	case epNAT:
		return e.nat.Subnet == d && e.nat.PrivateIP == a
	case epSubnet:
		return e.subnet == d && e.addr == a
	}
	return false
}

// privateAddr is the address an endpoint has inside its VPC.
func (e endpoint) privateAddr() netip.Addr {
	switch e.kind {
	case epInstance:
		return e.instance.PrivateIP
	case epNAT:
		return e.nat.PrivateIP
	}
	return e.addr
}
