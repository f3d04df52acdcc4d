package lint

import (
	"math/rand/v2"
	"net/netip"
	"testing"

	"go4.org/netipx"

	"github.com/vpcreach/vpcreach/ports"
)

// randPorts returns a set of up to 4 ranges within 0-99 (small, so that
// sets often overlap and contain each other).
func randPorts(r *rand.Rand) ports.Set {
	var rs []ports.Range
	for range r.IntN(5) {
		lo := uint16(r.IntN(100))
		rs = append(rs, ports.Range{Lo: lo, Hi: lo + uint16(r.IntN(30))})
	}
	return ports.NewSet(rs...)
}

// TestPortSetsAgainstReference compares the merge-pass subset and overlap
// with ports.Set's Intersect.
func TestPortSetsAgainstReference(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	const n = 20000
	compared, subsets, overlaps := 0, 0, 0
	for range n {
		a, b := randPorts(r), randPorts(r)
		wantSub := a.Intersect(b).Equal(a)
		wantOver := !a.Intersect(b).IsEmpty()
		if got := subsetPorts(a, b); got != wantSub {
			t.Fatalf("subsetPorts(%v, %v) = %v, want %v", a, b, got, wantSub)
		}
		if got := overlapPorts(a, b); got != wantOver {
			t.Fatalf("overlapPorts(%v, %v) = %v, want %v", a, b, got, wantOver)
		}
		compared++
		if wantSub && !a.IsEmpty() {
			subsets++
		}
		if wantOver {
			overlaps++
		}
	}
	if compared != n || subsets < n/50 || overlaps < n/10 {
		t.Errorf("compared %d (want %d), %d non-empty subsets, %d overlaps: too few interesting cases", compared, n, subsets, overlaps)
	}
}

// randIPs returns a set of up to 3 prefixes inside 10.0.0.0/16.
func randIPs(r *rand.Rand) *netipx.IPSet {
	var b netipx.IPSetBuilder
	for range r.IntN(4) {
		bits := 16 + r.IntN(9)
		a := netip.AddrFrom4([4]byte{10, 0, byte(r.IntN(256)), byte(r.IntN(256))})
		b.AddPrefix(netip.PrefixFrom(a, bits).Masked())
	}
	s, _ := b.IPSet()
	return s
}

// TestIPSetsAgainstReference compares subsetIP with set difference.
func TestIPSetsAgainstReference(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(3, 4))
	const n = 5000
	compared, subsets := 0, 0
	for range n {
		a, b := randIPs(r), randIPs(r)
		var d netipx.IPSetBuilder
		d.AddSet(a)
		d.RemoveSet(b)
		diff, err := d.IPSet()
		if err != nil {
			t.Fatal(err)
		}
		want := len(diff.Prefixes()) == 0
		if got := subsetIP(a, b); got != want {
			t.Fatalf("subsetIP(%v, %v) = %v, want %v", a.Prefixes(), b.Prefixes(), got, want)
		}
		compared++
		if want && len(a.Prefixes()) > 0 {
			subsets++
		}
	}
	if compared != n || subsets < n/100 {
		t.Errorf("compared %d (want %d), %d non-empty subsets: too few", compared, n, subsets)
	}
}
