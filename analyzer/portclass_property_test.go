package analyzer

import (
	"fmt"
	"math/rand/v2"
	"sync/atomic"
	"testing"

	"github.com/vpcreach/vpcreach/topology"
)

// TestPortClassesAgreeWithEachPort is the correctness property of the
// all-ports answer: on random small topologies, for random queries, the
// merged answer without a port gives every sampled port the verdict, app
// protocol and deciders (signature) that the query with that port gives.
// Sampled ports: every range boundary ±1, every port boundary the
// generator wrote ±1 (independent of the analyzer's own classes), the
// application ports and random ports.
func TestPortClassesAgreeWithEachPort(t *testing.T) {
	t.Parallel()
	seeds := 150
	if testing.Short() {
		seeds = 25
	}
	var compared atomic.Int64
	t.Cleanup(func() { // after every seed's subtest
		t.Logf("%d ports compared", compared.Load())
		if min := int64(400 * seeds); compared.Load() < min {
			t.Errorf("weak property test: %d ports compared, want at least %d", compared.Load(), min)
		}
	})
	for seed := range uint64(seeds) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			t.Parallel()
			src, eps, bounds := genTopology(seed)
			n := loadGenerated(t, src)
			r := rand.New(rand.NewPCG(seed, 1))
			for range 6 {
				q := randomQuery(r, eps)
				if expectRefused(q) {
					if _, err := n.AnalyzePath(q); err == nil {
						t.Errorf("%s -> %s: answered, want the query refused", q.From, q.To)
					}
					continue
				}
				c, ok := checkQueryPorts(t, n, q, samplePorts(r, q.Protocol, bounds))
				compared.Add(int64(c))
				if !ok {
					t.Logf("topology of seed %d:\n%s", seed, src)
					return
				}
			}
		})
	}
}

// checkQueryPorts compares the all-ports answer of q with the answer for
// each port of extra and of the answer's own range boundaries ±1. It
// returns the number of ports compared, and false after the first
// disagreement or error.
func checkQueryPorts(t *testing.T, n *Network, q Query, extra []uint16) (int, bool) {
	t.Helper()
	all, err := n.AnalyzePath(q)
	if err != nil {
		t.Errorf("%s -> %s %s: %v", q.From, q.To, q.Protocol, err)
		return 0, false
	}
	if !coversAllPorts(t, q, all.PortRanges) {
		return 0, false
	}
	compared := 0
	for _, p := range append(rangeProbes(all.PortRanges), extra...) {
		pq := q
		pq.Port, pq.HasPort = p, true
		one, err := n.AnalyzePath(pq)
		if err != nil {
			t.Errorf("%s -> %s %s/%d: %v", q.From, q.To, q.Protocol, p, err)
			return compared, false
		}
		compared++
		rr := rangeOf(all.PortRanges, p)
		if rr.AppProtocol != "" && rr.AppProtocol != one.Query.AppProtocol {
			t.Errorf("%s -> %s %s: range %d-%d says app %s, but port %d alone is %s", q.From, q.To, q.Protocol,
				rr.From, rr.To, rr.AppProtocol, p, one.Query.AppProtocol)
			return compared, false
		}
		if one.Verdict != rr.Verdict || signature(one) != signature(rangeAnalysis(rr)) {
			t.Errorf("%s -> %s %s: port %d is %s (app %s) alone, but the all-ports range %d-%d says %s (app %s)\n"+
				"port alone:\n%srange:\n%s", q.From, q.To, q.Protocol, p, one.Verdict, one.Query.AppProtocol,
				rr.From, rr.To, rr.Verdict, rr.AppProtocol, dump(one), dump(rangeAnalysis(rr)))
			return compared, false
		}
	}
	return compared, true
}

// coversAllPorts checks that ranges partition 0-65535 in order.
func coversAllPorts(t *testing.T, q Query, rs []*PortRangeResult) bool {
	t.Helper()
	next := 0
	for _, r := range rs {
		if r.From != next || r.To < r.From {
			t.Errorf("%s -> %s: ranges do not partition the ports: %d-%d after %d", q.From, q.To, r.From, r.To, next-1)
			return false
		}
		next = r.To + 1
	}
	if next != 65536 {
		t.Errorf("%s -> %s: ranges end at %d", q.From, q.To, next-1)
		return false
	}
	return true
}

// rangeProbes returns the first and last port of each range and their
// outside neighbours.
func rangeProbes(rs []*PortRangeResult) []uint16 {
	var out []uint16
	for _, r := range rs {
		for _, p := range []int{r.From - 1, r.From, r.From + 1, r.To - 1, r.To, r.To + 1} {
			if p >= 0 && p <= 65535 {
				out = append(out, uint16(p))
			}
		}
	}
	return sortedBounds(out)
}

// samplePorts returns the generator's boundaries ±1, the application ports
// of proto and 20 random ports.
func samplePorts(r *rand.Rand, proto topology.Protocol, bounds []uint16) []uint16 {
	var out []uint16
	for _, b := range bounds {
		for _, p := range []int{int(b) - 1, int(b), int(b) + 1} {
			if p >= 0 && p <= 65535 {
				out = append(out, uint16(p))
			}
		}
	}
	out = append(out, appPorts(proto)...)
	out = append(out, 22, 25, 53, 80, 443, 8080, 8443, 0, 65535)
	for range 20 {
		out = append(out, uint16(r.IntN(65536)))
	}
	return sortedBounds(out)
}

func rangeOf(rs []*PortRangeResult, p uint16) *PortRangeResult {
	for _, r := range rs {
		if r.From <= int(p) && int(p) <= r.To {
			return r
		}
	}
	return nil
}

// rangeAnalysis views a port range as an analysis, for signature and dump.
func rangeAnalysis(r *PortRangeResult) *Analysis {
	return &Analysis{Query: QueryInfo{AppProtocol: r.AppProtocol}, Answer: r.Answer}
}

// randomQuery picks a TCP or UDP query between endpoints of eps, often from
// an application instance to the internet (through the firewall) or to the
// other application instance (through the firewall or the appliance).
func randomQuery(r *rand.Rand, eps []string) Query {
	q := Query{From: eps[r.IntN(len(eps))], To: eps[r.IntN(len(eps))],
		Protocol: []topology.Protocol{topology.ProtocolTCP, topology.ProtocolTCP, topology.ProtocolUDP}[r.IntN(3)]}
	switch r.IntN(6) {
	case 0, 1:
		q.From, q.To = []string{"instance.i1", "instance.i2", "subnet.app1"}[r.IntN(3)], "93.184.216.34"
	case 2:
		q.From, q.To = "instance.i1", "instance.i2"
	}
	return q
}
