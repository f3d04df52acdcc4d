package render

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/internal/diag"
	"github.com/vpcreach/vpcreach/topology"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// examplesDir holds the bundled examples, relative to this package.
const examplesDir = "../examples"

// exampleDirs returns the example directories (those with a queries.txt),
// failing when there are none.
func exampleDirs(t *testing.T) []string {
	t.Helper()
	qs, err := filepath.Glob(filepath.Join(examplesDir, "*", "queries.txt"))
	if err != nil || len(qs) == 0 {
		t.Fatalf("no examples with queries.txt under %s (%v)", examplesDir, err)
	}
	dirs := make([]string, len(qs))
	for i, q := range qs {
		dirs[i] = filepath.Dir(q)
	}
	return dirs
}

// compileExample loads and compiles the topology at dir, failing on any
// diagnostic.
func compileExample(t *testing.T, dir string) *analyzer.Network {
	t.Helper()
	topo, diags := topology.Load(dir)
	var net *analyzer.Network
	if !diags.HasErrors() {
		n, cd := analyzer.Compile(topo)
		net, diags = n, append(diags, cd...)
	}
	if len(diags) > 0 {
		var buf bytes.Buffer
		if topo != nil {
			_ = diag.Write(&buf, topo.Files, diags)
		}
		t.Fatalf("%s: %d diagnostics:\n%s", dir, len(diags), buf.String())
	}
	return net
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./render -update)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}
