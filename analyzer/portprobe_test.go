package analyzer

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestClassVerdictMatchesFullAnalysis is the property test of the probe:
// deciding a port from the probe's recorded checks gives the verdict and
// the decider (classDecider) a full analysis of that port gives, on random topologies and queries, for the
// generator's boundaries ±1, the application ports and random ports.
func TestClassVerdictMatchesFullAnalysis(t *testing.T) {
	t.Parallel()
	seeds := 80
	if testing.Short() {
		seeds = 15
	}
	compared := 0
	for seed := range uint64(seeds) {
		src, eps, bounds := genTopology(seed + 1000)
		n := loadGenerated(t, src)
		r := rand.New(rand.NewPCG(seed, 7))
		for range 5 {
			q := randomQuery(r, eps)
			if !q.Protocol.HasPorts() || expectRefused(q) {
				continue
			}
			c, err := compareProbe(t, n, q, samplePorts(r, q.Protocol, bounds), fmt.Sprint("seed ", seed))
			if err != nil {
				t.Errorf("seed %d: %s -> %s: %v", seed, q.From, q.To, err)
			}
			compared += c
		}
	}
	t.Logf("%d ports compared", compared)
	if min := max(1000, 200*seeds); compared < min {
		t.Errorf("weak property test: %d ports compared, want at least %d", compared, min)
	}
}

// TestClassVerdictOnFixtures runs the same comparison on the hand-written
// fixtures (NAT, IGW, TGW, appliances, asymmetric firewalls).
func TestClassVerdictOnFixtures(t *testing.T) {
	t.Parallel()
	ports := []uint16{0, 1, 21, 22, 25, 53, 79, 80, 81, 123, 442, 443, 444, 587, 1023, 1024, 5432, 8080, 8443, 32768, 65535}
	compared, cases := 0, 0
	for _, c := range []struct{ fixture, from, to string }{
		{"egress", "instance.app", internetHost}, {"egress", "instance.bypass1", internetHost},
		{"egress", "instance.oneway1", internetHost}, {"egress", "instance.c1", internetHost},
		{"egress", "internet_gateway.igw", "instance.web"}, {"transit", "instance.a1", "instance.b2"},
		{"transit_noappliance", "instance.a1", "instance.b2"}, {"misc", "internet_gateway.ing_igw", "instance.ing_host"},
		{"sg", "instance.app", "instance.db"}, {"sg", "instance.app_c", "instance.db"},
	} {
		n := loadFixture(t, c.fixture)
		for _, proto := range []string{"tcp", "udp"} {
			p, _ := ParseProtocol(proto)
			q := Query{From: c.from, To: c.to, Protocol: p}
			got, err := compareProbe(t, n, q, ports, c.fixture)
			if err != nil {
				t.Errorf("%s: %s -> %s %s: %v", c.fixture, c.from, c.to, proto, err)
			}
			compared += got
		}
		cases++
	}
	// Every case, both protocols, every port: nothing may be skipped.
	if want := cases * 2 * len(ports); compared != want || cases < 10 {
		t.Errorf("compared %d ports over %d cases, want %d (at least 10 cases)", compared, cases, want)
	}
}

// compareProbe probes q's path and compares, for every port, the probe's
// verdict with a full analysis. It returns the number of ports compared,
// and an error when q cannot be asked (its ends do not resolve, ...).
func compareProbe(t *testing.T, n *Network, q Query, ports []uint16, where string) (int, error) {
	t.Helper()
	q, src, dst, cidr, err := n.resolve(q)
	if err != nil {
		return 0, err
	}
	if cidr.IsValid() {
		return 0, fmt.Errorf("%s is a CIDR block", q.To)
	}
	q0 := q
	q0.Port, q0.HasPort = 0, true
	_, pr := n.analyze(q0, src, dst, true)
	compared := 0
	for _, p := range ports {
		pq := q
		pq.Port, pq.HasPort = p, true
		want := n.analyzeOne(pq, src, dst)
		got, sig := n.classVerdict(pr, p)
		compared++
		if got != want.Verdict {
			t.Errorf("%s: %s -> %s %s/%d: probe says %s, full analysis %s\n%s", where, q.From, q.To,
				q.Protocol, p, got, want.Verdict, dump(want))
			continue
		}
		wantBy := decider(want.Verdict, want.Explanations, want.AdditionalDetails)
		if gotBy := n.classDecider(pr, p, sig); gotBy != wantBy {
			t.Errorf("%s: %s -> %s %s/%d (%s): probe says decided by %q, full analysis %q\n%s", where, q.From,
				q.To, q.Protocol, p, got, gotBy, wantBy, dump(want))
		}
	}
	return compared, nil
}
