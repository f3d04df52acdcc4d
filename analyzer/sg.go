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

// sgCheck is one security group check of a packet: what it needs to be
// decided again for another destination port.
type sgCheck struct {
	inst   *topology.Instance
	egress bool
	hdr    header
	// sgLost is set when the packet crossed a middlebox, NAT gateway or
	// transit gateway, so SG references no longer match its source.
	sgLost bool
	// at places the check among the walk's findings (see portRecord).
	at checkPlace
}

// sgResult is the outcome of an sgCheck: the admitting rule, or the
// closest miss and the number of rules looked at.
type sgResult struct {
	sg    *topology.SecurityGroup
	rule  *topology.SGRule
	ref   *topology.SecurityGroup
	pl    *topology.PrefixList
	best  sgVerdict
	rules int
}

// evalSG decides an sgCheck: the union of the instance's groups, any rule
// that matches protocol, port and peer admits the packet.
func (n *Network) evalSG(c sgCheck) sgResult {
	res := sgResult{best: sgNoProtocol}
	for _, sg := range c.inst.SecurityGroups {
		rs := sg.Ingress
		if c.egress {
			rs = sg.Egress
		}
		res.rules += len(rs)
		for _, r := range rs {
			v, ref, pl := n.matchSGRule(r, c)
			if v == sgMatch {
				res.sg, res.rule, res.ref, res.pl = sg, r, ref, pl
				return res
			}
			res.best = max(res.best, v)
		}
	}
	return res
}

func (w *walker) checkSG(h *Hop, inst *topology.Instance, egress bool) {
	c := sgCheck{inst: inst, egress: egress, hdr: w.hdr, sgLost: w.sgLost}
	if w.s.rec != nil {
		c.at = w.s.rec.place(h)
		w.s.rec.sg = append(w.s.rec.sg, c)
		defer w.s.claimFindings(len(w.s.explanations))
	}
	side := "ingress"
	if egress {
		side = "egress"
	}
	res := w.s.n.evalSG(c)
	if res.rule != nil {
		h.SecurityGroupRule = sgRuleInfo(res.sg, res.rule, side, res.ref, res.pl)
		return
	}
	names := make([]string, len(inst.SecurityGroups))
	for i, sg := range inst.SecurityGroups {
		names[i] = sg.Addr()
	}
	field := map[sgVerdict]string{sgNoProtocol: "protocol", sgNoPort: "destination-port"}[res.best]
	if res.best == sgNoPeer {
		field = "source-address"
		if egress {
			field = "destination-address"
		}
	}
	why := fmt.Sprintf("%s does not match", strings.ReplaceAll(field, "-", " "))
	if res.rules == 0 {
		why = "they have no " + side + " rules"
	}
	f := w.block(h, CodeENISGRulesMismatch, fmt.Sprintf("no %s rule of %s admits %s (%s)",
		side, strings.Join(names, ", "), w.packetDesc(egress), why))
	f.SecurityGroups, f.PacketField, f.TrafficDirection = names, field, side
}

// matchSGRule matches rule r against the packet of check c; for a match by
// security group reference it also returns the referenced group, for a
// match by prefix list the list.
func (n *Network) matchSGRule(r *topology.SGRule, c sgCheck) (sgVerdict, *topology.SecurityGroup, *topology.PrefixList) {
	if r.Protocol != topology.ProtocolAll && r.Protocol != c.hdr.proto {
		return sgNoProtocol, nil, nil
	}
	if r.Protocol.HasPorts() && !r.Ports.Contains(c.hdr.dport) {
		return sgNoPort, nil, nil
	}
	peer := c.hdr.src
	if c.egress {
		peer = c.hdr.dst
	}
	for _, p := range r.CIDRs {
		if p.Contains(peer) {
			return sgMatch, nil, nil
		}
	}
	for _, pl := range r.PrefixLists {
		if pl.Contains(peer) {
			return sgMatch, nil, pl
		}
	}
	for _, ref := range r.SecurityGroups {
		if n.carriesSG(peer, ref, c.egress, c.sgLost) {
			return sgMatch, ref, nil
		}
	}
	return sgNoPeer, nil, nil
}

// carriesSG reports whether the ENI with private address a carries sg and
// its identity reaches this check: a packet that crossed a middlebox, NAT
// gateway or transit gateway (sgLost) no longer carries its source's SG
// identity.
func (n *Network) carriesSG(a netip.Addr, sg *topology.SecurityGroup, egress, sgLost bool) bool {
	if !egress && sgLost {
		return false
	}
	for _, s := range n.topo.SubnetsContaining(a) {
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

// sgRuleInfo renders the rule that admitted a packet: its referenced
// group, its prefix list (shown as the list's address, as Reachability
// Analyzer shows the list's id) or its CIDRs.
func sgRuleInfo(sg *topology.SecurityGroup, r *topology.SGRule, side string, ref *topology.SecurityGroup, pl *topology.PrefixList) *SGRuleInfo {
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
	} else if pl != nil {
		info.PrefixList = pl.Addr()
	} else if len(r.CIDRs) > 0 {
		cidrs := make([]string, len(r.CIDRs))
		for i, p := range r.CIDRs {
			cidrs[i] = p.String()
		}
		info.CIDR = strings.Join(cidrs, ",")
	}
	return info
}
