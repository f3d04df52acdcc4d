// Package golden compares test output with golden files under testdata/
// and renders diagnostics for them, the same way in every package's tests.
// The caller owns the -update flag and passes its value.
package golden

import (
	"bytes"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hashicorp/hcl/v2"
	"go4.org/netipx"

	"github.com/vpcreach/vpcreach/internal/diag"
	"github.com/vpcreach/vpcreach/ports"
)

// Check compares got with the file at path, or, with update, rewrites the
// file (creating its directory). A missing file fails the test with a hint
// to run with -update.
func Check(tb testing.TB, path, got string, update bool) {
	tb.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		tb.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

// RenderDiags renders diagnostics as the CLI does (sorted, HCL text
// writer, no color), each preceded by its exact subject range and the
// text it covers, so that goldens show the column too. files maps file
// names to their contents.
func RenderDiags(tb testing.TB, files map[string]string, diags hcl.Diagnostics) string {
	tb.Helper()
	sorted := append(hcl.Diagnostics(nil), diags...)
	SortDiags(sorted)
	hf := map[string]*hcl.File{}
	for name, src := range files {
		hf[name] = &hcl.File{Bytes: []byte(src)}
	}
	var buf bytes.Buffer
	for _, d := range sorted {
		s := d.Subject
		token := ""
		if src, ok := files[s.Filename]; ok && s.End.Byte <= len(src) && s.Start.Byte <= s.End.Byte {
			token = src[s.Start.Byte:s.End.Byte]
		}
		fmt.Fprintf(&buf, "@ %s:%d,%d-%d,%d %q\n", s.Filename, s.Start.Line, s.Start.Column, s.End.Line, s.End.Column, token)
		if err := diag.Write(&buf, hf, hcl.Diagnostics{d}); err != nil {
			tb.Fatal(err)
		}
	}
	return buf.String()
}

// SortDiags sorts diagnostics in place by file, position and summary, as
// the CLI prints them.
func SortDiags(diags hcl.Diagnostics) {
	sort.SliceStable(diags, func(i, j int) bool {
		a, b := diags[i].Subject, diags[j].Subject
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Start.Byte != b.Start.Byte {
			return a.Start.Byte < b.Start.Byte
		}
		return diags[i].Summary < diags[j].Summary
	})
}

// SetOptions returns cmp options that compare netip values, ports.Set and
// *netipx.IPSet by value (a nil set equals only nil).
func SetOptions() []cmp.Option {
	return []cmp.Option{
		cmpopts.EquateComparable(netip.Prefix{}, netip.Addr{}),
		cmp.Comparer(func(a, b ports.Set) bool { return a.Equal(b) }),
		cmp.Comparer(func(a, b *netipx.IPSet) bool {
			if a == nil || b == nil {
				return a == b
			}
			return a.Equal(b)
		}),
	}
}

// ReadSet reads a testdata list into a set: one entry a line, blanks
// around it trimmed, blank lines and '#' comments skipped.
func ReadSet(tb testing.TB, path string) map[string]bool {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string]bool{}
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out[l] = true
		}
	}
	return out
}
