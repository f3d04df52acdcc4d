package diag

import (
	"bytes"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

func rng(file string, l1, c1, b1, l2, c2, b2 int) *hcl.Range {
	return &hcl.Range{Filename: file, Start: hcl.Pos{Line: l1, Column: c1, Byte: b1}, End: hcl.Pos{Line: l2, Column: c2, Byte: b2}}
}

func TestWrite(t *testing.T) {
	t.Parallel()
	files := map[string]*hcl.File{
		"a.rules": {Bytes: []byte("pass tcp any any -> any 443 (sid:1;)\n\tdrop  x\n")},
		"b.hcl":   {Bytes: []byte("x = [\n  1,\n  2\n]\n")},
	}
	tests := []struct {
		name string
		d    *hcl.Diagnostic
		want string
	}{
		{"caret under the token", &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Bad port",
			Detail: "Ports are numbers.", Subject: rng("a.rules", 1, 25, 24, 1, 28, 27)},
			"a.rules:1:25: Error: Bad port\n\n   1: pass tcp any any -> any 443 (sid:1;)\n" +
				"                              ^^^\n\nPorts are numbers.\n\n"},
		{"tabs kept so carets align", &hcl.Diagnostic{Severity: hcl.DiagWarning, Summary: "Odd",
			Subject: rng("a.rules", 2, 8, 44, 2, 9, 45)},
			"a.rules:2:8: Warning: Odd\n\n   2: \tdrop  x\n      \t      ^\n\n"},
		{"multi-line subject", &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Bad list",
			Subject: rng("b.hcl", 1, 5, 4, 2, 5, 10)},
			"b.hcl:1:5: Error: Bad list\n\n   1: x = [\n          ^\n   2:   1,\n      ^^^^\n\n"},
		{"no source", &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Gone",
			Subject: rng("c.hcl", 3, 1, 0, 3, 2, 1)},
			"c.hcl:3:1: Error: Gone\n\n  (source code not available)\n\n"},
		{"no subject", &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Empty", Detail: "No files."},
			"Error: Empty\n\nNo files.\n\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := Write(&b, files, hcl.Diagnostics{tt.d}); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("%s:\ngot:\n%q\nwant:\n%q", tt.name, b.String(), tt.want)
		}
	}
}

func TestSortAndDedupe(t *testing.T) {
	t.Parallel()
	d1 := &hcl.Diagnostic{Summary: "b", Subject: rng("x.hcl", 2, 1, 0, 2, 2, 1)}
	d2 := &hcl.Diagnostic{Summary: "a", Subject: rng("x.hcl", 1, 5, 0, 1, 6, 1)}
	d3 := &hcl.Diagnostic{Summary: "a", Subject: rng("w.hcl", 9, 1, 0, 9, 2, 1)}
	dup := &hcl.Diagnostic{Summary: "a", Subject: rng("x.hcl", 1, 5, 0, 1, 6, 1)}
	got := Sort(Dedupe(hcl.Diagnostics{d1, d2, d3, dup}))
	want := hcl.Diagnostics{d3, d2, d1}
	if len(got) != len(want) {
		t.Fatalf("got %d diagnostics, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("position %d: %s, want %s", i, got[i].Summary, want[i].Summary)
		}
	}
}
