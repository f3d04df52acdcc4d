package tfjson

import (
	"fmt"
	"strconv"

	"github.com/vpcreach/vpcreach/importer"
)

// protocolName maps a Terraform protocol to the language's, "" for one
// it lacks.
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

// numStr returns a number attribute that may be written as a string.
func numStr(v map[string]any, attr string) (int, bool) {
	if n, ok := num(v, attr); ok {
		return n, true
	}
	if s := str(v, attr); s != "" {
		n, err := strconv.Atoi(s)
		return n, err == nil
	}
	return 0, false
}

// ports renders from_port..to_port of a tcp or udp rule.
func ports(v map[string]any, proto, fromAttr, toAttr string) string {
	if proto != "tcp" && proto != "udp" {
		return ""
	}
	from, ok1 := numStr(v, fromAttr)
	to, ok2 := numStr(v, toAttr)
	if !ok1 || !ok2 || (from <= 0 && to >= 65535) || from < 0 || to < 0 || (from == 0 && to == 0) {
		return ""
	}
	if from == to {
		return strconv.Itoa(from)
	}
	return strconv.Itoa(from) + "-" + strconv.Itoa(to)
}

func (r *reader) securityGroups() {
	groups := map[string]*importer.SecurityGroup{}
	defaults := map[string]string{} // VPC key -> default SG key
	for _, x := range r.of("aws_security_group", "aws_default_security_group") {
		name := tagName(x.v)
		if name == "" {
			name = str(x.v, "name")
		}
		o := x.origin(r.where(x))
		o.Name = name
		g := &importer.SecurityGroup{Origin: o, VPC: r.ref(x, "vpc_id", "aws_vpc")}
		for _, dir := range []string{"ingress", "egress"} {
			for i, obj := range r.objects(x, dir) {
				rule, ok := r.sgRule(x, obj, x.key, []any{dir, i}, "protocol", "from_port", "to_port")
				if ok {
					r.appendRule(g, dir, rule)
				}
			}
		}
		if x.typ == "aws_default_security_group" {
			defaults[g.VPC] = x.key
		}
		groups[x.key] = g
		r.m.SecurityGroups = append(r.m.SecurityGroups, g)
	}
	for _, x := range r.of("aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule") {
		g := groups[r.ref(x, "security_group_id", sgTypes...)]
		if g == nil {
			r.m.Skip(x.addr, x.typ, r.where(x), "its security group is not imported or not known", x.typ != "aws_security_group_rule" || str(x.v, "type") == "ingress")
			continue
		}
		dir := str(x.v, "type")
		protoAttr := "protocol"
		switch x.typ {
		case "aws_vpc_security_group_ingress_rule":
			dir, protoAttr = "ingress", "ip_protocol"
		case "aws_vpc_security_group_egress_rule":
			dir, protoAttr = "egress", "ip_protocol"
		}
		if rule, ok := r.sgRule(x, x.v, g.Key(), nil, protoAttr, "from_port", "to_port"); ok {
			r.appendRule(g, dir, rule)
		}
	}
	for _, in := range r.m.Instances {
		if len(in.SecurityGroups) == 0 {
			if s := r.subnet(in.Subnet); s != nil && defaults[s.VPC] != "" {
				in.SecurityGroups = []string{defaults[s.VPC]}
			}
		}
	}
}

func (r *reader) appendRule(g *importer.SecurityGroup, dir string, rule importer.SGRule) {
	if dir == "egress" {
		g.Egress = append(g.Egress, rule)
	} else {
		g.Ingress = append(g.Ingress, rule)
	}
}

// sgRule converts one rule (obj: its values; path: its place in x's
// configuration, nil for a rule resource); self is the group's own key.
func (r *reader) sgRule(x *res, obj map[string]any, self string, path []any, protoAttr, fromAttr, toAttr string) (importer.SGRule, bool) {
	raw := str(obj, protoAttr)
	proto := protocolName(raw)
	if proto == "" {
		r.m.Skip(fmt.Sprintf("%s rule (protocol %q)", x.addr, raw), x.typ, r.where(x),
			"the topology language has tcp, udp, icmp and all protocols only (or the protocol is not known); this allow rule is left out", false)
		return importer.SGRule{}, false
	}
	rule := importer.SGRule{Protocol: proto, Ports: ports(obj, proto, fromAttr, toAttr)}
	if from, ok := numStr(obj, fromAttr); proto == "icmp" && ok && from != -1 {
		rule.Note = fmt.Sprintf("AWS allows ICMP type %d only; the language allows all ICMP", from)
		r.m.Skip(fmt.Sprintf("%s rule (ICMP type %d)", x.addr, from), x.typ, r.where(x), "the rule allows one ICMP type; it is imported as all ICMP", true)
	}
	var cidrs []string
	for _, attr := range []string{"cidr_blocks", "ipv6_cidr_blocks"} {
		if l, ok := strs(obj, attr); ok {
			cidrs = append(cidrs, l...)
		}
	}
	for _, attr := range []string{"cidr_ipv4", "cidr_ipv6"} {
		if s := str(obj, attr); s != "" {
			cidrs = append(cidrs, s)
		}
	}
	for _, c := range cidrs {
		if p, ok := r.prefix(x, "security group CIDR", c); ok {
			rule.CIDRs = append(rule.CIDRs, p)
		}
	}
	var pls []string
	if l, ok := strs(obj, "prefix_list_ids"); ok {
		pls = l
	}
	if s := str(obj, "prefix_list_id"); s != "" {
		pls = append(pls, s)
	}
	for _, pl := range pls {
		rule.CIDRs = append(rule.CIDRs, r.prefixList(x, pl)...)
	}
	if boolean(obj, "self", false) {
		rule.SecurityGroups = append(rule.SecurityGroups, self)
	}
	rule.SecurityGroups = append(rule.SecurityGroups, r.sgRefs(x, obj, path)...)
	return rule, len(rule.CIDRs) > 0 || len(rule.SecurityGroups) > 0
}

// sgRefs returns the security groups a rule refers to.
func (r *reader) sgRefs(x *res, obj map[string]any, path []any) []string {
	var out []string
	if l, ok := strs(obj, "security_groups"); ok {
		out = append(out, l...)
	}
	for _, attr := range []string{"source_security_group_id", "referenced_security_group_id"} {
		if s := str(obj, attr); s != "" {
			out = append(out, s)
		} else if path == nil {
			if k := r.refExpr(x, []any{attr}, sgTypes); k != "" {
				out = append(out, k)
			}
		}
	}
	if path != nil && len(out) == 0 {
		p := append(append([]any(nil), path...), "security_groups")
		for _, y := range r.resolve(refScope{module: x.module, cfg: x.cfgMod, index: x.index}, x.exprRefs(p...), sgTypes, 0) {
			out = append(out, y.key)
		}
	}
	return out
}

func (r *reader) networkACLs() {
	acls := map[string]*importer.NetworkACL{}
	defaults := map[string]string{}
	for _, x := range r.of("aws_network_acl", "aws_default_network_acl") {
		vpc := r.ref(x, "vpc_id", "aws_vpc")
		if vpc == "" && x.typ == "aws_default_network_acl" {
			vpc = r.refExpr(x, []any{"default_network_acl_id"}, []string{"aws_vpc"})
		}
		a := &importer.NetworkACL{Origin: x.origin(r.where(x)), VPC: vpc}
		for _, dir := range []string{"ingress", "egress"} {
			for _, obj := range r.objects(x, dir) {
				if rule, ok := r.naclRule(x, obj, "rule_no", "action"); ok {
					appendNACL(a, dir == "egress", rule)
				}
			}
		}
		for _, s := range r.refList(x, "subnet_ids", "aws_subnet") {
			if sub := r.subnet(s); sub != nil {
				sub.NetworkACL = x.key
			}
		}
		if x.typ == "aws_default_network_acl" {
			defaults[vpc] = x.key
		}
		acls[x.key] = a
		r.m.NetworkACLs = append(r.m.NetworkACLs, a)
	}
	for _, x := range r.of("aws_network_acl_rule") {
		a := acls[r.ref(x, "network_acl_id", "aws_network_acl", "aws_default_network_acl")]
		if a == nil {
			r.m.Skip(x.addr, x.typ, r.where(x), "its network ACL is not imported or not known", true)
			continue
		}
		if rule, ok := r.naclRule(x, x.v, "rule_number", "rule_action"); ok {
			appendNACL(a, boolean(x.v, "egress", false), rule)
		}
	}
	for _, x := range r.of("aws_network_acl_association") {
		acl := r.ref(x, "network_acl_id", "aws_network_acl", "aws_default_network_acl")
		if s := r.subnet(r.ref(x, "subnet_id", "aws_subnet")); s != nil && acls[acl] != nil {
			s.NetworkACL = acl
		} else {
			r.m.Skip(x.addr, x.typ, r.where(x), "its subnet or network ACL is not imported or not known", true)
		}
	}
	for _, s := range r.m.Subnets {
		if s.NetworkACL == "" && defaults[s.VPC] != "" {
			s.NetworkACL = defaults[s.VPC]
		}
	}
}

func appendNACL(a *importer.NetworkACL, egress bool, rule importer.NACLRule) {
	if egress {
		a.Egress = append(a.Egress, rule)
	} else {
		a.Ingress = append(a.Ingress, rule)
	}
}

func (r *reader) naclRule(x *res, obj map[string]any, numAttr, actionAttr string) (importer.NACLRule, bool) {
	n, _ := numStr(obj, numAttr)
	raw := str(obj, "protocol")
	proto := protocolName(raw)
	if proto == "" {
		r.m.Skip(fmt.Sprintf("%s rule %d (protocol %q)", x.addr, n, raw), x.typ, r.where(x),
			"the topology language has tcp, udp, icmp and all protocols only; the rule is left out", false)
		return importer.NACLRule{}, false
	}
	cidr := str(obj, "cidr_block")
	if cidr == "" {
		cidr = str(obj, "ipv6_cidr_block")
	}
	p, ok := r.prefix(x, "network ACL CIDR", cidr)
	if !ok || n <= 0 || n >= 32767 {
		return importer.NACLRule{}, false
	}
	rule := importer.NACLRule{Number: n, Allow: str(obj, actionAttr) == "allow", Protocol: proto, CIDR: p, Ports: ports(obj, proto, "from_port", "to_port")}
	if t, ok := numStr(obj, "icmp_type"); proto == "icmp" && ok && t != -1 {
		r.m.Skip(fmt.Sprintf("%s rule %d (ICMP type %d)", x.addr, n, t), x.typ, r.where(x), "the rule matches one ICMP type; it is imported as all ICMP", true)
	}
	return rule, true
}
