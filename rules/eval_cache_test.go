package rules

import (
	"math/rand"
	"net/netip"
	"slices"
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/policyspec"
)

// classPool returns addresses around every class boundary of c (each
// start and the address before it) plus the addresses randomFlow uses and
// some IPv6 ones.
func classPool(c *addrClasses) []netip.Addr {
	pool := []netip.Addr{netip.MustParseAddr("10.1.1.10"), netip.MustParseAddr("10.1.1.200"),
		netip.MustParseAddr("93.184.216.34"), netip.MustParseAddr("198.51.100.7"),
		netip.MustParseAddr("255.255.255.255"), netip.MustParseAddr("2001:db8::1"),
		netip.MustParseAddr("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")}
	for _, s := range c.starts {
		pool = append(pool, s)
		if p := s.Prev(); p.IsValid() {
			pool = append(pool, p)
		}
	}
	return pool
}

// TestAddrClassesSeparateSets checks the classes against set membership:
// two addresses of one class are in the same sets, and the boundaries
// really separate (each class start is in another class than the address
// before it).
func TestAddrClassesSeparateSets(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewSource(3))
	var b strings.Builder
	for i := 1; i <= 80; i++ {
		b.WriteString(randomRule(rng, i) + "\n")
	}
	p := testPolicy(t, b.String(), withStateless("aws:forward_to_sfe", policyspec.StatelessRule{Priority: 1,
		Actions: []string{"aws:pass"}, Sources: []netip.Prefix{netip.MustParsePrefix("192.0.2.0/25")}}))
	c := p.cache.classes
	sets := policySets(p)
	pool := classPool(c)
	for _, s := range c.starts { // more members per class: the addresses after its start
		for a, k := s.Next(), 0; a.IsValid() && k < 3; a, k = a.Next(), k+1 {
			pool = append(pool, a)
		}
	}
	if len(c.starts) < 8 {
		t.Fatalf("only %d classes: %v", len(c.starts), c.starts)
	}
	pairs, compared := 0, 0
	for i, a := range pool {
		for _, x := range pool[i+1:] {
			if c.of(a) != c.of(x) {
				continue
			}
			pairs++
			for _, s := range sets {
				if s != nil && s.Contains(a) != s.Contains(x) {
					t.Fatalf("%s and %s share class %d but differ in %v", a, x, c.of(a), s.Ranges())
				}
				compared++
			}
		}
	}
	t.Logf("%d same-class address pairs, %d set memberships compared", pairs, compared)
	if pairs < 100 || compared < 10*pairs {
		t.Errorf("weak property test: %d same-class pairs, %d memberships compared", pairs, compared)
	}
	for _, s := range c.starts {
		if p := s.Prev(); p.IsValid() && c.of(p) == c.of(s) {
			t.Errorf("%s and %s share a class", p, s)
		}
	}
	if c.of(netip.MustParseAddr("0.0.0.0")) == c.of(netip.MustParseAddr("::")) {
		t.Error("IPv4 and IPv6 share a class")
	}
}

// TestEvaluateCacheAgreesWithEvaluation is a property test of the memo:
// for random rules and flows, evaluating a flow whose addresses are
// replaced by others of the same classes (after the original warmed the
// cache) gives what an uncached evaluation of it gives.
func TestEvaluateCacheAgreesWithEvaluation(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewSource(5))
	hits := 0
	for round := 0; round < 20; round++ {
		var b strings.Builder
		for i := 1; i <= 60; i++ {
			b.WriteString(randomRule(rng, i) + "\n")
		}
		p := testPolicy(t, b.String(), withDefaults("aws:drop_established"))
		pool := classPool(p.cache.classes)
		for k := 0; k < 60; k++ {
			f := randomFlow(rng)
			p.Evaluate(f)
			g := f
			g.Client, g.Server = sameClass(rng, p.cache.classes, pool, f.Client), sameClass(rng, p.cache.classes, pool, f.Server)
			if g.Client != f.Client || g.Server != f.Server {
				hits++
			}
			got, want := p.Evaluate(g), p.evaluate(g, nil, false)
			if gd, wd := describeResult(got), describeResult(want); gd != wd || got.Verdict != want.Verdict {
				t.Fatalf("flow %+v (warmed by %s -> %s):\ncached:\n%s\nuncached:\n%s\nrules:\n%s",
					g, f.Client, f.Server, gd, wd, b.String())
			}
		}
	}
	if hits < 200 {
		t.Errorf("weak test: only %d flows with other addresses of the same classes", hits)
	}
}

// sameClass picks an address of pool in a's class (a itself if none).
func sameClass(rng *rand.Rand, c *addrClasses, pool []netip.Addr, a netip.Addr) netip.Addr {
	var same []netip.Addr
	for _, x := range pool {
		if x != a && c.of(x) == c.of(a) {
			same = append(same, x)
		}
	}
	if len(same) == 0 {
		return a
	}
	return same[rng.Intn(len(same))]
}

// TestPortSplitEvaluation is the property test of PortSplit: on random
// rules and flows, server ports between two neighbouring boundaries of the
// flow evaluate alike (sampled at every boundary of the whole policy ±1,
// so a boundary PortSplit wrongly leaves out is found); the flow's
// boundaries are a subset of the policy's; and when the flow is not
// app-sensitive, every application protocol evaluates alike.
func TestPortSplitEvaluation(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewSource(9))
	compared, fewer, appFree := 0, 0, 0
	for round := 0; round < 36; round++ {
		var b strings.Builder
		for i := 1; i <= 40; i++ {
			// Rounds of three kinds: any rules; no app-layer fact tested (so
			// some flows are not app-sensitive); transport protocols with
			// app-layer-protocol tests (which make flows app-sensitive).
			r := randomRule(rng, i)
			for round%3 != 0 && !transportOnly(r, round%3 == 2) {
				r = randomRule(rng, i)
			}
			b.WriteString(r + "\n")
		}
		p := testPolicy(t, b.String(), withDefaults("aws:drop_established"))
		all := p.DestinationPortBoundaries()
		for k := 0; k < 20; k++ {
			f := randomFlow(rng)
			if f.Protocol == ICMP {
				continue
			}
			split := p.PortSplit(f)
			bounds := split.Boundaries
			if !split.AppSensitive {
				appFree++
				checkAppFree(t, p, f, b.String())
			}
			if !subset(bounds, all) {
				t.Fatalf("flow boundaries %v not within the policy's %v", bounds, all)
			}
			if len(bounds) < len(all) {
				fewer++
			}
			byClass := map[int]string{}
			for _, port := range samplePortsAround(rng, all) {
				g := f
				g.ServerPort = port
				got := describeResult(p.evaluate(g, nil, false))
				cls := classIndex(bounds, port)
				if want, ok := byClass[cls]; ok && want != got {
					t.Fatalf("flow %+v: port %d is in class %d of %v but evaluates\n%s\nnot\n%s\nrules:\n%s",
						g, port, cls, bounds, got, want, b.String())
				}
				byClass[cls] = got
				compared++
			}
		}
	}
	if compared < 5000 || fewer < 50 || appFree < 20 {
		t.Errorf("weak test: %d ports compared, %d flows with fewer boundaries than the policy, %d not app-sensitive",
			compared, fewer, appFree)
	}
}

// transportOnly reports whether a rule of randomRule has a transport
// protocol and, unless appLayerProtocol, tests no app-layer-protocol.
func transportOnly(rule string, appLayerProtocol bool) bool {
	proto := strings.Fields(rule)[1]
	return (proto == "ip" || proto == "tcp" || proto == "udp" || proto == "icmp") &&
		(appLayerProtocol || !strings.Contains(rule, "app-layer-protocol"))
}

// checkAppFree checks that f evaluates alike whatever its application
// protocol.
func checkAppFree(t *testing.T, p *Policy, f Flow, rules string) {
	t.Helper()
	want := ""
	for i, app := range []string{"raw", "tls", "http", "dns", "ssh", "smtp", "ftp"} {
		g := f
		g.App = app
		got := describeResult(p.evaluate(g, nil, false))
		if i > 0 && got != want {
			t.Fatalf("flow %+v is not app-sensitive, but app %s evaluates\n%s\nnot\n%s\nrules:\n%s", f, app, got, want, rules)
		}
		want = got
	}
}

func subset(xs, of []uint16) bool {
	for _, x := range xs {
		if _, ok := slices.BinarySearch(of, x); !ok {
			return false
		}
	}
	return true
}

// samplePortsAround returns every boundary, the port before it, and a few
// random ports.
func samplePortsAround(rng *rand.Rand, bounds []uint16) []uint16 {
	var out []uint16
	for _, b := range bounds {
		out = append(out, b)
		if b > 0 {
			out = append(out, b-1)
		}
	}
	for range 5 {
		out = append(out, uint16(rng.Intn(65536)))
	}
	return out
}

// classIndex returns the index of the class of sorted boundaries holding
// port.
func classIndex(bounds []uint16, port uint16) int {
	i, found := slices.BinarySearch(bounds, port)
	if !found {
		i--
	}
	return i
}
