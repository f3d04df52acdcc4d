package syntax

import (
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/internal/golden"
	"github.com/vpcreach/vpcreach/internal/testcorpus"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// checkGolden compares got with testdata/name, or rewrites the file with
// -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got, *update)
}

// lines joins lines with newlines (a trailing one included).
func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

// astCmp compares rules, addresses and sets structurally.
var astCmp = golden.SetOptions()

// astCmpNoPos is astCmp on the syntax tree only: positions, source text,
// and format are ignored.
var astCmpNoPos = append(append([]cmp.Option{}, astCmp...),
	cmpopts.IgnoreTypes(hcl.Range{}),
	cmpopts.IgnoreFields(Rule{}, "Text", "Format"))

// corpus returns the path of a shared corpus (see package testcorpus).
func corpus(t testing.TB, rel string) string {
	t.Helper()
	return testcorpus.Path(t, rel)
}
