package analyzer

import (
	"math/rand/v2"
	"net/netip"
	"testing"

	"go4.org/netipx"
)

// TestAddressClassesAgreeWithSingleAddresses is the property test of CIDR
// destinations: for every merged class of addresses, single-address
// queries to its first, last and random addresses give the class's
// verdict (an address no query can target must be a NO_POSSIBLE_DESTINATION
// class).
func TestAddressClassesAgreeWithSingleAddresses(t *testing.T) {
	t.Parallel()
	cases := []struct{ fixture, from, cidr string }{
		{"egress", "instance.app", "10.1.0.0/16"},
		{"egress", "instance.bypass1", "10.1.0.0/20"},
		{"transit", "instance.a1", "10.0.0.0/8"},
		{"misc", "instance.pa_host", "10.64.0.0/10"},
	}
	r := rand.New(rand.NewPCG(3, 5))
	compared, refused := 0, 0
	for _, c := range cases {
		n := loadFixture(t, c.fixture)
		a, err := n.AnalyzePath(tcp(c.from, c.cidr, 443))
		if err != nil {
			t.Fatal(err)
		}
		if len(a.AddressRanges) < 2 {
			t.Fatalf("%s -> %s: %d address classes", c.from, c.cidr, len(a.AddressRanges))
		}
		for _, ar := range a.AddressRanges {
			rng := netipx.IPRangeFrom(netip.MustParseAddr(ar.From), netip.MustParseAddr(ar.To))
			for _, addr := range sampleRange(r, rng) {
				single, err := n.AnalyzePath(tcp(c.from, addr.String(), 443))
				if err != nil {
					refused++
					if !hasKey(findingKeys(ar.Explanations), CodeNoPossibleDestination) {
						t.Errorf("%s -> %s: single query fails (%v) but class %s-%s is %s",
							c.from, addr, err, ar.From, ar.To, ar.Verdict)
					}
					continue
				}
				compared++
				if single.Verdict != ar.Verdict {
					t.Errorf("%s -> %s: %s, but its class %s-%s is %s\n%s", c.from, addr, single.Verdict,
						ar.From, ar.To, ar.Verdict, dump(single))
				}
			}
		}
	}
	// Refused single queries (reserved addresses, addresses in no subnet,
	// the source itself) are checked above but not counted.
	if compared < 300 {
		t.Errorf("weak property test: %d addresses compared (%d refused), want at least 300", compared, refused)
	}
}

// sampleRange returns the first and last addresses of r and up to three
// random ones in between.
func sampleRange(r *rand.Rand, rng netipx.IPRange) []netip.Addr {
	out := []netip.Addr{rng.From(), rng.To()}
	from, to := rng.From().As4(), rng.To().As4()
	lo := uint32(from[0])<<24 | uint32(from[1])<<16 | uint32(from[2])<<8 | uint32(from[3])
	hi := uint32(to[0])<<24 | uint32(to[1])<<16 | uint32(to[2])<<8 | uint32(to[3])
	for i := 0; i < 3 && hi > lo+1; i++ {
		v := lo + 1 + uint32(r.Int64N(int64(hi-lo-1)))
		out = append(out, netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}))
	}
	return out
}

// TestAddressClasses checks the classes of one CIDR query: reserved
// addresses, an ENI of its own, and space no subnet holds.
func TestAddressClasses(t *testing.T) {
	t.Parallel()
	n := loadFixture(t, "egress")
	a, err := n.AnalyzePath(tcp("instance.nopub", "10.1.0.0/23", 443))
	if err != nil {
		t.Fatal(err)
	}
	type cls struct{ from, to, dest string }
	var got []cls
	for _, ar := range a.AddressRanges {
		got = append(got, cls{ar.From, ar.To, ar.Destination})
	}
	want := []cls{
		{"10.1.0.0", "10.1.0.3", "subnet.public_a"},
		{"10.1.0.4", "10.1.0.4", "nat_gateway.nat_a"},
	}
	for i, w := range want {
		if i >= len(got) || got[i] != w {
			t.Fatalf("classes %v; want prefix %v", got, want)
		}
	}
	last := a.AddressRanges[len(a.AddressRanges)-1]
	if last.To != "10.1.1.255" || last.Verdict != NotReachable {
		t.Errorf("last class %s-%s %s; want ...-10.1.1.255 NOT_REACHABLE", last.From, last.To, last.Verdict)
	}
	var web *AddressRangeResult
	for _, ar := range a.AddressRanges {
		if ar.Destination == "instance.web" {
			web = ar
		}
	}
	if web == nil || web.From != "10.1.0.50" || web.To != "10.1.0.50" || web.Verdict != Reachable {
		t.Errorf("instance.web class = %+v; want 10.1.0.50 alone, REACHABLE", web)
	}
	if a.Verdict != Reachable || !a.Reachable {
		t.Errorf("summary verdict %s; want REACHABLE (some address is)", a.Verdict)
	}
}
