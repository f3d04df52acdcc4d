package par

import (
	"runtime"
	"sync/atomic"
	"testing"
)

func TestDo(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, 1, 2, 3, 100, 1001} {
		out := make([]int, n)
		var calls atomic.Int64
		Do(n, func(i int) {
			calls.Add(1)
			out[i] = i * i
		})
		if int(calls.Load()) != n {
			t.Errorf("n=%d: %d calls", n, calls.Load())
		}
		for i, v := range out {
			if v != i*i {
				t.Fatalf("n=%d: out[%d] = %d", n, i, v)
			}
		}
	}
}

func TestDoSingleProc(t *testing.T) {
	// Not parallel: it changes GOMAXPROCS.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	sum := 0 // no synchronisation: one goroutine
	Do(10, func(i int) { sum += i })
	if sum != 45 {
		t.Errorf("sum %d, want 45", sum)
	}
}
