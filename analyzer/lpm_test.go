package analyzer

import (
	"math/rand/v2"
	"net/netip"
	"testing"
)

func randomPrefix(r *rand.Rand, v6 bool) netip.Prefix {
	if v6 {
		var b [16]byte
		b[0], b[1] = 0xfd, byte(r.IntN(4))
		for i := 2; i < 16; i++ {
			b[i] = byte(r.IntN(4))
		}
		return netip.PrefixFrom(netip.AddrFrom16(b), r.IntN(129)).Masked()
	}
	// Cluster addresses in 10.0.0.0/14 so that prefixes nest often.
	b := [4]byte{10, byte(r.IntN(4)), byte(r.IntN(8)), byte(r.IntN(8))}
	if r.IntN(10) == 0 {
		b[0] = byte(r.IntN(256))
	}
	return netip.PrefixFrom(netip.AddrFrom4(b), r.IntN(33)).Masked()
}

func randomAddr(r *rand.Rand, v6 bool) netip.Addr {
	p := randomPrefix(r, v6)
	a := p.Addr().AsSlice()
	// Randomise the host bits a little.
	a[len(a)-1] ^= byte(r.IntN(8))
	out, _ := netip.AddrFromSlice(a)
	return out
}

// TestPrefixTableAgreesWithLinearScan is the property test of the route
// lookup: on random tables, the production LPM and a linear scan return the
// same prefix and value for random addresses, IPv4 and IPv6.
func TestPrefixTableAgreesWithLinearScan(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(7, 11))
	compared, found := 0, 0
	for round := 0; round < 300; round++ {
		seen := map[netip.Prefix]bool{}
		var entries []prefixEntry[int]
		for i, n := 0, r.IntN(60); i < n; i++ {
			p := randomPrefix(r, r.IntN(4) == 0)
			if seen[p] {
				continue
			}
			seen[p] = true
			entries = append(entries, prefixEntry[int]{p, i})
		}
		fast := newPrefixTable(entries)
		slow := &linearTable[int]{entries: entries}
		for q := 0; q < 200; q++ {
			a := randomAddr(r, r.IntN(4) == 0)
			fp, fv, fok := fast.Lookup(a)
			sp, sv, sok := slow.Lookup(a)
			if fp != sp || fv != sv || fok != sok {
				t.Fatalf("round %d, %v: fast = (%v, %d, %v), linear = (%v, %d, %v)",
					round, a, fp, fv, fok, sp, sv, sok)
			}
			compared++
			if sok {
				found++
			}
		}
	}
	// Both outcomes must be common: lookups that find a prefix and lookups
	// that find none.
	if compared != 300*200 || found < compared/10 || found > compared*9/10 {
		t.Errorf("weak property test: %d lookups, %d found a prefix", compared, found)
	}
}

func TestPrefixTableLookup(t *testing.T) {
	t.Parallel()
	entries := []prefixEntry[string]{
		{netip.MustParsePrefix("0.0.0.0/0"), "default"},
		{netip.MustParsePrefix("10.1.0.0/16"), "local"},
		{netip.MustParsePrefix("10.1.1.0/24"), "middlebox"},
		{netip.MustParsePrefix("::/0"), "v6default"},
	}
	tab := newPrefixTable(entries)
	tests := []struct {
		addr, want string
	}{
		{"10.1.1.7", "middlebox"},
		{"10.1.2.7", "local"},
		{"8.8.8.8", "default"},
		{"::ffff:10.1.1.7", "middlebox"}, // v4-mapped is IPv4
		{"2001:db8::1", "v6default"},
	}
	for _, tt := range tests {
		_, got, ok := tab.Lookup(netip.MustParseAddr(tt.addr))
		if !ok || got != tt.want {
			t.Errorf("Lookup(%s) = %q, %v; want %q", tt.addr, got, ok, tt.want)
		}
	}
	empty := newPrefixTable[string](nil)
	if _, _, ok := empty.Lookup(netip.MustParseAddr("1.2.3.4")); ok {
		t.Error("empty table matched")
	}
}
