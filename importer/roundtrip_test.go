package importer_test

import (
	"fmt"
	"math/rand/v2"
	"net/netip"
	"slices"
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/importer"
	"github.com/vpcreach/vpcreach/internal/diag"
	"github.com/vpcreach/vpcreach/topology"
)

// names are Name tags that test naming: duplicates, case, spaces, leading
// digits, characters a name cannot hold, none.
var names = []string{"web", "Web", "web server", "1st", "app-a", "db/primary", "", "", "ünïcode", "x_2", "x"}

// randomModel builds a random, consistent model: VPCs with subnets, route
// tables whose routes use every target kind, gateways, instances,
// security groups, network ACLs, peerings and a transit gateway.
func randomModel(r *rand.Rand) *importer.Model {
	m := &importer.Model{}
	o := func(id string) importer.Origin { return importer.Origin{AWSID: id, Name: names[r.IntN(len(names))]} }
	nv := 1 + r.IntN(4)
	tgw := &importer.TransitGateway{Origin: o("tgw-1")}
	tgwRT := &importer.TGWRouteTable{Origin: o("tgw-rtb-1"), TransitGateway: "tgw-1"}
	m.TransitGateways, m.TGWRouteTables = []*importer.TransitGateway{tgw}, []*importer.TGWRouteTable{tgwRT}
	for v := range nv {
		vid := fmt.Sprintf("vpc-%d", v)
		m.VPCs = append(m.VPCs, &importer.VPC{Origin: o(vid), CIDRs: []netip.Prefix{netip.MustParsePrefix(fmt.Sprintf("10.%d.0.0/16", v))}})
		sg := &importer.SecurityGroup{Origin: o(fmt.Sprintf("sg-%d", v)), VPC: vid}
		sg.Ingress = []importer.SGRule{{Protocol: "tcp", Ports: fmt.Sprint(1 + r.IntN(1000)), CIDRs: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}},
			{Protocol: "-1", SecurityGroups: []string{sg.AWSID}}}
		sg.Egress = []importer.SGRule{{Protocol: "-1", CIDRs: []netip.Prefix{netip.MustParsePrefix("0.0.0.0/0")}}}
		acl := &importer.NetworkACL{Origin: o(fmt.Sprintf("acl-%d", v)), VPC: vid,
			Ingress: []importer.NACLRule{{Number: 100, Allow: true, Protocol: "tcp", Ports: "1024-65535", CIDR: netip.MustParsePrefix("0.0.0.0/0")},
				{Number: 200, Allow: r.IntN(2) == 0, Protocol: "-1", CIDR: netip.MustParsePrefix("10.0.0.0/8")}},
			Egress: []importer.NACLRule{{Number: 100, Allow: true, Protocol: "-1", CIDR: netip.MustParsePrefix("0.0.0.0/0")}}}
		igw := &importer.InternetGateway{Origin: o(fmt.Sprintf("igw-%d", v)), VPC: vid}
		m.SecurityGroups, m.NetworkACLs, m.InternetGateways = append(m.SecurityGroups, sg), append(m.NetworkACLs, acl), append(m.InternetGateways, igw)
		ns := 1 + r.IntN(3)
		var subnets []string
		for s := range ns {
			sid := fmt.Sprintf("subnet-%d-%d", v, s)
			subnets = append(subnets, sid)
			cidr := netip.MustParsePrefix(fmt.Sprintf("10.%d.%d.0/24", v, s))
			sub := &importer.Subnet{Origin: o(sid), VPC: vid, CIDR: cidr, AZ: fmt.Sprintf("us-east-1%c", 'a'+s), NetworkACL: acl.AWSID}
			m.Subnets = append(m.Subnets, sub)
			inst := &importer.Instance{Origin: o(fmt.Sprintf("i-%d-%d", v, s)), Subnet: sid, SecurityGroups: []string{sg.AWSID}, SourceDestCheck: r.IntN(2) == 0}
			if r.IntN(2) == 0 {
				inst.PrivateIP = cidr.Addr().Next().Next().Next().Next().Next()
			}
			if r.IntN(3) == 0 {
				inst.PublicIP = netip.MustParseAddr(fmt.Sprintf("54.0.%d.%d", v, s+1))
			}
			m.Instances = append(m.Instances, inst)
		}
		nat := &importer.NATGateway{Origin: o(fmt.Sprintf("nat-%d", v)), Subnet: subnets[0]}
		if r.IntN(2) == 0 {
			nat.PublicIP = netip.MustParseAddr(fmt.Sprintf("3.0.0.%d", v+1))
		}
		m.NATGateways = append(m.NATGateways, nat)
		att := &importer.TGWAttachment{Origin: o(fmt.Sprintf("tgw-attach-%d", v)), TransitGateway: "tgw-1", VPC: vid, Subnets: subnets[:1],
			RouteTable: "tgw-rtb-1", PropagateTo: []string{"tgw-rtb-1"}, ApplianceMode: r.IntN(2) == 0}
		m.TGWAttachments = append(m.TGWAttachments, att)
		rt := &importer.RouteTable{Origin: o(fmt.Sprintf("rtb-%d", v)), VPC: vid, Routes: []importer.Route{
			{Destination: netip.MustParsePrefix("0.0.0.0/0"), Target: []string{igw.AWSID, nat.AWSID}[r.IntN(2)]},
			{Destination: netip.MustParsePrefix("172.16.0.0/12"), Target: "tgw-1"},
			{Destination: netip.MustParsePrefix("192.168.0.0/16"), Target: importer.TargetBlackhole},
			{Destination: netip.MustParsePrefix("100.64.0.0/10"), Target: fmt.Sprintf("i-%d-0", v)},
		}}
		m.RouteTables = append(m.RouteTables, rt)
		m.Subnets[len(m.Subnets)-1].RouteTable = rt.AWSID
		if r.IntN(2) == 0 {
			m.VPCs[v].MainRouteTable = rt.AWSID
		}
		tgwRT.Routes = append(tgwRT.Routes, importer.TGWRoute{Destination: netip.MustParsePrefix(fmt.Sprintf("10.%d.0.0/16", 100+v)), Attachment: att.AWSID})
	}
	for v := 1; v < nv; v++ {
		m.Peerings = append(m.Peerings, &importer.Peering{Origin: o(fmt.Sprintf("pcx-%d", v)), Requester: "vpc-0", Accepter: fmt.Sprintf("vpc-%d", v)})
	}
	return m
}

// originOf returns the AWS id a loaded resource was imported from.
func originOf(r topology.Resource) string {
	if o, ok := r.(interface{ Origin() (string, string) }); ok {
		id, _ := o.Origin()
		return id
	}
	return ""
}

// TestRoundTrip renders random models, loads the output and checks that
// the loaded topology holds the model: every resource by its AWS id, with
// its addresses, references, routes and rules.
func TestRoundTrip(t *testing.T) {
	t.Parallel()
	compared := 0
	for seed := range uint64(40) {
		m := randomModel(rand.New(rand.NewPCG(seed, 7)))
		files := importer.Render(m)
		again := importer.Render(randomModel(rand.New(rand.NewPCG(seed, 7))))
		if !slices.EqualFunc(files, again, func(a, b importer.File) bool { return a.Name == b.Name && string(a.Data) == string(b.Data) }) {
			t.Fatalf("seed %d: two renders of the same model differ", seed)
		}
		topo, diags := topology.LoadFS(importer.MapFS(files, "."), ".")
		if diags.HasErrors() {
			var b strings.Builder
			_ = diag.Write(&b, topo.Files, diags)
			t.Fatalf("seed %d: the rendered model does not load:\n%s", seed, b.String())
		}
		compared += checkModel(t, seed, m, topo)
	}
	if compared < 1000 {
		t.Fatalf("compared %d values, want at least 1000", compared)
	}
}

// checkModel compares the model with the loaded topology; it returns how
// many values it compared.
func checkModel(t *testing.T, seed uint64, m *importer.Model, topo *topology.Topology) int {
	t.Helper()
	n := 0
	eq := func(what string, got, want any) {
		n++
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("seed %d: %s: got %v, want %v", seed, what, got, want)
		}
	}
	get := func(id string) topology.Resource {
		r, ok := topo.ResourceByOrigin(id)
		if !ok {
			t.Fatalf("seed %d: %s is not in the loaded topology", seed, id)
		}
		return r
	}
	idOf := func(r topology.Resource) string {
		if r == nil {
			return ""
		}
		return originOf(r)
	}
	for _, v := range m.VPCs {
		tv := get(v.AWSID).(*topology.VPC)
		eq(v.AWSID+" cidrs", tv.CIDRs, v.CIDRs)
		if v.MainRouteTable != "" {
			eq(v.AWSID+" main route table", idOf(tv.MainRouteTable), v.MainRouteTable)
		}
	}
	for _, s := range m.Subnets {
		ts := get(s.AWSID).(*topology.Subnet)
		eq(s.AWSID+" vpc", idOf(ts.VPC), s.VPC)
		eq(s.AWSID+" cidr", ts.CIDR, s.CIDR)
		eq(s.AWSID+" az", ts.AZ, s.AZ)
		eq(s.AWSID+" acl", idOf(ts.NetworkACL), s.NetworkACL)
		if s.RouteTable != "" {
			eq(s.AWSID+" route table", idOf(ts.RouteTable), s.RouteTable)
		}
	}
	for _, rt := range m.RouteTables {
		trt := get(rt.AWSID).(*topology.RouteTable)
		var got, want []string
		for _, r := range trt.Routes {
			if r.Origin == topology.OriginDeclared {
				target := r.Target.String()
				if res := r.Target.Resource(); res != nil {
					target = idOf(res)
				}
				got = append(got, r.Destination.String()+">"+target)
			}
		}
		for _, r := range rt.Routes {
			want = append(want, r.Destination.String()+">"+r.Target)
		}
		eq(rt.AWSID+" routes", got, want)
	}
	for _, i := range m.Instances {
		ti := get(i.AWSID).(*topology.Instance)
		eq(i.AWSID+" subnet", idOf(ti.Subnet), i.Subnet)
		eq(i.AWSID+" private ip", ti.PrivateIP, i.PrivateIP)
		eq(i.AWSID+" public ip", ti.PublicIP, i.PublicIP)
		eq(i.AWSID+" source/dest check", ti.SourceDestCheck, i.SourceDestCheck)
		var sgs []string
		for _, g := range ti.SecurityGroups {
			sgs = append(sgs, idOf(g))
		}
		eq(i.AWSID+" security groups", sgs, i.SecurityGroups)
	}
	for _, g := range m.NATGateways {
		tg := get(g.AWSID).(*topology.NATGateway)
		eq(g.AWSID+" subnet", idOf(tg.Subnet), g.Subnet)
		eq(g.AWSID+" ips", []netip.Addr{tg.PrivateIP, tg.PublicIP}, []netip.Addr{g.PrivateIP, g.PublicIP})
	}
	for _, g := range m.SecurityGroups {
		tg := get(g.AWSID).(*topology.SecurityGroup)
		eq(g.AWSID+" rules", len(tg.Ingress)+len(tg.Egress), len(g.Ingress)+len(g.Egress))
		for k, r := range g.Ingress {
			eq(fmt.Sprintf("%s ingress %d", g.AWSID, k), []any{tg.Ingress[k].Protocol.String(), tg.Ingress[k].CIDRs, len(tg.Ingress[k].SecurityGroups)},
				[]any{map[string]string{"-1": "all"}[r.Protocol] + strings.TrimPrefix(r.Protocol, "-1"), r.CIDRs, len(r.SecurityGroups)})
		}
	}
	for _, a := range m.NetworkACLs {
		ta := get(a.AWSID).(*topology.NetworkACL)
		for k, r := range a.Ingress {
			tr := ta.Ingress[k]
			eq(fmt.Sprintf("%s ingress %d", a.AWSID, k), []any{tr.Number, tr.Allow, tr.CIDR}, []any{r.Number, r.Allow, r.CIDR})
		}
	}
	for _, p := range m.Peerings {
		tp := get(p.AWSID).(*topology.VPCPeering)
		eq(p.AWSID+" ends", []string{idOf(tp.Requester), idOf(tp.Accepter)}, []string{p.Requester, p.Accepter})
	}
	for _, a := range m.TGWAttachments {
		ta := get(a.AWSID).(*topology.TGWAttachment)
		var subs, props []string
		for _, s := range ta.Subnets {
			subs = append(subs, idOf(s))
		}
		for _, p := range ta.PropagateTo {
			props = append(props, idOf(p))
		}
		eq(a.AWSID+" attachment", []any{idOf(ta.TransitGateway), idOf(ta.VPC), subs, idOf(ta.RouteTable), props, ta.ApplianceMode},
			[]any{a.TransitGateway, a.VPC, a.Subnets, a.RouteTable, a.PropagateTo, a.ApplianceMode})
	}
	return n
}
