package render

import (
	"github.com/vpcreach/vpcreach/analyzer"
)

// Hand-built results that set every field of the analyzer's result types
// at least once, so the unit goldens (and the schema test that reads them)
// cover what the examples do not.

func ip(v int) *int { return &v }

func fixtureHeader(src, dst string, sp, dp int) *analyzer.Header {
	return &analyzer.Header{Source: src, Destination: dst, Protocol: "tcp", SourcePort: ip(sp), DestinationPort: ip(dp)}
}

func fixtureFirewallRule() *analyzer.FirewallRuleInfo {
	return &analyzer.FirewallRuleInfo{
		Firewall: "network_firewall.fw", Policy: "firewall_policy.egress", RuleGroup: "rule_group.egress",
		Engine: "stateful", SID: 1000002, Action: "reject", Protocol: "http",
		Sources: []string{"10.1.1.0/24"}, Destinations: []string{"0.0.0.0/5", "8.0.0.0/7"},
		SourcePorts: []string{"any"}, DestinationPorts: []string{"80"}, Direction: "forward",
		Phase: "client data", LatchedAt: "client data",
		Rule:     `reject http $HOME_NET any -> $EXTERNAL_NET 80 (http.host; content:"bad.example"; sid:1000002;)`,
		Location: "rules/egress.rules:3",
	}
}

// fixtureForwardPath is a request that crosses every kind of hop and is
// rejected by the firewall.
func fixtureForwardPath() []*analyzer.Hop {
	out := fixtureHeader("10.1.1.10", "93.184.216.34", 49152, 80)
	return []*analyzer.Hop{
		{Sequence: 1, Component: "instance.web", Type: "instance", VPC: "vpc.egress", Subnet: "subnet.app_a",
			AvailabilityZone: "us-east-1a", OutboundHeader: out,
			SecurityGroupRule: &analyzer.SGRuleInfo{SecurityGroup: "security_group.web", Direction: "egress",
				Protocol: "-1", PortRange: "any", CIDR: "0.0.0.0/0", Location: "compute.hcl:12"}},
		{Sequence: 2, Component: "subnet.app_a", Type: "subnet", Direction: "egress", VPC: "vpc.egress",
			InboundHeader: out, OutboundHeader: out,
			ACLRule: &analyzer.ACLRuleInfo{NetworkACL: "network_acl.app", RuleNumber: 100, Action: "allow",
				Egress: true, Protocol: "tcp", CIDR: "0.0.0.0/0", PortRange: "80", Location: "network.hcl:40"},
			Route: &analyzer.RouteInfo{RouteTable: "route_table.app_a", Destination: "0.0.0.0/0",
				Target: "transit_gateway.tgw", Location: "network.hcl:22"}},
		{Sequence: 3, Component: "transit_gateway.tgw", Type: "transit_gateway", InboundHeader: out, OutboundHeader: out,
			TGWRoute: &analyzer.TGWRouteInfo{RouteTable: "transit_gateway_route_table.spoke", Destination: "0.0.0.0/0",
				Attachment: "transit_gateway_attachment.inspection", Origin: "static", Location: "transit.hcl:30"}},
		{Sequence: 4, Component: "firewall_endpoint.fw_a", Type: "firewall_endpoint", InboundHeader: out,
			OutboundHeader: out, FirewallRule: fixtureFirewallRule(), Blocked: true},
		{Sequence: 5, Component: "nat_gateway.nat_a", Type: "nat_gateway", InboundHeader: out,
			OutboundHeader: fixtureHeader("203.0.113.10", "93.184.216.34", 1024, 80),
			Translation:    "source 10.1.1.10:49152 -> 203.0.113.10:1024"},
	}
}

// fixtureAnalysis is a NOT_REACHABLE answer with a return path, every kind
// of finding and every optional query field.
func fixtureAnalysis() *analyzer.Analysis {
	in := fixtureHeader("93.184.216.34", "10.1.1.10", 80, 49152)
	return &analyzer.Analysis{
		SchemaVersion: analyzer.SchemaVersion,
		Query: analyzer.QueryInfo{Source: "instance.web", Destination: "93.184.216.34", Protocol: "tcp",
			SourcePort: ip(49152), DestinationPort: ip(80), AppProtocol: "http", SNI: "api.example.com",
			HTTPHost: "bad.example"},
		Answer: analyzer.Answer{
			Verdict:     analyzer.NotReachable,
			ForwardPath: fixtureForwardPath(),
			ReturnPath: []*analyzer.Hop{
				{Sequence: 1, Component: "internet", Type: "internet", OutboundHeader: in},
				{Sequence: 2, Component: "internet_gateway.igw", Type: "internet_gateway", InboundHeader: in,
					OutboundHeader: in, Blocked: true},
				{Sequence: 3, Component: "instance.web", Type: "instance", InboundHeader: in,
					SecurityGroupRule: &analyzer.SGRuleInfo{SecurityGroup: "security_group.web", Direction: "ingress",
						Protocol: "tcp", PortRange: "49152", ReferencedSecurityGroup: "security_group.lb"}},
			},
			Explanations:      fixtureExplanations(),
			AdditionalDetails: fixtureDetails(),
		},
	}
}

func fixtureExplanations() []*analyzer.Finding {
	return []*analyzer.Finding{
		{Code: analyzer.CodeFirewallRulesRestriction, Direction: "forward", Component: "firewall_endpoint.fw_a",
			Message:      "rule sid 1000002 (reject http) in rule_group.egress rejects the HTTP request",
			FirewallRule: fixtureFirewallRule(), Location: "rules/egress.rules:3"},
		{Code: analyzer.CodeSubnetACLRestriction, Direction: "return", Component: "subnet.app_a",
			Message: "network_acl.app denies tcp/49152 from 93.184.216.34", TrafficDirection: "ingress",
			ACLRule: &analyzer.ACLRuleInfo{NetworkACL: "network_acl.app", RuleNumber: 32767, Action: "deny",
				Protocol: "-1", CIDR: "0.0.0.0/0", PortRange: "any"}},
		{Code: analyzer.CodeENISGRulesMismatch, Direction: "return", Component: "instance.web",
			Message: "no ingress rule admits it", SecurityGroups: []string{"security_group.web"},
			TrafficDirection: "ingress", PacketField: "source"},
		{Code: analyzer.CodeNoReturnRoute, Direction: "return", Component: "subnet.nat",
			Message: "no route back to 10.1.1.10",
			Route: &analyzer.RouteInfo{RouteTable: "route_table.nat", Destination: "10.1.0.0/16", Target: "local",
				Origin: "local"}},
		{Code: analyzer.CodeTGWRtbBlackholeRoute, Direction: "return", Component: "transit_gateway.tgw",
			Message: "blackhole", TGWRoute: &analyzer.TGWRouteInfo{RouteTable: "transit_gateway_route_table.fw",
				Destination: "10.1.0.0/16", Blackhole: true, Origin: "propagated"}},
	}
}

func fixtureDetails() []*analyzer.Finding {
	return []*analyzer.Finding{
		{Code: analyzer.CodeFirewallUnsupportedHigherPriority, Component: "firewall_endpoint.fw_a",
			Message: "sid 7 could match first", RuleOptions: []string{"content"},
			Rules: []*analyzer.FirewallRuleInfo{{Firewall: "network_firewall.fw", Engine: "stateful", SID: 7,
				Action: "pass", Protocol: "tls", Ambiguous: true}, {Firewall: "network_firewall.fw",
				Engine: "stateless", Priority: 10, Action: "aws:forward_to_sfe", RuleGroup: "rule_group.sl"}}},
		{Code: analyzer.CodeAvailabilityZoneCrossed, Message: "the path changes AZ",
			AvailabilityZones: []string{"us-east-1a", "us-east-1b"}},
		{Code: analyzer.CodeFirewallPolicyDefaultAction, Message: "default", FirewallRule: &analyzer.FirewallRuleInfo{
			Firewall: "network_firewall.fw", Engine: "default_action", DefaultAction: "aws:drop_established",
			Action: "drop", Phase: "server data"}},
	}
}
