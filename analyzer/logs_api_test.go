package analyzer

import (
	"math/rand/v2"
	"net/netip"
	"slices"
	"testing"

	"github.com/vpcreach/vpcreach/topology"
)

// TestAddressClassesDecideAlike is a property test of AddressClasses on
// the egress fixture: any two sources, and any two destinations, of one
// class get the same verdict, explanation codes and firewall endpoints
// (compared against AnalyzePath itself, the simple reference).
func TestAddressClassesDecideAlike(t *testing.T) {
	t.Parallel()
	n := loadFixture(t, "egress")
	classes := n.AddressClasses()
	if classes.Len() < 4 {
		t.Fatalf("%d classes", classes.Len())
	}
	r := rand.New(rand.NewPCG(1, 2))
	randIn := func(p netip.Prefix) netip.Addr {
		a := p.Addr().As4()
		host := uint32(r.IntN(1 << (32 - p.Bits())))
		v := uint32(a[0])<<24 | uint32(a[1])<<16 | uint32(a[2])<<8 | uint32(a[3]) | host
		return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)})
	}
	answer := func(from, to netip.Addr) (string, bool) {
		a, err := n.AnalyzePath(Query{From: from.String(), To: to.String(), Protocol: topology.ProtocolTCP, Port: 443, HasPort: true, SNI: "x.example.com"})
		if err != nil {
			return err.Error(), false
		}
		s := string(a.Verdict)
		for _, f := range a.Explanations {
			s += " " + f.Code
		}
		for _, c := range n.Crossings(a) {
			s += " " + c.Endpoint.Addr() + "/" + c.Direction
		}
		return s, true
	}
	var sources []netip.Addr
	for _, sub := range n.Topology().Subnets {
		for range 4 {
			sources = append(sources, randIn(sub.CIDR))
		}
	}
	compared := 0
	for range 300 {
		src := sources[r.IntN(len(sources))]
		d1 := randIn(netip.MustParsePrefix("0.0.0.0/0"))
		// Another destination of d1's class: its class start.
		d2 := classes.Class(d1)
		a1, ok1 := answer(src, d1)
		a2, ok2 := answer(src, d2)
		if ok1 != ok2 || a1 != a2 && ok1 {
			t.Errorf("%s -> %s: %s; -> %s (same class): %s", src, d1, a1, d2, a2)
		}
		s2 := classes.Class(src)
		if s2 != src && slices.Contains(sources, src) {
			b1, okb1 := answer(src, d1)
			b2, okb2 := answer(s2, d1)
			if okb1 && okb2 && b1 != b2 {
				t.Errorf("%s (class of %s) -> %s: %s vs %s", src, s2, d1, b1, b2)
			}
		}
		if ok1 {
			compared++
		}
	}
	if compared < 100 {
		t.Errorf("compared %d answers, want at least 100", compared)
	}
}
