package analyzer

import (
	"net/netip"
	"testing"

	"github.com/vpcreach/vpcreach/ports"
	"github.com/vpcreach/vpcreach/topology"
)

// TestSecurityGroupPaths covers security groups: references, lost SG
// identity through a middlebox, the implicit default group, a group with no
// egress rules, replies of allowed flows, and filtering and routing
// blockers reported together.
func TestSecurityGroupPaths(t *testing.T) {
	t.Parallel()
	const fx = "sg"
	runPathCases(t, []pathCase{
		{name: "reference to the source's group", fixture: fx, q: tcp("instance.app", "instance.db", 5432),
			verdict: Reachable, codes: []string{}},
		{name: "source without the referenced group", fixture: fx, q: tcp("instance.other", "instance.db", 5432),
			verdict: NotReachable, codes: []string{"ENI_SG_RULES_MISMATCH/forward"}},
		{name: "reference not preserved through a firewall endpoint", fixture: fx, q: tcp("instance.app_c", "instance.db", 5432),
			verdict: NotReachable, codes: []string{"ENI_SG_RULES_MISMATCH/forward"}},
		{name: "group without egress rules (and the destination's group refuses it too)", fixture: fx,
			q:       tcp("instance.silent", "instance.db", 5432),
			verdict: NotReachable, codes: []string{"ENI_SG_RULES_MISMATCH/forward", "ENI_SG_RULES_MISMATCH/forward"}},
		{name: "default group admits its own members", fixture: fx, q: tcp("instance.dflt2", "instance.dflt", 443),
			verdict: Reachable, codes: []string{}},
		{name: "default group refuses others", fixture: fx, q: tcp("instance.app", "instance.dflt", 443),
			verdict: NotReachable, codes: []string{"ENI_SG_RULES_MISMATCH/forward"}},
		{name: "an endpoint does not inspect its own subnet's traffic", fixture: fx, q: tcp("instance.app_c", "instance.in_fw_subnet", 443),
			verdict: Reachable, codes: []string{}, details: []string{CodeFirewallEndpointOwnSubnet}},
		{name: "an endpoint inspects other subnets' traffic", fixture: fx, q: tcp("instance.app_c", "instance.dflt", 443),
			verdict: NotReachable, codes: []string{"ENI_SG_RULES_MISMATCH/forward"}, noDetails: []string{CodeFirewallEndpointOwnSubnet}},
		{name: "filtering and routing blockers together", fixture: fx, q: tcp("instance.silent", "8.8.8.8", 443),
			verdict: NotReachable, codes: []string{"ENI_SG_RULES_MISMATCH/forward", "NO_ROUTE_TO_DESTINATION/forward"}},
	})
}

// TestSecurityGroupFindingDetails checks what an SG finding names: the
// direction, the packet field at fault and the groups; and the admitting
// rule of a reference match.
func TestSecurityGroupFindingDetails(t *testing.T) {
	t.Parallel()
	n := loadFixture(t, "sg")
	tests := []struct {
		from, to  string
		port      uint16
		direction string
		field     string
	}{
		{"instance.other", "instance.db", 5432, "ingress", "source-address"},
		{"instance.app", "instance.db", 22, "ingress", "destination-port"},
		{"instance.silent", "instance.db", 5432, "egress", "protocol"},
	}
	for _, tt := range tests {
		a, err := n.AnalyzePath(tcp(tt.from, tt.to, tt.port))
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Explanations) == 0 {
			t.Fatalf("%s -> %s:%d: no explanation", tt.from, tt.to, tt.port)
		}
		f := a.Explanations[0]
		if f.Code != CodeENISGRulesMismatch || f.TrafficDirection != tt.direction || f.PacketField != tt.field {
			t.Errorf("%s -> %s:%d: %s %s %s; want %s %s", tt.from, tt.to, tt.port, f.Code, f.TrafficDirection,
				f.PacketField, tt.direction, tt.field)
		}
	}
	a, _ := n.AnalyzePath(tcp("instance.app", "instance.db", 5432))
	last := a.ForwardPath[len(a.ForwardPath)-1]
	if r := last.SecurityGroupRule; r == nil || r.ReferencedSecurityGroup != "security_group.app" || r.SecurityGroup != "security_group.db" {
		t.Errorf("admitting rule at %s = %+v; want security_group.db by reference to security_group.app", last.Component, r)
	}
}

func aclRule(num int, allow bool, proto topology.Protocol, lo, hi uint16, cidr string) *topology.ACLRule {
	return &topology.ACLRule{Number: num, Allow: allow, Protocol: proto, Ports: ports.Range{Lo: lo, Hi: hi},
		CIDR: netip.MustParsePrefix(cidr)}
}

// TestEvalACLOrdering is the table-driven test of network ACL evaluation:
// the lowest-numbered matching rule decides, non-matching protocols and
// CIDRs are skipped, the final * rule denies, and a port range is split
// where the deciding rule changes.
func TestEvalACLOrdering(t *testing.T) {
	t.Parallel()
	tcp, udp, all := topology.ProtocolTCP, topology.ProtocolUDP, topology.ProtocolAll
	acl := &topology.NetworkACL{Egress: []*topology.ACLRule{
		aclRule(90, false, tcp, 22, 22, "0.0.0.0/0"),
		aclRule(100, true, tcp, 0, 65535, "10.0.0.0/8"),
		aclRule(110, false, udp, 53, 53, "0.0.0.0/0"),
		aclRule(120, true, tcp, 32768, 65535, "0.0.0.0/0"),
		aclRule(200, true, all, 0, 0, "192.0.2.0/24"),
	}}
	type match struct {
		rule  int // 0 = implicit deny
		allow bool
		lo    uint16
		hi    uint16
	}
	tests := []struct {
		name  string
		peer  string
		proto topology.Protocol
		ports ports.Range
		want  []match
	}{
		{"a lower deny beats a later allow", "10.1.1.1", tcp, ports.Single(22), []match{{90, false, 22, 22}}},
		{"first matching allow", "10.1.1.1", tcp, ports.Single(443), []match{{100, true, 443, 443}}},
		{"CIDR mismatch skips the rule", "8.8.8.8", tcp, ports.Single(443), []match{{0, false, 443, 443}}},
		{"protocol mismatch skips the rule", "10.1.1.1", udp, ports.Single(443), []match{{0, false, 443, 443}}},
		{"udp deny", "8.8.8.8", udp, ports.Single(53), []match{{110, false, 53, 53}}},
		{"protocol -1 matches every port", "192.0.2.7", udp, ports.Single(9999), []match{{200, true, 9999, 9999}}},
		{"a range split where the decision changes", "8.8.8.8", tcp, ports.Range{Lo: 1024, Hi: 65535},
			[]match{{0, false, 1024, 32767}, {120, true, 32768, 65535}}},
	}
	for _, tt := range tests {
		got := evalACL(acl, true, netip.MustParseAddr(tt.peer), tt.proto, tt.ports)
		var ms []match
		for _, m := range got {
			num := 0
			if m.rule != nil {
				num = m.rule.Number
			}
			ms = append(ms, match{num, m.allow, m.ports.Lo, m.ports.Hi})
		}
		if len(ms) != len(tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, ms, tt.want)
			continue
		}
		for i := range ms {
			if ms[i] != tt.want[i] {
				t.Errorf("%s: got %v, want %v", tt.name, ms, tt.want)
				break
			}
		}
	}
}
