package rules

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/policyspec"
	"github.com/vpcreach/vpcreach/rules/syntax"
)

// BenchmarkParseETOpen parses the whole ET Open snapshot (24,827 enabled
// rules in 50 files) with ParseText.
func BenchmarkParseETOpen(b *testing.B) {
	texts := etOpenTexts(b)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, t := range texts {
			rs, _ := syntax.ParseText(t)
			n += len(rs)
		}
		if n != etOpenEnabled {
			b.Fatalf("parsed %d rules", n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/etOpenEnabled, "ns/rule")
}

// BenchmarkParseRuleETOpen parses the same rules one ParseRule call each,
// as BenchmarkGonidsETOpen (build tag gonids) does with gonids.
func BenchmarkParseRuleETOpen(b *testing.B) {
	rules := etOpenRules(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range rules {
			if _, diags := syntax.ParseRule(r, hcl.InitialPos, "et.rules"); diags.HasErrors() {
				b.Fatal(diags)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(rules)), "ns/rule")
}

// BenchmarkLoadGroupETOpen loads ET Open as one rule group with HOME_NET
// and the variables ET uses defined: parsing, variable resolution and the
// AWS check.
func BenchmarkLoadGroupETOpen(b *testing.B) {
	spec := etOpenGroup(b)
	env := Env{HomeNet: pfx("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")}
	b.ReportAllocs()
	for b.Loop() {
		rs, _ := LoadGroup(spec, env)
		if len(rs) < 20000 {
			b.Fatalf("loaded %d rules", len(rs))
		}
	}
}

// etOpenRules returns the enabled ET Open rules, one string each.
func etOpenRules(b *testing.B) []string {
	var out []string
	for _, t := range etOpenTexts(b) {
		for _, l := range strings.Split(t.Text, "\n") {
			if l = strings.TrimSpace(l); l != "" && l[0] != '#' {
				out = append(out, l)
			}
		}
	}
	if len(out) != etOpenEnabled {
		b.Fatalf("%d ET Open rules", len(out))
	}
	return out
}

// etOpenGroup returns ET Open as one group, with the address and port
// variables of Suricata's default configuration.
func etOpenGroup(b testing.TB) GroupSpec {
	var sb strings.Builder
	for _, t := range etOpenTexts(b) {
		sb.WriteString(t.Text)
		sb.WriteByte('\n')
	}
	spec := GroupSpec{Name: "rule_group.et_open", Text: &Text{Filename: "et-open.rules", Text: sb.String()}}
	for _, name := range []string{"HTTP_SERVERS", "SMTP_SERVERS", "SQL_SERVERS", "DNS_SERVERS", "TELNET_SERVERS", "AIM_SERVERS", "DC_SERVERS", "DNP3_SERVER", "DNP3_CLIENT", "MODBUS_CLIENT", "MODBUS_SERVER", "ENIP_CLIENT", "ENIP_SERVER"} {
		spec.IPSets = append(spec.IPSets, policyspec.IPSet{Name: name, Prefixes: pfx("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")})
	}
	for name, list := range map[string]string{
		"HTTP_PORTS": "80", "SHELLCODE_PORTS": "0-79,81-65535", "ORACLE_PORTS": "1521", "SSH_PORTS": "22",
		"DNP3_PORTS": "20000", "MODBUS_PORTS": "502", "FILE_DATA_PORTS": "80,110,143", "FTP_PORTS": "21",
		"GENEVE_PORTS": "6081", "VXLAN_PORTS": "4789", "TEREDO_PORTS": "3544",
	} {
		spec.PortSets = append(spec.PortSets, policyspec.PortSet{Name: name, Ports: portSet(list)})
	}
	return spec
}
