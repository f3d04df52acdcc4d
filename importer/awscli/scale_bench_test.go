package awscli_test

import (
	"encoding/json"
	"runtime"
	"testing"
	"testing/fstest"
	"time"

	"github.com/vpcreach/vpcreach/importer"
	"github.com/vpcreach/vpcreach/importer/awscli"
	"github.com/vpcreach/vpcreach/internal/gen"
	"github.com/vpcreach/vpcreach/topology"
)

// describeDump writes a loaded topology as the AWS CLI would describe it:
// one JSON file per call, ids made from the block names.
func describeDump(t *topology.Topology) fstest.MapFS {
	id := func(prefix string, r topology.Resource) string {
		if r == nil {
			return ""
		}
		return prefix + "-" + r.Addr()[len(r.Kind())+1:]
	}
	tags := func(r topology.Resource) []map[string]string {
		return []map[string]string{{"Key": "Name", "Value": r.Addr()[len(r.Kind())+1:]}}
	}
	var vpcs, subnets, rts, igws, nats, insts, sgs, acls, atts, vatts, trts, troutes, tprops []any
	for _, v := range t.VPCs {
		vpcs = append(vpcs, map[string]any{"VpcId": id("vpc", v), "CidrBlock": v.CIDRs[0].String(), "Tags": tags(v)})
	}
	for _, s := range t.Subnets {
		subnets = append(subnets, map[string]any{"SubnetId": id("subnet", s), "VpcId": id("vpc", s.VPC), "CidrBlock": s.CIDR.String(), "AvailabilityZone": s.AZ, "Tags": tags(s)})
	}
	for _, rt := range t.RouteTables {
		var routes, assocs []any
		for _, r := range rt.Routes {
			route := map[string]any{"DestinationCidrBlock": r.Destination.String(), "State": "active"}
			switch r.Target.Kind {
			case topology.TargetLocal:
				route["GatewayId"] = "local"
			case topology.TargetInternetGateway:
				route["GatewayId"] = id("igw", r.Target.InternetGateway)
			case topology.TargetNATGateway:
				route["NatGatewayId"] = id("nat", r.Target.NATGateway)
			case topology.TargetFirewallEndpoint:
				route["GatewayId"] = id("vpce", r.Target.FirewallEndpoint)
			case topology.TargetTransitGateway:
				route["TransitGatewayId"] = id("tgw", r.Target.TransitGateway)
			case topology.TargetBlackhole:
				route["State"] = "blackhole"
			}
			routes = append(routes, route)
		}
		for _, s := range rt.Subnets {
			assocs = append(assocs, map[string]any{"SubnetId": id("subnet", s), "Main": false})
		}
		rts = append(rts, map[string]any{"RouteTableId": id("rtb", rt), "VpcId": id("vpc", rt.VPC), "Routes": routes, "Associations": assocs, "Tags": tags(rt)})
	}
	for _, g := range t.InternetGateways {
		igws = append(igws, map[string]any{"InternetGatewayId": id("igw", g), "Attachments": []any{map[string]any{"VpcId": id("vpc", g.VPC), "State": "available"}}})
	}
	for _, n := range t.NATGateways {
		nats = append(nats, map[string]any{"NatGatewayId": id("nat", n), "SubnetId": id("subnet", n.Subnet), "State": "available",
			"NatGatewayAddresses": []any{map[string]any{"PrivateIp": n.PrivateIP.String(), "PublicIp": n.PublicIP.String()}}})
	}
	for _, i := range t.Instances {
		var groups []any
		for _, g := range i.SecurityGroups {
			groups = append(groups, map[string]any{"GroupId": id("sg", g)})
		}
		insts = append(insts, map[string]any{"InstanceId": id("i", i), "State": map[string]any{"Name": "running"}, "SubnetId": id("subnet", i.Subnet), "Tags": tags(i),
			"NetworkInterfaces": []any{map[string]any{"NetworkInterfaceId": id("eni", i), "SubnetId": id("subnet", i.Subnet), "PrivateIpAddress": i.PrivateIP.String(),
				"Attachment": map[string]any{"DeviceIndex": 0}, "Groups": groups, "SourceDestCheck": i.SourceDestCheck}}})
	}
	for _, g := range t.SecurityGroups {
		perms := func(rules []*topology.SGRule) []any {
			var out []any
			for _, r := range rules {
				p := map[string]any{"IpProtocol": map[topology.Protocol]string{topology.ProtocolAll: "-1", topology.ProtocolTCP: "tcp", topology.ProtocolUDP: "udp", topology.ProtocolICMP: "icmp"}[r.Protocol]}
				if r.Protocol.HasPorts() {
					p["FromPort"], p["ToPort"] = r.Ports.Lo, r.Ports.Hi
				}
				var ranges []any
				for _, c := range r.CIDRs {
					ranges = append(ranges, map[string]any{"CidrIp": c.String()})
				}
				p["IpRanges"] = ranges
				out = append(out, p)
			}
			return out
		}
		sgs = append(sgs, map[string]any{"GroupId": id("sg", g), "VpcId": id("vpc", g.VPC), "IpPermissions": perms(g.Ingress), "IpPermissionsEgress": perms(g.Egress)})
	}
	for _, a := range t.NetworkACLs {
		var entries, assocs []any
		for _, r := range append(append([]*topology.ACLRule(nil), a.Ingress...), a.Egress...) {
			e := map[string]any{"RuleNumber": r.Number, "Egress": r.Egress, "CidrBlock": r.CIDR.String(), "RuleAction": map[bool]string{true: "allow", false: "deny"}[r.Allow],
				"Protocol": map[topology.Protocol]string{topology.ProtocolAll: "-1", topology.ProtocolTCP: "6", topology.ProtocolUDP: "17", topology.ProtocolICMP: "1"}[r.Protocol]}
			if r.Protocol.HasPorts() {
				e["PortRange"] = map[string]any{"From": r.Ports.Lo, "To": r.Ports.Hi}
			}
			entries = append(entries, e)
		}
		for _, s := range a.Subnets {
			assocs = append(assocs, map[string]any{"SubnetId": id("subnet", s)})
		}
		acls = append(acls, map[string]any{"NetworkAclId": id("acl", a), "VpcId": id("vpc", a.VPC), "Entries": entries, "Associations": assocs})
	}
	for _, a := range t.TGWAttachments {
		var subs []string
		for _, s := range a.Subnets {
			subs = append(subs, id("subnet", s))
		}
		vatts = append(vatts, map[string]any{"TransitGatewayAttachmentId": id("tgw-attach", a), "TransitGatewayId": id("tgw", a.TransitGateway), "VpcId": id("vpc", a.VPC),
			"SubnetIds": subs, "State": "available", "Options": map[string]any{"ApplianceModeSupport": map[bool]string{true: "enable", false: "disable"}[a.ApplianceMode]}})
		att := map[string]any{"TransitGatewayAttachmentId": id("tgw-attach", a), "TransitGatewayId": id("tgw", a.TransitGateway), "ResourceType": "vpc", "ResourceId": id("vpc", a.VPC)}
		if a.RouteTable != nil {
			att["Association"] = map[string]any{"TransitGatewayRouteTableId": id("tgw-rtb", a.RouteTable), "State": "associated"}
		}
		atts = append(atts, att)
	}
	for _, rt := range t.TGWRouteTables {
		trts = append(trts, map[string]any{"TransitGatewayRouteTableId": id("tgw-rtb", rt), "TransitGatewayId": id("tgw", rt.TransitGateway)})
		var routes, props []any
		for _, r := range rt.Routes {
			if r.Propagated {
				continue
			}
			route := map[string]any{"DestinationCidrBlock": r.Destination.String(), "Type": "static", "State": "active"}
			if r.Blackhole {
				route["State"] = "blackhole"
			} else {
				route["TransitGatewayAttachments"] = []any{map[string]any{"TransitGatewayAttachmentId": id("tgw-attach", r.Attachment)}}
			}
			routes = append(routes, route)
		}
		for _, a := range t.TGWAttachments {
			for _, p := range a.PropagateTo {
				if p == rt {
					props = append(props, map[string]any{"TransitGatewayAttachmentId": id("tgw-attach", a), "State": "enabled"})
				}
			}
		}
		troutes = append(troutes, map[string]any{"TransitGatewayRouteTableId": id("tgw-rtb", rt), "Routes": routes})
		tprops = append(tprops, map[string]any{"TransitGatewayRouteTableId": id("tgw-rtb", rt), "TransitGatewayRouteTablePropagations": props})
	}
	var tgws []any
	for _, g := range t.TransitGateways {
		tgws = append(tgws, map[string]any{"TransitGatewayId": id("tgw", g), "State": "available"})
	}
	fsys := fstest.MapFS{}
	put := func(name string, v any) {
		data, err := json.MarshalIndent(v, "", " ")
		if err != nil {
			panic(err)
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	put("Vpcs.json", map[string]any{"Vpcs": vpcs})
	put("Subnets.json", map[string]any{"Subnets": subnets})
	put("RouteTables.json", map[string]any{"RouteTables": rts})
	put("InternetGateways.json", map[string]any{"InternetGateways": igws})
	put("NatGateways.json", map[string]any{"NatGateways": nats})
	put("Reservations.json", map[string]any{"Reservations": []any{map[string]any{"Instances": insts}}})
	put("SecurityGroups.json", map[string]any{"SecurityGroups": sgs})
	put("NetworkAcls.json", map[string]any{"NetworkAcls": acls})
	put("TransitGateways.json", map[string]any{"TransitGateways": tgws})
	put("TransitGatewayAttachments.json", map[string]any{"TransitGatewayAttachments": atts})
	put("TransitGatewayVpcAttachments.json", map[string]any{"TransitGatewayVpcAttachments": vatts})
	put("TransitGatewayRouteTables.json", map[string]any{"TransitGatewayRouteTables": trts})
	put("TransitGatewayStaticRoutes.json", map[string]any{"TransitGatewayStaticRoutes": troutes})
	put("TransitGatewayPropagations.json", map[string]any{"TransitGatewayPropagations": tprops})
	for _, f := range t.Firewalls {
		sync := map[string]any{}
		for _, e := range f.Endpoints {
			sync[e.Subnet.AZ] = map[string]any{"Attachment": map[string]any{"SubnetId": id("subnet", e.Subnet), "EndpointId": id("vpce", e)}}
		}
		put("firewall-"+f.Name+".json", map[string]any{"Firewall": map[string]any{"FirewallArn": "arn:fw/" + f.Name, "FirewallName": f.Name, "VpcId": id("vpc", f.VPC),
			"FirewallPolicyArn": "arn:policy/" + f.Policy.Name}, "FirewallStatus": map[string]any{"SyncStates": sync}})
		put("policy-"+f.Policy.Name+".json", map[string]any{"FirewallPolicyResponse": map[string]any{"FirewallPolicyArn": "arn:policy/" + f.Policy.Name, "FirewallPolicyName": f.Policy.Name},
			"FirewallPolicy": map[string]any{"StatelessDefaultActions": []string{"aws:forward_to_sfe"}, "StatelessFragmentDefaultActions": []string{"aws:forward_to_sfe"}}})
	}
	return fsys
}

// dump generates the organisation of n spokes and describes it.
func dump(tb testing.TB, n int) (fstest.MapFS, *topology.Topology) {
	tb.Helper()
	files, err := gen.Generate(gen.Config{Spokes: n, Rules: gen.MinRules, Seed: 1, ApplianceMode: true})
	if err != nil {
		tb.Fatal(err)
	}
	mfs := fstest.MapFS{}
	for name, data := range files {
		mfs[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	topo, diags := topology.LoadFS(mfs, ".")
	if diags.HasErrors() {
		tb.Fatalf("generated organisation does not load: %v", diags)
	}
	return describeDump(topo), topo
}

// importDump imports a describe dump, failing on errors.
func importDump(tb testing.TB, fsys fstest.MapFS) (*importer.Model, []importer.File) {
	tb.Helper()
	res := awscli.Read(fsys, []string{"."})
	if res.Diags.HasErrors() || res.Model.Resolve().HasErrors() {
		tb.Fatalf("import failed: %v %v", res.Diags, res.Model.Resolve())
	}
	return res.Model, importer.Render(res.Model)
}

// TestGeneratedDumpRoundTrip describes a generated organisation, imports
// the dump and loads it: the same VPCs, subnets, instances and routes.
func TestGeneratedDumpRoundTrip(t *testing.T) {
	t.Parallel()
	fsys, orig := dump(t, 12)
	_, files := importDump(t, fsys)
	topo, diags := topology.LoadFS(importer.MapFS(files, "."), ".")
	if diags.HasErrors() {
		t.Fatalf("the imported dump does not load: %v", diags)
	}
	for _, c := range []struct {
		what      string
		got, want int
	}{
		{"VPCs", len(topo.VPCs), len(orig.VPCs)}, {"subnets", len(topo.Subnets), len(orig.Subnets)},
		{"instances", len(topo.Instances), len(orig.Instances)}, {"route tables", len(topo.RouteTables), len(orig.RouteTables)},
		{"TGW attachments", len(topo.TGWAttachments), len(orig.TGWAttachments)}, {"firewall endpoints", len(topo.FirewallEndpoints), len(orig.FirewallEndpoints)},
	} {
		if c.got != c.want || c.want == 0 {
			t.Errorf("%s: %d imported, %d generated", c.what, c.got, c.want)
		}
	}
}

// BenchmarkImport1000 imports a describe dump of the generated
// organisation with 1,000 spoke VPCs (about 3,000 instances): read, check
// references, name and render. It reports the dump size and the peak heap.
func BenchmarkImport1000(b *testing.B) {
	fsys, _ := dump(b, 1000)
	size := 0
	for _, f := range fsys {
		size += len(f.Data)
	}
	runtime.GC()
	b.ResetTimer()
	var peak uint64
	var cpu time.Duration
	n := 0
	for b.Loop() {
		c0 := processCPU()
		_, files := importDump(b, fsys)
		cpu += processCPU() - c0
		n++
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapInuse)
		if len(files) < 1000 {
			b.Fatalf("%d files", len(files))
		}
	}
	b.ReportMetric(cpu.Seconds()/float64(n), "cpu-s/import")
	b.ReportMetric(float64(peak)/1e6, "heap-MB")
	b.ReportMetric(float64(maxRSS())/1e6, "maxrss-MB")
	b.ReportMetric(float64(size)/1e6, "dump-MB")
}
