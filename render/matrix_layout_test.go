package render

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vpcreach/vpcreach/analyzer"
)

// squareMatrix is an n x n matrix by port of subnets named
// subnet.spoke_NN_app, every cell reachable but the diagonal.
func squareMatrix(n int) *analyzer.Matrix {
	m := &analyzer.Matrix{Query: analyzer.MatrixQueryInfo{By: "subnet", Protocol: "tcp",
		DestinationPort: ip(443), Internet: "203.0.113.50"}}
	for i := 0; i < n; i++ {
		m.Sources = append(m.Sources, fmt.Sprintf("subnet.spoke_%02d_app", i))
	}
	m.Destinations = m.Sources
	for _, a := range m.Sources {
		for _, b := range m.Destinations {
			v := analyzer.Reachable
			if a == b {
				v = analyzer.NotApplicable
			}
			m.Cells = append(m.Cells, &analyzer.MatrixCell{From: a, To: b, Verdict: v})
		}
	}
	return m
}

// TestMatrixLayouts: at 100 columns a matrix names its columns when they
// fit, numbers them (with borders, then without) when they do not, and
// lists the pairs when even that does not fit; every line fits.
func TestMatrixLayouts(t *testing.T) {
	t.Parallel()
	cases := []struct {
		n                        int
		named, numbered, borders bool
		pairLines                int // lines "A -> B: ..." (the list layout)
	}{
		{3, true, false, true, 0},
		{8, false, true, true, 0},
		{16, false, true, false, 0},
		{40, false, false, false, 40 * 39},
	}
	for _, c := range cases {
		var buf bytes.Buffer
		if err := (Formatter{}).Matrix(&buf, squareMatrix(c.n)); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, l := range strings.Split(out, "\n") {
			if utf8.RuneCountInString(l) > DefaultWidth {
				t.Errorf("n=%d: line wider than %d: %q", c.n, DefaultWidth, l)
			}
		}
		header := lineWith(out, `FROM \ TO`)
		if named := strings.Contains(header, "subnet.spoke_00_app"); named != c.named {
			t.Errorf("n=%d: named columns %v, want %v:\n%s", c.n, named, c.named, out)
		}
		if numbered := strings.Contains(out, "Destinations:\n"); numbered != c.numbered {
			t.Errorf("n=%d: numbered %v, want %v:\n%s", c.n, numbered, c.numbered, out)
		}
		if borders := strings.Contains(out, "+--"); borders != c.borders {
			t.Errorf("n=%d: borders %v, want %v:\n%s", c.n, borders, c.borders, out)
		}
		if got := strings.Count(out, " -> "); got != c.pairLines {
			t.Errorf("n=%d: %d pair lines, want %d", c.n, got, c.pairLines)
		}
	}
}

// lineWith returns the first line of s that contains sub, or "".
func lineWith(s, sub string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}
