package topology_test

import (
	"bytes"
	"testing"
	"testing/fstest"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/internal/diag"
	"github.com/vpcreach/vpcreach/topology"
)

// isRawControl reports a control character a terminal would act on.
func isRawControl(r rune) bool {
	return (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x202e
}

// FuzzLoad loads arbitrary bytes as main.hcl (next to a rules file, so
// rules_file = "r.rules" works). Loading must never panic, every
// diagnostic about a file must have a subject in a known file, and the
// diagnostics must render, with no control character but new lines and
// tabs (diag.Write escapes the rest). The seeds in testdata/fuzz/FuzzLoad are the
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
		buf.Reset()
		if err := diag.Write(&buf, topo.Files, diags); err != nil {
			t.Fatal(err)
		}
		if i := bytes.IndexFunc(buf.Bytes(), isRawControl); i >= 0 {
			t.Fatalf("raw control character %q in the rendered diagnostics", buf.Bytes()[i])
		}
	})
}
