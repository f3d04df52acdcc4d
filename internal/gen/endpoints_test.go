package gen_test

import (
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/internal/diag"
	"github.com/vpcreach/vpcreach/internal/gen"
	"github.com/vpcreach/vpcreach/topology"
)

// TestEndpoints generates an organisation with VPC endpoints, requires
// zero diagnostics and the endpoints' network interfaces, and asks the
// questions whose answers the generator fixes: a spoke reaches S3 through
// its own Gateway endpoint, and another spoke's SSM interface through the
// transit gateway and the firewall (443 passes, 22 is dropped).
func TestEndpoints(t *testing.T) {
	t.Parallel()
	cfg := config(4, 200, true)
	cfg.Endpoints = true
	n, diags := compile(t, cfg)
	if len(diags) > 0 {
		var b strings.Builder
		_ = diag.Write(&b, n.Topology().Files, diags)
		t.Fatalf("%d diagnostics:\n%s", len(diags), b.String())
	}
	topo := n.Topology()
	if got, want := len(topo.VPCEndpoints), 2*4; got != want {
		t.Errorf("%d VPC endpoints, want %d", got, want)
	}
	if got, want := len(topo.Instances), 2*4*gen.NumAZs; got != want {
		t.Errorf("%d instances and endpoint interfaces, want %d", got, want)
	}
	tcp := func(from, to string, port uint16) analyzer.Query {
		return analyzer.Query{From: from, To: to, Protocol: topology.ProtocolTCP, Port: port, HasPort: true}
	}
	cases := []struct {
		q       analyzer.Query
		verdict analyzer.Verdict
		through string
	}{
		{tcp(gen.SpokeInstance(2, 0), gen.S3Service, 443), analyzer.Reachable, "vpc_endpoint.spoke_0002_s3"},
		{tcp(gen.SpokeInstance(1, 0), gen.SpokeSSMENI(3, 1), gen.EastWestPort), analyzer.Reachable, "transit_gateway.tgw"},
		{tcp(gen.SpokeInstance(1, 0), gen.SpokeSSMENI(3, 1), gen.DeniedPort), analyzer.NotReachable, "transit_gateway.tgw"},
	}
	for _, c := range cases {
		a := analyze(t, n, c.q)
		if a.Verdict != c.verdict || !inOrder(components(a.ForwardPath), []string{c.through}) {
			t.Errorf("%s -> %s/%d: %s via %v; want %s through %s", c.q.From, c.q.To, c.q.Port, a.Verdict,
				components(a.ForwardPath), c.verdict, c.through)
		}
	}
}
