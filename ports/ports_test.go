package ports

import (
	"math/rand/v2"
	"testing"
)

func TestParseRange(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    Range
		wantErr bool
	}{
		{"443", Range{443, 443}, false},
		{"1024-65535", Range{1024, 65535}, false},
		{"1024:65535", Range{1024, 65535}, false},
		{" 0 ", Range{0, 0}, false},
		{"65536", Range{}, true},
		{"-1", Range{}, true},
		{"+5", Range{}, true},
		{"80-22", Range{}, true},
		{"", Range{}, true},
		{"http", Range{}, true},
	}
	for _, tt := range tests {
		got, err := ParseRange(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseRange(%q) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			continue
		}
		if !tt.wantErr && got != tt.want {
			t.Errorf("ParseRange(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestSetString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		set  Set
		want string
	}{
		{Set{}, "none"},
		{AllSet(), "any"},
		{NewSet(Range{0, 100}, Range{101, 65535}), "any"},
		{NewSet(Single(443), Single(80), Range{1024, 65535}), "80,443,1024-65535"},
		{NewSet(Range{10, 20}, Range{15, 30}, Single(31)), "10-31"},
		{NewSet(Range{5, 4}), "none"},
	}
	for _, tt := range tests {
		if got := tt.set.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
	if got := NewSet(Range{1024, 65535}).Format(":"); got != "1024:65535" {
		t.Errorf("Format(:) = %q", got)
	}
}

// bitmap is the reference model: one bool per port.
type bitmap [Max + 1]bool

func toBitmap(s Set) *bitmap {
	var b bitmap
	for _, r := range s.Ranges() {
		for p := int(r.Lo); p <= int(r.Hi); p++ {
			b[p] = true
		}
	}
	return &b
}

func randomSet(r *rand.Rand) Set {
	n := r.IntN(5)
	rs := make([]Range, n)
	for i := range rs {
		lo := uint16(r.IntN(Max + 1))
		width := r.IntN(3000)
		if r.IntN(4) == 0 {
			width = 0
		}
		hi := min(int(lo)+width, Max)
		rs[i] = Range{lo, uint16(hi)}
	}
	return NewSet(rs...)
}

// TestSetAlgebraAgainstBitmap checks Union, Intersect, Complement and
// Contains against a one-bool-per-port reference on random sets.
func TestSetAlgebraAgainstBitmap(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200; i++ {
		a, b := randomSet(r), randomSet(r)
		ba, bb := toBitmap(a), toBitmap(b)
		u, x, c := toBitmap(a.Union(b)), toBitmap(a.Intersect(b)), toBitmap(a.Complement())
		for p := 0; p <= Max; p++ {
			if u[p] != (ba[p] || bb[p]) {
				t.Fatalf("union wrong at %d for %v ∪ %v", p, a, b)
			}
			if x[p] != (ba[p] && bb[p]) {
				t.Fatalf("intersect wrong at %d for %v ∩ %v", p, a, b)
			}
			if c[p] == ba[p] {
				t.Fatalf("complement wrong at %d for %v", p, a)
			}
			if a.Contains(uint16(p)) != ba[p] {
				t.Fatalf("Contains(%d) wrong for %v", p, a)
			}
		}
		if !a.Complement().Complement().Equal(a) {
			t.Fatalf("double complement of %v = %v", a, a.Complement().Complement())
		}
		rs := a.Ranges()
		for k := 1; k < len(rs); k++ {
			if uint32(rs[k].Lo) <= uint32(rs[k-1].Hi)+1 {
				t.Fatalf("not normalized: %v", rs)
			}
		}
	}
}

func TestParseList(t *testing.T) {
	t.Parallel()
	s, err := ParseList("443, 8443,1024-2000")
	if err != nil {
		t.Fatal(err)
	}
	if got := s.String(); got != "443,1024-2000,8443" {
		t.Errorf("got %q", got)
	}
	if _, err := ParseList("443,,80"); err == nil {
		t.Error("want error for empty element")
	}
}
