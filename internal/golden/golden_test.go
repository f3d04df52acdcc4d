package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

// recorder is a testing.TB that records failures instead of stopping.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper()                        {}
func (r *recorder) Errorf(string, ...any)          { r.failed = true }
func (r *recorder) Fatalf(format string, a ...any) { r.failed = true }

func TestCheck(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "sub", "x.golden")
	missing := &recorder{TB: t}
	Check(missing, path, "a\n", false)
	Check(t, path, "a\n", true)
	if b, err := os.ReadFile(path); err != nil || string(b) != "a\n" {
		t.Fatalf("update wrote %q, %v", b, err)
	}
	same, differs := &recorder{TB: t}, &recorder{TB: t}
	Check(same, path, "a\n", false)
	Check(differs, path, "b\n", false)
	if !missing.failed || same.failed || !differs.failed {
		t.Errorf("failed: missing %v, same %v, differs %v; want true, false, true", missing.failed, same.failed, differs.failed)
	}
}

func TestRenderDiags(t *testing.T) {
	t.Parallel()
	src := "alert tcp any any -> any any (sid:1;)\nbad\n"
	at := func(line, col, byte_ int) hcl.Pos { return hcl.Pos{Line: line, Column: col, Byte: byte_} }
	diags := hcl.Diagnostics{
		{Severity: hcl.DiagError, Summary: "Second", Subject: &hcl.Range{Filename: "r.rules", Start: at(2, 1, 38), End: at(2, 4, 41)}},
		{Severity: hcl.DiagWarning, Summary: "First", Subject: &hcl.Range{Filename: "r.rules", Start: at(1, 1, 0), End: at(1, 6, 5)}},
	}
	got := RenderDiags(t, map[string]string{"r.rules": src}, diags)
	first, second := strings.Index(got, `@ r.rules:1,1-1,6 "alert"`), strings.Index(got, `@ r.rules:2,1-2,4 "bad"`)
	if first < 0 || second < first || !strings.Contains(got, "Warning: First") || !strings.Contains(got, "Error: Second") {
		t.Errorf("RenderDiags:\n%s", got)
	}
	if diags[0].Summary != "Second" {
		t.Error("RenderDiags sorted its argument")
	}
}
