package analyzer

import (
	"testing"

	"github.com/vpcreach/vpcreach/topology"
)

func tcp(from, to string, port uint16) Query {
	return Query{From: from, To: to, Protocol: topology.ProtocolTCP, Port: port, HasPort: true}
}

func withSNI(q Query, sni string) Query { q.SNI = sni; return q }

const internetHost = "93.184.216.34"

// TestEgressPaths covers the single-VPC egress fixture: firewall verdicts
// (TLS by SNI, HTTP rejected, policy default, ambiguity), NAT and IGW,
// security groups, network ACLs on both paths, asymmetric routing and
// routing failures. Every case names the exact explanation codes.
func TestEgressPaths(t *testing.T) {
	t.Parallel()
	const fx = "egress"
	runPathCases(t, []pathCase{
		{name: "tls allowed by SNI", fixture: fx, q: withSNI(tcp("instance.app", internetHost, 443), "www.example.com"),
			verdict: Reachable, codes: []string{},
			noDetails: []string{CodeAssumedAppProtocol, CodeFirewallPolicyDefaultAction, CodeFirewallUnsupportedRuleOptions,
				CodeFirewallAsymmetricRouting, CodeUnidirectionalPathAnalysisOnly, CodeFirewallUnsupportedHigherPriority}},
		{name: "tls denied SNI", fixture: fx, q: withSNI(tcp("instance.app", internetHost, 443), "bad.example.com"),
			verdict: NotReachable, codes: []string{"FIREWALL_RULES_RESTRICTION/forward"},
			noDetails: []string{CodeFirewallPolicyDefaultAction}},
		{name: "tls unlisted SNI falls to the default", fixture: fx, q: withSNI(tcp("instance.app", internetHost, 443), "www.example.org"),
			verdict: NotReachable, codes: []string{"FIREWALL_RULES_RESTRICTION/forward"},
			details: []string{"FIREWALL_POLICY_DEFAULT_ACTION/forward"}},
		{name: "tls without SNI is ambiguous", fixture: fx, q: tcp("instance.app", internetHost, 443),
			verdict: Ambiguous, codes: []string{}, details: []string{CodeFirewallUnsupportedHigherPriority, CodeFirewallUnsupportedRuleOptions}},
		{name: "http rejected", fixture: fx, q: tcp("instance.app", internetHost, 80),
			verdict: NotReachable, codes: []string{"FIREWALL_RULES_RESTRICTION/forward"}, details: []string{CodeAssumedAppProtocol}},
		// Issue 12 item 10: --sni states TLS and --http-host states HTTP.
		{name: "SNI states TLS", fixture: fx, q: withSNI(tcp("instance.app", internetHost, 443), "bad.example.com"),
			verdict: NotReachable, codes: []string{"FIREWALL_RULES_RESTRICTION/forward"}, noDetails: []string{CodeAssumedAppProtocol}},
		{name: "HTTP Host states HTTP", fixture: fx, q: Query{From: "instance.app", To: internetHost, Protocol: topology.ProtocolTCP,
			Port: 80, HasPort: true, HTTPHost: "www.example.com"},
			verdict: NotReachable, codes: []string{"FIREWALL_RULES_RESTRICTION/forward"}, noDetails: []string{CodeAssumedAppProtocol}},
		{name: "an SNI does not state HTTP", fixture: fx, q: withSNI(tcp("instance.app", internetHost, 80), "www.example.com"),
			verdict: NotReachable, codes: []string{"FIREWALL_RULES_RESTRICTION/forward"}, details: []string{CodeAssumedAppProtocol}},
		{name: "explicit app is not assumed", fixture: fx, q: Query{From: "instance.app", To: internetHost, Protocol: topology.ProtocolTCP,
			Port: 80, HasPort: true, App: "http"},
			verdict: NotReachable, codes: []string{"FIREWALL_RULES_RESTRICTION/forward"}, noDetails: []string{CodeAssumedAppProtocol}},
		{name: "dns passed", fixture: fx, q: Query{From: "instance.app", To: "8.8.8.8", Protocol: topology.ProtocolUDP, Port: 53, HasPort: true},
			verdict: Reachable, codes: []string{}},
		{name: "smtp: network ACL and firewall default both block", fixture: fx, q: tcp("instance.app", internetHost, 25),
			verdict: NotReachable, codes: []string{"SUBNET_ACL_RESTRICTION/forward", "FIREWALL_RULES_RESTRICTION/forward"},
			details: []string{CodeFirewallPolicyDefaultAction}},
		{name: "submission port falls to the default", fixture: fx, q: tcp("instance.app", internetHost, 587),
			verdict: NotReachable, codes: []string{"FIREWALL_RULES_RESTRICTION/forward"},
			details: []string{"FIREWALL_POLICY_DEFAULT_ACTION/forward"}},
		{name: "security group egress and firewall both block", fixture: fx, q: tcp("instance.app", internetHost, 8080),
			verdict: NotReachable, codes: []string{"ENI_SG_RULES_MISMATCH/forward", "FIREWALL_RULES_RESTRICTION/forward"}},
		{name: "security group ingress blocks", fixture: fx, q: tcp("instance.nopub", "instance.web", 22),
			verdict: NotReachable, codes: []string{"ENI_SG_RULES_MISMATCH/forward"}},
		{name: "same subnet skips route tables", fixture: fx, q: tcp("instance.nopub", "instance.web", 443),
			verdict: Reachable, codes: []string{}, noCodes: []string{CodeENISGRulesMismatch, CodeSubnetACLRestriction}},
		{name: "middlebox return route makes local traffic asymmetric", fixture: fx, q: tcp("instance.bypass1", "instance.web", 443),
			verdict: NotReachable, codes: []string{"FIREWALL_ASYMMETRIC_ROUTING/return"}},
		{name: "request bypasses the firewall, reply does not", fixture: fx, q: withSNI(tcp("instance.bypass1", internetHost, 443), "www.example.com"),
			verdict: NotReachable, codes: []string{"FIREWALL_ASYMMETRIC_ROUTING/return"}},
		{name: "reply bypasses the firewall: fails open", fixture: fx, q: withSNI(tcp("instance.oneway1", internetHost, 443), "www.example.org"),
			verdict: Reachable, codes: []string{}, details: []string{"FIREWALL_ASYMMETRIC_ROUTING/forward"}},
		{name: "blackhole route", fixture: fx, q: tcp("instance.app", "192.0.2.10", 443),
			verdict: NotReachable, codes: []string{"BLACKHOLE_ROUTE/forward"}, details: []string{CodeUnidirectionalPathAnalysisOnly}},
		{name: "no route", fixture: fx, q: tcp("instance.iso", internetHost, 443),
			verdict: NotReachable, codes: []string{"NO_ROUTE_TO_DESTINATION/forward"}},
		{name: "no public IP at the IGW", fixture: fx, q: tcp("instance.nopub", internetHost, 443),
			verdict: NotReachable, codes: []string{"IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS/forward"}},
		{name: "private NAT gateway towards the IGW", fixture: fx, q: tcp("instance.pn", internetHost, 443),
			verdict: NotReachable, codes: []string{"IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS/forward"}},
		{name: "public IP egress", fixture: fx, q: tcp("instance.web", internetHost, 443),
			verdict: Reachable, codes: []string{}, noDetails: []string{CodeAssumedAppProtocol}},
		{name: "internet to a public instance", fixture: fx, q: tcp("internet_gateway.igw", "instance.web", 443),
			verdict: Reachable, codes: []string{}},
		{name: "internet to a private instance", fixture: fx, q: tcp("internet_gateway.igw", "instance.nopub", 443),
			verdict: NotReachable, codes: []string{"IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS/forward"}},
		// A NAT gateway is never the destination of a connection (issue 12
		// item 2): not at its Elastic IP from the internet, not at its
		// private IP from the VPC, public or private gateway alike.
		{name: "internet to a NAT gateway's Elastic IP", fixture: fx, q: tcp("8.8.8.8", "203.0.113.10", 80),
			verdict: NotReachable, codes: []string{"NGW_ACCEPTS_ONLY_REPLIES/forward"}},
		{name: "internet to a NAT gateway by name", fixture: fx, q: tcp("internet_gateway.igw", "nat_gateway.nat_b", 443),
			verdict: NotReachable, codes: []string{"NGW_ACCEPTS_ONLY_REPLIES/forward"}},
		{name: "instance to a NAT gateway's private IP", fixture: fx, q: tcp("instance.web", "10.1.0.4", 80),
			verdict: NotReachable, codes: []string{"NGW_ACCEPTS_ONLY_REPLIES/forward"}},
		{name: "instance to a private NAT gateway", fixture: fx, q: tcp("instance.web", "nat_gateway.nat_private", 80),
			verdict: NotReachable, codes: []string{"NGW_ACCEPTS_ONLY_REPLIES/forward"}},
		{name: "instance in another subnet to a NAT gateway", fixture: fx, q: tcp("instance.iso", "nat_gateway.nat_a", 80),
			verdict: NotReachable, codes: []string{"NGW_ACCEPTS_ONLY_REPLIES/forward"}},
		{name: "NACL forgets the NAT's ephemeral ports", fixture: fx, q: tcp("instance.b1", internetHost, 443),
			verdict: NotReachable, codes: []string{"SUBNET_ACL_RESTRICTION/return"}},
		{name: "NACL allows part of the NAT's ports", fixture: fx, q: tcp("instance.c1", internetHost, 443),
			verdict: Ambiguous, codes: []string{}, details: []string{"SUBNET_ACL_RESTRICTION/return"}},
	})
}

// TestTransitPaths covers transit gateways: appliance mode, AZ
// restrictions, associations, blackholes and missing routes.
func TestTransitPaths(t *testing.T) {
	t.Parallel()
	const fx = "transit"
	runPathCases(t, []pathCase{
		{name: "east-west through the inspection VPC with appliance mode", fixture: fx, q: tcp("instance.a1", "instance.b2", 443),
			verdict: Reachable, codes: []string{},
			noDetails: []string{CodeFirewallAsymmetricRouting, CodeTGWApplianceModeRecommended, CodeAvailabilityZoneCrossed}},
		{name: "east-west without appliance mode", fixture: "transit_noappliance", q: tcp("instance.a1", "instance.b2", 443),
			verdict: NotReachable, codes: []string{"FIREWALL_ASYMMETRIC_ROUTING/return"},
			details: []string{CodeTGWApplianceModeRecommended, "FIREWALL_ASYMMETRIC_ROUTING/forward"}},
		{name: "same AZ without appliance mode stays symmetric", fixture: "transit_noappliance", q: tcp("instance.a1", "instance.a3", 443),
			verdict: Reachable, codes: []string{}, details: []string{CodeTGWApplianceModeRecommended},
			noDetails: []string{CodeFirewallAsymmetricRouting}},
		{name: "firewall default drops other ports", fixture: fx, q: tcp("instance.a1", "instance.b2", 22),
			verdict: NotReachable, codes: []string{"FIREWALL_RULES_RESTRICTION/forward"}},
		{name: "no attachment subnet in the source AZ", fixture: fx, q: tcp("instance.b3", "instance.a1", 443),
			verdict: NotReachable, codes: []string{"TGW_ROUTE_AZ_RESTRICTION/forward"}},
		{name: "reply from an AZ without attachment subnet", fixture: fx, q: tcp("instance.a1", "instance.b3", 443),
			verdict: NotReachable, codes: []string{"TGW_ROUTE_AZ_RESTRICTION/return"}},
		{name: "attachment subnet in another AZ", fixture: fx, q: tcp("instance.b2", "instance.a3", 443),
			verdict: Reachable, codes: []string{}, details: []string{CodeAvailabilityZoneCrossed}},
		{name: "attachment without route table", fixture: fx, q: tcp("instance.a4", "instance.a1", 443),
			verdict: NotReachable, codes: []string{"TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION/forward"}},
		{name: "blackhole TGW route", fixture: fx, q: tcp("instance.a1", "instance.a5", 443),
			verdict: NotReachable, codes: []string{"TGW_RTB_BLACKHOLE_ROUTE/forward"}},
		{name: "TGW route table without a route", fixture: fx, q: tcp("instance.a1", "instance.a6", 443),
			verdict: NotReachable, codes: []string{"TGW_RTB_CANNOT_ROUTE/forward"}},
	})
}

// TestMiscPaths covers appliances (source/destination check, loops),
// peering without a return route and ingress routing through a firewall.
func TestMiscPaths(t *testing.T) {
	t.Parallel()
	const fx = "misc"
	runPathCases(t, []pathCase{
		{name: "routing loop between appliances", fixture: fx, q: tcp("instance.lx", internetHost, 443),
			verdict: NotReachable, codes: []string{"ROUTING_LOOP/forward"}},
		{name: "appliance with source/destination check", fixture: fx, q: tcp("instance.m1host", internetHost, 443),
			verdict: NotReachable, codes: []string{"ENI_SOURCE_DEST_CHECK_RESTRICTION/forward"}},
		{name: "appliance without source/destination check", fixture: fx, q: tcp("instance.m3host", internetHost, 443),
			verdict: Reachable, codes: []string{}, noCodes: []string{CodeENISourceDestCheck, CodeRoutingLoop}},
		{name: "peering without a route back", fixture: fx, q: tcp("instance.pa_host", "instance.pb_host", 443),
			verdict: NotReachable, codes: []string{"NO_RETURN_ROUTE/return"}},
		{name: "ingress routing through a firewall", fixture: fx, q: tcp("internet_gateway.ing_igw", "instance.ing_host", 443),
			verdict: Reachable, codes: []string{}, noDetails: []string{CodeFirewallAsymmetricRouting}},
		{name: "ingress: firewall default and security group both block", fixture: fx, q: tcp("internet_gateway.ing_igw", "instance.ing_host", 80),
			verdict: NotReachable, codes: []string{"FIREWALL_RULES_RESTRICTION/forward", "ENI_SG_RULES_MISMATCH/forward"}},
	})
}
