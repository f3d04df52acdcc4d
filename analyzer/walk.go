package analyzer

import (
	"fmt"

	"github.com/vpcreach/vpcreach/topology"
)

// direction is the direction of a walk: the request or the reply.
type direction uint8

const (
	dirForward direction = iota
	dirReturn
)

// String returns "forward" or "return", as findings name it.
func (d direction) String() string {
	if d == dirForward {
		return "forward"
	}
	return "return"
}

// defaultMaxHops bounds one walk (the request or the reply). Loops are
// found by state (see visitKey), not by length; the bound only keeps the
// cost of one walk bounded. A walk it cuts short was neither delivered nor
// looping, so its answer is undecided (HOP_LIMIT_EXCEEDED, AMBIGUOUS). Real
// designs take a few dozen hops; 1024 is far beyond them.
const defaultMaxHops = 1024

// visitKey identifies a hop and the state the packet is in there, for
// loop detection: the walk's next steps depend only on the component, the
// header and this state, so meeting the same key again means the packet
// would go round forever.
type visitKey struct {
	component string
	side      string
	hdr       header
	az        string
	// gatewayVPC, viaPeering, sgLost and lastAttachment are the walker's
	// state that later steps read.
	gatewayVPC     *topology.VPC
	viaPeering     bool
	sgLost         bool
	lastAttachment *topology.TGWAttachment
}

// walker walks one packet (the request or the reply) hop by hop. It stops
// at the first finding that leaves the packet nowhere to go (no route, a
// blackhole, ...) and records filtering blocks (security groups, network
// ACLs) without stopping, so that every blocker is reported.
type walker struct {
	s    *session
	dir  direction
	hdr  header
	az   string
	hops []*Hop
	// seen lists the hops passed, for loop detection; walks are short, so
	// a linear search beats a map.
	seen []visitKey
	// free is a chunk of hops handed out one by one; cur is the JSON form
	// of curHdr, shared by hops while the header does not change.
	free   []Hop
	cur    *Header
	curHdr header

	// gatewayVPC is the VPC a packet coming from a gateway (IGW, peering)
	// is routed in.
	gatewayVPC *topology.VPC
	viaPeering bool // arrived over VPC peering (NAT gateways refuse it)
	sgLost     bool // crossed a middlebox, NAT or TGW: SG references no longer match
	// lastAttachment is the TGW attachment the packet last entered a VPC
	// through, or nil.
	lastAttachment *topology.TGWAttachment

	done    bool // the walk ended: reached, or stopped by a finding
	reached bool // the packet got where it was going
	// cut is set when the walk stopped at the hop limit: the packet was
	// neither delivered nor blocked, so the answer is undecided.
	cut bool
}

func newWalker(s *session, dir direction, hdr header, az string) *walker {
	return &walker{s: s, dir: dir, hdr: hdr, az: az, seen: make([]visitKey, 0, 32)}
}

// newHop returns a zeroed hop from the current chunk.
func (w *walker) newHop() *Hop {
	if len(w.free) == 0 {
		w.free = make([]Hop, 16)
	}
	h := &w.free[0]
	w.free = w.free[1:]
	return h
}

// headerJSON returns the JSON form of the current header; hops share it
// until the header changes (it is never modified in place).
func (w *walker) headerJSON() *Header {
	if w.cur == nil || w.curHdr != w.hdr {
		w.cur, w.curHdr = w.hdr.json(), w.hdr
	}
	return w.cur
}

// visited reports whether key was passed already, and records it.
func (w *walker) visited(key visitKey) bool {
	for _, k := range w.seen {
		if k == key {
			return true
		}
	}
	w.seen = append(w.seen, key)
	return false
}

// hop appends a hop for a component, with the current header as both
// inbound and outbound header; callers adjust them. It reports false, and
// ends the walk, when the packet comes back to a hop it already passed in
// the same state (ROUTING_LOOP), or when the walk grows past the hop limit
// (HOP_LIMIT_EXCEEDED: an informational finding that makes the answer
// AMBIGUOUS, since the packet neither arrived nor looped).
func (w *walker) hop(component, typ, side string) (*Hop, bool) {
	h := w.newHop()
	h.Sequence, h.Component, h.Type = len(w.hops)+1, component, typ
	h.InboundHeader, h.OutboundHeader = w.headerJSON(), w.headerJSON()
	w.hops = append(w.hops, h)
	key := visitKey{component: component, side: side, hdr: w.hdr, az: w.az, gatewayVPC: w.gatewayVPC,
		viaPeering: w.viaPeering, sgLost: w.sgLost, lastAttachment: w.lastAttachment}
	if w.visited(key) {
		w.stop(h, CodeRoutingLoop, fmt.Sprintf("the packet %s comes back to %s with the same header: it loops",
			w.hdr, component))
		return h, false
	}
	if limit := w.s.n.hopLimit(); len(w.hops) > limit {
		w.done, w.cut = true, true
		w.detail(CodeHopLimitExceeded, component, fmt.Sprintf(
			"the %s path reaches %s after %d hops without arriving or looping: vpcreach follows at most %d hops "+
				"per direction, so the answer is undecided", w.dir, component, limit, limit))
		return h, false
	}
	return h, true
}

// subnetHop appends a hop for a packet entering ("ingress") or leaving
// ("egress") subnet s.
func (w *walker) subnetHop(s *topology.Subnet, side string) (*Hop, bool) {
	h, ok := w.hop(s.Addr(), "subnet", side)
	h.Direction = side
	h.VPC, h.AvailabilityZone = s.VPC.Addr(), s.AZ
	w.az = s.AZ
	return h, ok
}

// finding records a finding of this walk's direction.
func (w *walker) finding(code, component, msg string) *Finding {
	f := &Finding{Code: code, Direction: w.dir.String(), Component: component, Message: msg}
	w.s.explanations = append(w.s.explanations, f)
	if r := w.s.rec; r != nil {
		r.findingAt = append(r.findingAt, len(r.sg)+len(r.acl))
	}
	return f
}

// block records a blocking finding at h; the walk goes on.
func (w *walker) block(h *Hop, code, msg string) *Finding {
	h.Blocked = true
	return w.finding(code, h.Component, msg)
}

// stop records a blocking finding at h and ends the walk.
func (w *walker) stop(h *Hop, code, msg string) *Finding {
	w.done = true
	return w.block(h, code, msg)
}

// detail records an informational finding (once per code and component).
func (w *walker) detail(code, component, msg string) *Finding {
	return w.s.addDetail(&Finding{Code: code, Direction: w.dir.String(), Component: component, Message: msg})
}

// emit sends the packet from an ENI of subnet s (an instance, a NAT
// gateway, a firewall endpoint, a TGW attachment's ENI): within the subnet
// it is delivered directly, otherwise the subnet's route table decides.
func (w *walker) emit(s *topology.Subnet) {
	if w.done {
		return
	}
	if s.CIDR.Contains(w.hdr.dst) {
		h, ok := w.subnetHop(s, "egress")
		if !ok {
			return
		}
		h.Route = &RouteInfo{RouteTable: s.RouteTable.Addr(), Destination: s.CIDR.String(),
			Target: "local", Origin: "same-subnet"}
		w.deliver(s, h)
		return
	}
	h, ok := w.subnetHop(s, "egress")
	if !ok {
		return
	}
	rt := s.RouteTable
	route := w.s.n.lookupRoute(rt, w.hdr.dst)
	if route == nil {
		code := CodeNoRouteToDestination
		if w.dir == dirReturn {
			code = CodeNoReturnRoute
		}
		f := w.stop(h, code, fmt.Sprintf("%s (of %s) has no route for %s", rt.Addr(), s.Addr(), w.hdr.dst))
		f.Route = &RouteInfo{RouteTable: rt.Addr()}
		return
	}
	h.Route = routeInfo(rt, route)
	w.follow(s, h, rt, route)
}

// follow sends the packet, leaving subnet from (nil for a gateway), to the
// target of route (of table rt), recorded at hop h.
func (w *walker) follow(from *topology.Subnet, h *Hop, rt *topology.RouteTable, route *topology.Route) {
	t := route.Target
	switch t.Kind {
	case topology.TargetLocal:
		w.local(from, h)
	case topology.TargetBlackhole:
		msg := fmt.Sprintf("route %s in %s is a blackhole", routeDest(route), rt.Addr())
		if route.Note != "" {
			msg += " (" + route.Note + ")"
		}
		f := w.stop(h, CodeBlackholeRoute, msg)
		f.Route = h.Route
	case topology.TargetInternetGateway:
		w.leave(from, h, nil)
		w.igwEgress(t.InternetGateway)
	case topology.TargetNATGateway:
		w.toNAT(from, h, t.NATGateway)
	case topology.TargetFirewallEndpoint:
		w.toFirewallEndpoint(from, h, t.FirewallEndpoint)
	case topology.TargetTransitGateway:
		w.toTGW(from, h, t.TransitGateway)
	case topology.TargetInstance:
		w.toAppliance(from, h, t.Instance)
	case topology.TargetVPCPeering:
		w.toPeering(from, h, t.VPCPeering)
	case topology.TargetVPCEndpoint:
		w.toVPCEndpoint(from, h, t.VPCEndpoint)
	}
}

// local delivers the packet inside the VPC of from (or, for a gateway,
// the VPC it routes for) to the subnet holding the destination.
func (w *walker) local(from *topology.Subnet, h *Hop) {
	vpc := w.vpcOf(from)
	d := vpc.SubnetFor(w.hdr.dst)
	if d == nil {
		w.stop(h, CodeNoPossibleDestination, fmt.Sprintf("no subnet of %s holds %s", vpc.Addr(), w.hdr.dst))
		return
	}
	if !w.leave(from, h, d) {
		return
	}
	w.deliver(d, w.hops[len(w.hops)-1])
}

// vpcOf returns the VPC the packet is in: from's, or the current gateway's.
func (w *walker) vpcOf(from *topology.Subnet) *topology.VPC {
	if from != nil {
		return from.VPC
	}
	return w.gatewayVPC
}

// leave moves the packet out of subnet from (network ACL egress, recorded
// at hop h) and, when to is another subnet, into it (a new ingress hop with
// its network ACL). from is nil for packets coming from a gateway. It
// reports false when the walk ended.
func (w *walker) leave(from *topology.Subnet, h *Hop, to *topology.Subnet) bool {
	if from != nil && from != to {
		w.checkACL(from, h, true)
	}
	if to != nil && to != from {
		hin, ok := w.subnetHop(to, "ingress")
		if !ok {
			return false
		}
		w.checkACL(to, hin, false)
	}
	return !w.done
}

// routeInfo renders a route of rt.
func routeInfo(rt *topology.RouteTable, r *topology.Route) *RouteInfo {
	info := &RouteInfo{RouteTable: rt.Addr(), Destination: r.Destination.String(), Target: r.Target.String()}
	if r.PrefixList != nil {
		info.PrefixList = r.PrefixList.Addr()
	}
	if r.Origin == topology.OriginLocal {
		info.Origin = "local"
	} else {
		info.Location = location(r.Range.Filename, r.Range.Start.Line)
	}
	return info
}

// location renders "FILE:LINE", or "" for an unknown position.
func location(file string, line int) string {
	if file == "" {
		return ""
	}
	return fmt.Sprintf("%s:%d", file, line)
}

// routeDest renders a route's destination for messages: the CIDR, and the
// prefix list it is an entry of.
func routeDest(r *topology.Route) string {
	if r.PrefixList != nil {
		return r.Destination.String() + " (" + r.PrefixList.Addr() + ")"
	}
	return r.Destination.String()
}
