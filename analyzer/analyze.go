package analyzer

import (
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
		if src.kind == epInternet && !p.Addr().IsPrivate() {
			return q, src, dst, cidr, ErrBothInternet
		}
		return q, src, dst, p, nil
	}
	dst, err = n.resolveEndpoint(q.To, false)
	if err != nil {
		return q, src, dst, cidr, &EndpointError{End: Destination, Spec: q.To, Err: err}
	}
	if src.kind == epInternet && dst.kind == epInternet {
		return q, src, dst, cidr, ErrBothInternet
	}
	return q, src, dst, cidr, nil
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
	if s.rec != nil {
		s.rec.walkFindings, s.rec.walkDetails = len(s.explanations), len(s.details)
	}
	s.evaluateFirewalls()
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

func verdictOf(s *session, fwd, ret *walker) Verdict {
	switch {
	case len(s.explanations) > 0 || !fwd.reached || ret == nil || !ret.reached:
		return NotReachable
	case s.ambiguous:
		return Ambiguous
	}
	return Reachable
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
// was inferred from the destination port.
func chooseApp(q Query) (string, bool) {
	if q.App != "" {
		return q.App, false
	}
	if app, ok := appByPort(q.Protocol, q.Port); ok {
		return app, true
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
