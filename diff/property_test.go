package diff

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"testing/fstest"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/internal/randtopo"
	"github.com/vpcreach/vpcreach/ports"
	"github.com/vpcreach/vpcreach/topology"
)

// compile loads and compiles HCL source, failing the test on any error.
func compile(t testing.TB, src string) *analyzer.Network {
	t.Helper()
	topo, diags := topology.LoadFS(fstest.MapFS{"topo.hcl": {Data: []byte(src), Mode: 0o644}}, "topo.hcl")
	if diags.HasErrors() {
		t.Fatalf("generated topology: %s\n%s", diags.Error(), src)
	}
	n, diags := analyzer.Compile(topo)
	if diags.HasErrors() {
		t.Fatalf("generated topology: %s\n%s", diags.Error(), src)
	}
	return n
}

// appPorts are the ports where the analyzer may split classes by app
// protocol; the property probes them and their neighbours.
var appPorts = []uint16{20, 21, 22, 25, 53, 80, 110, 123, 143, 443, 465, 587, 853, 993, 995, 3306, 5432, 8080, 8443}

// probePorts returns the ports the reference answers one by one: every
// boundary either generator wrote and its neighbours, the app ports and
// their neighbours, the ends of the range, and random ports.
func probePorts(r *rand.Rand, bounds ...[]uint16) []uint16 {
	set := map[uint16]bool{0: true, 1: true, ports.Max: true}
	add := func(p uint16) {
		set[p] = true
		if p > 0 {
			set[p-1] = true
		}
		if p < ports.Max {
			set[p+1] = true
		}
	}
	for _, bs := range bounds {
		for _, b := range bs {
			add(b)
		}
	}
	for _, p := range appPorts {
		add(p)
	}
	for range 10 {
		set[uint16(r.IntN(ports.Max+1))] = true
	}
	out := make([]uint16, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	return out
}

// TestDiffEqualsPerPortAnswers checks Compare against a reference that
// answers every pair, protocol and probe port with AnalyzePath on both
// versions and classifies the two answers: the diff must report exactly
// the probes whose answers differ, with the same kind and sides. Pairs of
// versions are random topologies compared with themselves (no change may
// be reported) and with another random topology (of the same names).
func TestDiffEqualsPerPortAnswers(t *testing.T) {
	t.Parallel()
	seeds := 4
	if testing.Short() {
		seeds = 2
	}
	const minCompared = 20000
	compared, changed := 0, 0
	for i := range seeds {
		seed := uint64(1000 + i)
		srcB, _, boundsB := randtopo.Generate(seed)
		srcA, _, boundsA := randtopo.Generate(seed + 7919)
		if i%3 == 0 {
			srcA, boundsA = srcB, boundsB // a version compared with itself
		}
		before, after := compile(t, srcB), compile(t, srcA)
		for _, by := range []analyzer.MatrixBy{analyzer.MatrixBySubnet, analyzer.MatrixByInstance} {
			rep, err := Compare(context.Background(), before, after, Query{By: by})
			if err != nil {
				t.Fatal(err)
			}
			if srcA == srcB && (len(rep.Changes) > 0 || len(rep.Blocks) > 0) {
				t.Errorf("seed %d: a version compared with itself: %d changes, %d blocks", seed, len(rep.Changes), len(rep.Blocks))
			}
			r := rand.New(rand.NewPCG(seed, uint64(by)))
			n, c := checkAgainstReference(t, before, after, rep, Query{By: by}.normalize(), probePorts(r, boundsB, boundsA))
			compared += n
			changed += c
		}
	}
	t.Logf("compared %d probes, %d of them changed", compared, changed)
	if compared < minCompared || changed < minCompared/20 {
		t.Fatalf("compared %d probes (%d changed); want at least %d (%d changed)", compared, changed, minCompared, minCompared/20)
	}
}

// checkAgainstReference compares rep with the per-port reference over
// every pair of q and every probe port. It returns the number of probes
// compared and how many of them changed.
func checkAgainstReference(t *testing.T, before, after *analyzer.Network, rep *Report, q Query, probes []uint16) (compared, changed int) {
	t.Helper()
	index := map[string][]*Change{}
	for _, c := range rep.Changes {
		if c.ServerName != "" {
			continue // the generator writes no domain list; TestServerNames covers these
		}
		k := c.From + "|" + c.To + "|" + c.Protocol
		index[k] = append(index[k], c)
	}
	for _, p := range selectPairs(before, after, q) {
		ps := probes
		if !p.proto.HasPorts() {
			ps = []uint16{0}
		}
		for _, port := range ps {
			b := referenceSide(before, p.beforeFrom, p.beforeTo, p.beforeWhy, p, port)
			a := referenceSide(after, p.afterFrom, p.afterTo, p.afterWhy, p, port)
			kind, _, ok := classify(b, a)
			got := findChange(index[p.from+"|"+p.to+"|"+p.proto.String()], port, p.proto.HasPorts())
			compared++
			label := fmt.Sprintf("%s -> %s %s port %d", p.from, p.to, p.proto, port)
			switch {
			case !ok && got != nil:
				t.Errorf("%s: diff reports %s (%s), per-port answers agree (%s / %s)", label, got.Kind, got.Detail, b.Verdict, a.Verdict)
			case ok && got == nil:
				t.Errorf("%s: diff reports nothing, per-port answers differ: %s (before %+v, after %+v)", label, kind, b, a)
			case ok:
				changed++
				if got.Kind != kind || sideKey(got.Before) != sideKey(b) || sideKey(got.After) != sideKey(a) {
					t.Errorf("%s: diff reports %s\n before %+v\n after  %+v\nper-port: %s\n before %+v\n after  %+v",
						label, got.Kind, got.Before, got.After, kind, b, a)
				}
			}
		}
	}
	return compared, changed
}

// referenceSide answers one port on n as a user would with `analyze path
// --port`.
func referenceSide(n *analyzer.Network, from, to, why string, p pair, port uint16) Side {
	if from == "" || to == "" {
		return Side{Verdict: analyzer.NotApplicable, DecidedBy: why}
	}
	a, err := n.AnalyzePath(analyzer.Query{From: from, To: to, Protocol: p.proto, Port: port, HasPort: p.proto.HasPorts()})
	if err != nil {
		return Side{Verdict: analyzer.NotApplicable, DecidedBy: err.Error()}
	}
	s, _ := sideOf(n, &a.Answer)
	return s
}

// findChange returns the change whose ports hold port (any change for a
// protocol without ports), or nil. Two would be a bug: it fails loudly.
func findChange(cs []*Change, port uint16, hasPorts bool) *Change {
	var found *Change
	for _, c := range cs {
		if !hasPorts || c.Ports.Contains(port) {
			if found != nil {
				panic(fmt.Sprintf("port %d in two changes: %s and %s", port, found.Kind, c.Kind))
			}
			found = c
		}
	}
	return found
}
