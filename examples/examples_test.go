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
// diagnostics, a README.md, and at least one expect block (a diff
// example: in each of its before and after versions).
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
			versions := []string{dir}
			if _, err := os.Stat(filepath.Join(dir, "before")); err == nil {
				// A diff example: two versions of one network.
				versions = []string{filepath.Join(dir, "before"), filepath.Join(dir, "after")}
			}
			for _, v := range versions {
				loadClean(t, v)
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

// loadClean loads the topology at dir and requires zero diagnostics and at
// least one expect block.
func loadClean(t *testing.T, dir string) {
	t.Helper()
	topo, diags := topology.Load(dir)
	if len(diags) > 0 {
		var buf bytes.Buffer
		_ = diag.Write(&buf, topo.Files, diags)
		t.Fatalf("%s: %d diagnostics:\n%s", dir, len(diags), buf.String())
	}
	if len(topo.Expects) == 0 {
		t.Errorf("%s: no expect blocks", dir)
	}
}
