package rules

import (
	"flag"
	"net/netip"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/internal/golden"
	"github.com/vpcreach/vpcreach/internal/testcorpus"
	"github.com/vpcreach/vpcreach/ports"
	"github.com/vpcreach/vpcreach/rules/syntax"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// checkGolden compares got with testdata/name, or rewrites the file with
// -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got, *update)
}

// pfx parses prefixes for tests.
func pfx(ss ...string) []netip.Prefix {
	out := make([]netip.Prefix, len(ss))
	for i, s := range ss {
		out[i] = netip.MustParsePrefix(s)
	}
	return out
}

// portSet parses a port list ("80,1024-65535") for tests.
func portSet(s string) ports.Set {
	p, err := ports.ParseList(s)
	if err != nil {
		panic(err)
	}
	return p
}

// lines joins lines with newlines (a trailing one included).
func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

// astCmpNoPos compares syntax trees structurally: positions, source text
// and format are ignored.
var astCmpNoPos = append(golden.SetOptions(),
	cmpopts.IgnoreTypes(hcl.Range{}),
	cmpopts.IgnoreFields(syntax.Rule{}, "Text", "Format"))

// checkRoundTrip checks that syntax.ParseRule(r.String()) gives r's syntax
// tree.
func checkRoundTrip(t *testing.T, r *Rule) {
	t.Helper()
	s := r.String()
	r2, diags := syntax.ParseRule(s, r.Range.Start, r.Range.Filename)
	if diags.HasErrors() {
		t.Errorf("%s: reparsing %q: %v", r.Location(), s, diags)
		return
	}
	if diff := cmp.Diff(r.Rule, r2, astCmpNoPos...); diff != "" {
		t.Errorf("%s: round trip of %q (-orig +reparsed):\n%s", r.Location(), r.Text, diff)
	}
}

// corpus returns the path of a shared corpus (see package testcorpus).
func corpus(t testing.TB, rel string) string {
	t.Helper()
	return testcorpus.Path(t, rel)
}
