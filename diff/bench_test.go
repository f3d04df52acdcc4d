package diff

import (
	"bytes"
	"context"
	"testing"
	"testing/fstest"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/internal/gen"
	"github.com/vpcreach/vpcreach/topology"
)

// compileFiles loads generated files from memory and compiles them.
func compileFiles(b *testing.B, files gen.Files) *analyzer.Network {
	b.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys["org/"+name] = &fstest.MapFile{Data: data}
	}
	topo, diags := topology.LoadFS(fsys, "org")
	if diags.HasErrors() {
		b.Fatal(diags.Error())
	}
	n, diags := analyzer.Compile(topo)
	if diags.HasErrors() {
		b.Fatal(diags.Error())
	}
	return n
}

// BenchmarkDiffGenerated diffs a vpcgen organisation (10 spokes, 1,000
// rules) against a copy whose east-west rules lose their first rule, by
// subnet over every port of tcp, udp and icmp: every pair is answered on
// both versions (no incremental evaluation yet).
func BenchmarkDiffGenerated(b *testing.B) {
	files, err := gen.Generate(gen.Config{Spokes: 10, Rules: 1000, Seed: 1, ApplianceMode: true})
	if err != nil {
		b.Fatal(err)
	}
	changed := gen.Files{}
	for k, v := range files {
		changed[k] = v
	}
	ew := changed["east-west.rules"]
	i := bytes.Index(ew, []byte("\npass "))
	j := bytes.IndexByte(ew[i+1:], '\n')
	if i < 0 || j < 0 {
		b.Fatal("no pass rule in east-west.rules")
	}
	changed["east-west.rules"] = append(append([]byte{}, ew[:i]...), ew[i+1+j:]...)
	before, after := compileFiles(b, files), compileFiles(b, changed)
	b.ResetTimer()
	var rep *Report
	for range b.N {
		rep, err = Compare(context.Background(), before, after, Query{})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rep.Pairs), "pairs")
	b.ReportMetric(float64(len(rep.Changes)), "changes")
	if len(rep.Blocks) != 1 {
		b.Fatalf("%d changed blocks, want 1", len(rep.Blocks))
	}
}
