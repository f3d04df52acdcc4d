package gen_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/internal/diag"
	"github.com/vpcreach/vpcreach/internal/gen"
	"github.com/vpcreach/vpcreach/topology"
)

// compile generates cfg, loads it through topology.LoadFS on an in-memory
// file system and compiles it, failing on any error diagnostic. It returns
// the network and every diagnostic.
func compile(t testing.TB, cfg gen.Config) (*analyzer.Network, hcl.Diagnostics) {
	t.Helper()
	files, err := gen.Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	topo, diags := topology.LoadFS(mapFS(files), ".")
	var n *analyzer.Network
	if !diags.HasErrors() {
		var cd hcl.Diagnostics
		n, cd = analyzer.Compile(topo)
		diags = append(diags, cd...)
	}
	if diags.HasErrors() {
		var b strings.Builder
		_ = diag.Write(&b, topo.Files, diags)
		t.Fatalf("generated organisation %+v does not load:\n%s", cfg, b.String())
	}
	return n, diags
}

func config(spokes, rules int, appliance bool) gen.Config {
	return gen.Config{Spokes: spokes, Rules: rules, Seed: 7, ApplianceMode: appliance}
}

// TestGeneratedValidates requires zero diagnostics (errors or warnings)
// and the requested size for a few organisations.
func TestGeneratedValidates(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ spokes, rules int }{{1, gen.MinRules}, {2, 100}, {25, 1000}, {60, 3000}} {
		t.Run("", func(t *testing.T) {
			t.Parallel()
			n, diags := compile(t, config(c.spokes, c.rules, true))
			if len(diags) > 0 {
				var b strings.Builder
				_ = diag.Write(&b, n.Topology().Files, diags)
				t.Fatalf("%d diagnostics:\n%s", len(diags), b.String())
			}
			topo := n.Topology()
			if got, want := len(topo.VPCs), c.spokes+2; got != want {
				t.Errorf("%d VPCs, want %d", got, want)
			}
			if got, want := len(topo.Instances), c.spokes*gen.NumAZs; got != want {
				t.Errorf("%d instances, want %d", got, want)
			}
			if got := n.RuleCount(); got < c.rules || got > c.rules+4 {
				t.Errorf("%d rules, want %d (+4 at most)", got, c.rules)
			}
		})
	}
}

// TestDeterministic requires the same files for the same Config and
// different rules for another seed.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	cfg := config(30, 500, true)
	a, err := gen.Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := gen.Generate(cfg)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
	cfg.Seed++
	c, _ := gen.Generate(cfg)
	if bytes.Equal(a["east-west.rules"], c["east-west.rules"]) {
		t.Error("another seed gives the same east-west rules")
	}
}

func TestConfigErrors(t *testing.T) {
	t.Parallel()
	for _, cfg := range []gen.Config{
		{Spokes: 0, Rules: 100}, {Spokes: gen.MaxSpokes + 1, Rules: 100}, {Spokes: 1, Rules: gen.MinRules - 1},
		{Spokes: 1, Rules: 100, ETOpen: filepath.Join(t.TempDir(), "none")},
	} {
		if _, err := gen.Generate(cfg); err == nil {
			t.Errorf("Generate(%+v) succeeded", cfg)
		}
	}
}

// TestWriteDir writes into a temporary directory, refuses to overwrite a
// topology, replaces one on request, and the result loads from disk.
func TestWriteDir(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "org")
	big, _ := gen.Generate(config(4, 100, true))
	small, _ := gen.Generate(config(2, 100, true))
	if err := big.WriteDir(dir, false); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("kept"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := small.WriteDir(dir, false); err == nil {
		t.Fatal("WriteDir overwrote a topology without replace")
	}
	if err := small.WriteDir(dir, true); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, gen.SpokeName(4)+".hcl")); !os.IsNotExist(err) {
		t.Errorf("stale spoke file left behind: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "notes.txt")); err != nil {
		t.Errorf("other file removed: %v", err)
	}
	topo, diags := topology.Load(dir)
	if len(diags) > 0 || len(topo.VPCs) != 4 {
		t.Errorf("%d VPCs, diagnostics %v", len(topo.VPCs), diags)
	}
}

// mapFS returns generated files as an in-memory file system rooted at ".".
func mapFS(files gen.Files) fstest.MapFS {
	m := fstest.MapFS{}
	for n, b := range files {
		m[n] = &fstest.MapFile{Data: b, Mode: 0o644}
	}
	return m
}
