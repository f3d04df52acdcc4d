package awscli

import (
	"fmt"
	"strconv"

	"github.com/vpcreach/vpcreach/importer"
)

func (b *builder) securityGroups() {
	for _, it := range b.c.sgs {
		g := it.v
		if !b.first(g.GroupId) {
			continue
		}
		name := nameOf(g.Tags)
		if name == "" {
			name = g.GroupName
		}
		out := &importer.SecurityGroup{Origin: origin(it, g.GroupId, name), VPC: g.VpcId}
		for _, p := range g.IpPermissions {
			out.Ingress = append(out.Ingress, b.sgRules(it, p, "ingress")...)
		}
		for _, p := range g.IpPermissionsEgress {
			out.Egress = append(out.Egress, b.sgRules(it, p, "egress")...)
		}
		b.m.SecurityGroups = append(b.m.SecurityGroups, out)
	}
}

// protocolName maps an AWS protocol ("tcp", "6", "-1", ...) to the
// language's, or "" when the language has no such protocol.
func protocolName(p string) string {
	switch p {
	case "-1", "all":
		return "-1"
	case "tcp", "6":
		return "tcp"
	case "udp", "17":
		return "udp"
	case "icmp", "1":
		return "icmp"
	}
	return ""
}

// sgRules converts one IP permission; a permission for a protocol the
// language lacks, or with an unknown prefix list, is reported.
func (b *builder) sgRules(it item[securityGroup], p ipPermission, dir string) []importer.SGRule {
	g := it.v
	proto := protocolName(p.IpProtocol)
	if proto == "" {
		b.m.Skip(fmt.Sprintf("%s %s rule (protocol %s)", g.GroupId, dir, p.IpProtocol), "SecurityGroups", it.where,
			"the topology language has tcp, udp, icmp and all protocols only; this allow rule is left out", false)
		return nil
	}
	r := importer.SGRule{Protocol: proto}
	if proto == "tcp" || proto == "udp" {
		if p.FromPort != nil && p.ToPort != nil {
			r.Ports = portRange(*p.FromPort, *p.ToPort)
		}
	}
	if proto == "icmp" && p.FromPort != nil && *p.FromPort != -1 {
		r.Note = fmt.Sprintf("AWS allows ICMP type %d only; the language allows all ICMP", *p.FromPort)
		b.m.Skip(fmt.Sprintf("%s %s rule (ICMP type %d)", g.GroupId, dir, *p.FromPort), "SecurityGroups", it.where,
			"the rule allows one ICMP type; it is imported as all ICMP", true)
	}
	for _, x := range p.IpRanges {
		if q, ok := prefix(b, it, "security group CIDR", x.CidrIp); ok {
			r.CIDRs = append(r.CIDRs, q)
		}
	}
	for _, x := range p.Ipv6Ranges {
		if q, ok := prefix(b, it, "security group CIDR", x.CidrIpv6); ok {
			r.CIDRs = append(r.CIDRs, q)
		}
	}
	for _, x := range p.PrefixListIds {
		cidrs, known := b.c.prefixLists[x.PrefixListId]
		if !known {
			b.m.Skip(fmt.Sprintf("%s %s rule (prefix list %s)", g.GroupId, dir, x.PrefixListId), "SecurityGroups", it.where,
				"the prefix list's entries are not given (describe-prefix-lists or get-managed-prefix-list-entries); its part of the rule is left out", true)
			continue
		}
		for _, c := range cidrs {
			if q, ok := prefix(b, it, "prefix list entry", c); ok {
				r.CIDRs = append(r.CIDRs, q)
			}
		}
	}
	for _, x := range p.UserIdGroupPairs {
		if x.GroupId != "" {
			r.SecurityGroups = append(r.SecurityGroups, x.GroupId)
		}
	}
	if len(r.CIDRs) == 0 && len(r.SecurityGroups) == 0 {
		return nil
	}
	return []importer.SGRule{r}
}

// portRange renders from-to as the language writes it.
func portRange(from, to int) string {
	if (from <= 0 && to >= 65535) || from < 0 || to < 0 {
		return ""
	}
	if from == to {
		return strconv.Itoa(from)
	}
	return strconv.Itoa(from) + "-" + strconv.Itoa(to)
}

func (b *builder) networkACLs() {
	for _, it := range b.c.nacls {
		a := it.v
		if !b.first(a.NetworkAclId) {
			continue
		}
		out := &importer.NetworkACL{Origin: origin(it, a.NetworkAclId, nameOf(a.Tags)), VPC: a.VpcId}
		for _, e := range a.Entries {
			r, ok := b.naclRule(it, e)
			if !ok {
				continue
			}
			if e.Egress {
				out.Egress = append(out.Egress, r)
			} else {
				out.Ingress = append(out.Ingress, r)
			}
		}
		b.m.NetworkACLs = append(b.m.NetworkACLs, out)
		for _, as := range a.Associations {
			if s := b.subnet(as.SubnetId); s != nil {
				s.NetworkACL = a.NetworkAclId
			}
		}
	}
}

// naclRule converts one entry; the implicit rule 32767 is left out (the
// language adds it).
func (b *builder) naclRule(it item[networkACL], e naclEntry) (importer.NACLRule, bool) {
	if e.RuleNumber >= 32767 {
		return importer.NACLRule{}, false
	}
	proto := protocolName(e.Protocol)
	if proto == "" {
		b.m.Skip(fmt.Sprintf("%s rule %d (protocol %s)", it.v.NetworkAclId, e.RuleNumber, e.Protocol), "NetworkAcls", it.where,
			"the topology language has tcp, udp, icmp and all protocols only; the rule is left out", false)
		return importer.NACLRule{}, false
	}
	cidr := e.CidrBlock
	if cidr == "" {
		cidr = e.Ipv6CidrBlock
	}
	p, ok := prefix(b, it, "network ACL CIDR", cidr)
	if !ok {
		return importer.NACLRule{}, false
	}
	r := importer.NACLRule{Number: e.RuleNumber, Allow: e.RuleAction == "allow", Protocol: proto, CIDR: p}
	if (proto == "tcp" || proto == "udp") && e.PortRange != nil {
		r.Ports = portRange(e.PortRange.From, e.PortRange.To)
	}
	if proto == "icmp" && e.IcmpTypeCode != nil && e.IcmpTypeCode.Type != -1 {
		b.m.Skip(fmt.Sprintf("%s rule %d (ICMP type %d)", it.v.NetworkAclId, e.RuleNumber, e.IcmpTypeCode.Type), "NetworkAcls", it.where,
			"the rule matches one ICMP type; it is imported as all ICMP", true)
	}
	return r, true
}
