package analyzer

import (
	"fmt"
	"net/netip"
	"sort"

	"go4.org/netipx"

	"github.com/vpcreach/vpcreach/rules"
	"github.com/vpcreach/vpcreach/topology"
)

// AddressRangeResult is the answer for one class of destination addresses
// of a query whose destination is a CIDR.
type AddressRangeResult struct {
	From string
	To   string
	// CIDRs covers From-To exactly.
	CIDRs []string
	// Destination is what the addresses are: an instance, a subnet, the
	// internet, or "" when no subnet holds them.
	Destination string
	Answer
	PortRanges []*PortRangeResult
}

// analyzeAddressRanges answers a query whose destination is a CIDR: the
// CIDR is split into classes of addresses that every route, subnet, ENI,
// ACL and SG CIDR and firewall rule treats alike; each class is answered
// for one representative address (every port when the query gives none),
// and neighbouring classes answered alike are merged.
func (n *Network) analyzeAddressRanges(q Query, src endpoint, dst netip.Prefix) *Analysis {
	var out []*AddressRangeResult
	var lastSig uint64
	for _, r := range n.addressClasses(dst) {
		res := n.analyzeAddressClass(q, src, r)
		sig := addressSignature(res)
		if len(out) > 0 && sig == lastSig {
			merged := out[len(out)-1]
			rng := netipx.IPRangeFrom(netip.MustParseAddr(merged.From), r.To())
			merged.To, merged.CIDRs = r.To().String(), prefixStrings(rng.Prefixes())
			continue
		}
		lastSig = sig
		out = append(out, res)
	}
	return summarizeAddresses(q, out)
}

// analyzeAddressClass answers one class of addresses through its first
// usable address.
func (n *Network) analyzeAddressClass(q Query, src endpoint, r netipx.IPRange) *AddressRangeResult {
	res := &AddressRangeResult{From: r.From().String(), To: r.To().String(), CIDRs: prefixStrings(r.Prefixes()),
		Answer: Answer{ForwardPath: []*Hop{}, ReturnPath: []*Hop{}, Explanations: []*Finding{}, AdditionalDetails: []*Finding{}}}
	rep := r.From()
	if s := n.reservedSubnet(rep); s != nil {
		res.Verdict, res.Destination = NotReachable, s.Addr()
		res.Explanations = []*Finding{{Code: CodeNoPossibleDestination, Direction: dirForward.String(),
			Component: s.Addr(), Message: fmt.Sprintf("%s reserved by AWS in %s: no ENI can hold them",
				spanVerb(r), s.Addr())}}
		return res
	}
	cq := q
	cq.To = rep.String()
	dst, err := n.resolveAddr(rep, cq.To, false)
	if err == nil && sameEndpoint(src, dst) {
		err = errSameEndpoint
	}
	if err != nil {
		res.Verdict = NotReachable
		res.Explanations = []*Finding{{Code: CodeNoPossibleDestination, Direction: dirForward.String(),
			Message: fmt.Sprintf("no destination for %s: %v", spanText(r), err)}}
		return res
	}
	res.Destination = endpointComponent(dst)
	var a *Analysis
	if q.HasPort {
		a = n.analyzeOne(cq, src, dst)
	} else {
		a = n.analyzeAllPorts(cq, src, dst)
		res.PortRanges = a.PortRanges
	}
	res.Answer = a.Answer
	return res
}

// addressSignature identifies what decided an address class: its
// destination, its answer and its port ranges.
func addressSignature(r *AddressRangeResult) uint64 {
	s := newSigHash()
	s.str(r.Destination)
	s.num(int64(signature(&Analysis{Answer: r.Answer})))
	for _, pr := range r.PortRanges {
		s.str(string(pr.Verdict))
		s.num(int64(pr.From))
		s.num(int64(pr.To))
	}
	return s.h
}

// summarizeAddresses builds the top-level answer of a CIDR query (see
// summarize).
func summarizeAddresses(q Query, rs []*AddressRangeResult) *Analysis {
	answers := make([]Answer, len(rs))
	for i, r := range rs {
		answers[i] = r.Answer
	}
	return &Analysis{SchemaVersion: SchemaVersion, Query: queryInfo(q, ""), Answer: summarize(answers), AddressRanges: rs}
}

// addressClasses splits dst at every boundary that a prefix of the
// topology or a firewall rule's address set draws inside it.
func (n *Network) addressClasses(dst netip.Prefix) []netipx.IPRange {
	full := netipx.RangeOfPrefix(dst.Masked())
	bounds := map[netip.Addr]bool{full.From(): true}
	add := func(r netipx.IPRange) {
		if !r.IsValid() || r.To().Less(full.From()) || full.To().Less(r.From()) {
			return
		}
		if full.From().Less(r.From()) {
			bounds[r.From()] = true
		}
		if next := r.To().Next(); next.IsValid() && next.Compare(full.To()) <= 0 {
			bounds[next] = true
		}
	}
	for _, p := range n.classPrefixes() {
		add(netipx.RangeOfPrefix(p))
	}
	for _, sub := range n.topo.Subnets {
		for _, r := range reservedRanges(sub) {
			add(r)
		}
	}
	lo := sort.Search(len(n.ruleBounds), func(i int) bool { return !n.ruleBounds[i].Less(full.From()) })
	for i := lo; i < len(n.ruleBounds) && n.ruleBounds[i].Compare(full.To()) <= 0; i++ {
		bounds[n.ruleBounds[i]] = true
	}
	starts := make([]netip.Addr, 0, len(bounds))
	for b := range bounds {
		starts = append(starts, b)
	}
	sort.Slice(starts, func(i, j int) bool { return starts[i].Less(starts[j]) })
	out := make([]netipx.IPRange, len(starts))
	for i, s := range starts {
		end := full.To()
		if i+1 < len(starts) {
			end = starts[i+1].Prev()
		}
		out[i] = netipx.IPRangeFrom(s, end)
	}
	return out
}

// classPrefixes lists the prefixes that separate destination addresses:
// the topology's CIDRs (VPCs, subnets, routes, ACLs, SGs, IP sets) and
// every ENI's private and public address.
func (n *Network) classPrefixes() []netip.Prefix {
	ps := topologyPrefixes(n.topo)
	host := func(a netip.Addr) {
		if a.IsValid() {
			ps = append(ps, netip.PrefixFrom(a, a.BitLen()))
		}
	}
	for _, s := range n.topo.Subnets {
		ps = append(ps, s.CIDR)
	}
	for _, i := range n.topo.Instances {
		host(i.PrivateIP)
	}
	for _, g := range n.topo.NATGateways {
		host(g.PrivateIP)
	}
	return ps
}

// reservedRanges returns the addresses AWS reserves in subnet s: the
// first four and the last.
func reservedRanges(s *topology.Subnet) []netipx.IPRange {
	first := s.CIDR.Masked().Addr()
	fourth := first.Next().Next().Next()
	last := netipx.PrefixLastIP(s.CIDR)
	return []netipx.IPRange{netipx.IPRangeFrom(first, fourth), netipx.IPRangeFrom(last, last)}
}

// reservedSubnet returns the subnet in which AWS reserves a, or nil.
func (n *Network) reservedSubnet(a netip.Addr) *topology.Subnet {
	for _, s := range n.topo.SubnetsContaining(a) {
		for _, r := range reservedRanges(s) {
			if r.Contains(a) {
				return s
			}
		}
	}
	return nil
}

// spanText renders a range as "A" or "A-B".
func spanText(r netipx.IPRange) string {
	if r.From() == r.To() {
		return r.From().String()
	}
	return r.From().String() + "-" + r.To().String()
}

// spanVerb renders "A is" or "A-B are".
func spanVerb(r netipx.IPRange) string {
	if r.From() == r.To() {
		return r.From().String() + " is"
	}
	return spanText(r) + " are"
}

func prefixStrings(ps []netip.Prefix) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

// ruleAddrBounds returns the sorted, distinct addresses where the address
// sets of the rules start or end+1.
func ruleAddrBounds(rs []*rules.Rule) []netip.Addr {
	seen := map[netip.Addr]bool{}
	for _, r := range rs {
		for _, set := range []*netipx.IPSet{r.Src, r.Dst} {
			if set == nil {
				continue
			}
			for _, rg := range set.Ranges() {
				seen[rg.From()] = true
				if next := rg.To().Next(); next.IsValid() {
					seen[next] = true
				}
			}
		}
	}
	out := make([]netip.Addr, 0, len(seen))
	for a := range seen {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Less(out[j]) })
	return out
}
