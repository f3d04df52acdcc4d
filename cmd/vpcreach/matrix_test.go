package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/render"
	"github.com/vpcreach/vpcreach/topology"
)

// cancelWriter buffers what it is given and cancels a context at its
// n-th write.
type cancelWriter struct {
	bytes.Buffer
	writes, n int
	cancel    context.CancelFunc
}

func (w *cancelWriter) Write(p []byte) (int, error) {
	if w.writes++; w.writes == w.n {
		w.cancel()
	}
	return w.Buffer.Write(p)
}

func loadExample(t *testing.T, name string) *analyzer.Network {
	t.Helper()
	topo, diags := topology.Load(examplesDir + "/" + name)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	n, diags := analyzer.Compile(topo)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return n
}

// TestMatrixInterrupted stops matrices as SIGINT does (the context is
// cancelled): --expand keeps exactly the rows written before, a table
// listing its first row, JSON unterminated; the grouped matrix stopped
// before any row writes nothing. Each exits 130 and says so.
func TestMatrixInterrupted(t *testing.T) {
	t.Parallel()
	n := loadExample(t, "egress-inspection")
	p, err := n.PlanMatrix(analyzer.MatrixQuery{Port: 443, HasPort: true})
	if err != nil {
		t.Fatal(err)
	}
	cols := len(p.Destinations)
	for _, c := range []struct {
		format render.Format
		n      int // the write that cancels: the last of the first row
		check  func(out string) bool
	}{
		{render.Table, 2 + cols, func(out string) bool {
			return strings.Count(out, "\n") == 3+cols && !strings.Contains(out, "\n"+p.Sources[1]+" ") && !strings.Contains(out, "pairs reachable")
		}},
		{render.JSON, 2 + cols, func(out string) bool {
			return strings.Count(out, `"from": `) == cols && !strings.HasSuffix(out, "}\n")
		}},
	} {
		ctx, cancel := context.WithCancel(context.Background())
		w := &cancelWriter{n: c.n, cancel: cancel}
		var errb bytes.Buffer
		cl := newCLI(w, &errb)
		err := cl.matrixExpanded(ctx, n, p, render.Formatter{Format: c.format})
		var ce *codeError
		if !errors.As(err, &ce) || ce.code != exitInterrupted || !strings.Contains(err.Error(), "the first 1 of ") {
			t.Errorf("%s: %v, want exit 130 after 1 source", c.format, err)
		}
		if !c.check(w.String()) {
			t.Errorf("%s: interrupted output:\n%s", c.format, w.String())
		}
		cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	err = newCLI(&out, &errb).matrixGrouped(ctx, n, p, render.Formatter{})
	var ce *codeError
	if !errors.As(err, &ce) || ce.code != exitInterrupted || out.Len() > 0 {
		t.Errorf("grouped, cancelled before the first row: %v, %d bytes written", err, out.Len())
	}
}

// TestLargeMatrixNote checks the warning before a large matrix.
func TestLargeMatrixNote(t *testing.T) {
	t.Parallel()
	n := loadExample(t, "egress-inspection")
	p, err := n.PlanMatrix(analyzer.MatrixQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if got := largeMatrixNote(p, p.Size()); got != "" {
		t.Errorf("at the limit: %q", got)
	}
	got := largeMatrixNote(p, p.Size()-1)
	if !strings.HasPrefix(got, "vpcreach: ") || !strings.Contains(got, " pairs (") || !strings.Contains(got, "--from and --to") {
		t.Errorf("above the limit: %q", got)
	}
}
