package render

import (
	"net/netip"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/topology"
)

// reachableAnswer is a one-hop REACHABLE answer passed by firewall rule sid.
func reachableAnswer(sid int64) analyzer.Answer {
	h := fixtureHeader("10.1.1.10", "10.2.1.10", 49152, 443)
	return analyzer.Answer{Verdict: analyzer.Reachable, Reachable: true,
		ForwardPath: []*analyzer.Hop{{Sequence: 1, Component: "firewall_endpoint.fw_a", Type: "firewall_endpoint",
			InboundHeader: h, OutboundHeader: h, FirewallRule: &analyzer.FirewallRuleInfo{
				Firewall: "network_firewall.fw", Engine: "stateful", SID: sid, Action: "pass", Protocol: "tls",
				RuleGroup: "rule_group.egress", Location: "egress.rules:1"}}},
		ReturnPath: []*analyzer.Hop{}, Explanations: []*analyzer.Finding{}, AdditionalDetails: []*analyzer.Finding{}}
}

func blockedAnswer() analyzer.Answer {
	return analyzer.Answer{Verdict: analyzer.NotReachable, ForwardPath: []*analyzer.Hop{}, ReturnPath: []*analyzer.Hop{},
		Explanations: []*analyzer.Finding{{Code: analyzer.CodeENISGRulesMismatch, Direction: "forward",
			Component: "instance.db", Message: "no ingress rule of security_group.db admits it"}},
		AdditionalDetails: []*analyzer.Finding{}}
}

func ambiguousAnswer() analyzer.Answer {
	a := reachableAnswer(9)
	a.Verdict, a.Reachable = analyzer.Ambiguous, false
	a.AdditionalDetails = []*analyzer.Finding{{Code: analyzer.CodeFirewallUnsupportedHigherPriority,
		Message: "sid 8 tests content, which the configuration cannot decide"}}
	return a
}

func fixturePortRanges() []*analyzer.PortRangeResult {
	return []*analyzer.PortRangeResult{
		{From: 0, To: 442, Answer: blockedAnswer()},
		{From: 443, To: 443, AppProtocol: "tls", Answer: reachableAnswer(1)},
		{From: 444, To: 8079, Answer: blockedAnswer()},
		{From: 8080, To: 8080, AppProtocol: "http", Answer: ambiguousAnswer()},
		{From: 8081, To: 65535, Answer: blockedAnswer()},
	}
}

// fixturePorts is the all-ports answer (no --port).
func fixturePorts() *analyzer.Analysis {
	return &analyzer.Analysis{SchemaVersion: analyzer.SchemaVersion,
		Query:      analyzer.QueryInfo{Source: "instance.app", Destination: "instance.db", Protocol: "tcp", SourcePort: ip(49152)},
		Answer:     reachableAnswer(1),
		PortRanges: fixturePortRanges()}
}

// fixtureAddresses is the answer for a CIDR destination, without a port.
func fixtureAddresses() *analyzer.Analysis {
	return &analyzer.Analysis{SchemaVersion: analyzer.SchemaVersion,
		Query:  analyzer.QueryInfo{Source: "instance.app", Destination: "10.2.0.0/16", Protocol: "tcp", SourcePort: ip(49152)},
		Answer: reachableAnswer(1),
		AddressRanges: []*analyzer.AddressRangeResult{
			{From: "10.2.0.0", To: "10.2.0.255", CIDRs: []string{"10.2.0.0/24"}, Answer: blockedAnswer()},
			{From: "10.2.1.0", To: "10.2.1.255", CIDRs: []string{"10.2.1.0/24"}, Destination: "subnet.db",
				Answer: reachableAnswer(1), PortRanges: fixturePortRanges()},
			{From: "10.2.2.0", To: "10.2.255.255", CIDRs: []string{"10.2.2.0/23", "10.2.4.0/22"}, Answer: blockedAnswer()},
		}}
}

// fixtureMatrix is a 2x3 matrix; without port, cells carry port sets.
func fixtureMatrix(port bool) *analyzer.Matrix {
	m := &analyzer.Matrix{SchemaVersion: analyzer.SchemaVersion,
		Query:        analyzer.MatrixQueryInfo{By: "subnet", Protocol: "tcp", Internet: "203.0.113.50"},
		Sources:      []string{"subnet.a", "internet"},
		Destinations: []string{"subnet.a", "subnet.b", "internet"}}
	cell := func(from, to string, v analyzer.Verdict, reach, amb, by string) *analyzer.MatrixCell {
		if port {
			reach, amb = "", ""
		}
		return &analyzer.MatrixCell{From: from, To: to, Verdict: v, ReachablePorts: reach, AmbiguousPorts: amb, DecidedBy: by}
	}
	if port {
		m.Query.DestinationPort = ip(443)
	}
	m.Cells = []*analyzer.MatrixCell{
		cell("subnet.a", "subnet.a", analyzer.NotApplicable, "", "", "same endpoint"),
		cell("subnet.a", "subnet.b", analyzer.Reachable, "443,8000-8999", "", ""),
		cell("subnet.a", "internet", analyzer.Ambiguous, "80", "443", "FIREWALL_UNSUPPORTED_HIGHER_PRIORITY_RULES at firewall_endpoint.fw_a"),
		cell("internet", "subnet.a", analyzer.NotReachable, "none", "", "NO_ROUTE_TO_DESTINATION at internet_gateway.igw"),
		cell("internet", "subnet.b", analyzer.Reachable, "any", "", ""),
		cell("internet", "internet", analyzer.NotApplicable, "", "", "same endpoint"),
	}
	return m
}

// fixtureCheck has an expectation that holds, one that fails with its
// analysis, and one whose query could not be asked.
func fixtureCheck() []*analyzer.CheckResult {
	block := func(name string, line int, reach, hasPort bool) *topology.Expect {
		rng := hcl.Range{Filename: "net/expect.hcl", Start: hcl.Pos{Line: line, Column: 1, Byte: 0},
			End: hcl.Pos{Line: line, Column: 16 + len(name), Byte: 15 + len(name)}}
		return &topology.Expect{Meta: topology.NewMeta("expect", name, rng), Protocol: topology.ProtocolTCP,
			From: topology.Endpoint{Addr: netip.MustParseAddr("10.1.1.10")},
			To:   topology.Endpoint{Prefix: netip.MustParsePrefix("10.2.0.0/16")},
			Port: 443, HasPort: hasPort, Reachable: reach}
	}
	holds := fixturePorts()
	holds.PortRanges = nil
	return []*analyzer.CheckResult{
		{Expect: "expect.app_to_db", Holds: true, DecidedBy: "firewall_endpoint.fw_a: pass tls sid 1 (rule_group.egress)",
			Analysis: holds, Block: block("app_to_db", 1, true, true)},
		{Expect: "expect.web_out", Reason: "expected reachable, got NOT_REACHABLE",
			DecidedBy: "firewall_endpoint.fw_a", Analysis: fixtureAnalysis(), Block: block("web_out", 10, true, true)},
		{Expect: "expect.zz_unknown", Reason: "the query cannot be asked", Error: "--to: instance.nope is not declared",
			Block: block("zz_unknown", 20, false, false)},
	}
}
