package topology_test

import (
	"net/netip"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/policyspec"
	"github.com/vpcreach/vpcreach/ports"
	"github.com/vpcreach/vpcreach/topology"
)

// loadModel loads testdata/model.txtar, which must have no diagnostics.
func loadModel(t *testing.T) (*topology.Topology, fstest.MapFS) {
	t.Helper()
	data, err := os.ReadFile("testdata/model.txtar")
	if err != nil {
		t.Fatal(err)
	}
	_, fsys := parseTxtar(data)
	topo, diags := topology.LoadFS(fsys, ".")
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics:\n%s", render(t, topo, diags))
	}
	return topo, fsys
}

func res[T topology.Resource](t *testing.T, topo *topology.Topology, addr string) T {
	t.Helper()
	r, ok := topo.Resource(addr)
	if !ok {
		t.Fatalf("%s not found", addr)
	}
	v, ok := r.(T)
	if !ok {
		t.Fatalf("%s is a %T", addr, r)
	}
	return v
}

func pfx(s string) netip.Prefix { return netip.MustParsePrefix(s) }

func routes(rt *topology.RouteTable) []string {
	var out []string
	for _, r := range rt.Routes {
		out = append(out, r.Destination.String()+" "+r.Target.String())
	}
	return out
}

func names[R topology.Resource](rs []R) []string {
	out := []string{}
	for _, r := range rs {
		out = append(out, r.Addr())
	}
	return out
}

func TestModelNetwork(t *testing.T) {
	t.Parallel()
	topo, _ := loadModel(t)
	main := res[*topology.VPC](t, topo, "vpc.main")
	a := res[*topology.Subnet](t, topo, "subnet.a")
	b := res[*topology.Subnet](t, topo, "subnet.b")
	if a.VPC != main || b.VPC != main {
		t.Error("subnet VPC pointers")
	}
	if diff := cmp.Diff([]string{"subnet.a", "subnet.b"}, names(main.Subnets)); diff != "" {
		t.Errorf("VPC subnets sorted by CIDR (-want +got):\n%s", diff)
	}
	mrt := main.MainRouteTable
	if !mrt.Implicit || !mrt.IsMain || mrt.Addr() != "vpc.main.main_route_table" || a.RouteTable != mrt {
		t.Errorf("implicit main route table: %+v", mrt.Meta)
	}
	if diff := cmp.Diff([]string{"10.1.0.0/16 local", "10.50.0.0/16 local"}, routes(mrt)); diff != "" {
		t.Errorf("main routes (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"subnet.a"}, names(mrt.Subnets)); diff != "" {
		t.Errorf("main table subnets (-want +got):\n%s", diff)
	}
	app := res[*topology.RouteTable](t, topo, "route_table.app")
	// The declared route to 10.50.0.0/16 replaces that CIDR's local route.
	if diff := cmp.Diff([]string{"10.50.0.0/16 instance.appliance", "0.0.0.0/0 nat_gateway.nat", "10.1.0.0/16 local"}, routes(app)); diff != "" {
		t.Errorf("app routes (-want +got):\n%s", diff)
	}
	if app.Routes[1].Target.NATGateway != res[*topology.NATGateway](t, topo, "nat_gateway.nat") {
		t.Error("route target pointer")
	}
	if app.Routes[2].Origin != topology.OriginLocal || app.Routes[0].Origin != topology.OriginDeclared {
		t.Error("route origins")
	}
	spoke := res[*topology.VPC](t, topo, "vpc.spoke")
	if sm := res[*topology.RouteTable](t, topo, "route_table.spoke_main"); spoke.MainRouteTable != sm || !sm.IsMain ||
		len(sm.Subnets) != 2 {
		t.Error("declared main route table")
	}
	if main.InternetGateway != res[*topology.InternetGateway](t, topo, "internet_gateway.igw") {
		t.Error("VPC internet gateway")
	}
}

func TestModelDefaults(t *testing.T) {
	t.Parallel()
	topo, _ := loadModel(t)
	main := res[*topology.VPC](t, topo, "vpc.main")
	nat := res[*topology.NATGateway](t, topo, "nat_gateway.nat")
	if nat.PrivateIP != netip.MustParseAddr("10.1.1.4") || !nat.Public {
		t.Errorf("NAT defaults: %v public=%v", nat.PrivateIP, nat.Public)
	}
	appliance := res[*topology.Instance](t, topo, "instance.appliance")
	web := res[*topology.Instance](t, topo, "instance.web")
	if appliance.SourceDestCheck || !web.SourceDestCheck {
		t.Error("source_dest_check")
	}
	sg := main.DefaultSecurityGroup
	if diff := cmp.Diff([]string{"security_group.web", "vpc.main.default_security_group"}, names(web.SecurityGroups)); diff != "" {
		t.Errorf("declared SGs (-want +got):\n%s", diff)
	}
	if len(appliance.SecurityGroups) != 1 || appliance.SecurityGroups[0] != sg || !sg.Implicit || sg.VPC != main {
		t.Error("default SG")
	}
	if len(sg.Ingress) != 1 || sg.Ingress[0].SecurityGroups[0] != sg || sg.Ingress[0].Protocol != topology.ProtocolAll {
		t.Error("default SG ingress: all from itself")
	}
	if len(sg.Egress) != 1 || !cmp.Equal(sg.Egress[0].CIDRs, []netip.Prefix{pfx("0.0.0.0/0"), pfx("::/0")}, cmp.Comparer(func(a, b netip.Prefix) bool { return a == b })) {
		t.Error("default SG egress: all to 0.0.0.0/0 and ::/0")
	}
	acl := main.DefaultNetworkACL
	for _, rules := range [][]*topology.ACLRule{acl.Ingress, acl.Egress} {
		if len(rules) != 2 || rules[0].Number != 100 || rules[0].CIDR != pfx("0.0.0.0/0") ||
			rules[1].Number != 101 || rules[1].CIDR != pfx("::/0") || !rules[0].Allow || !rules[0].Ports.IsAll() {
			t.Errorf("default NACL rules: %+v", rules)
		}
	}
	if a := res[*topology.Subnet](t, topo, "subnet.a"); a.NetworkACL != acl || len(acl.Subnets) != 2 {
		t.Error("default NACL association")
	}
	p := res[*topology.FirewallPolicy](t, topo, "firewall_policy.p")
	if p.StatefulRuleOrder != policyspec.DefaultActionOrder || p.StreamExceptionPolicy != "DROP" || p.HomeNet != nil ||
		!cmp.Equal(p.StatelessDefaultActions, []string{"aws:forward_to_sfe"}) ||
		!cmp.Equal(p.StatelessFragmentDefaultActions, []string{"aws:forward_to_sfe"}) || p.StatefulDefaultActions != nil {
		t.Errorf("policy defaults: %+v", p)
	}
	if len(p.StatefulRuleGroups) != 4 || p.StatefulRuleGroups[2].HasPriority {
		t.Error("default action order accepts duplicate and missing priorities")
	}
}

func TestModelTransit(t *testing.T) {
	t.Parallel()
	topo, _ := loadModel(t)
	tgw := res[*topology.TransitGateway](t, topo, "transit_gateway.tgw")
	rt := res[*topology.TGWRouteTable](t, topo, "transit_gateway_route_table.rt")
	spoke := res[*topology.TGWAttachment](t, topo, "transit_gateway_attachment.spoke")
	mainAtt := res[*topology.TGWAttachment](t, topo, "transit_gateway_attachment.main")
	if diff := cmp.Diff([]string{"transit_gateway_attachment.main", "transit_gateway_attachment.spoke"}, names(tgw.Attachments)); diff != "" {
		t.Errorf("TGW attachments (-want +got):\n%s", diff)
	}
	if len(tgw.RouteTables) != 1 || tgw.RouteTables[0] != rt || rt.TransitGateway != tgw {
		t.Error("TGW route tables")
	}
	if diff := cmp.Diff([]string{"subnet.s0", "subnet.s1"}, names(spoke.Subnets)); diff != "" {
		t.Errorf("attachment subnets sorted by AZ (-want +got):\n%s", diff)
	}
	if spoke.SubnetInAZ("us-east-1b") != res[*topology.Subnet](t, topo, "subnet.s1") || !mainAtt.ApplianceMode || spoke.ApplianceMode {
		t.Error("attachment fields")
	}
	var got []string
	for _, r := range rt.Routes {
		s := r.Destination.String()
		switch {
		case r.Blackhole:
			s += " blackhole"
		case r.Propagated:
			s += " propagated " + r.Attachment.Addr()
		}
		got = append(got, s)
	}
	// The static blackhole route suppresses the spoke's propagated 10.2.0.0/16.
	want := []string{"10.2.0.0/16 blackhole", "10.1.0.0/16 propagated transit_gateway_attachment.main",
		"10.50.0.0/16 propagated transit_gateway_attachment.main"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("TGW routes (-want +got):\n%s", diff)
	}
	if r := rt.Routes[1].Range; r.Filename != "tgw.hcl" || r.Start.Line != 23 {
		t.Errorf("propagated route range = %v, want the propagate_to attribute at tgw.hcl:23", r)
	}
	if len(rt.Associations) != 1 || rt.Associations[0] != spoke || mainAtt.RouteTable != nil {
		t.Error("associations")
	}
	s1 := res[*topology.Subnet](t, topo, "subnet.s1")
	if len(s1.TGWAttachments) != 1 || s1.TGWAttachments[0] != spoke {
		t.Error("subnet attachments")
	}
}

func TestModelFirewall(t *testing.T) {
	t.Parallel()
	topo, _ := loadModel(t)
	fw := res[*topology.Firewall](t, topo, "network_firewall.fw")
	if diff := cmp.Diff([]string{"firewall_endpoint.e_a", "firewall_endpoint.e_b"}, names(fw.Endpoints)); diff != "" {
		t.Errorf("endpoints sorted by AZ (-want +got):\n%s", diff)
	}
	p := fw.Policy
	if len(p.Firewalls) != 1 || p.Firewalls[0] != fw || len(fw.VPC.Firewalls) != 1 {
		t.Error("back-references")
	}
	file := res[*topology.RuleGroup](t, topo, "rule_group.file")
	if tx := file.Text; tx == nil || !file.FromFile || tx.Filename != "rules/r.rules" || tx.LineStarts != nil ||
		tx.Text != "pass ip any any -> any any (sid:7;)\n" {
		t.Errorf("rules_file text: %+v", file.Text)
	}
	if f := topo.Files["rules/r.rules"]; f == nil || string(f.Bytes) != file.Text.Text {
		t.Error("rules file not registered in Files")
	}
	e := res[*topology.Expect](t, topo, "expect.e")
	if e.To.Prefix != pfx("93.184.216.0/24") || e.From.Resource == nil || !e.HasPorts ||
		!e.Ports.Equal(ports.NewSet(ports.Single(443), ports.Range{Lo: 8443, Hi: 8444})) || e.HasPort ||
		e.Reachable || len(e.Through) != 1 || e.Through[0] != fw {
		t.Errorf("expect: %+v", e)
	}
	if r := e.AttrRanges["ports"]; r.Start.Line != 60 || r.Start.Column != 3 {
		t.Errorf("expect ports attribute range = %v", r)
	}
}

// TestLineStarts checks that every line of an evaluated rules string maps
// back to where its text starts in the .hcl file.
func TestLineStarts(t *testing.T) {
	t.Parallel()
	topo, _ := loadModel(t)
	src := topo.Files["fw.hcl"].Bytes
	for _, name := range []string{"rule_group.heredoc", "rule_group.plain_heredoc", "rule_group.quoted"} {
		g := res[*topology.RuleGroup](t, topo, name)
		tx := g.Text
		lines := strings.Split(tx.Text, "\n")
		if tx.Filename != "fw.hcl" || len(tx.LineStarts) < len(lines)-1 {
			t.Fatalf("%s: %d line starts for %d lines", name, len(tx.LineStarts), len(lines))
		}
		for i, line := range lines {
			if line == "" {
				continue
			}
			p := tx.LineStarts[i]
			if name == "rule_group.quoted" {
				// Quoted text is escaped in the source: compare the start of
				// the line only.
				line = line[:10]
			}
			if got := string(src[p.Byte : p.Byte+len(line)]); got != line {
				t.Errorf("%s line %d at %v: source has %q, want %q", name, i, p, got, line)
			}
			if lineOf(src, p.Byte) != p.Line || colOf(src, p.Byte) != p.Column {
				t.Errorf("%s line %d: position %v disagrees with its byte offset", name, i, p)
			}
		}
	}
	h := res[*topology.RuleGroup](t, topo, "rule_group.heredoc").Text
	want := []hcl.Pos{{Line: 35, Column: 7}, {Line: 36, Column: 1}, {Line: 37, Column: 7}}
	for i, w := range want {
		if h.LineStarts[i].Line != w.Line || (w.Column != 1 && h.LineStarts[i].Column != w.Column) {
			t.Errorf("heredoc line %d at %v, want line %d column %d", i, h.LineStarts[i], w.Line, w.Column)
		}
	}
}

func lineOf(src []byte, off int) int { return strings.Count(string(src[:off]), "\n") + 1 }

func colOf(src []byte, off int) int {
	return off - strings.LastIndex(string(src[:off]), "\n")
}

func TestIndex(t *testing.T) {
	t.Parallel()
	topo, _ := loadModel(t)
	if got := names(topo.SubnetsContaining(netip.MustParseAddr("10.1.1.77"))); !cmp.Equal(got, []string{"subnet.a"}) {
		t.Errorf("SubnetsContaining = %v", got)
	}
	if h := topo.PublicIPHolder(netip.MustParseAddr("203.0.113.20")); h == nil || h.Addr() != "instance.web" {
		t.Errorf("PublicIPHolder = %v", h)
	}
	if got := names(topo.VPCsContaining(netip.MustParseAddr("10.50.1.1"))); !cmp.Equal(got, []string{"vpc.main"}) {
		t.Errorf("VPCsContaining = %v", got)
	}
}

// TestLoadPaths checks the file names of Load for a directory and a file.
func TestLoadPaths(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := "vpc \"v\" {\n  cidr_blocks = [\"10.0.0.0/16\"]\n}\n"
	if err := os.WriteFile(dir+"/a.hcl", []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir+"/ignored.txt", []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	topo, diags := topology.Load(dir + "/")
	if len(diags) > 0 || topo.Files[dir+"/a.hcl"] == nil || len(topo.Files) != 1 {
		t.Errorf("Load(dir): files %v, diags %v", topo.Files, diags)
	}
	topo, diags = topology.Load(dir + "/a.hcl")
	if len(diags) > 0 || topo.Files[dir+"/a.hcl"] == nil || len(topo.VPCs) != 1 {
		t.Errorf("Load(file): files %v, diags %v", topo.Files, diags)
	}
	if _, diags := topology.Load(dir + "/missing"); !diags.HasErrors() {
		t.Error("Load(missing) has no error")
	}
}
