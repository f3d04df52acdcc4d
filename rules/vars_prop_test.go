package rules

import (
	"fmt"
	"math/rand/v2"
	"net/netip"
	"strings"
	"testing"
)

// This file checks resolveAddr and resolvePort against a slow reference:
// the same list semantics computed on bitsets over a handful of sample
// points. Random expressions use atoms inside 10.0.0.0/28, 2001:db8::/124
// and ports 0-15, plus "any", so one extra point per family (outside the
// atoms) stands for the rest of the space and the bitsets are exact.

// addrPoints are the sample addresses: 16 + 1 IPv4, 16 + 1 IPv6.
var addrPoints = func() []netip.Addr {
	var out []netip.Addr
	for i := range 16 {
		out = append(out, netip.AddrFrom4([4]byte{10, 0, 0, byte(i)}))
	}
	out = append(out, netip.MustParseAddr("192.0.2.1"))
	for i := range 16 {
		out = append(out, netip.MustParseAddr(fmt.Sprintf("2001:db8::%x", i)))
	}
	return append(out, netip.MustParseAddr("2001:db9::1"))
}()

const (
	v4Bits = uint64(1)<<17 - 1
	v6Bits = v4Bits << 17
)

// refExpr is a random expression with its reference semantics.
type refExpr struct {
	text  string
	neg   bool
	bits  uint64 // leaf value
	elems []refExpr
}

// genAddr returns a random address expression of the given depth.
func genAddr(r *rand.Rand, depth int) refExpr {
	e := refExpr{neg: r.IntN(3) == 0}
	switch k := r.IntN(10); {
	case depth > 0 && k < 4:
		for range 1 + r.IntN(3) {
			e.elems = append(e.elems, genAddr(r, depth-1))
		}
	case k == 4:
		e.text, e.bits = "any", v4Bits|v6Bits
	case k < 7:
		bits := 28 + r.IntN(5)
		base := r.IntN(16) &^ (1<<(32-bits) - 1)
		e.text = fmt.Sprintf("10.0.0.%d/%d", base, bits)
		e.bits = (uint64(1)<<(1<<(32-bits)) - 1) << base
	default:
		bits := 124 + r.IntN(5)
		base := r.IntN(16) &^ (1<<(128-bits) - 1)
		e.text = fmt.Sprintf("2001:db8::%x/%d", base, bits)
		e.bits = ((uint64(1)<<(1<<(128-bits)) - 1) << base) << 17
	}
	return e
}

func (e refExpr) String() string {
	s := e.text
	if e.elems != nil {
		parts := make([]string, len(e.elems))
		for i, el := range e.elems {
			parts[i] = el.String()
		}
		s = "[" + strings.Join(parts, ",") + "]"
	}
	if e.neg {
		s = "!" + s
	}
	return s
}

// refValue is the reference semantics (see resolveAddr's doc comment);
// fams lists the families' bit masks.
func refValue(e refExpr, top bool, fams []uint64) (uint64, bool) {
	if e.elems == nil && !top {
		return e.bits, true
	}
	var pos, neg uint64
	ok := true
	collect := func(el refExpr) {}
	collect = func(el refExpr) {
		switch {
		case el.neg:
			el.neg = false
			v, good := refValue(el, false, fams)
			neg |= v
			ok = ok && good
		case el.elems != nil:
			for _, c := range el.elems {
				collect(c)
			}
		default:
			pos |= el.bits
		}
	}
	if top {
		collect(e)
	} else {
		for _, c := range e.elems {
			collect(c)
		}
	}
	for _, f := range fams {
		if neg&f == f {
			return 0, false
		}
		if pos&f == 0 && neg&f != 0 {
			pos |= f
		}
	}
	out := pos &^ neg
	return out, ok && out != 0
}

func TestResolveAddrProperty(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	sets, refused, points := 0, 0, 0
	for i := range 3000 {
		e := genAddr(r, 3)
		want, wantOK := refValue(e, true, []uint64{v4Bits, v6Bits})
		text := fmt.Sprintf("pass ip %s any -> any any (sid:1;)", e)
		rs, diags := LoadGroup(textGroup("rule_group.p", text), Env{})
		if gotOK := !diags.HasErrors(); gotOK != wantOK {
			t.Fatalf("case %d %s: ok = %v, want %v (%v)", i, e, gotOK, wantOK, diags)
		}
		if !wantOK {
			refused++
			continue
		}
		sets++
		for j, a := range addrPoints {
			got := rs[0].Src == nil || rs[0].Src.Contains(a)
			if w := want&(1<<j) != 0; got != w {
				t.Fatalf("case %d %s: contains %s = %v, want %v (set %v)", i, e, a, got, w, FormatAddrs(rs[0].Src))
			}
			points++
		}
	}
	checkPropertyCounts(t, sets, refused, points, 2000, 300)
}

// checkPropertyCounts fails a property test that compared fewer resolved
// sets (and membership tests) or refused expressions than meant.
func checkPropertyCounts(t *testing.T, sets, refused, points, minSets, minRefused int) {
	t.Helper()
	t.Logf("%d sets compared (%d memberships), %d refused as the reference refuses them", sets, points, refused)
	if sets < minSets || refused < minRefused || points < 16*sets {
		t.Errorf("weak property test: %d sets (want %d), %d memberships, %d refused (want %d)",
			sets, minSets, points, refused, minRefused)
	}
}

// genPort returns a random port expression over ports 0-15 (bit 16 is
// every other port).
func genPort(r *rand.Rand, depth int) refExpr {
	e := refExpr{neg: r.IntN(3) == 0}
	switch k := r.IntN(10); {
	case depth > 0 && k < 4:
		for range 1 + r.IntN(3) {
			e.elems = append(e.elems, genPort(r, depth-1))
		}
	case k == 4:
		e.text, e.bits = "any", 1<<17-1
	default:
		lo := r.IntN(16)
		hi := lo + r.IntN(16-lo)
		e.text = fmt.Sprintf("%d:%d", lo, hi)
		e.bits = (uint64(1)<<(hi-lo+1) - 1) << lo
	}
	return e
}

func TestResolvePortProperty(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(3, 4))
	sets, refused, points := 0, 0, 0
	for i := range 3000 {
		e := genPort(r, 3)
		want, wantOK := refValue(e, true, []uint64{1<<17 - 1})
		text := fmt.Sprintf("pass tcp any %s -> any any (sid:1;)", e)
		rs, diags := LoadGroup(textGroup("rule_group.p", text), Env{})
		if gotOK := !diags.HasErrors(); gotOK != wantOK {
			t.Fatalf("case %d %s: ok = %v, want %v (%v)", i, e, gotOK, wantOK, diags)
		}
		if !wantOK {
			refused++
			continue
		}
		sets++
		for p := range 17 {
			port := uint16(p)
			if p == 16 {
				port = 4242
			}
			if got, w := rs[0].SrcPorts.Contains(port), want&(1<<p) != 0; got != w {
				t.Fatalf("case %d %s: contains %d = %v, want %v (set %v)", i, e, port, got, w, rs[0].SrcPorts)
			}
			points++
		}
	}
	checkPropertyCounts(t, sets, refused, points, 2000, 300)
}
