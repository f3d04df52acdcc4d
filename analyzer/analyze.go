package analyzer

import (
	"errors"
	"fmt"
	"net/netip"
	"sort"
	"strings"
)

// AnalyzePath answers one path query: the forward path from the source to
// the destination, the return path of the reply, every blocking finding
// and the informational details. Without a destination port (TCP or UDP)
// the answer covers every port as ranges (Analysis.PortRanges). The error
// is for a query that cannot be asked, not for an unreachable destination:
// an *EndpointError, a *ProtocolError or ErrBothInternet.
func (n *Network) AnalyzePath(q Query) (*Analysis, error) {
	q, src, dst, cidr, err := n.resolve(q)
	switch {
	case err != nil:
		return nil, err
	case cidr.IsValid():
		return n.analyzeAddressRanges(q, src, cidr), nil
	case !q.HasPort:
		return n.analyzeAllPorts(q, src, dst), nil
	}
	return n.analyzeOne(q, src, dst), nil
}

// resolve normalizes q and resolves its ends. When q.To is a CIDR block
// (not a single address), it is returned as cidr and dst is unset.
func (n *Network) resolve(q Query) (_ Query, src, dst endpoint, cidr netip.Prefix, err error) {
	q, err = q.normalize()
	if err != nil {
		return q, src, dst, cidr, err
	}
	src, err = n.resolveEndpoint(q.From, true)
	if err != nil {
		return q, src, dst, cidr, &EndpointError{End: Source, Spec: q.From, Err: err}
	}
	if p, err := netip.ParsePrefix(strings.TrimSpace(q.To)); err == nil && p.Bits() < p.Addr().BitLen() {
		p = p.Masked()
		if src.kind == epInternet && !p.Addr().IsPrivate() && (p.Addr().Is4() || vpcHolding(n.topo, p.Addr()) == nil) {
			return q, src, dst, cidr, ErrBothInternet
		}
		src = n.internetOfFamily(src, p.Addr())
		if src.addr.Is4() != p.Addr().Is4() {
			return q, src, dst, cidr, familyError(src.addr, p.Addr())
		}
		return q, src, dst, p, nil
	}
	dst, err = n.resolveEndpoint(q.To, false)
	if err != nil {
		return q, src, dst, cidr, &EndpointError{End: Destination, Spec: q.To, Err: err}
	}
	switch {
	case src.kind == epInternet && dst.kind == epInternet:
		return q, src, dst, cidr, ErrBothInternet
	case sameEndpoint(src, dst):
		return q, src, dst, cidr, errSameEndpoint
	}
	src, dst = n.internetOfFamily(src, dst.addr), n.internetOfFamily(dst, src.addr)
	if src.addr.Is4() != dst.addr.Is4() {
		return q, src, dst, cidr, familyError(src.addr, dst.addr)
	}
	return q, src, dst, cidr, nil
}

var (
	// errSameEndpoint refuses a path from an endpoint to itself, as the
	// matrix leaves such cells NOT_APPLICABLE: a host's traffic to its own
	// address never leaves it, so no route, ACL, security group or
	// firewall of the network applies.
	errSameEndpoint = errors.New("the source and the destination are the same endpoint: " +
		"its traffic to itself never reaches the network, so there is no path to analyse")
)

// sameEndpoint reports whether src and dst are one ENI (the same instance,
// whichever of its addresses names it) or one address.
func sameEndpoint(src, dst endpoint) bool {
	if src.kind == epInstance && dst.kind == epInstance {
		return src.instance == dst.instance
	}
	return src.kind != epInternet && src.addr == dst.addr
}

// internetOfFamily returns e with the IPv6 stand-in for the internet when
// e is the IPv4 one (n.internet) and the other end of the path is IPv6.
func (n *Network) internetOfFamily(e endpoint, other netip.Addr) endpoint {
	if e.kind == epInternet && e.addr == n.internet && other.Is6() {
		e.addr = n.internet6
	}
	return e
}

// familyError refuses a path whose ends are of different address families.
func familyError(src, dst netip.Addr) error {
	fam := func(a netip.Addr) string {
		if a.Is4() {
			return "IPv4"
		}
		return "IPv6"
	}
	return fmt.Errorf("the source %s is %s and the destination %s is %s: a packet has one address family",
		src, fam(src), dst, fam(dst))
}

// analyzeOne answers a query with a destination port.
func (n *Network) analyzeOne(q Query, src, dst endpoint) *Analysis {
	a, _ := n.analyze(q, src, dst, false)
	return a
}

// analyze answers a query with a destination port; with probing it also
// returns the probe that decides other destination ports on the same
// path.
func (n *Network) analyze(q Query, src, dst endpoint, probing bool) (*Analysis, *probe) {
	s := newSession(n, q, src, dst)
	if probing {
		s.rec = &portRecord{}
	}
	s.app, s.appAssumed = chooseApp(q)
	hdr := header{src: src.addr, dst: destinationAddr(src, dst), proto: q.Protocol, sport: q.SourcePort, dport: q.Port}
	fwd := newWalker(s, dirForward, hdr, "")
	fwd.startForward()
	var ret *walker
	if fwd.reached {
		ret = newWalker(s, dirReturn, fwd.hdr.reply(), "")
		ret.startReturn()
	} else {
		s.addDetail(&Finding{Code: CodeUnidirectionalPathAnalysisOnly, Direction: dirReturn.String(),
			Message: "the request does not reach the destination, so the reply path was not analysed; " +
				"it may hold more blockers"})
	}
	s.checkGWLBSymmetry(ret != nil && !walkCut(fwd, ret))
	if s.rec != nil {
		s.rec.walkFindings, s.rec.walkDetails = len(s.explanations), len(s.details)
	}
	if !walkCut(fwd, ret) {
		// A walk cut at the hop limit leaves the firewalls' view of the
		// flow unknown: no judgement is better than a wrong one.
		s.evaluateFirewalls()
	}
	var pr *probe
	if probing {
		pr = newProbe(s, fwd, ret) // before the findings are sorted
	}
	if s.appAssumed && len(s.fwVisits) > 0 {
		s.addDetail(&Finding{Code: CodeAssumedAppProtocol, Message: assumedAppMessage(q, s.app)})
	}
	a := &Analysis{SchemaVersion: SchemaVersion, Query: queryInfo(q, s.app),
		Answer: Answer{ForwardPath: fwd.hops, ReturnPath: []*Hop{},
			Explanations: s.explanations, AdditionalDetails: s.details}}
	if ret != nil {
		a.ReturnPath = ret.hops
	}
	sortFindings(a)
	a.Verdict = verdictOf(s, fwd, ret)
	a.Reachable = a.Verdict == Reachable
	if a.Explanations == nil {
		a.Explanations = []*Finding{}
	}
	if a.AdditionalDetails == nil {
		a.AdditionalDetails = []*Finding{}
	}
	return a, pr
}

// verdictOf decides from the findings and the walks: any blocking finding,
// or a walk that did not arrive, is NOT_REACHABLE, except that a walk cut
// at the hop limit with nothing blocking before it is AMBIGUOUS.
func verdictOf(s *session, fwd, ret *walker) Verdict {
	switch {
	case len(s.explanations) > 0:
		return NotReachable
	case walkCut(fwd, ret):
		return Ambiguous
	case !fwd.reached || ret == nil || !ret.reached:
		return NotReachable
	case s.ambiguous:
		return Ambiguous
	}
	return Reachable
}

// walkCut reports whether the request (or, once it arrived, the reply)
// walk stopped at the hop limit.
func walkCut(fwd, ret *walker) bool {
	return fwd.cut || (ret != nil && ret.cut)
}

// destinationAddr is the address the request is sent to: an instance's
// public IP when the source is on the internet.
func destinationAddr(src, dst endpoint) netip.Addr {
	if src.kind != epInternet || dst.addr != dst.privateAddr() {
		return dst.addr
	}
	switch {
	case dst.kind == epInstance && dst.instance.PublicIP.IsValid():
		return dst.instance.PublicIP
	case dst.kind == epNAT && dst.nat.PublicIP.IsValid():
		return dst.nat.PublicIP
	}
	return dst.addr
}

// chooseApp returns the application protocol of the query and whether it
// was assumed: inferred from the destination port, and not already stated
// by --sni (TLS) or --http-host (HTTP).
func chooseApp(q Query) (string, bool) {
	if q.App != "" {
		return q.App, false
	}
	if app, ok := appByPort(q.Protocol, q.Port); ok {
		stated := (app == "tls" && q.SNI != "") || (app == "http" && q.HTTPHost != "")
		return app, !stated
	}
	if q.Protocol.HasPorts() {
		return "raw", true
	}
	return "", false
}

func assumedAppMessage(q Query, app string) string {
	if app == "raw" {
		return fmt.Sprintf("destination port %d has no well-known application protocol: the payload is taken "+
			"as none Suricata recognises; pass --app to change", q.Port)
	}
	return fmt.Sprintf("destination port %d taken as %s; pass --app to change", q.Port, strings.ToUpper(app))
}

func queryInfo(q Query, app string) QueryInfo {
	info := QueryInfo{Source: q.From, Destination: q.To, Protocol: q.Protocol.String(),
		AppProtocol: app, SNI: q.SNI, HTTPHost: q.HTTPHost}
	if q.Protocol.HasPorts() {
		sp := int(q.SourcePort)
		info.SourcePort = &sp
		if q.HasPort {
			dp := int(q.Port)
			info.DestinationPort = &dp
		}
	}
	return info
}

// sortFindings orders findings by path: forward before return, then by
// the position of their component on that path.
func sortFindings(a *Analysis) {
	sortFindingsOn(a.ForwardPath, a.ReturnPath, a.Explanations)
	sortFindingsOn(a.ForwardPath, a.ReturnPath, a.AdditionalDetails)
}

// sortFindingsOn orders fs (stably) by direction, then by the sequence of
// the first hop of their component on the forward (fwd) or return (ret)
// path; a finding whose component is not on the path goes last.
func sortFindingsOn(fwd, ret []*Hop, fs []*Finding) {
	pos := func(f *Finding) (int, int) {
		path, d := fwd, 0
		if f.Direction == dirReturn.String() {
			path, d = ret, 1
		}
		for _, h := range path {
			if h.Component == f.Component {
				return d, h.Sequence
			}
		}
		return d, len(path) + 1
	}
	sort.SliceStable(fs, func(i, j int) bool {
		di, si := pos(fs[i])
		dj, sj := pos(fs[j])
		if di != dj {
			return di < dj
		}
		return si < sj
	})
}
