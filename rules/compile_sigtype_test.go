package rules

import (
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/policyspec"
	"github.com/vpcreach/vpcreach/ports"
)

// etGroupVars returns the variables the oracle's suricata.yaml defines
// (and ET Open uses) as a group's ip_sets and port_sets, for HOME_NET
// 10.1.1.0/24, and the address variables that Suricata sees as negated.
func etGroupVars(home netip.Prefix) ([]policyspec.IPSet, []policyspec.PortSet, map[string]bool) {
	var ipsets []policyspec.IPSet
	for _, n := range []string{"HTTP_SERVERS", "SMTP_SERVERS", "SQL_SERVERS", "DNS_SERVERS",
		"TELNET_SERVERS", "DC_SERVERS", "DNP3_SERVER", "DNP3_CLIENT", "MODBUS_CLIENT",
		"MODBUS_SERVER", "ENIP_CLIENT", "ENIP_SERVER"} {
		ipsets = append(ipsets, policyspec.IPSet{Name: n, Prefixes: []netip.Prefix{home}})
	}
	ext := complementV4(home)
	ipsets = append(ipsets, policyspec.IPSet{Name: "AIM_SERVERS", Prefixes: ext})
	single := func(p uint16) ports.Set { return ports.NewSet(ports.Single(p)) }
	portsets := []policyspec.PortSet{
		{Name: "HTTP_PORTS", Ports: single(80)},
		{Name: "SHELLCODE_PORTS", Ports: single(80).Complement()},
		{Name: "ORACLE_PORTS", Ports: single(1521)},
		{Name: "SSH_PORTS", Ports: single(22)},
		{Name: "DNP3_PORTS", Ports: single(20000)},
		{Name: "MODBUS_PORTS", Ports: single(502)},
		{Name: "FILE_DATA_PORTS", Ports: ports.NewSet(ports.Single(80), ports.Single(110), ports.Single(143))},
		{Name: "FTP_PORTS", Ports: single(21)},
		{Name: "GENEVE_PORTS", Ports: single(6081)},
		{Name: "VXLAN_PORTS", Ports: single(4789)},
		{Name: "TEREDO_PORTS", Ports: single(3544)},
	}
	return ipsets, portsets, map[string]bool{"EXTERNAL_NET": true, "AIM_SERVERS": true}
}

// complementV4 returns the IPv4 prefixes outside p.
func complementV4(p netip.Prefix) []netip.Prefix {
	var out []netip.Prefix
	for bits := 1; bits <= p.Bits(); bits++ {
		q, _ := p.Addr().Prefix(bits)
		// flip the last bit of q's network
		a := q.Addr().As4()
		i := (bits - 1) / 8
		a[i] ^= 1 << (7 - uint((bits-1)%8))
		out = append(out, netip.PrefixFrom(netip.AddrFrom4(a), bits))
	}
	return out
}

// loadTestGroup loads a rules file as one group with the ET variables.
func loadTestGroup(t testing.TB, path string, order policyspec.RuleOrder) ([]*Rule, map[string]bool) {
	t.Helper()
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	home := netip.MustParsePrefix("10.1.1.0/24")
	ipsets, portsets, neg := etGroupVars(home)
	rs, _ := LoadGroup(GroupSpec{
		Name: "rule_group.test", Priority: 1, RuleOrder: order, IPSets: ipsets, PortSets: portsets,
		Text: &Text{Filename: path, Text: string(text)},
	}, Env{HomeNet: []netip.Prefix{home}})
	return rs, neg
}

// TestSigTypeMatchesEngineAnalysis compares the compiler's signature types
// with what `suricata --engine-analysis` reported for the corpus rules and
// an ET Open sample (testdata/oracle/sigtypes, recorded by sigtypes.sh).
func TestSigTypeMatchesEngineAnalysis(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob(filepath.Join(oracleDir, "sigtypes", "*.types"))
	checked := 0
	for _, tf := range files {
		base := strings.TrimSuffix(filepath.Base(tf), ".types")
		want := map[int64]string{}
		for _, l := range readDataLines(t, tf) {
			f := strings.Fields(l)
			sid, _ := strconv.ParseInt(f[0], 10, 64)
			want[sid] = f[1]
		}
		path := filepath.Join(oracleDir, "rules", base+".rules")
		if base == "et-sample" {
			path = filepath.Join(oracleDir, "sigtypes", "et-sample.rules")
		}
		rs, neg := loadTestGroup(t, path, policyspec.StrictOrder)
		for _, r := range rs {
			w, ok := want[r.SID]
			if !ok {
				continue
			}
			checked++
			if got := compileRule(r, neg).typ.String(); got != w {
				t.Errorf("%s sid %d: type %s, engine-analysis %s\n  %s", base, r.SID, got, w, r.Text)
			}
		}
	}
	if checked < 300 {
		t.Errorf("only %d rules checked", checked)
	}
	t.Logf("%d rules checked against engine-analysis", checked)
}
