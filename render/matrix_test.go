package render

import (
	"bytes"
	"testing"

	"github.com/vpcreach/vpcreach/analyzer"
)

// TestMatrixCellText checks the compact rendering of matrix cells.
func TestMatrixCellText(t *testing.T) {
	t.Parallel()
	cases := []struct {
		cell analyzer.MatrixCell
		want string
	}{
		{analyzer.MatrixCell{Verdict: analyzer.NotApplicable}, "n/a"},
		{analyzer.MatrixCell{Verdict: analyzer.Reachable}, "yes"},
		{analyzer.MatrixCell{Verdict: analyzer.NotReachable}, "no"},
		{analyzer.MatrixCell{Verdict: analyzer.Ambiguous}, "?"},
		{analyzer.MatrixCell{Verdict: analyzer.Reachable, ReachablePorts: "any"}, "all"},
		{analyzer.MatrixCell{Verdict: analyzer.NotReachable, ReachablePorts: "none"}, "-"},
		{analyzer.MatrixCell{Verdict: analyzer.Reachable, ReachablePorts: "443,8443"}, "443,8443"},
		{analyzer.MatrixCell{Verdict: analyzer.Ambiguous, ReachablePorts: "none", AmbiguousPorts: "443"}, "?443"},
		{analyzer.MatrixCell{Verdict: analyzer.Reachable, ReachablePorts: "80", AmbiguousPorts: "443"}, "80 ?443"},
		{analyzer.MatrixCell{Verdict: analyzer.Ambiguous, ReachablePorts: "none", AmbiguousPorts: "any"}, "?all"},
	}
	for _, c := range cases {
		if got := cellText(&c.cell); got != c.want {
			t.Errorf("%+v: %q, want %q", c.cell, got, c.want)
		}
	}
}

// TestMatrixTable renders the matrix fixtures against testdata.
func TestMatrixTable(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		port bool
	}{{"matrix-port.txt", true}, {"matrix-ports.txt", false}} {
		var buf bytes.Buffer
		if err := (Formatter{}).Matrix(&buf, fixtureMatrix(c.port)); err != nil {
			t.Fatal(err)
		}
		golden(t, c.name, buf.Bytes())
	}
}
