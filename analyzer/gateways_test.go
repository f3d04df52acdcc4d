package analyzer

import (
	"strings"
	"testing"
)

// TestGatewaysAcceptNoConnections checks that nothing but an ENI that
// accepts connections is the end of a path (issue 12 item 2): a NAT
// gateway is NOT_REACHABLE as a destination (TestEgressPaths); a transit
// gateway, its attachments, a firewall endpoint and a VPC peering have no
// address of their own and are refused as destinations; an internet
// gateway as a destination stands for the internet beyond it; and no
// gateway originates traffic.
func TestGatewaysAcceptNoConnections(t *testing.T) {
	t.Parallel()
	cases := []struct {
		fixture, from, to string
		errPart           string // the error must contain it
	}{
		{"egress", "instance.app", "firewall_endpoint.fw_a", "a path ends at"},
		{"transit", "instance.a1", "transit_gateway.tgw", "a path ends at"},
		{"transit", "instance.a1", "transit_gateway_attachment.spoke1", "a path ends at"},
		{"misc", "instance.pa_host", "vpc_peering.pa_pb", "a path ends at"},
		{"egress", "nat_gateway.nat_a", "instance.web", "cannot originate traffic"},
		{"egress", "203.0.113.10", "instance.web", "cannot originate traffic"},
		{"egress", "10.1.0.4", "instance.web", "cannot originate traffic"},
		{"egress", "firewall_endpoint.fw_a", "instance.web", "a path ends at"},
	}
	nets := map[string]*Network{}
	refused := 0
	for _, c := range cases {
		if nets[c.fixture] == nil {
			nets[c.fixture] = loadFixture(t, c.fixture)
		}
		_, err := nets[c.fixture].AnalyzePath(tcp(c.from, c.to, 80))
		if err == nil || !strings.Contains(err.Error(), c.errPart) {
			t.Errorf("%s -> %s: error %v, want one containing %q", c.from, c.to, err, c.errPart)
			continue
		}
		refused++
	}
	if refused != len(cases) {
		t.Errorf("%d of %d queries refused as expected", refused, len(cases))
	}
	// The internet gateway as a destination is the internet beyond it:
	// reached by the instance with a public IP, never delivered to the
	// gateway itself.
	a := mustAnalyze(t, loadFixture(t, "egress"), tcp("instance.web", "internet_gateway.igw", 443))
	if last := a.ForwardPath[len(a.ForwardPath)-1]; a.Verdict != Reachable || last.Component != "internet" {
		t.Errorf("instance.web -> internet_gateway.igw: %s ending at %s, want REACHABLE ending at internet\n%s",
			a.Verdict, last.Component, dump(a))
	}
}
