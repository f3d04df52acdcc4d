package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/analyzer"
)

// TestMatrixHTML renders the grouped matrix fixtures as heatmaps against
// testdata/matrix-groups-*.html (go test ./render -update rewrites them).
func TestMatrixHTML(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		port bool
	}{{"matrix-groups-port.html", true}, {"matrix-groups-ports.html", false}} {
		var buf bytes.Buffer
		if err := (Formatter{Format: HTML}).MatrixGroups(&buf, fixtureMatrixGroups(c.port)); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		golden(t, c.name, buf.Bytes())
	}
}

// TestHeatClass checks each cell's colour.
func TestHeatClass(t *testing.T) {
	t.Parallel()
	cases := []struct {
		c    analyzer.MatrixCell
		want string
	}{
		{analyzer.MatrixCell{Verdict: analyzer.Reachable}, "ok"},
		{analyzer.MatrixCell{Verdict: analyzer.Reachable, ReachablePorts: "any"}, "ok"},
		{analyzer.MatrixCell{Verdict: analyzer.Reachable, ReachablePorts: "443"}, "partial"},
		{analyzer.MatrixCell{Verdict: analyzer.NotReachable}, "bad"},
		{analyzer.MatrixCell{Verdict: analyzer.NotReachable, ReachablePorts: "none"}, "bad"},
		{analyzer.MatrixCell{Verdict: analyzer.Ambiguous}, "ambiguous"},
		{analyzer.MatrixCell{Verdict: analyzer.Reachable, ReachablePorts: "80", AmbiguousPorts: "443"}, "ambiguous"},
		{analyzer.MatrixCell{Verdict: analyzer.NotApplicable}, "na"},
	}
	for _, c := range cases {
		if got := heatClass(&c.c); got != c.want {
			t.Errorf("heatClass(%+v) = %q, want %q", c.c, got, c.want)
		}
	}
}

// TestMatrixHTMLEscapes checks that hostile endpoint names and deciders
// show as text.
func TestMatrixHTMLEscapes(t *testing.T) {
	t.Parallel()
	m := fixtureMatrixGroups(true)
	m.SourceGroups[0][0] = hostile
	m.DestinationGroups[1][0] = hostile
	m.Answers[0].DecidedBy = hostile
	var buf bytes.Buffer
	if err := (Formatter{Format: HTML}).MatrixGroups(&buf, m); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if strings.Contains(page, "<script") || strings.Contains(page, `"javascript`) {
		t.Error("hostile name left unescaped")
	}
	if n := strings.Count(page, "&lt;script&gt;"); n < 3 {
		t.Errorf("hostile name shown escaped %d times, want at least 3", n)
	}
}
