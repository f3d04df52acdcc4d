package analyzer

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/vpcreach/vpcreach/topology"
)

// TestGroupMatrixAgreesWithPathOnRandomTopologies is the property test of
// the grouped matrix: on random topologies, the groups partition the
// sources and destinations, and every pair of every group cell (but an
// endpoint with itself) is what AnalyzePath answers for it.
func TestGroupMatrixAgreesWithPathOnRandomTopologies(t *testing.T) {
	t.Parallel()
	seeds := 30
	if testing.Short() {
		seeds = 6
	}
	var compared, merged atomic.Int64
	t.Cleanup(func() {
		if c, m := compared.Load(), merged.Load(); c < int64(30*seeds) || m < int64(seeds/2) {
			t.Errorf("weak property test: %d pairs compared with AnalyzePath, %d groups of several endpoints; "+
				"want at least %d and %d", c, m, 30*seeds, seeds/2)
		}
	})
	for seed := range uint64(seeds) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			t.Parallel()
			src, _, _ := genTopology(seed + 7000)
			n := loadGenerated(t, src)
			for _, q := range []MatrixQuery{{By: MatrixBySubnet, Port: 443, HasPort: true}, {By: MatrixBySubnet},
				{By: MatrixByInstance, Protocol: topology.ProtocolUDP}, {By: MatrixByInstance, Port: 22, HasPort: true}} {
				c, m := checkMatrixGroups(t, n, q)
				compared.Add(int64(c))
				merged.Add(int64(m))
			}
			if t.Failed() {
				t.Logf("topology:\n%s", src)
			}
		})
	}
}

// checkMatrixGroups groups q's matrix on n and compares every pair with
// AnalyzePath. It returns the number of pairs compared and of groups with
// more than one member.
func checkMatrixGroups(t *testing.T, n *Network, q MatrixQuery) (compared, merged int) {
	t.Helper()
	p, err := n.PlanMatrix(q)
	if err != nil {
		t.Fatal(err)
	}
	g, err := n.GroupMatrix(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !sameSet(g.SourceGroups, p.Sources) ||
		!sameSet(g.DestinationGroups, p.Destinations) {
		t.Fatalf("%+v: groups %v x %v do not partition %v x %v", q, g.SourceGroups, g.DestinationGroups, p.Sources, p.Destinations)
	}
	if len(g.Cells) != len(g.SourceGroups)*len(g.DestinationGroups) || g.Pairs != p.Size() {
		t.Fatalf("%+v: %d cells for %d x %d groups, %d pairs", q, len(g.Cells), len(g.SourceGroups), len(g.DestinationGroups), g.Pairs)
	}
	m := &Matrix{Query: g.Query}
	for k, srcs := range g.SourceGroups {
		for l, dsts := range g.DestinationGroups {
			gc := g.Cell(k, l)
			for _, from := range srcs {
				for _, to := range dsts {
					c := &MatrixCell{From: from, To: to, Verdict: gc.Verdict, ReachablePorts: gc.ReachablePorts,
						AmbiguousPorts: gc.AmbiguousPorts, DecidedBy: gc.DecidedBy}
					if from == to {
						if len(srcs) == 1 && len(dsts) == 1 {
							checkCellAgainstPath(t, n, m, q, c)
						}
						continue
					}
					if checkCellAgainstPath(t, n, m, q, c) {
						compared++
					}
				}
			}
		}
	}
	for _, gs := range append(slices.Clone(g.SourceGroups), g.DestinationGroups...) {
		if len(gs) > 1 {
			merged++
		}
	}
	return compared, merged
}

// sameSet reports whether groups hold every name of names exactly once.
func sameSet(groups [][]string, names []string) bool {
	all := slices.Concat(groups...)
	slices.Sort(all)
	want := slices.Sorted(slices.Values(names))
	return slices.Equal(all, want)
}

// TestMatrixNarrowAndStream checks --from/--to narrowing (and its errors),
// that rows stream in order and agree with Matrix, and that a cancelled
// context or a failing emit stops the stream with its error.
func TestMatrixNarrowAndStream(t *testing.T) {
	t.Parallel()
	n := loadGenerated(t, genHubSpoke(3))
	full, err := n.Matrix(context.Background(), MatrixQuery{Port: 443, HasPort: true})
	if err != nil {
		t.Fatal(err)
	}
	if c, m := checkMatrixGroups(t, n, MatrixQuery{Port: 5432, HasPort: true}); c != len(full.Cells)-len(full.Sources) || m < 2 {
		t.Errorf("hub and spokes: %d pairs compared, want %d; %d groups of several endpoints", c, len(full.Cells)-len(full.Sources), m)
	}
	q := MatrixQuery{Port: 443, HasPort: true, From: []string{"subnet.s1_*", "subnet.s2_db_1a"}, To: []string{"internet", "subnet.s0_*"}}
	p, err := n.PlanMatrix(q)
	if err != nil {
		t.Fatal(err)
	}
	wantSrc := []string{"subnet.s1_app_1a", "subnet.s1_app_1b", "subnet.s1_db_1a", "subnet.s2_db_1a"}
	wantDst := []string{"subnet.s0_app_1a", "subnet.s0_app_1b", "subnet.s0_db_1a", "internet"}
	if !slices.Equal(p.Sources, wantSrc) || !slices.Equal(p.Destinations, wantDst) || p.Size() != 16 {
		t.Fatalf("narrowed to %v x %v", p.Sources, p.Destinations)
	}
	rows := 0
	err = n.MatrixRows(context.Background(), p, func(r MatrixRow) error {
		if r.Index != rows || r.Source != wantSrc[rows] || len(r.Cells) != len(wantDst) {
			t.Fatalf("row %d: %+v", rows, r)
		}
		for _, c := range r.Cells {
			if w := cellOf(t, full, c.From, c.To); *w != *c {
				t.Errorf("narrowed cell %+v, full matrix %+v", *c, *w)
			}
		}
		rows++
		return nil
	})
	if err != nil || rows != 4 {
		t.Fatalf("%d rows, %v", rows, err)
	}
	for _, bad := range []MatrixQuery{{From: []string{"subnet.nothing*"}}, {To: []string{"[x"}}, {From: []string{"subnet.hub_fw_1a"}}} {
		var pe *PatternError
		if _, err := n.PlanMatrix(bad); !errors.As(err, &pe) {
			t.Errorf("%+v: %v, want a *PatternError", bad, err)
		}
	}
	stop := errors.New("stop")
	p, _ = n.PlanMatrix(MatrixQuery{Port: 443, HasPort: true, Workers: 2})
	rows = 0
	if err := n.MatrixRows(context.Background(), p, func(MatrixRow) error { rows++; return stop }); err != stop || rows != 1 {
		t.Errorf("emit error: %v after %d rows", err, rows)
	}
	ctx, cancel := context.WithCancel(context.Background())
	rows = 0
	err = n.MatrixRows(ctx, p, func(MatrixRow) error {
		if rows++; rows == 2 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || rows != 2 {
		t.Errorf("cancelled: %v after %d rows", err, rows)
	}
	if _, err := n.GroupMatrix(ctx, p, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("GroupMatrix on a done context: %v", err)
	}
}

// TestGroupMatrixInterrupted stops a grouped matrix after two rows: it
// returns the context's error with the exact groups of those two rows.
func TestGroupMatrixInterrupted(t *testing.T) {
	t.Parallel()
	n := loadGenerated(t, genHubSpoke(2))
	p, err := n.PlanMatrix(MatrixQuery{Port: 5432, HasPort: true, Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	full, err := n.Matrix(context.Background(), MatrixQuery{Port: 5432, HasPort: true})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	g, err := n.GroupMatrix(ctx, p, func(rows int) {
		if rows == 2 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || g == nil || g.Pairs != 2*len(p.Destinations) ||
		!sameSet(g.SourceGroups, p.Sources[:2]) {
		t.Fatalf("%v; groups %+v", err, g)
	}
	compared := 0
	for k, srcs := range g.SourceGroups {
		for l, dsts := range g.DestinationGroups {
			gc := g.Cell(k, l)
			for _, from := range srcs {
				for _, to := range dsts {
					if c := cellOf(t, full, from, to); from != to {
						compared++
						if c.Verdict != gc.Verdict || c.DecidedBy != gc.DecidedBy {
							t.Errorf("%s -> %s: group answer %+v, cell %+v", from, to, gc, *c)
						}
					}
				}
			}
		}
	}
	if compared != 2*len(p.Destinations)-2 {
		t.Errorf("%d pairs compared, want %d", compared, 2*len(p.Destinations)-2)
	}
}
