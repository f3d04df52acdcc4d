package render

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/netip"
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/diff"
	"github.com/vpcreach/vpcreach/ports"
	"github.com/vpcreach/vpcreach/topology"
)

func fixtureFlushOp() *diff.FlushOperation {
	p := netip.MustParsePrefix
	return &diff.FlushOperation{Firewall: "network_firewall.fw", Endpoint: "firewall_endpoint.a", AvailabilityZone: "us-east-1a",
		Part: 2, Parts: 3, Flows: []string{"subnet.a -> internet tcp 1990-1994"}, Notes: []string{"a note"},
		Filters: []diff.FlowFilter{
			{Source: p("10.0.1.0/24"), Destination: p("0.0.0.0/0"), Protocol: topology.ProtocolTCP,
				DestinationPorts: ports.Range{Lo: 1990, Hi: 1994}, HasPorts: true},
			{Source: p("10.0.1.0/24"), Destination: p("10.2.0.9/32"), Protocol: topology.ProtocolUDP,
				DestinationPorts: ports.All(), HasPorts: true},
			{Source: p("10.0.1.0/24"), Destination: p("10.2.0.9/32"), Protocol: topology.ProtocolICMP},
		}}
}

// TestFlowOperationInput checks the AWS CLI input: the ARN, the AZ, the
// minimum age, ports as AWS writes them (1990:1994, ANY) and protocols as
// IANA numbers.
func TestFlowOperationInput(t *testing.T) {
	t.Parallel()
	b, err := FlowOperationInput(fixtureFlushOp(), "arn:aws:network-firewall:us-east-1:111122223333:firewall/", 60)
	if err != nil {
		t.Fatal(err)
	}
	var in flowOperationInput
	if err := json.Unmarshal(b, &in); err != nil {
		t.Fatal(err)
	}
	if in.FirewallArn != "arn:aws:network-firewall:us-east-1:111122223333:firewall/fw" || in.AvailabilityZone != "us-east-1a" ||
		in.MinimumFlowAgeInSeconds != 60 || len(in.FlowFilters) != 3 {
		t.Fatalf("got %+v", in)
	}
	want := []struct{ port, proto string }{{"1990:1994", "6"}, {"ANY", "17"}, {"ANY", "1"}}
	for i, w := range want {
		f := in.FlowFilters[i]
		if f.DestinationPort != w.port || len(f.Protocols) != 1 || f.Protocols[0] != w.proto || f.SourcePort != "ANY" {
			t.Errorf("filter %d: %+v, want port %s protocol %s", i, f, w.port, w.proto)
		}
	}
	if got := FlushPlanFileName(fixtureFlushOp()); got != "flush-fw-us-east-1a-2-of-3.json" {
		t.Errorf("file name %q", got)
	}
	evil := fixtureFlushOp()
	evil.Firewall, evil.AvailabilityZone, evil.Parts = "network_firewall.../x", "../../etc/passwd\x00", 1
	if got := FlushPlanFileName(evil); got != "flush-___x-______etc_passwd_.json" {
		t.Errorf("file name %q: must stay in the plan directory", got)
	}
}

// TestWriteFlushPlan checks the plan's text and that a failed write is
// reported.
func TestWriteFlushPlan(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := WriteFlushPlan(&buf, []*diff.FlushOperation{fixtureFlushOp()}, "plan"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"operation 2 of 3, filters: 3", "filter: 10.0.1.0/24 -> 0.0.0.0/0 tcp port 1990-1994",
		"filter: 10.0.1.0/24 -> 10.2.0.9/32 icmp any port", "note:   a note",
		"start-flow-capture --cli-input-json file://plan/flush-fw-us-east-1a-2-of-3.json"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("plan lacks %q:\n%s", want, buf.String())
		}
	}
	buf.Reset()
	if err := WriteFlushPlan(&buf, nil, "plan"); err != nil || !strings.Contains(buf.String(), "nothing to flush") {
		t.Errorf("empty plan: %v %q", err, buf.String())
	}
	if err := WriteFlushPlan(&failAfter{n: 10}, []*diff.FlushOperation{fixtureFlushOp()}, "plan"); !errors.Is(err, errFull) {
		t.Errorf("failed write: %v", err)
	}
}
