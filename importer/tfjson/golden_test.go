package tfjson_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/importer"
	"github.com/vpcreach/vpcreach/importer/tfjson"
	"github.com/vpcreach/vpcreach/internal/diag"
	"github.com/vpcreach/vpcreach/topology"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// imported reads a testdata file, failing on any error, and returns the
// model and its rendered files.
func imported(t testing.TB, name, which string) (*importer.Model, []importer.File) {
	t.Helper()
	res := tfjson.Read(os.DirFS("testdata"), name, which)
	diags := res.Diags
	if !diags.HasErrors() {
		diags = append(diags, res.Model.Resolve()...)
	}
	if diags.HasErrors() {
		var b strings.Builder
		_ = diag.Write(&b, res.Files, diags)
		t.Fatalf("import of %s failed:\n%s", name, b.String())
	}
	return res.Model, importer.Render(res.Model)
}

// load loads rendered files, failing on errors.
func load(t testing.TB, files []importer.File) (*topology.Topology, *analyzer.Network) {
	t.Helper()
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
		t.Fatalf("the import does not load:\n%s", b.String())
	}
	return topo, net
}

// TestGolden imports the plan (after and before) and the state fixtures
// (testdata/README.md) and compares the files and report with
// testdata/golden/CASE (-update rewrites them); the output must load.
func TestGolden(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, file, which string }{
		{"plan-after", "plan.json", tfjson.StateAfter},
		{"plan-before", "plan.json", tfjson.StateBefore},
		{"state", "state.json", tfjson.StateAfter},
		{"state-more", "state-more.json", tfjson.StateAfter},
		{"plan-firewall", "plan-firewall.json", tfjson.StateAfter},
	}
	compared := 0
	for _, c := range cases {
		m, files := imported(t, c.file, c.which)
		if len(files) > 0 {
			load(t, files)
		}
		var report bytes.Buffer
		if err := m.Report.WriteJSON(&report); err != nil {
			t.Fatal(err)
		}
		files = append(files, importer.File{Name: "report.json", Data: report.Bytes()})
		compared += compareGolden(t, filepath.Join("testdata", "golden", c.name), files)
	}
	if compared < 10 {
		t.Fatalf("compared %d files, want at least 10", compared)
	}
}

func compareGolden(t *testing.T, dir string, files []importer.File) int {
	t.Helper()
	if *update {
		_ = os.RemoveAll(dir)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var want, got []string
	for _, e := range entries {
		want = append(want, e.Name())
	}
	n := 0
	for _, f := range files {
		got = append(got, f.Name)
		g, err := os.ReadFile(filepath.Join(dir, f.Name))
		if err != nil {
			t.Errorf("%s/%s: no golden file (run with -update): %v", dir, f.Name, err)
			continue
		}
		if !bytes.Equal(g, f.Data) {
			t.Errorf("%s/%s differs from its golden file (run with -update and review the diff):\n%s", dir, f.Name, f.Data)
		}
		n++
	}
	sort.Strings(got)
	if !slices.Equal(got, want) {
		t.Errorf("%s: rendered %v, golden %v", dir, got, want)
	}
	return n
}

// TestPlanUnknowns checks what a plan's values known only after apply
// become: references followed through the configuration (module
// variables included), placeholders listed as assumed.
func TestPlanUnknowns(t *testing.T) {
	t.Parallel()
	m, files := imported(t, "plan.json", tfjson.StateAfter)
	topo, net := load(t, files)
	assumed := map[string]bool{}
	for _, a := range m.Report.Assumed {
		assumed[a.Resource+" "+strings.Fields(a.Reason)[0]] = true
	}
	for _, want := range []string{"aws_instance.web private_ip", "aws_nat_gateway.nat public_ip", `module.spoke["a"].aws_instance.app private_ip`} {
		if !assumed[want] {
			t.Errorf("not reported as assumed: %s (report: %+v)", want, m.Report.Assumed)
		}
	}
	// The spoke's route to var.tgw_id names the root module's gateway.
	r, ok := topo.ResourceByOrigin(`module.spoke["a"].aws_route_table.app`)
	if !ok {
		t.Fatal(`module.spoke["a"].aws_route_table.app not imported`)
	}
	rt := r.(*topology.RouteTable)
	if len(rt.Routes) == 0 || rt.Routes[0].Target.String() != "transit_gateway.tgw" {
		t.Errorf("the spoke's default route goes to %v, want transit_gateway.tgw", rt.Routes)
	}
	// The hub instance reaches the internet through the NAT gateway.
	a, err := net.AnalyzePath(analyzer.Query{From: "aws_instance.web", To: "93.184.216.34", Port: 443, HasPort: true})
	if err != nil {
		t.Fatal(err)
	}
	if a.Verdict != analyzer.Reachable {
		t.Errorf("aws_instance.web -> internet: %s, want REACHABLE", a.Verdict)
	}
}

// TestStateAnswers asks the state fixture: spoke to spoke goes through the
// transit gateway and the inspection VPC's firewall.
func TestStateAnswers(t *testing.T) {
	t.Parallel()
	_, files := imported(t, "state.json", tfjson.StateAfter)
	topo, net := load(t, files)
	a, err := net.AnalyzePath(analyzer.Query{From: "i-0app", To: `module.spoke["db"].aws_instance.workload`, Port: 5432, HasPort: true})
	if err != nil {
		t.Fatal(err)
	}
	var comps []string
	for _, h := range a.ForwardPath {
		comps = append(comps, h.Component)
	}
	for _, id := range []string{"tgw-0core", "vpce-0fw1", "tgw-attach-0insp"} {
		r, ok := topo.ResourceByOrigin(id)
		if !ok || !slices.Contains(comps, r.Addr()) {
			t.Errorf("the forward path %v does not cross %s", comps, id)
		}
	}
}

// TestStateMore checks the resource types state-more.json adds: a
// secondary CIDR, the main route table association and a route in the
// former main table, a peering accepted by its accepter, prefix lists
// expanded, an instance whose primary interface is its own resource, an
// Elastic IP, the default security group, network ACL rules and
// associations.
func TestStateMore(t *testing.T) {
	t.Parallel()
	_, files := imported(t, "state-more.json", tfjson.StateAfter)
	topo, _ := load(t, files)
	get := func(id string) topology.Resource {
		r, ok := topo.ResourceByOrigin(id)
		if !ok {
			t.Fatalf("%s not imported", id)
		}
		return r
	}
	vpc := get("vpc-0a").(*topology.VPC)
	checks := []struct {
		what      string
		got, want any
	}{
		{"VPC a CIDRs", vpc.CIDRs, "[10.10.0.0/16 100.64.0.0/16]"},
		{"VPC a main route table", vpc.MainRouteTable.Addr(), get("rtb-0apriv").Addr()},
		{"former main table's route", get("rtb-0amain").(*topology.RouteTable).Routes[0].Target.String(), get("pcx-0ab").Addr()},
		{"private default route", get("rtb-0apriv").(*topology.RouteTable).Routes[0].Target.String(), get("eni-0appl").Addr()},
		{"appliance source/dest check", get("eni-0appl").(*topology.Instance).SourceDestCheck, false},
		{"web's Elastic IP", get("i-0web").(*topology.Instance).PublicIP, "203.0.113.50"},
		{"b's default security group", get("i-0b").(*topology.Instance).SecurityGroups[0].Addr(), get("sg-0bdef").Addr()},
		{"a2's network ACL", get("subnet-0a2").(*topology.Subnet).NetworkACL.Addr(), get("acl-0apriv").Addr()},
		{"acl-0apriv ingress rules", len(get("acl-0apriv").(*topology.NetworkACL).Ingress), 2},
		{"web's prefix list CIDRs", get("sg-0web").(*topology.SecurityGroup).Ingress[0].CIDRs, "[::/0 192.0.2.0/24 198.51.100.0/24]"},
	}
	for _, c := range checks {
		if fmt.Sprint(c.got) != fmt.Sprint(c.want) {
			t.Errorf("%s: %v, want %v", c.what, c.got, c.want)
		}
	}
}

// TestPlanFirewallEndpoints checks routes whose vpc_endpoint_id comes from
// a local value (not in the plan): each takes the firewall endpoint of its
// AZ, reported as assumed.
func TestPlanFirewallEndpoints(t *testing.T) {
	t.Parallel()
	m, files := imported(t, "plan-firewall.json", tfjson.StateAfter)
	topo, _ := load(t, files)
	n := 0
	for _, k := range []string{"a", "b"} {
		r, ok := topo.ResourceByOrigin(fmt.Sprintf("aws_route_table.app[%q]", k))
		if !ok {
			t.Fatalf("route table %s not imported", k)
		}
		routes := r.(*topology.RouteTable).Routes
		want := fmt.Sprintf("firewall_endpoint.inspection_us-east-1%s", k)
		if len(routes) == 0 || routes[0].Target.String() != want {
			t.Errorf("route table %s: %v, want its default route to %s", k, routes, want)
		}
		n++
	}
	assumed := 0
	for _, a := range m.Report.Assumed {
		if strings.HasPrefix(a.Resource, "aws_route.app_default") {
			assumed++
		}
	}
	if n != 2 || assumed != 2 {
		t.Errorf("checked %d tables, %d routes reported as assumed; want 2 and 2", n, assumed)
	}
}
