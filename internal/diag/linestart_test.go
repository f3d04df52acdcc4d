package diag

import (
	"math/rand/v2"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

// TestLineStartAgreesWithCounting checks lineStart (which starts from the
// position's byte offset) against counting newlines from the start of the
// source, for every byte of random sources, and for positions that carry
// no byte offset.
func TestLineStartAgreesWithCounting(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	compared := 0
	for range 200 {
		src := make([]byte, rng.IntN(80))
		for i := range src {
			src[i] = "ab\n\r\t"[rng.IntN(5)]
		}
		line, start := 1, 0
		for off := 0; off <= len(src); off++ {
			for _, pos := range []hcl.Pos{{Line: line, Byte: off}, {Line: line}} {
				if got := lineStart(src, pos); got != start {
					t.Fatalf("lineStart(%q, %+v) = %d, want %d", src, pos, got, start)
				}
				compared++
			}
			if off < len(src) && src[off] == '\n' {
				line, start = line+1, off+1
			}
		}
	}
	if compared < 2000 {
		t.Fatalf("compared %d positions, want at least 2000", compared)
	}
	if got := lineStart([]byte("a\nb"), hcl.Pos{Line: 5}); got != 4 {
		t.Errorf("line past the end: got %d, want %d", got, 4)
	}
}
