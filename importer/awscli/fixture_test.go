package awscli_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/importer"
	"github.com/vpcreach/vpcreach/importer/awscli"
	"github.com/vpcreach/vpcreach/internal/diag"
	"github.com/vpcreach/vpcreach/topology"
)

var update = flag.Bool("update", false, "rewrite the golden files")

const fixture = "testdata/network"

// readFixture imports paths of the fixture directory (all of it when
// none), failing on any error.
func readFixture(t testing.TB, paths ...string) (*importer.Model, []importer.File) {
	t.Helper()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	res := awscli.Read(os.DirFS(fixture), paths)
	diags := res.Diags
	if !diags.HasErrors() {
		diags = append(diags, res.Model.Resolve()...)
	}
	if diags.HasErrors() {
		var b strings.Builder
		_ = diag.Write(&b, res.Files, diags)
		t.Fatalf("import of %s failed:\n%s", fixture, b.String())
	}
	return res.Model, importer.Render(res.Model)
}

// TestFixtureGolden imports the per-resource fixture (one file per AWS CLI
// call, testdata/network/README.md) and compares every rendered file and
// the report with testdata/network.golden (-update rewrites them).
func TestFixtureGolden(t *testing.T) {
	t.Parallel()
	m, files := readFixture(t)
	var report bytes.Buffer
	if err := m.Report.WriteJSON(&report); err != nil {
		t.Fatal(err)
	}
	files = append(files, importer.File{Name: "report.json", Data: report.Bytes()})
	golden := fixture + ".golden"
	if *update {
		_ = os.RemoveAll(golden)
		if err := os.MkdirAll(golden, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if err := os.WriteFile(filepath.Join(golden, f.Name), f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	entries, err := os.ReadDir(golden)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, e := range entries {
		want = append(want, e.Name())
	}
	var got []string
	compared := 0
	for _, f := range files {
		got = append(got, f.Name)
		g, err := os.ReadFile(filepath.Join(golden, f.Name))
		if err != nil {
			t.Errorf("%s: no golden file (run with -update): %v", f.Name, err)
			continue
		}
		if !bytes.Equal(g, f.Data) {
			t.Errorf("%s differs from its golden file (run with -update and review the diff):\n%s", f.Name, f.Data)
		}
		compared++
	}
	sort.Strings(got)
	if !slices.Equal(got, want) {
		t.Errorf("rendered files %v, golden files %v", got, want)
	}
	if compared < 6 {
		t.Fatalf("compared %d files, want at least 6", compared)
	}
}

// TestDeterministic imports the fixture twice, the second time naming its
// files one by one in reverse order: the output is byte-identical.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	_, first := readFixture(t)
	entries, err := os.ReadDir(fixture)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".json") {
			names = append([]string{e.Name()}, names...)
		}
	}
	_, second := readFixture(t, names...)
	if len(first) != len(second) || len(first) == 0 {
		t.Fatalf("%d files, then %d", len(first), len(second))
	}
	for i := range first {
		if first[i].Name != second[i].Name || !bytes.Equal(first[i].Data, second[i].Data) {
			t.Errorf("file %d: %s and %s differ between two imports of the same input", i, first[i].Name, second[i].Name)
		}
	}
}

// TestFixtureAnswers loads the imported fixture and asks questions whose
// answers follow from the describe output, naming endpoints by AWS id.
func TestFixtureAnswers(t *testing.T) {
	t.Parallel()
	_, files := readFixture(t)
	topo, diags := topology.LoadFS(importer.MapFS(files, "."), ".")
	var net *analyzer.Network
	if !diags.HasErrors() {
		var cd = diags
		net, cd = analyzer.Compile(topo)
		diags = append(diags, cd...)
	}
	if diags.HasErrors() {
		var b strings.Builder
		_ = diag.Write(&b, topo.Files, diags)
		t.Fatalf("the imported fixture does not load:\n%s", b.String())
	}
	tests := []struct {
		q    analyzer.Query
		want analyzer.Verdict
	}{
		// web -> NAT -> firewall (allow-listed SNI) -> IGW, and back
		// through the IGW's edge route table to the firewall.
		{analyzer.Query{From: "i-0web", To: "93.184.216.34", Port: 443, HasPort: true, SNI: "api.example.org"}, analyzer.Reachable},
		// the SNI is not allow-listed (after NAT, $WEB no longer matches)
		{analyzer.Query{From: "i-0web", To: "93.184.216.34", Port: 443, HasPort: true, SNI: "www.example.com"}, analyzer.NotReachable},
		{analyzer.Query{From: "i-0web", To: "93.184.216.34", Port: 443, HasPort: true}, analyzer.Ambiguous},
		// over the peering, to the shared VPC's DNS
		{analyzer.Query{From: "i-0web", To: "10.1.1.10", Protocol: topology.ProtocolUDP, Port: 53, HasPort: true}, analyzer.Reachable},
		// sg-0web admits 443 from 10.0.0.0/16 only
		{analyzer.Query{From: "i-0svc", To: "i-0web", Port: 443, HasPort: true}, analyzer.NotReachable},
		// the S3 gateway endpoint's routes are blackholes (not modelled)
		{analyzer.Query{From: "i-0web", To: "52.216.1.1", Port: 443, HasPort: true}, analyzer.NotReachable},
	}
	for _, tt := range tests {
		a, err := net.AnalyzePath(tt.q)
		if err != nil {
			t.Errorf("%s -> %s: %v", tt.q.From, tt.q.To, err)
			continue
		}
		if a.Verdict != tt.want {
			t.Errorf("%s -> %s %d (sni %q): %s, want %s", tt.q.From, tt.q.To, tt.q.Port, tt.q.SNI, a.Verdict, tt.want)
		}
	}
}

// importerRender renders a read result (for the fuzz target).
func importerRender(res *awscli.Result) []importer.File { return importer.Render(res.Model) }
