package topology

import (
	"math/rand/v2"
	"net/netip"
	"slices"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

// TestIndexLookupsMatchLinearScan compares the windowed subnet and VPC
// lookups with plain scans on random topologies: overlapping VPCs, nested
// and duplicate CIDRs, secondary CIDRs, IPv6, /8 to /32 prefixes.
func TestIndexLookupsMatchLinearScan(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	randPrefix := func() netip.Prefix {
		if rng.IntN(4) == 0 {
			a := netip.AddrFrom16([16]byte{0x20, 0x01, 0x0d, 0xb8, byte(rng.IntN(4)), byte(rng.IntN(256))})
			p, _ := a.Prefix(40 + rng.IntN(25))
			return p
		}
		a := netip.AddrFrom4([4]byte{10, byte(rng.IntN(4)), byte(rng.IntN(256)), byte(rng.IntN(256))})
		p, _ := a.Prefix(8 + rng.IntN(25))
		return p
	}
	for round := 0; round < 200; round++ {
		topo := &Topology{}
		for v := 0; v < 1+rng.IntN(8); v++ {
			vpc := &VPC{Meta: NewMeta("vpc", string(rune('a'+v)), hcl.Range{})}
			for c := 0; c < 1+rng.IntN(3); c++ {
				vpc.CIDRs = append(vpc.CIDRs, randPrefix())
			}
			topo.VPCs = append(topo.VPCs, vpc)
			for s := 0; s < rng.IntN(10); s++ {
				sub := &Subnet{Meta: NewMeta("subnet", vpc.Name+string(rune('a'+s)), hcl.Range{}), VPC: vpc, CIDR: randPrefix()}
				topo.Subnets = append(topo.Subnets, sub)
			}
		}
		topo.BuildIndex()
		for q := 0; q < 200; q++ {
			var a netip.Addr
			switch {
			case rng.IntN(3) == 0 && len(topo.Subnets) > 0:
				p := topo.Subnets[rng.IntN(len(topo.Subnets))].CIDR
				a = randomIn(rng, p)
			default:
				a = randomIn(rng, randPrefix())
			}
			var wantS []*Subnet
			for _, s := range topo.index.subnets {
				if s.CIDR.Contains(a) {
					wantS = append(wantS, s)
				}
			}
			var wantV []*VPC
			for _, v := range topo.VPCs {
				if v.Contains(a) {
					wantV = append(wantV, v)
				}
			}
			if got := topo.SubnetsContaining(a); !slices.Equal(got, wantS) {
				t.Fatalf("SubnetsContaining(%s) = %v, want %v", a, got, wantS)
			}
			if got := topo.VPCsContaining(a); !slices.Equal(got, wantV) {
				t.Fatalf("VPCsContaining(%s) = %v, want %v", a, got, wantV)
			}
		}
	}
}

// randomIn returns a random address of p.
func randomIn(rng *rand.Rand, p netip.Prefix) netip.Addr {
	b := p.Addr().AsSlice()
	for i := range b {
		b[i] = byte(rng.IntN(256))
	}
	// keep p's bits, random host bits
	pb := p.Addr().AsSlice()
	for i := range b {
		bits := p.Bits() - 8*i
		switch {
		case bits >= 8:
			b[i] = pb[i]
		case bits > 0:
			mask := byte(0xff) << (8 - bits)
			b[i] = pb[i]&mask | b[i]&^mask
		}
	}
	a, _ := netip.AddrFromSlice(b)
	return a
}
