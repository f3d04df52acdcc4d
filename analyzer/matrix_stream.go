package analyzer

import (
	"context"
	"fmt"
	"path"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/vpcreach/vpcreach/topology"
)

// MatrixPlan is a matrix query resolved to its rows and columns, before any
// cell is answered: Size tells what it will cost. PlanMatrix makes one.
type MatrixPlan struct {
	Query        MatrixQueryInfo
	Sources      []string
	Destinations []string
	q            MatrixQuery
	srcs, dsts   []matrixEndpoint
}

// Size is the number of cells: sources times destinations.
func (p *MatrixPlan) Size() int { return len(p.srcs) * len(p.dsts) }

// MatrixRow is one source's row: its cells, one per destination in the
// order of MatrixPlan.Destinations. Index is the row's place in Sources.
type MatrixRow struct {
	Index  int
	Source string
	Cells  []*MatrixCell
}

// PatternError reports a --from or --to pattern of a matrix query that is
// malformed or matches no endpoint.
type PatternError struct {
	End     End
	Pattern string
	Err     error
}

// Error returns "source pattern "P": WHY".
func (e *PatternError) Error() string {
	return fmt.Sprintf("%s pattern %q: %v", e.End, e.Pattern, e.Err)
}

// Unwrap returns Err.
func (e *PatternError) Unwrap() error { return e.Err }

// PlanMatrix checks q and lists its sources and destinations (see Matrix),
// narrowed by q.From and q.To. An error is a *ProtocolError or a
// *PatternError (a malformed pattern, or one that matches nothing).
func (n *Network) PlanMatrix(q MatrixQuery) (*MatrixPlan, error) {
	if q.Protocol == 0 {
		q.Protocol = topology.ProtocolTCP
	}
	if _, err := (Query{Protocol: q.Protocol}).normalize(); err != nil {
		return nil, err
	}
	eps := n.matrixEndpoints(q.By)
	srcs, err := narrow(n.matrixSources(eps), q.From, Source)
	if err != nil {
		return nil, err
	}
	dsts, err := narrow(eps, q.To, Destination)
	if err != nil {
		return nil, err
	}
	return &MatrixPlan{Query: n.matrixQueryInfo(q), Sources: names(srcs), Destinations: names(dsts),
		q: q, srcs: srcs, dsts: dsts}, nil
}

// narrow keeps the endpoints whose name matches one of patterns (all of
// them when there is none). Every pattern must be well formed and match
// something.
func narrow(eps []matrixEndpoint, patterns []string, end End) ([]matrixEndpoint, error) {
	if len(patterns) == 0 {
		return eps, nil
	}
	keep := make([]bool, len(eps))
	for _, p := range patterns {
		hit := false
		for i, e := range eps {
			ok, err := path.Match(p, e.name)
			if err != nil {
				return nil, &PatternError{End: end, Pattern: p, Err: err}
			}
			if ok {
				keep[i], hit = true, true
			}
		}
		if !hit {
			return nil, &PatternError{End: end, Pattern: p, Err: errNoMatch(end)}
		}
	}
	var out []matrixEndpoint
	for i, e := range eps {
		if keep[i] {
			out = append(out, e)
		}
	}
	return out, nil
}

func errNoMatch(end End) error {
	if end == Source {
		return fmt.Errorf("matches no endpoint that can be a source")
	}
	return fmt.Errorf("matches no endpoint")
}

// MatrixRows answers every cell of p and calls emit once per source, in
// the order of p.Sources, from the calling goroutine. Rows are answered by
// p's workers, at most a few rows ahead of emit, so memory does not grow
// with the matrix. It stops when emit returns an error (and returns it) or
// when ctx is done (and returns ctx.Err()); the rows emitted until then
// are complete and correct.
func (n *Network) MatrixRows(ctx context.Context, p *MatrixPlan, emit func(MatrixRow) error) error {
	if len(p.srcs) == 0 || len(p.dsts) == 0 {
		return ctx.Err()
	}
	ctx, cancel := context.WithCancel(ctx)
	workers := p.q.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(p.srcs))
	out := make([]chan []*MatrixCell, len(p.srcs))
	for i := range out {
		out[i] = make(chan []*MatrixCell, 1)
	}
	ahead := make(chan struct{}, 2*workers) // rows taken and not yet emitted
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() { n.rowWorker(ctx, p, &next, ahead, out) })
	}
	defer func() { cancel(); wg.Wait() }()
	for i, s := range p.srcs {
		if err := ctx.Err(); err != nil { // no row after ctx is done, even one ready
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case cells := <-out[i]:
			if err := emit(MatrixRow{Index: i, Source: s.name, Cells: cells}); err != nil {
				return err
			}
			<-ahead
		}
	}
	return nil
}

// rowWorker answers rows in turn: it takes a slot in ahead, then the next
// row, and sends the row's cells on its channel. It stops once ctx is done
// or no row is left.
func (n *Network) rowWorker(ctx context.Context, p *MatrixPlan, next *atomic.Int64, ahead chan struct{}, out []chan []*MatrixCell) {
	for {
		select {
		case <-ctx.Done():
			return
		case ahead <- struct{}{}:
		}
		i := int(next.Add(1) - 1)
		if i >= len(p.srcs) {
			return
		}
		cells := make([]*MatrixCell, len(p.dsts))
		for j, d := range p.dsts {
			if ctx.Err() != nil {
				return
			}
			cells[j] = n.matrixCell(p.q, p.srcs[i], d)
		}
		out[i] <- cells
	}
}
