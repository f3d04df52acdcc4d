package analyzer

import (
	"slices"

	"github.com/vpcreach/vpcreach/internal/par"
	"github.com/vpcreach/vpcreach/ports"
	"github.com/vpcreach/vpcreach/topology"
)

// analyzeAllPorts answers a TCP or UDP query without a destination port:
// routing does not depend on ports, so one probe walk finds the path and
// records its port-dependent checks; their ACL, SG and firewall rules split
// 0-65535 into classes that every component treats alike (well-known
// application ports are classes of their own where a firewall inspects, so
// app inference is not smeared across a class); each class is decided from
// the probe, neighbouring classes decided alike are merged, and each
// merged range is answered in full through its first port.
func (n *Network) analyzeAllPorts(q Query, src, dst endpoint) *Analysis {
	first, _, ranges, _ := n.planPorts(q, src, dst)
	par.Do(len(ranges), func(i int) {
		r := ranges[i]
		a := first
		if r.From != 0 {
			cq := q
			cq.Port, cq.HasPort = uint16(r.From), true
			a = n.analyzeOne(cq, src, dst)
		}
		r.Answer = a.Answer
	})
	return summarizeRanges(q, ranges)
}

// planPorts walks the probe of an all-ports query and splits 0-65535 into
// ranges decided alike: it returns the probe's analysis (that of port 0),
// the probe, the ranges with their verdicts and application protocols
// (their answers unset), and what decided each range's first port.
func (n *Network) planPorts(q Query, src, dst endpoint) (*Analysis, *probe, []*PortRangeResult, []*classSig) {
	q0 := q
	q0.Port, q0.HasPort = 0, true
	first, pr := n.analyze(q0, src, dst, true)
	classes := portClasses(n.pathBoundaries(first, pr, q.Protocol))

	sigs := make([]*classSig, len(classes))
	verdicts := make([]Verdict, len(classes))
	par.Do(len(classes), func(i int) {
		verdicts[i], sigs[i] = n.classVerdict(pr, classes[i].Lo)
	})
	var ranges []*PortRangeResult
	var rangeSigs []*classSig
	for i, c := range classes {
		app := rangeApp(q, c.Lo, c.Hi)
		if i > 0 && sigs[i].equal(sigs[i-1]) {
			last := ranges[len(ranges)-1]
			last.To = int(c.Hi)
			if last.AppProtocol != app {
				last.AppProtocol = "" // the merged ports carry different protocols
			}
			continue
		}
		r := &PortRangeResult{From: int(c.Lo), To: int(c.Hi), AppProtocol: app}
		r.Verdict = verdicts[i]
		ranges, rangeSigs = append(ranges, r), append(rangeSigs, sigs[i])
	}
	return first, pr, ranges, rangeSigs
}

// summarizeRanges builds the top-level answer of an all-ports query (see
// summarize).
func summarizeRanges(q Query, ranges []*PortRangeResult) *Analysis {
	answers := make([]Answer, len(ranges))
	for i, r := range ranges {
		answers[i] = r.Answer
	}
	return &Analysis{SchemaVersion: SchemaVersion, Query: queryInfo(q, ""), Answer: summarize(answers), PortRanges: ranges}
}

// summarize is the answer of a query answered per class (of ports or
// addresses): REACHABLE when some class is (the first such class's paths
// and findings), else AMBIGUOUS when some class is, else NOT_REACHABLE
// (the first class's).
func summarize(answers []Answer) Answer {
	pick := answers[0]
	for _, a := range answers {
		if a.Verdict == Reachable {
			return a
		}
		if a.Verdict == Ambiguous && pick.Verdict == NotReachable {
			pick = a
		}
	}
	return pick
}

// pathBoundaries collects the port boundaries drawn by the components a
// walk crossed: network ACLs of the subnets, security groups of the
// instances, and the rules of each firewall that can match the flow as the
// firewall sees it (the probe's judgements), plus the well-known
// application ports when such a rule depends on the application protocol.
func (n *Network) pathBoundaries(a *Analysis, pr *probe, proto topology.Protocol) []uint16 {
	var out []uint16
	add := func(r ports.Range) {
		out = append(out, r.Lo)
		if r.Hi < ports.Max {
			out = append(out, r.Hi+1)
		}
	}
	seen := map[string]bool{}
	for _, path := range [][]*Hop{a.ForwardPath, a.ReturnPath} {
		for _, h := range path {
			if seen[h.Component] {
				continue
			}
			seen[h.Component] = true
			r, ok := n.topo.Resource(h.Component)
			if !ok {
				continue
			}
			switch r := r.(type) {
			case *topology.Subnet:
				for _, rs := range [][]*topology.ACLRule{r.NetworkACL.Ingress, r.NetworkACL.Egress} {
					for _, rule := range rs {
						if rule.Protocol == proto {
							add(rule.Ports)
						}
					}
				}
			case *topology.Instance:
				for _, sg := range r.SecurityGroups {
					for _, rs := range [][]*topology.SGRule{sg.Ingress, sg.Egress} {
						for _, rule := range rs {
							if rule.Protocol == proto {
								add(rule.Ports)
							}
						}
					}
				}
			}
		}
	}
	appMatters := false
	for _, j := range pr.judged {
		if pol := n.policies[j.ep.Firewall]; pol != nil {
			split := pol.PortSplit(j.flow)
			out = append(out, split.Boundaries...)
			appMatters = appMatters || split.AppSensitive
		}
	}
	// The inferred application protocol matters only to a firewall rule
	// that tests it; with one on the path, each well-known port is a class
	// of its own.
	if appMatters {
		for _, p := range appPorts(proto) {
			add(ports.Single(p))
		}
	}
	return out
}

// portClasses splits 0-65535 at the given boundaries (each boundary starts
// a class).
func portClasses(bounds []uint16) []ports.Range {
	starts := append(append(make([]uint16, 0, len(bounds)+1), 0), bounds...)
	slices.Sort(starts)
	starts = slices.Compact(starts)
	out := make([]ports.Range, len(starts))
	for i, s := range starts {
		hi := uint16(ports.Max)
		if i+1 < len(starts) {
			hi = starts[i+1] - 1
		}
		out[i] = ports.Range{Lo: s, Hi: hi}
	}
	return out
}

// signature identifies what decided an answer, without the port numbers
// or the inferred application protocol, so that neighbouring classes
// decided alike merge (a class whose app protocol matters is decided by a
// different firewall rule and keeps its own range). It is a 64-bit FNV-1a
// hash of those facts: two classes decided differently share it with
// probability 2^-64.
func signature(a *Analysis) uint64 {
	s := newSigHash()
	s.str(string(a.Verdict))
	for _, path := range [][]*Hop{a.ForwardPath, a.ReturnPath} {
		s.str("|")
		for _, h := range path {
			s.str(h.Component)
			if r := h.ACLRule; r != nil {
				s.str(r.NetworkACL)
				s.num(int64(r.RuleNumber))
				s.str(r.Action)
			}
			if r := h.SecurityGroupRule; r != nil {
				s.str(r.SecurityGroup)
				s.str(r.Location)
			}
			if f := h.FirewallRule; f != nil {
				s.str(string(f.Engine))
				s.num(f.SID)
				s.str(f.Action)
				s.str(f.DefaultAction)
				s.str(f.Phase)
			}
			if h.Blocked {
				s.str("!")
			}
		}
	}
	for _, fs := range [][]*Finding{a.Explanations, a.AdditionalDetails} {
		for _, f := range fs {
			s.str(f.Code)
			s.str(f.Component)
			s.str(f.Direction)
		}
	}
	return s.h
}

// sigHash is a 64-bit FNV-1a hash fed field by field.
type sigHash struct{ h uint64 }

func newSigHash() *sigHash { return &sigHash{h: 14695981039346656037} }

// str hashes v and a terminator, so that field boundaries count.
func (s *sigHash) str(v string) {
	for i := 0; i < len(v); i++ {
		s.byte(v[i])
	}
	s.byte(0)
}

func (s *sigHash) num(v int64) {
	for i := 0; i < 8; i++ {
		s.byte(byte(v >> (8 * i)))
	}
}

func (s *sigHash) byte(c byte) {
	s.h ^= uint64(c)
	s.h *= 1099511628211
}
