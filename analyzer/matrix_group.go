package analyzer

import (
	"context"
	"hash/maphash"
	"slices"
)

// MatrixGroups is a matrix whose endpoints are grouped, as a person reads
// a connectivity map: sources whose rows give the same answer for every
// destination form a source group, destinations whose columns give the
// same answer for every source a destination group, and each pair of
// groups has one answer (`vpcreach analyze matrix` without --expand; its
// JSON is render/jsonwire.MatrixGroups).
//
// The grouping is exact: the answer of a group cell is the answer of every
// pair of its source and destination groups, as Matrix (and AnalyzePath)
// gives it, except the pairs of an endpoint with itself, which ask nothing
// and are left out. A group cell whose only pair is an endpoint with
// itself is NOT_APPLICABLE ("same endpoint").
type MatrixGroups struct {
	SchemaVersion     int
	Query             MatrixQueryInfo
	SourceGroups      [][]string
	DestinationGroups [][]string
	// Answers are the distinct answers. Cells holds, for each source
	// group and destination group, row by row, the index of its answer in
	// Answers: four bytes per cell, however many groups there are.
	Answers []MatrixAnswer
	Cells   []uint32
	// Pairs is the number of pairs answered: sources times destinations.
	Pairs int
}

// MatrixAnswer is the answer of a pair, or of every pair of a group
// cell: the fields of MatrixCell without the pair, meaning what they mean
// there.
type MatrixAnswer struct {
	Verdict        Verdict
	ReachablePorts string
	AmbiguousPorts string
	DecidedBy      string
}

// Cell returns the answer of source group k and destination group l.
func (m *MatrixGroups) Cell(k, l int) MatrixAnswer {
	return m.Answers[m.Cells[k*len(m.DestinationGroups)+l]]
}

// GroupMatrix answers every pair of p (as MatrixRows does, calling
// progress, when not nil, with the number of rows answered so far) and
// groups the answers. It keeps one small integer per pair, not the cells.
// When ctx is done first it returns ctx.Err() with the groups of the rows
// answered until then (the first sources of p), or nil if there is none.
func (n *Network) GroupMatrix(ctx context.Context, p *MatrixPlan, progress func(rows int)) (*MatrixGroups, error) {
	g := newGrouper(p)
	err := n.MatrixRows(ctx, p, func(r MatrixRow) error {
		g.add(r)
		if progress != nil {
			progress(r.Index + 1)
		}
		return nil
	})
	if err != nil {
		if len(g.ids) == 0 || ctx.Err() == nil {
			return nil, err
		}
		return g.result(), err
	}
	return g.result(), nil
}

// grouper collects a matrix's answers as small integers (ids into
// answers), row by row, and groups them (see result).
type grouper struct {
	plan    *MatrixPlan
	answers []MatrixAnswer
	index   map[MatrixAnswer]uint32
	ids     [][]uint32
	diag    []int // the destination column of each source, or -1
	// cand and count are each column's majority vote (Boyer-Moore) over
	// the pairs that are not an endpoint with itself.
	cand, count []uint32
	same        uint32 // the id of the "same endpoint" answer, if seen
	seed        maphash.Seed
}

func newGrouper(p *MatrixPlan) *grouper {
	return &grouper{plan: p, index: map[MatrixAnswer]uint32{}, same: ^uint32(0),
		cand: make([]uint32, len(p.dsts)), count: make([]uint32, len(p.dsts)), seed: maphash.MakeSeed()}
}

func (g *grouper) intern(c *MatrixCell) uint32 {
	k := MatrixAnswer{c.Verdict, c.ReachablePorts, c.AmbiguousPorts, c.DecidedBy}
	id, ok := g.index[k]
	if !ok {
		id = uint32(len(g.answers))
		g.answers = append(g.answers, k)
		g.index[k] = id
	}
	return id
}

// add records row r: one id per cell, and the column votes.
func (g *grouper) add(r MatrixRow) {
	row := make([]uint32, len(r.Cells))
	d := -1
	for j, c := range r.Cells {
		row[j] = g.intern(c)
		if c.From == c.To {
			d, g.same = j, row[j]
			continue
		}
		switch {
		case g.count[j] == 0:
			g.cand[j], g.count[j] = row[j], 1
		case g.cand[j] == row[j]:
			g.count[j]++
		default:
			g.count[j]--
		}
	}
	g.ids = append(g.ids, row)
	g.diag = append(g.diag, d)
}

// result groups the rows and columns. The pair of an endpoint with itself
// asks nothing, so its id is first replaced by its column's majority
// answer: any value would keep the grouping exact for every other pair
// (each is left as answered), and the majority makes the groups largest.
func (g *grouper) result() *MatrixGroups {
	p := g.plan
	for i, d := range g.diag {
		if d >= 0 && g.count[d] > 0 {
			g.ids[i][d] = g.cand[d]
		}
	}
	rowGroups := groupVectors(len(g.ids), g.seed, func(i int, _ []uint32) []uint32 { return g.ids[i] })
	reps := make([][]uint32, len(rowGroups))
	for k, members := range rowGroups {
		reps[k] = g.ids[members[0]]
	}
	colGroups := groupVectors(len(p.dsts), g.seed, func(j int, buf []uint32) []uint32 {
		buf = buf[:0]
		for _, r := range reps {
			buf = append(buf, r[j])
		}
		return buf
	})
	m := &MatrixGroups{SchemaVersion: SchemaVersion, Query: p.Query, Pairs: len(g.ids) * len(p.dsts),
		SourceGroups: groupNames(rowGroups, p.Sources), DestinationGroups: groupNames(colGroups, p.Destinations),
		Answers: g.answers, Cells: make([]uint32, 0, len(rowGroups)*len(colGroups))}
	for k, rg := range rowGroups {
		for _, cg := range colGroups {
			id := reps[k][cg[0]]
			if len(rg) == 1 && len(cg) == 1 && p.Sources[rg[0]] == p.Destinations[cg[0]] {
				id = g.same
			}
			m.Cells = append(m.Cells, id)
		}
	}
	return m
}

// groupVectors groups the indexes 0..n-1 by equal vectors, each group in
// increasing order and the groups in the order of their first member.
// vec(i, buf) returns index i's vector, in buf or in a slice of its own
// that it does not change; groupVectors keeps no vector.
func groupVectors(n int, seed maphash.Seed, vec func(i int, buf []uint32) []uint32) [][]int {
	var groups [][]int
	byHash := map[uint64][]int{}
	var buf, firstBuf []uint32
	for i := range n {
		v := vec(i, buf)
		buf = v
		h := hashVector(seed, v)
		found := -1
		for _, k := range byHash[h] {
			firstBuf = vec(groups[k][0], firstBuf)
			if slices.Equal(firstBuf, v) {
				found = k
				break
			}
		}
		if found < 0 {
			found = len(groups)
			groups = append(groups, nil)
			byHash[h] = append(byHash[h], found)
		}
		groups[found] = append(groups[found], i)
	}
	return groups
}

func hashVector(seed maphash.Seed, v []uint32) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	var b [4]byte
	for _, x := range v {
		b[0], b[1], b[2], b[3] = byte(x), byte(x>>8), byte(x>>16), byte(x>>24)
		_, _ = h.Write(b[:])
	}
	return h.Sum64()
}

func groupNames(groups [][]int, names []string) [][]string {
	out := make([][]string, len(groups))
	for k, g := range groups {
		out[k] = make([]string, len(g))
		for i, x := range g {
			out[k][i] = names[x]
		}
	}
	return out
}
