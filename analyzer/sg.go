package analyzer

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"

	"github.com/vpcreach/vpcreach/topology"
)

// checkSGEgress applies the security groups of inst to a packet it sends
// (recorded at hop h). Replies of allowed flows always pass.
func (w *walker) checkSGEgress(h *Hop, inst *topology.Instance) {
	if w.dir == dirReturn {
		return
	}
	w.checkSG(h, inst, true)
}

// checkSGIngress applies the security groups of inst to a packet it
// receives.
func (w *walker) checkSGIngress(h *Hop, inst *topology.Instance) {
	if w.dir == dirReturn {
		return
	}
	w.checkSG(h, inst, false)
}

// sgVerdict is the outcome of matching one SG rule against a packet.
type sgVerdict int

const (
	sgNoProtocol sgVerdict = iota // the rule's protocol differs
	sgNoPort                      // protocol matches, port does not
	sgNoPeer                      // protocol and port match, the peer does not
	sgMatch
)

func (w *walker) checkSG(h *Hop, inst *topology.Instance, egress bool) {
	side := "ingress"
	if egress {
		side = "egress"
	}
	best, rules := sgNoProtocol, 0
	for _, sg := range inst.SecurityGroups {
		rs := sg.Ingress
		if egress {
			rs = sg.Egress
		}
		rules += len(rs)
		for _, r := range rs {
			v, ref := w.matchSGRule(r, egress)
			if v == sgMatch {
				h.SecurityGroupRule = sgRuleInfo(sg, r, side, ref)
				return
			}
			best = max(best, v)
		}
	}
	names := make([]string, len(inst.SecurityGroups))
	for i, sg := range inst.SecurityGroups {
		names[i] = sg.Addr()
	}
	field := map[sgVerdict]string{sgNoProtocol: "protocol", sgNoPort: "destination-port"}[best]
	if best == sgNoPeer {
		field = "source-address"
		if egress {
			field = "destination-address"
		}
	}
	why := fmt.Sprintf("%s does not match", strings.ReplaceAll(field, "-", " "))
	if rules == 0 {
		why = "they have no " + side + " rules"
	}
	f := w.block(h, CodeENISGRulesMismatch, fmt.Sprintf("no %s rule of %s admits %s (%s)",
		side, strings.Join(names, ", "), w.packetDesc(egress), why))
	f.SecurityGroups, f.PacketField, f.TrafficDirection = names, field, side
}

// matchSGRule matches rule r against the current packet; for a match by
// security group reference it also returns the referenced group.
func (w *walker) matchSGRule(r *topology.SGRule, egress bool) (sgVerdict, *topology.SecurityGroup) {
	if r.Protocol != topology.ProtocolAll && r.Protocol != w.hdr.proto {
		return sgNoProtocol, nil
	}
	if r.Protocol.HasPorts() && !r.Ports.Contains(w.hdr.dport) {
		return sgNoPort, nil
	}
	peer := w.hdr.src
	if egress {
		peer = w.hdr.dst
	}
	for _, p := range r.CIDRs {
		if p.Contains(peer) {
			return sgMatch, nil
		}
	}
	for _, ref := range r.SecurityGroups {
		if w.carriesSG(peer, ref, egress) {
			return sgMatch, ref
		}
	}
	return sgNoPeer, nil
}

// carriesSG reports whether the ENI with private address a carries sg and
// its identity reaches this check: a packet that crossed a middlebox, NAT
// gateway or transit gateway no longer carries its source's SG identity.
func (w *walker) carriesSG(a netip.Addr, sg *topology.SecurityGroup, egress bool) bool {
	if !egress && w.sgLost {
		return false
	}
	for _, s := range w.s.n.topo.SubnetsContaining(a) {
		inst, ok := s.ENIAt(a).(*topology.Instance)
		if !ok || !sameOrPeered(inst.Subnet.VPC, sg.VPC) {
			continue
		}
		if slices.Contains(inst.SecurityGroups, sg) {
			return true
		}
	}
	return false
}

// sameOrPeered reports whether a and b are one VPC or peered VPCs.
func sameOrPeered(a, b *topology.VPC) bool {
	if a == b {
		return true
	}
	for _, p := range a.Peerings {
		if p.Peer(a) == b {
			return true
		}
	}
	return false
}

func sgRuleInfo(sg *topology.SecurityGroup, r *topology.SGRule, side string, ref *topology.SecurityGroup) *SGRuleInfo {
	info := &SGRuleInfo{SecurityGroup: sg.Addr(), Direction: side, Protocol: r.Protocol.String(),
		PortRange: "any", Location: location(r.Range.Filename, r.Range.Start.Line)}
	if r.Protocol == topology.ProtocolAll {
		info.Protocol = "-1"
	}
	if r.Protocol.HasPorts() && !r.Ports.IsAll() {
		info.PortRange = r.Ports.String()
	}
	if ref != nil {
		info.ReferencedSecurityGroup = ref.Addr()
	} else if len(r.CIDRs) > 0 {
		cidrs := make([]string, len(r.CIDRs))
		for i, p := range r.CIDRs {
			cidrs[i] = p.String()
		}
		info.CIDR = strings.Join(cidrs, ",")
	}
	return info
}
