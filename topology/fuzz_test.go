package topology_test

import (
	"bytes"
	"testing"
	"testing/fstest"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/topology"
)

// FuzzLoad loads arbitrary bytes as main.hcl (next to a rules file, so
// rules_file = "r.rules" works). Loading must never panic, every
// diagnostic about a file must have a subject in a known file, and the
// diagnostics must render. The seeds in testdata/fuzz/FuzzLoad are the
// examples, each concatenated into one file.
func FuzzLoad(f *testing.F) {
	f.Add([]byte("vpc \"v\" {\n  cidr_blocks = [\"10.0.0.0/16\"]\n}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		fsys := fstest.MapFS{
			"main.hcl": {Data: src},
			"r.rules":  {Data: []byte("pass ip any any -> any any (sid:1;)\n")},
		}
		topo, diags := topology.LoadFS(fsys, ".")
		if topo == nil || topo.Files["main.hcl"] == nil {
			t.Fatal("no topology or main.hcl not in Files")
		}
		for _, d := range diags {
			if d.Subject == nil {
				t.Fatalf("diagnostic without subject: %s: %s", d.Summary, d.Detail)
			}
			if topo.Files[d.Subject.Filename] == nil {
				t.Fatalf("diagnostic subject in unknown file %q: %s", d.Subject.Filename, d.Summary)
			}
		}
		var buf bytes.Buffer
		if err := hcl.NewDiagnosticTextWriter(&buf, topo.Files, 0, false).WriteDiagnostics(diags); err != nil {
			t.Fatal(err)
		}
	})
}
