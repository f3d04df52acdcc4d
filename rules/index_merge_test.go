package rules

import (
	"fmt"
	"math/rand"
	"testing"
)

// TestMergeSorted checks the pairwise merge against a set union.
func TestMergeSorted(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewSource(5))
	for i := 0; i < 2000; i++ {
		lists := make([][]int32, rng.Intn(5))
		want := map[int32]bool{}
		for k := range lists {
			v := int32(0)
			for n := rng.Intn(8); n > 0; n-- {
				v += int32(rng.Intn(3))
				lists[k] = append(lists[k], v)
				want[v] = true
			}
		}
		before := fmt.Sprint(lists)
		got := mergeSorted(lists)
		if fmt.Sprint(lists) != before {
			t.Fatalf("mergeSorted modified its input %s", before)
		}
		for k := 1; k < len(got); k++ {
			if got[k] <= got[k-1] {
				t.Fatalf("%v: result %v not strictly ascending", lists, got)
			}
		}
		if len(got) != len(want) {
			t.Fatalf("%v: result %v, want the %d distinct values", lists, got, len(want))
		}
		for _, v := range got {
			if !want[v] {
				t.Fatalf("%v: result %v has %d", lists, got, v)
			}
		}
	}
}
