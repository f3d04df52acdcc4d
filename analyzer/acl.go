package analyzer

import (
	"fmt"
	"net/netip"

	"github.com/vpcreach/vpcreach/ports"
	"github.com/vpcreach/vpcreach/topology"
)

// implicitDenyRule is the rule number AWS shows for a NACL's final "*"
// rule.
const implicitDenyRule = 32767

// natPortRange is the range a NAT gateway picks source ports from.
var natPortRange = ports.Range{Lo: 1024, Hi: 65535}

// aclMatch is the decision of a network ACL for one port range.
type aclMatch struct {
	rule  *topology.ACLRule // nil for the implicit deny
	allow bool
	ports ports.Range
}

// evalACL evaluates the ingress or egress rules of acl, lowest number
// first, for a packet whose peer address (source for ingress, destination
// for egress) is peer. It returns one decision per sub-range of dports on
// which the decision is uniform, in port order.
func evalACL(acl *topology.NetworkACL, egress bool, peer netip.Addr, proto topology.Protocol, dports ports.Range) []aclMatch {
	rules := acl.Ingress
	if egress {
		rules = acl.Egress
	}
	var out []aclMatch
	remaining := ports.NewSet(dports)
	for _, r := range rules {
		if remaining.IsEmpty() {
			break
		}
		if (r.Protocol != topology.ProtocolAll && r.Protocol != proto) || !r.CIDR.Contains(peer) {
			continue
		}
		covered := remaining
		if proto.HasPorts() && r.Protocol != topology.ProtocolAll {
			covered = remaining.Intersect(ports.NewSet(r.Ports))
		}
		for _, pr := range covered.Ranges() {
			out = append(out, aclMatch{rule: r, allow: r.Allow, ports: pr})
		}
		remaining = remaining.Intersect(covered.Complement())
	}
	for _, pr := range remaining.Ranges() {
		out = append(out, aclMatch{ports: pr})
	}
	sortMatches(out)
	return out
}

// aclDecide is evalACL for the single destination port p, without
// allocating: the first rule that matches decides.
func aclDecide(acl *topology.NetworkACL, egress bool, peer netip.Addr, proto topology.Protocol, p uint16) aclMatch {
	rules := acl.Ingress
	if egress {
		rules = acl.Egress
	}
	for _, r := range rules {
		if (r.Protocol != topology.ProtocolAll && r.Protocol != proto) || !r.CIDR.Contains(peer) {
			continue
		}
		if proto.HasPorts() && r.Protocol != topology.ProtocolAll && !r.Ports.Contains(p) {
			continue
		}
		return aclMatch{rule: r, allow: r.Allow, ports: ports.Single(p)}
	}
	return aclMatch{ports: ports.Single(p)}
}

func sortMatches(ms []aclMatch) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].ports.Lo < ms[j-1].ports.Lo; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// checkACL applies the network ACL of subnet s to the packet leaving
// (egress) or entering it, recorded at hop h. A deny blocks the packet; the
// walk goes on. When the destination port is one a NAT gateway picks, the
// whole range 1024-65535 is checked: a NACL that denies part of it makes
// the answer ambiguous.
func (w *walker) checkACL(s *topology.Subnet, h *Hop, egress bool) {
	acl := s.NetworkACL
	peer := w.hdr.src
	if egress {
		peer = w.hdr.dst
	}
	dports := ports.Single(w.hdr.dport)
	if w.hdr.dportNAT {
		dports = natPortRange
	}
	if !w.hdr.proto.HasPorts() {
		dports = ports.All()
	}
	if w.s.rec != nil && w.dir == dirForward {
		w.s.rec.acl = append(w.s.rec.acl, aclCheck{acl: acl, egress: egress, peer: peer, proto: w.hdr.proto,
			at: w.s.rec.place(h)})
		defer w.s.claimFindings(len(w.s.explanations))
	}
	ms := evalACL(acl, egress, peer, w.hdr.proto, dports)
	first := ms[0]
	h.ACLRule = aclRuleInfo(acl, first, egress)
	var allowed, denied []aclMatch
	for _, m := range ms {
		if m.allow {
			allowed = append(allowed, m)
		} else {
			denied = append(denied, m)
		}
	}
	side := "ingress"
	if egress {
		side = "egress"
	}
	switch {
	case len(denied) == 0:
		return
	case len(allowed) == 0:
		h.ACLRule = aclRuleInfo(acl, denied[0], egress)
		f := w.block(h, CodeSubnetACLRestriction, fmt.Sprintf("%s (%s of %s) denies %s: %s",
			acl.Addr(), side, s.Addr(), w.packetDesc(egress), aclRuleName(denied[0])))
		f.ACLRule, f.TrafficDirection = h.ACLRule, side
	default:
		w.s.ambiguous, w.s.aclAmbiguous = true, true
		f := w.detail(CodeSubnetACLRestriction, s.Addr(), fmt.Sprintf(
			"%s (%s of %s) denies ports %s of the range %s a NAT gateway picks its ports from (%s): "+
				"connections fail when the gateway picks one of them", acl.Addr(), side, s.Addr(),
			rangesOf(denied), natPortRange, aclRuleName(denied[0])))
		f.ACLRule, f.TrafficDirection = aclRuleInfo(acl, denied[0], egress), side
	}
}

// packetDesc describes the packet for ACL and SG messages.
func (w *walker) packetDesc(egress bool) string {
	what := w.hdr.proto.String()
	if w.hdr.proto.HasPorts() {
		if w.hdr.dportNAT {
			what += "/" + natPortRange.String()
		} else {
			what += fmt.Sprintf("/%d", w.hdr.dport)
		}
	}
	if egress {
		return what + " to " + w.hdr.dst.String()
	}
	return what + " from " + w.hdr.src.String()
}

func rangesOf(ms []aclMatch) string {
	var rs []ports.Range
	for _, m := range ms {
		rs = append(rs, m.ports)
	}
	return ports.NewSet(rs...).String()
}

func aclRuleName(m aclMatch) string {
	if m.rule == nil {
		return "no rule matches, so the final * rule denies"
	}
	return fmt.Sprintf("rule %d %s", m.rule.Number, map[bool]string{true: "allows", false: "denies"}[m.allow])
}

func aclRuleInfo(acl *topology.NetworkACL, m aclMatch, egress bool) *ACLRuleInfo {
	info := &ACLRuleInfo{NetworkACL: acl.Addr(), Egress: egress, Action: "deny",
		RuleNumber: implicitDenyRule, Protocol: "all", CIDR: "0.0.0.0/0", PortRange: "any"}
	if m.rule == nil {
		return info
	}
	r := m.rule
	info.RuleNumber, info.Protocol, info.CIDR = r.Number, r.Protocol.String(), r.CIDR.String()
	if r.Allow {
		info.Action = "allow"
	}
	if r.Protocol.HasPorts() {
		info.PortRange = r.Ports.String()
		if r.Ports.IsAll() {
			info.PortRange = "any"
		}
	}
	info.Location = location(r.Range.Filename, r.Range.Start.Line)
	return info
}
