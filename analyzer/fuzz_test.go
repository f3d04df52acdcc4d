package analyzer

import (
	"testing"

	"github.com/vpcreach/vpcreach/topology"
)

// FuzzAnalyzePath asks random questions of the test fixtures: any
// endpoint strings, protocol, ports, app and SNI. AnalyzePath must answer
// or return an error, never panic, and every answer must carry a verdict
// consistent with its findings.
func FuzzAnalyzePath(f *testing.F) {
	nets := map[string]*Network{}
	for _, name := range []string{"egress", "transit", "misc", "ipv6"} {
		nets[name] = loadFixture(f, name)
	}
	f.Add(uint8(0), "instance.app", "93.184.216.34", uint8(6), uint16(443), true, "tls", "www.example.com")
	f.Add(uint8(1), "instance.a1", "10.12.0.0/16", uint8(6), uint16(0), false, "", "")
	f.Add(uint8(2), "internet_gateway.ing_igw", "instance.ing_host", uint8(17), uint16(53), true, "dns", "")
	f.Add(uint8(0), "10.1.1.10", "10.1.0.0", uint8(1), uint16(0), true, "", "")
	f.Add(uint8(3), "2001:4860:4860::8888", "instance.web6", uint8(6), uint16(443), true, "", "")
	f.Add(uint8(3), "instance.web6", "2600:1f18:70::/56", uint8(6), uint16(0), false, "", "")
	f.Fuzz(func(t *testing.T, which uint8, from, to string, proto uint8, port uint16, hasPort bool, app, sni string) {
		names := []string{"egress", "transit", "misc", "ipv6"}
		n := nets[names[int(which)%len(names)]]
		q := Query{From: from, To: to, Protocol: topology.Protocol(proto), Port: port, HasPort: hasPort || proto != 6 && proto != 17,
			App: app, SNI: sni}
		a, err := n.AnalyzePath(q)
		if err != nil {
			return
		}
		switch {
		case a.Verdict == Reachable && len(a.Explanations) > 0:
			t.Fatalf("REACHABLE with blocking findings %v", findingKeys(a.Explanations))
		case a.Verdict == "":
			t.Fatal("no verdict")
		case a.Reachable != (a.Verdict == Reachable):
			t.Fatalf("reachable=%v with verdict %s", a.Reachable, a.Verdict)
		}
	})
}
