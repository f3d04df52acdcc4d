package diff

import (
	"context"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/topology"
)

// pair is one source, destination and protocol to compare, with the
// endpoint string each version resolves ("" when the endpoint is absent
// from that version, or cannot originate traffic there) and, for such a
// side, why.
type pair struct {
	from, to             string
	beforeFrom, beforeTo string
	afterFrom, afterTo   string
	beforeWhy, afterWhy  string
	proto                topology.Protocol
}

// selectPairs lists the pairs of the union of both versions' endpoints
// that q keeps, sorted by source, destination and q's protocol order.
func selectPairs(before, after *analyzer.Network, q Query) []pair {
	bs, bd := before.PairEndpoints(q.By)
	as, ad := after.PairEndpoints(q.By)
	srcB, srcA, dstB, dstA := specs(bs), specs(as), specs(bd), specs(ad)
	var out []pair
	for _, from := range union(srcB, srcA) {
		if q.From != "" && from != q.From {
			continue
		}
		for _, to := range union(dstB, dstA) {
			if to == from || (q.To != "" && to != q.To) {
				continue
			}
			for _, proto := range q.Protocols {
				out = append(out, pair{from: from, to: to, proto: proto,
					beforeFrom: srcB[from], beforeTo: dstB[to], afterFrom: srcA[from], afterTo: dstA[to],
					beforeWhy: absence(from, to, srcB, dstB), afterWhy: absence(from, to, srcA, dstA)})
			}
		}
	}
	return out
}

// absence says why a version has no pair from -> to ("" when it has).
func absence(from, to string, srcs, dsts map[string]string) string {
	switch {
	case dsts[from] == "":
		return from + " is not declared in this version"
	case srcs[from] == "":
		return from + " cannot originate traffic in this version"
	case dsts[to] == "":
		return to + " is not declared in this version"
	}
	return ""
}

func specs(eps []analyzer.PairEndpoint) map[string]string {
	m := make(map[string]string, len(eps))
	for _, e := range eps {
		m[e.Name] = e.Spec
	}
	return m
}

// union returns the keys of a and b, sorted, with "internet" last (as
// matrices order endpoints).
func union(a, b map[string]string) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range []map[string]string{a, b} {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if (out[i] == analyzer.MatrixInternet) != (out[j] == analyzer.MatrixInternet) {
			return out[j] == analyzer.MatrixInternet
		}
		return out[i] < out[j]
	})
	return out
}

// forEach calls f(0) ... f(n-1) on workers goroutines (GOMAXPROCS when
// 0). Workers stop taking calls once ctx is done; forEach then returns
// ctx's error.
func forEach(ctx context.Context, workers, n int, f func(i int)) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, max(n, 1)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n || ctx.Err() != nil {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
	return ctx.Err()
}
