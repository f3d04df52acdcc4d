package analyzer

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/vpcreach/vpcreach/internal/diag"
	"github.com/vpcreach/vpcreach/topology"
)

// loadFixture loads testdata/topo/NAME.txtar (HCL and rules files) and
// compiles it, failing the test on any error diagnostic.
func loadFixture(t testing.TB, name string) *Network {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", "topo", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return loadFS(t, fsys, "fixture "+name)
}

// loadFS loads and compiles the topology at the root of fsys, failing the
// test with the rendered diagnostics (and what it is) when it has errors.
func loadFS(t testing.TB, fsys fstest.MapFS, what string) *Network {
	t.Helper()
	topo, diags := topology.LoadFS(fsys, ".")
	if !diags.HasErrors() {
		n, cd := Compile(topo)
		diags = append(diags, cd...)
		if !diags.HasErrors() {
			return n
		}
	}
	var b strings.Builder
	if topo != nil {
		_ = diag.Write(&b, topo.Files, diags)
	}
	t.Fatalf("%s does not load:\n%s", what, b.String())
	return nil
}

// pathCase is one query and what its answer must contain.
type pathCase struct {
	name    string
	fixture string
	q       Query
	verdict Verdict
	// codes are the explanation codes, each "CODE/direction", in order.
	codes []string
	// details must be among the additional details ("CODE" or
	// "CODE/direction"); noDetails must not.
	details   []string
	noDetails []string
	// noCodes must not appear among the explanations.
	noCodes []string
}

func runPathCases(t *testing.T, cases []pathCase) {
	t.Helper()
	nets := map[string]*Network{}
	for _, c := range cases {
		if nets[c.fixture] == nil {
			nets[c.fixture] = loadFixture(t, c.fixture)
		}
	}
	for _, c := range cases {
		n := nets[c.fixture]
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			a, err := n.AnalyzePath(c.q)
			if err != nil {
				t.Fatalf("AnalyzePath: %v", err)
			}
			got := findingKeys(a.Explanations)
			if a.Verdict != c.verdict || !slices.Equal(got, c.codes) {
				t.Errorf("verdict %s, explanations %v; want %s, %v\n%s", a.Verdict, got, c.verdict, c.codes, dump(a))
			}
			details := findingKeys(a.AdditionalDetails)
			for _, d := range c.details {
				if !hasKey(details, d) {
					t.Errorf("additional details %v lack %s\n%s", details, d, dump(a))
				}
			}
			for _, d := range c.noDetails {
				if hasKey(details, d) {
					t.Errorf("additional details %v have %s", details, d)
				}
			}
			for _, code := range c.noCodes {
				if hasKey(got, code) {
					t.Errorf("explanations %v have %s", got, code)
				}
			}
		})
	}
}

func findingKeys(fs []*Finding) []string {
	out := []string{}
	for _, f := range fs {
		k := f.Code
		if f.Direction != "" {
			k += "/" + f.Direction
		}
		out = append(out, k)
	}
	return out
}

// hasKey reports whether keys holds k ("CODE/dir"), or any key of code k
// when k has no direction.
func hasKey(keys []string, k string) bool {
	for _, x := range keys {
		if x == k || (!strings.Contains(k, "/") && strings.SplitN(x, "/", 2)[0] == k) {
			return true
		}
	}
	return false
}

// dump renders an analysis compactly for failure messages.
func dump(a *Analysis) string {
	var b strings.Builder
	for _, sec := range []struct {
		name string
		hops []*Hop
	}{{"forward", a.ForwardPath}, {"return", a.ReturnPath}} {
		b.WriteString(sec.name + ":")
		for _, h := range sec.hops {
			b.WriteString(" " + h.Component)
			if h.Blocked {
				b.WriteString("!")
			}
		}
		b.WriteString("\n")
	}
	for _, f := range a.Explanations {
		b.WriteString("  E " + f.Code + " " + f.Direction + " " + f.Component + ": " + f.Message + "\n")
	}
	for _, f := range a.AdditionalDetails {
		b.WriteString("  D " + f.Code + " " + f.Direction + " " + f.Component + ": " + f.Message + "\n")
	}
	return b.String()
}

// expectRefused reports whether AnalyzePath must refuse q (an error, not
// an answer): both ends on the internet, or the same endpoint. Property
// tests count any other error as a failure.
func expectRefused(q Query) bool {
	internet := func(s string) bool { return strings.HasPrefix(s, "internet_gateway.") || s == internetHost }
	return q.From == q.To || (internet(q.From) && internet(q.To))
}
