package diff

import (
	"net/netip"
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/ports"
)

// TestFlushPlan builds the plan of a report with a newly blocked change
// seen at two endpoints, one seen nowhere, and other kinds, and checks
// which changes are flushed where, the widening and the split into
// operations of at most MaxFlowFilters filters.
func TestFlushPlan(t *testing.T) {
	t.Parallel()
	n := compile(t, `vpc "a" {
  cidr_blocks = ["10.0.0.0/16"]
}
subnet "s1" {
  vpc               = vpc.a
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
}
`)
	ip := netip.MustParseAddr
	flowA := endpointFlow{firewall: "network_firewall.fw", endpoint: "firewall_endpoint.a", az: "az-a",
		client: ip("10.0.1.4"), server: n.InternetAddr(), streamException: "CONTINUE"}
	flowB := endpointFlow{firewall: "network_firewall.fw", endpoint: "firewall_endpoint.b", az: "az-b",
		client: ip("10.0.1.4"), server: ip("10.9.9.9")}
	var many []ports.Range
	for p := range uint16(25) {
		many = append(many, ports.Single(1000+2*p)) // 25 disjoint ports: 25 filters
	}
	rep := &Report{Query: QueryInfo{SNI: "example.com"}, Changes: []*Change{
		{From: "subnet.s1", To: "internet", Protocol: "tcp", HasPorts: true, Ports: ports.NewSet(many...), Kind: NewlyBlocked,
			Before: Side{Verdict: analyzer.Reachable, seen: []endpointFlow{flowA}}},
		{From: "subnet.s1", To: "instance.x", Protocol: "icmp", Kind: NewlyBlocked,
			Before: Side{Verdict: analyzer.Ambiguous, seen: []endpointFlow{flowB}}},
		{From: "subnet.s1", To: "internet", Protocol: "udp", HasPorts: true, Ports: ports.AllSet(), Kind: NewlyBlocked,
			Before: Side{Verdict: analyzer.NotApplicable, seen: []endpointFlow{flowA}}},
		{From: "subnet.s1", To: "internet", Protocol: "tcp", HasPorts: true, Ports: ports.AllSet(), Kind: NowUninspected,
			Before: Side{Verdict: analyzer.Reachable, seen: []endpointFlow{flowA}}},
	}}
	ops := rep.FlushPlan(n)
	if len(ops) != 3 {
		t.Fatalf("got %d operations, want 3 (a in two parts, b)", len(ops))
	}
	a1, a2, b := ops[0], ops[1], ops[2]
	if a1.Endpoint != "firewall_endpoint.a" || a1.Part != 1 || a1.Parts != 2 || len(a1.Filters) != MaxFlowFilters ||
		a2.Part != 2 || len(a2.Filters) != 5 {
		t.Errorf("endpoint a: %s part %d/%d with %d filters, part %d with %d; want 2 parts of 20 and 5",
			a1.Endpoint, a1.Part, a1.Parts, len(a1.Filters), a2.Part, len(a2.Filters))
	}
	if f := a1.Filters[0]; f.Source.String() != "10.0.1.0/24" || f.Destination.String() != "0.0.0.0/0" ||
		f.DestinationPorts != ports.Single(1000) || !f.HasPorts {
		t.Errorf("first filter %+v: want the subnet's CIDR to 0.0.0.0/0 on port 1000", f)
	}
	if b.Endpoint != "firewall_endpoint.b" || len(b.Filters) != 1 || b.Filters[0].HasPorts ||
		b.Filters[0].Destination.String() != "10.9.9.9/32" {
		t.Errorf("endpoint b: %+v", b)
	}
	for _, want := range []string{"CONTINUE", "TLS server name", "0.0.0.0/0", "10.0.1.0/24"} {
		if !strings.Contains(strings.Join(a1.Notes, "\n"), want) {
			t.Errorf("notes of a lack %q: %q", want, a1.Notes)
		}
	}
	if !strings.Contains(strings.Join(b.Notes, "\n"), "AMBIGUOUS before") || !strings.Contains(strings.Join(b.Notes, "\n"), "DROP") {
		t.Errorf("notes of b: %q", b.Notes)
	}
}
