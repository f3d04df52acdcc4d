package diag

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestLineIndexesAgreeWithScan checks lineIndexes.of against a byte-by-
// byte scan on random sources of newlines and other bytes.
func TestLineIndexesAgreeWithScan(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	compared := 0
	for n := range 500 {
		src := make([]byte, rng.IntN(40))
		for i := range src {
			src[i] = "a\n\r"[rng.IntN(3)]
		}
		want := []int{0}
		for i, c := range src {
			if c == '\n' && i+1 < len(src) {
				want = append(want, i+1)
			}
		}
		if len(src) == 0 {
			want = nil
		}
		if got := (lineIndexes{}).of("f", src); !slices.Equal(got, want) {
			t.Fatalf("case %d: of(%q) = %v, want %v", n, src, got, want)
		}
		compared++
	}
	if compared != 500 {
		t.Fatalf("compared %d sources, want 500", compared)
	}
}
