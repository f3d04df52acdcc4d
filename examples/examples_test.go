package examples

import (
	"github.com/vpcreach/vpcreach/internal/diag"

	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/vpcreach/vpcreach/topology"
)

// TestExamplesLoad loads every example directory and requires zero
// diagnostics, a README.md, and at least one expect block.
func TestExamplesLoad(t *testing.T) {
	t.Parallel()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() || e.Name() == "testdata" {
			continue
		}
		n++
		dir := e.Name()
		t.Run(dir, func(t *testing.T) {
			t.Parallel()
			topo, diags := topology.Load(dir)
			if len(diags) > 0 {
				var buf bytes.Buffer
				_ = diag.Write(&buf, topo.Files, diags)
				t.Fatalf("%d diagnostics:\n%s", len(diags), buf.String())
			}
			if len(topo.Expects) == 0 {
				t.Error("no expect blocks")
			}
			if _, err := os.Stat(filepath.Join(dir, "README.md")); err != nil {
				t.Error(err)
			}
		})
	}
	if n == 0 {
		t.Fatal("no example directories")
	}
}
