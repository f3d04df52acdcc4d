package analyzer

import (
	"context"
	"testing"

	"github.com/vpcreach/vpcreach/topology"
)

// TestPrefixListPaths covers prefix lists on every path they take part
// in: a rule-group IP set reference, a security group rule and a route.
func TestPrefixListPaths(t *testing.T) {
	t.Parallel()
	const fx = "entities"
	runPathCases(t, []pathCase{
		{name: "partner entry passes the firewall and the SG", fixture: fx, q: tcp("instance.app", "198.51.100.7", 443),
			verdict: Reachable, codes: []string{}},
		{name: "second entry too", fixture: fx, q: tcp("instance.app", "203.0.113.5", 443),
			verdict: Reachable, codes: []string{}},
		{name: "outside the entry: SG and firewall block", fixture: fx, q: tcp("instance.app", "203.0.113.200", 443),
			verdict: NotReachable, codes: []string{"ENI_SG_RULES_MISMATCH/forward", "FIREWALL_RULES_RESTRICTION/forward"}},
		{name: "prefix-list blackhole route", fixture: fx, q: tcp("instance.app", "192.0.2.9", 8443),
			verdict: NotReachable, codes: []string{"BLACKHOLE_ROUTE/forward"}},
	})
}

// TestEntitiesAllPorts checks the all-ports answers over the entities
// fixture against one answer per port (the range boundaries ±1 and the
// ports the fixture's rules name), so the port probe and the walk agree
// on prefix lists, network interfaces and VPC endpoints.
func TestEntitiesAllPorts(t *testing.T) {
	t.Parallel()
	n := loadFixture(t, "entities")
	queries := []struct {
		from, to  string
		reachable string
	}{
		{"instance.app", "198.51.100.7", "443"},
		{"instance.app", "203.0.113.200", "none"},
		{"instance.app", "192.0.2.9", "none"},
		{"instance.app", "com.amazonaws.us-east-1.s3", "443"},
		{"instance.app", "vpc_endpoint.ssm.endpoints_a", "443"},
		{"instance.gw", "198.51.100.7", "443"},
		{"instance.gw_asym", "198.51.100.7", "none"},
		{"instance.app2", "198.51.100.7", "none"},
		{"instance.applchk", "198.51.100.7", "none"},
	}
	compared := 0
	for _, c := range queries {
		q := Query{From: c.from, To: c.to, Protocol: topology.ProtocolTCP}
		k, ok := checkQueryPorts(t, n, q, []uint16{22, 443, 8443})
		compared += k
		if !ok {
			return
		}
		a, err := n.AnalyzePath(q)
		if err != nil {
			t.Fatal(err)
		}
		if got := reachableSet(a.PortRanges).String(); got != c.reachable {
			t.Errorf("%s -> %s: reachable ports %q, want %q", c.from, c.to, got, c.reachable)
		}
	}
	if want := 9 * 3; compared < want {
		t.Errorf("compared %d ports, want at least %d", compared, want)
	}
}

// TestEndpointAssociationPaths covers a second firewall endpoint in one AZ
// (a VPC endpoint association): endpoints keep separate flow state, so a
// flow whose request and reply cross different endpoints is asymmetric.
func TestEndpointAssociationPaths(t *testing.T) {
	t.Parallel()
	const fx = "entities"
	runPathCases(t, []pathCase{
		{name: "symmetric through the association", fixture: fx, q: tcp("instance.app3", "198.51.100.7", 443),
			verdict: Reachable, codes: []string{}, noDetails: []string{CodeFirewallAsymmetricRouting}},
		{name: "request through the association, reply through the primary", fixture: fx, q: tcp("instance.app2", "198.51.100.7", 443),
			verdict: NotReachable, codes: []string{"FIREWALL_ASYMMETRIC_ROUTING/return"}},
	})
}

// TestNetworkInterfaceTargets covers routes to an appliance's network
// interface, with the source/destination check off and on.
func TestNetworkInterfaceTargets(t *testing.T) {
	t.Parallel()
	const fx = "entities"
	runPathCases(t, []pathCase{
		{name: "appliance ENI forwards", fixture: fx, q: tcp("instance.appl", "198.51.100.7", 443),
			verdict: Reachable, codes: []string{}, noCodes: []string{CodeENISourceDestCheck}},
		{name: "appliance ENI with source/destination check", fixture: fx, q: tcp("instance.applchk", "198.51.100.7", 443),
			verdict: NotReachable, codes: []string{"ENI_SOURCE_DEST_CHECK_RESTRICTION/forward"}},
	})
}

// TestVPCEndpointPaths covers the three VPC endpoint types: a Gateway
// endpoint reached by its prefix-list route (and by the service's name),
// an Interface endpoint's network interfaces (their security group), and a
// Gateway Load Balancer endpoint, symmetric and not.
func TestVPCEndpointPaths(t *testing.T) {
	t.Parallel()
	const fx = "entities"
	runPathCases(t, []pathCase{
		{name: "S3 by name through the Gateway endpoint", fixture: fx, q: tcp("instance.app", "com.amazonaws.us-east-1.s3", 443),
			verdict: Reachable, codes: []string{}},
		{name: "S3 address through the Gateway endpoint", fixture: fx, q: tcp("instance.app", "3.5.1.2", 443),
			verdict: Reachable, codes: []string{}},
		{name: "S3 by endpoint", fixture: fx, q: tcp("instance.app", "vpc_endpoint.s3", 443),
			verdict: Reachable, codes: []string{}},
		{name: "S3 port the SG refuses", fixture: fx, q: tcp("instance.app", "com.amazonaws.us-east-1.s3", 80),
			verdict: NotReachable, codes: []string{"ENI_SG_RULES_MISMATCH/forward"}},
		{name: "interface endpoint ENI", fixture: fx, q: tcp("instance.app", "vpc_endpoint.ssm.endpoints_b", 443),
			verdict: Reachable, codes: []string{}},
		{name: "interface endpoint ENI by address", fixture: fx, q: tcp("instance.app", "10.1.60.10", 443),
			verdict: Reachable, codes: []string{}},
		{name: "interface endpoint SG", fixture: fx, q: tcp("instance.app3", "vpc_endpoint.ssm.endpoints_a", 22),
			verdict: NotReachable, codes: []string{"ENI_SG_RULES_MISMATCH/forward", "ENI_SG_RULES_MISMATCH/forward"}},
		{name: "GWLB endpoint both ways", fixture: fx, q: tcp("instance.gw", "198.51.100.7", 443),
			verdict: Reachable, codes: []string{}, noDetails: []string{CodeApplianceAsymmetricRouting}},
		{name: "GWLB endpoint request only", fixture: fx, q: tcp("instance.gw_asym", "198.51.100.7", 443),
			verdict: Ambiguous, codes: []string{}, details: []string{CodeApplianceAsymmetricRouting}},
	})
}

// TestVPCEndpointQueryErrors covers the query ends a VPC endpoint cannot
// be.
func TestVPCEndpointQueryErrors(t *testing.T) {
	t.Parallel()
	n := loadFixture(t, "entities")
	for _, q := range []Query{
		tcp("instance.app", "vpc_endpoint.ssm", 443),
		tcp("instance.app", "vpc_endpoint.gwlb", 443),
		tcp("com.amazonaws.us-east-1.s3", "instance.app", 443),
		tcp("vpc_endpoint.ssm.endpoints_a", "instance.app", 443),
		tcp("10.1.61.10", "instance.app", 443),
		tcp("vpc_endpoint.s3", "instance.app", 443),
	} {
		if _, err := n.AnalyzePath(q); err == nil {
			t.Errorf("%s -> %s: answered, want an error", q.From, q.To)
		}
	}
}

// TestEntitiesMatrixAgreesWithPath checks every cell of the all-ports
// matrix by instance over the entities fixture (prefix lists, network
// interfaces, VPC endpoint ENIs, association endpoints, a GWLB endpoint)
// against AnalyzePath for its pair.
func TestEntitiesMatrixAgreesWithPath(t *testing.T) {
	t.Parallel()
	n := loadFixture(t, "entities")
	q := MatrixQuery{By: MatrixByInstance}
	m, err := n.Matrix(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	compared, reachable := 0, 0
	for _, c := range m.Cells {
		if checkCellAgainstPath(t, n, m, q, c) {
			compared++
		}
		if c.Verdict == Reachable {
			reachable++
		}
	}
	if compared < 100 || reachable == 0 || reachable == compared {
		t.Errorf("compared %d cells (%d reachable); want at least 100, some reachable and some not", compared, reachable)
	}
}

// TestGatewayEndpointOwnVPCOnly covers a Gateway endpoint reached over a
// transit gateway from another VPC, which AWS does not allow, and from
// its own VPC.
func TestGatewayEndpointOwnVPCOnly(t *testing.T) {
	t.Parallel()
	const fx = "gwe_transit"
	runPathCases(t, []pathCase{
		{name: "from another VPC over the transit gateway", fixture: fx, q: tcp("instance.app", "com.amazonaws.us-east-1.s3", 443),
			verdict: NotReachable, codes: []string{"GATEWAY_ENDPOINT_REQUIRES_SOURCE_IN_VPC/forward"}},
		{name: "from its own VPC", fixture: fx, q: tcp("instance.local", "com.amazonaws.us-east-1.s3", 443),
			verdict: Reachable, codes: []string{}},
	})
}

// TestGWLBIngress covers ingress routing through a Gateway Load Balancer
// endpoint named by an internet gateway's edge route table.
func TestGWLBIngress(t *testing.T) {
	t.Parallel()
	const fx = "gwlb_ingress"
	runPathCases(t, []pathCase{
		{name: "both directions through the endpoint", fixture: fx, q: tcp("internet_gateway.igw", "instance.web", 443),
			verdict: Reachable, codes: []string{}, noDetails: []string{CodeApplianceAsymmetricRouting}},
		{name: "replies bypass the endpoint", fixture: fx, q: tcp("internet_gateway.igw", "instance.bypass", 443),
			verdict: Ambiguous, codes: []string{}, details: []string{CodeApplianceAsymmetricRouting}},
		{name: "port the SG refuses", fixture: fx, q: tcp("internet_gateway.igw", "instance.web", 22),
			verdict: NotReachable, codes: []string{"ENI_SG_RULES_MISMATCH/forward"}},
	})
	n := loadFixture(t, fx)
	k, ok := checkQueryPorts(t, n, Query{From: "internet_gateway.igw", To: "instance.bypass", Protocol: topology.ProtocolTCP}, []uint16{22, 443})
	if ok && k < 3 {
		t.Errorf("compared %d ports, want at least 3", k)
	}
}
