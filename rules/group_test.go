package rules

import (
	"fmt"
	"net/netip"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"go4.org/netipx"

	"github.com/vpcreach/vpcreach/internal/golden"
	"github.com/vpcreach/vpcreach/policyspec"
)

// textGroup returns a group spec holding rules text.
func textGroup(name, text string) GroupSpec {
	return GroupSpec{Name: name, Text: &Text{Filename: name + ".rules", Text: text}}
}

// ipset builds a set from prefixes.
func ipset(ss ...string) *netipx.IPSet {
	var b netipx.IPSetBuilder
	for _, p := range pfx(ss...) {
		b.AddPrefix(p)
	}
	s, _ := b.IPSet()
	return s
}

// complement returns the per-family complement used for "!" in tests:
// the universe of each family s touches, minus s.
func complement(ss ...string) *netipx.IPSet { return negateSet(ipset(ss...)) }

func TestLoadGroupResolve(t *testing.T) {
	t.Parallel()
	spec := textGroup("rule_group.g", "")
	spec.IPSets = []policyspec.IPSet{{Name: "WEB", Prefixes: pfx("10.1.1.0/24", "10.1.2.0/24")},
		{Name: "MAPPED", Prefixes: pfx("::ffff:192.0.2.0/120")}}
	spec.PortSets = []policyspec.PortSet{{Name: "WEB_PORTS", Ports: portSet("80,443,8080-8090")}}
	spec.IPSetRefs = []policyspec.IPSet{{Name: "PL", Prefixes: pfx("192.0.2.0/24")}}
	env := Env{HomeNet: pfx("10.0.0.0/8")}
	v6all := ipset("::/0")
	tests := []struct {
		src, dst string
		want     *netipx.IPSet
	}{
		{"any", "", allAddrs()},
		{"$HOME_NET", "", ipset("10.0.0.0/8")},
		{"$EXTERNAL_NET", "", complement("10.0.0.0/8")},
		{"!$HOME_NET", "", complement("10.0.0.0/8")},
		{"$WEB", "", ipset("10.1.1.0/24", "10.1.2.0/24")},
		{"@PL", "", ipset("192.0.2.0/24")},
		{"10.0.0.5/24", "", ipset("10.0.0.0/24")},
		{"[10.0.0.0/8,!10.1.0.0/16]", "", setMinus(ipset("10.0.0.0/8"), ipset("10.1.0.0/16"))},
		{"!10.0.0.0/8", "", complement("10.0.0.0/8")},
		{"[!10.0.0.0/8,!2001:db8::/32]", "", setUnion(complement("10.0.0.0/8"), complement("2001:db8::/32"))},
		{"[192.168.0.0/16,!2001:db8::/32]", "", setUnion(ipset("192.168.0.0/16"), setMinus(v6all, ipset("2001:db8::/32")))},
		{"![10.0.0.0/8,!10.1.0.0/16]", "", setUnion(complement("10.0.0.0/8"), ipset("10.1.0.0/16"))},
		// A nested list that is not negated is flattened: its negation
		// applies to the whole list, as in Suricata.
		{"[10.0.0.0/8,[!10.1.0.0/16]]", "", setMinus(ipset("10.0.0.0/8"), ipset("10.1.0.0/16"))},
		{"[$EXTERNAL_NET,!255.255.255.255]", "", setMinus(complement("10.0.0.0/8"), ipset("255.255.255.255/32"))},
		{"10.0.0.1-10.0.0.6", "", ipset("10.0.0.1/32", "10.0.0.2/31", "10.0.0.4/31", "10.0.0.6/32")},
		{"[0.0.0.0/0,::/0]", "", allAddrs()},
		{"[any,!10.0.0.0/8]", "", setUnion(complement("10.0.0.0/8"), v6all)},
		{"$MAPPED", "", ipset("192.0.2.0/24")},
	}
	var b strings.Builder
	for i, tc := range tests {
		fmt.Fprintf(&b, "pass ip %s any -> any any (sid:%d;)\n", tc.src, i+1)
	}
	spec.Text.Text = b.String()
	rs, diags := LoadGroup(spec, env)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for i, tc := range tests {
		r := rs[i]
		if diff := cmp.Diff(FormatAddrs(tc.want), FormatAddrs(r.Src)); diff != "" || !r.Src.Equal(tc.want) {
			t.Errorf("%s: (-want +got):\n%s", tc.src, diff)
		}
		if r.Group != "rule_group.g" || r.Index != i || !isUniverse(r.Dst) || !r.DstPorts.IsAll() {
			t.Errorf("%s: group %q index %d dst %v ports %v", tc.src, r.Group, r.Index, r.Dst, r.DstPorts)
		}
	}
}

func setUnion(a, b *netipx.IPSet) *netipx.IPSet {
	var x netipx.IPSetBuilder
	x.AddSet(a)
	x.AddSet(b)
	s, _ := x.IPSet()
	return s
}

func setMinus(a, b *netipx.IPSet) *netipx.IPSet {
	var x netipx.IPSetBuilder
	x.AddSet(a)
	x.RemoveSet(b)
	s, _ := x.IPSet()
	return s
}

func TestLoadGroupPorts(t *testing.T) {
	t.Parallel()
	tests := []struct{ expr, want string }{
		{"any", "0-65535"},
		{"443", "443"},
		{"1024:", "1024-65535"},
		{":1023", "0-1023"},
		{"!80", "0-79,81-65535"},
		{"[1:5,!3]", "1-2,4-5"},
		{"[!80,!443]", "0-79,81-442,444-65535"},
		{"[1:5,[!3,10]]", "1-2,4-5,10"},
		{"![80,!81]", "0-79,81-65535"},
		{"$WEB_PORTS", "80,443,8080-8090"},
		{"[$WEB_PORTS,!8085]", "80,443,8080-8084,8086-8090"},
	}
	spec := textGroup("rule_group.p", "")
	spec.PortSets = []policyspec.PortSet{{Name: "WEB_PORTS", Ports: portSet("80,443,8080-8090")}}
	var b strings.Builder
	for i, tc := range tests {
		fmt.Fprintf(&b, "pass tcp any any -> any %s (sid:%d;)\n", tc.expr, i+1)
	}
	spec.Text.Text = b.String()
	rs, diags := LoadGroup(spec, Env{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for i, tc := range tests {
		if got := rs[i].DstPorts; !got.Equal(portSet(tc.want)) {
			t.Errorf("%s = %v, want %s", tc.expr, got, tc.want)
		}
	}
}

// TestHomeNetOverride is the aws-semantics §3.6 example: a group that sets
// HOME_NET keeps the policy's EXTERNAL_NET.
func TestHomeNetOverride(t *testing.T) {
	t.Parallel()
	spec := textGroup("rule_group.o", "pass ip $HOME_NET any -> $EXTERNAL_NET any (sid:1;)\n")
	spec.IPSets = []policyspec.IPSet{{Name: "HOME_NET", Prefixes: pfx("10.0.0.0/8")}}
	rs, diags := LoadGroup(spec, Env{HomeNet: pfx("11.0.0.0/8")})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if got := FormatAddrs(rs[0].Src); !cmp.Equal(got, []string{"10.0.0.0/8"}) {
		t.Errorf("HOME_NET = %v", got)
	}
	want := FormatAddrs(complement("11.0.0.0/8"))
	if got := FormatAddrs(rs[0].Dst); !cmp.Equal(got, want) || rs[0].Dst.Contains(netip.MustParseAddr("11.1.1.1")) ||
		!rs[0].Dst.Contains(netip.MustParseAddr("10.1.1.1")) {
		t.Errorf("EXTERNAL_NET = %v, want !11.0.0.0/8 = %v", got, want)
	}
	// A group EXTERNAL_NET overrides the policy's.
	spec.IPSets = append(spec.IPSets, policyspec.IPSet{Name: "EXTERNAL_NET", Prefixes: pfx("0.0.0.0/0")})
	rs, _ = LoadGroup(spec, Env{HomeNet: pfx("11.0.0.0/8")})
	if got := FormatAddrs(rs[0].Dst); !cmp.Equal(got, []string{"0.0.0.0/0"}) {
		t.Errorf("group EXTERNAL_NET = %v", got)
	}
}

func TestLoadGroupErrors(t *testing.T) {
	t.Parallel()
	src := lines(
		"pass ip $HOME_NT any -> any any (sid:1;)",
		"pass ip $WEB_PORTS any -> any any (sid:2;)",
		"pass tcp any $WEB -> any any (sid:3;)",
		"pass ip @NOPE any -> any any (sid:4;)",
		"pass ip $UNKNOWN any -> any any (sid:5;)",
		"pass ip [10.0.0.0/8,!10.0.0.0/7] any -> any any (sid:6;)",
		"pass ip !any any -> any any (sid:7;)",
		"pass ip [10.0.0.0/8,!0.0.0.0/0] any -> any any (sid:8;)",
		"pass tcp any [80,!80] -> any any (sid:9;)",
		"pass tcp any !0:65535 -> any any (sid:10;)",
		"pass tcp any any -> any any (sid:1;)",
		"pass tcp 10.1.2.3/16 any -> any any (sid:11;)",
		`alert http any any -> any any (content:"x"; dataset:isset,bad; iprep:any,BadHosts,>,50; lua:x.lua; sid:12;)`,
		`alert http any any -> any any (filestore; filemagic:"PE32"; filename:"a"; file.name; content:"a"; fileext:"exe"; filemd5:a; filesha256:a; filesize:>1; sid:13;)`,
		`alert http any any -> any any (file_data; content:"ok"; file.data; content:"ok"; sid:14;)`,
		`alert tcp any any -> any any (threshold:type limit, track by_src, count 1, seconds 60; detection_filter:track by_src, count 5, seconds 60; sid:15;)`,
		`alert tcp any any -> any any (xbits:set,x,track ip_dst,expire 60; hostbits:set,y,src; tag:host,10,packets,src; sid:16;)`,
		`alert tcp any any -> any any (flowbits:set,x; xbits:set,x,track tx; tag:session,10,packets; sid:17;)`,
		`alert ikev2 any any -> any any (ike.exchtype:34; sid:18;)`,
		`alert sctp any any -> any any (sid:19;)`,
		`alert ftp-data any any -> any any (ftpdata_command:stor; sid:20;)`,
		`alert tcp any any -> any any (cip_service:1; enip_command:99; sid:21;)`,
		`alert tls any any -> any any (tls_sni; content:"x"; tls.snii; content:"y"; sid:22;)`,
		`alert tls any any -> any any (priority:1; sid:23;)`,
		`alert tls any any -> any any (tls.cert_issuer; pcre:"/x/"; sid:24;)`,
		`alert tls any any -> any any (aws_domain_category:Malware; geoip:dst,RU; ja4.hash; content:"x"; sid:25;)`,
		"pass ip $NOTHING any -> any $NO_PORTS (sid:26;)",
	)
	spec := textGroup("rule_group.bad", src)
	spec.RuleOrder = "STRICT_ORDER"
	spec.IPSets = []policyspec.IPSet{{Name: "WEB", Prefixes: pfx("10.1.1.0/24")}}
	spec.IPSets = append(spec.IPSets, policyspec.IPSet{Name: "NOTHING"})
	spec.PortSets = []policyspec.PortSet{{Name: "WEB_PORTS", Ports: portSet("80")}, {Name: "NO_PORTS"}}
	rs, diags := LoadGroup(spec, Env{HomeNet: pfx("10.0.0.0/8")})
	var sids []int64
	for _, r := range rs {
		sids = append(sids, r.SID)
	}
	if want := []int64{11, 14, 17, 23, 24, 25}; !cmp.Equal(sids, want) {
		t.Errorf("loaded sids %v, want %v", sids, want)
	}
	checkGolden(t, "group_errors.golden", golden.RenderDiags(t, map[string]string{spec.Text.Filename: src}, diags))
}

func TestUndefinedHomeNet(t *testing.T) {
	t.Parallel()
	src := "pass ip $HOME_NET any -> $EXTERNAL_NET any (sid:1;)\n"
	_, diags := LoadGroup(textGroup("rule_group.h", src), Env{})
	checkGolden(t, "group_no_home_net.golden", golden.RenderDiags(t, map[string]string{"rule_group.h.rules": src}, diags))
}

// TestLoadGroupPositions checks that diagnostics of a rules text inside
// an HCL heredoc point into the HCL file.
func TestLoadGroupPositions(t *testing.T) {
	t.Parallel()
	hclSrc := lines(
		`rule_group "egress" {`,
		`  rules = <<-EOT`,
		`    pass tls $HOME_NET any -> $EXTERNAL_NET 443 (tls.sni; content:"example.com"; sid:1;)`,
		`    drop tcp $HOME_NET any -> $EXTRNAL_NET any (sid:2;)`,
		`  EOT`,
		`}`,
	)
	// What the topology loader passes: the heredoc's lines, de-indented,
	// with the file position of each line's first kept byte.
	var text strings.Builder
	var starts []hcl.Pos
	off := 0
	for i, l := range strings.SplitAfter(hclSrc, "\n") {
		if i == 2 || i == 3 {
			starts = append(starts, hcl.Pos{Line: i + 1, Column: 5, Byte: off + 4})
			text.WriteString(strings.TrimPrefix(l, "    "))
		}
		off += len(l)
	}
	spec := GroupSpec{Name: "rule_group.egress", Text: &Text{Filename: "main.hcl", Text: text.String(), LineStarts: starts}}
	rs, diags := LoadGroup(spec, Env{HomeNet: pfx("10.1.0.0/16")})
	if len(rs) != 1 || rs[0].Location() != "main.hcl:3" {
		t.Errorf("rules %v", rs)
	}
	checkGolden(t, "group_positions.golden", golden.RenderDiags(t, map[string]string{"main.hcl": hclSrc}, diags))
}

func TestFormatAddrs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		set  *netipx.IPSet
		want []string
	}{
		{nil, []string{}},
		{&netipx.IPSet{}, []string{}},
		{allAddrs(), []string{"0.0.0.0/0"}},
		{ipset("10.1.0.0/16", "2001:db8::/32", "10.0.0.0/16"), []string{"10.0.0.0/15", "2001:db8::/32"}},
		{complement("10.1.1.0/24"), strings.Split("0.0.0.0/5 8.0.0.0/7 10.0.0.0/16 10.1.0.0/24 10.1.2.0/23 10.1.4.0/22 10.1.8.0/21 10.1.16.0/20 10.1.32.0/19 10.1.64.0/18 10.1.128.0/17 10.2.0.0/15 10.4.0.0/14 10.8.0.0/13 10.16.0.0/12 10.32.0.0/11 10.64.0.0/10 10.128.0.0/9 11.0.0.0/8 12.0.0.0/6 16.0.0.0/4 32.0.0.0/3 64.0.0.0/2 128.0.0.0/1", " ")},
		{setUnion(complement("10.1.1.0/24"), ipset("::/0")), FormatAddrs(complement("10.1.1.0/24"))},
		{ipset("::/0"), []string{"::/0"}},
	}
	for _, tc := range tests {
		if got := FormatAddrs(tc.set); !cmp.Equal(got, tc.want) {
			t.Errorf("FormatAddrs = %v, want %v", got, tc.want)
		}
	}
	if n := len(FormatAddrs(complement("10.1.1.0/24"))); n != 24 {
		t.Errorf("complement of 10.1.1.0/24 has %d prefixes, want 24", n)
	}
}
