package topology

import (
	"net/netip"
	"sort"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/ports"
)

// protocol evaluates a security group or network ACL protocol:
// "tcp", "udp", "icmp" (any case) or "-1".
func (l *loader) protocol(expr hcl.Expression, what string) (Protocol, bool) {
	s, ok := l.oneOfFold(expr, what, "tcp", "udp", "icmp", "-1")
	if !ok {
		return 0, false
	}
	switch s {
	case "tcp":
		return ProtocolTCP, true
	case "udp":
		return ProtocolUDP, true
	case "icmp":
		return ProtocolICMP, true
	}
	return ProtocolAll, true
}

// portRange evaluates an optional "443" or "1024-65535"; absent means all
// ports. Ports given for a protocol without ports are an error.
func (l *loader) portRange(expr hcl.Expression, proto Protocol, protoOK bool, what string) ports.Range {
	if !present(expr) {
		return ports.All()
	}
	s, ok := l.str(expr, what)
	if !ok {
		return ports.All()
	}
	r, err := ports.ParseRange(s)
	if err != nil {
		l.errorf(expr.Range(), "Invalid port range",
			"The %s, %q, is not a port or range: %s; write \"443\" or \"1024-65535\".", what, s, err)
		return ports.All()
	}
	if protoOK && !proto.HasPorts() {
		l.errorf(expr.Range(), "Ports for a protocol without ports",
			"The %s is set but the protocol is %q, which has no ports; remove ports, or use \"tcp\" or \"udp\".", what, protoName(proto))
		return ports.All()
	}
	return r
}

func protoName(p Protocol) string {
	if p == ProtocolAll {
		return "-1"
	}
	return p.String()
}

func (l *loader) resolveSG(b *sgBlock, g *SecurityGroup) {
	g.VPC = l.refVPC(b.VPC, of("vpc", g))
	g.Ingress = l.sgRules(b.Ingress, g, "ingress")
	g.Egress = l.sgRules(b.Egress, g, "egress")
}

func (l *loader) sgRules(blocks []*sgRuleBlock, g *SecurityGroup, dir string) []*SGRule {
	var out []*SGRule
	for _, b := range blocks {
		what := func(a string) string { return a + " of an " + dir + " rule of " + g.Addr() }
		r := &SGRule{Range: blockRange(b.DefRange, b.Body)}
		var ok bool
		r.Protocol, ok = l.protocol(b.Protocol, what("protocol"))
		r.Ports = l.portRange(b.Ports, r.Protocol, ok, what("ports"))
		if present(b.CIDRBlocks) {
			items, _ := l.prefixes(b.CIDRBlocks, what("cidr_blocks"))
			r.CIDRs = prefixValues(items)
		}
		r.PrefixLists = l.refPrefixLists(b.PrefixLists, what("prefix_lists"))
		for _, it := range l.refs(b.SecurityGroups, what("security_groups"), "security_group") {
			r.SecurityGroups = append(r.SecurityGroups, it.res.(*SecurityGroup))
		}
		if !present(b.CIDRBlocks) && !present(b.SecurityGroups) && !present(b.PrefixLists) {
			peer := "sources"
			if dir == "egress" {
				peer = "destinations"
			}
			l.errorf(b.DefRange, "Rule without peer",
				"An %s rule of %s has no cidr_blocks, prefix_lists or security_groups; give its %s, such as cidr_blocks = [\"0.0.0.0/0\"].",
				dir, g.Addr(), peer)
		}
		out = append(out, r)
	}
	return out
}

func (l *loader) resolveNACL(b *naclBlock, n *NetworkACL) {
	n.VPC = l.refVPC(b.VPC, of("vpc", n))
	n.Ingress = l.aclRules(b.Ingress, n, false)
	n.Egress = l.aclRules(b.Egress, n, true)
}

func (l *loader) aclRules(blocks []*naclRuleBlock, n *NetworkACL, egress bool) []*ACLRule {
	dir := "ingress"
	if egress {
		dir = "egress"
	}
	seen := map[int]hcl.Range{}
	var out []*ACLRule
	for _, b := range blocks {
		what := func(a string) string { return a + " of an " + dir + " rule of " + n.Addr() }
		r := &ACLRule{Egress: egress, Range: blockRange(b.DefRange, b.Body)}
		num, ok := l.integer(b.RuleNumber, what("rule_number"))
		if ok && (num < 1 || num > 32766) {
			l.errorf(b.RuleNumber.Range(), "Rule number out of range",
				"The rule_number %d of an %s rule of %s must be between 1 and 32766.", num, dir, n.Addr())
			ok = false
		}
		if first, dup := seen[num]; ok && dup {
			l.errorf(b.RuleNumber.Range(), "Duplicate rule number",
				"The %s rule number %d of %s is already used at %s; rule numbers must be unique per direction.",
				dir, num, n.Addr(), where(first))
			ok = false
		}
		if ok {
			seen[num] = b.RuleNumber.Range()
		}
		r.Number = num
		action, aok := l.oneOf(b.Action, what("action"), "allow", "deny")
		r.Allow = action == "allow"
		var pok bool
		r.Protocol, pok = l.protocol(b.Protocol, what("protocol"))
		r.Ports = l.portRange(b.Ports, r.Protocol, pok, what("ports"))
		if present(b.PrefixList) {
			l.errorf(b.PrefixList.Range(), "Prefix list in a network ACL rule",
				"An %s rule of %s names a prefix list; AWS network ACL rules take a single cidr_block only. Write one rule per CIDR block.", dir, n.Addr())
		}
		var cok bool
		r.CIDR, cok = l.prefix(b.CIDRBlock, what("cidr_block"))
		if ok && aok && pok && cok {
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Number < out[j].Number })
	return out
}

// defaultSecurityGroup is a VPC's implicit default SG: all outbound,
// inbound only from itself.
func defaultSecurityGroup(v *VPC) *SecurityGroup {
	g := &SecurityGroup{Meta: NewImplicitMeta("security_group", v, "default_security_group"), VPC: v}
	g.Ingress = []*SGRule{{Protocol: ProtocolAll, Ports: ports.All(), SecurityGroups: []*SecurityGroup{g}, Range: v.Range}}
	g.Egress = []*SGRule{{Protocol: ProtocolAll, Ports: ports.All(), CIDRs: allPrefixes(), Range: v.Range}}
	return g
}

// defaultNetworkACL is a VPC's implicit default NACL: rule 100 allows all
// IPv4 and rule 101 all IPv6, both ways.
func defaultNetworkACL(v *VPC) *NetworkACL {
	n := &NetworkACL{Meta: NewImplicitMeta("network_acl", v, "default_network_acl"), VPC: v}
	for _, egress := range []bool{false, true} {
		rules := []*ACLRule{
			{Number: 100, Allow: true, Protocol: ProtocolAll, Ports: ports.All(), CIDR: allPrefixes()[0], Egress: egress, Range: v.Range},
			{Number: 101, Allow: true, Protocol: ProtocolAll, Ports: ports.All(), CIDR: allPrefixes()[1], Egress: egress, Range: v.Range},
		}
		if egress {
			n.Egress = rules
		} else {
			n.Ingress = rules
		}
	}
	return n
}

// allPrefixes returns 0.0.0.0/0 and ::/0.
func allPrefixes() []netip.Prefix {
	return []netip.Prefix{netip.MustParsePrefix("0.0.0.0/0"), netip.MustParsePrefix("::/0")}
}
