package tfjson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/netip"

	"github.com/vpcreach/vpcreach/importer"
)

// build converts the collected resources into the model.
func (r *reader) build() {
	r.buildPrefixLists()
	r.vpcs()
	r.subnets()
	r.gateways()
	r.instances()
	r.securityGroups()
	r.networkACLs()
	r.peerings()
	r.transit()
	r.firewalls()
	r.routeTables()
	r.unsupported()
}

// errorf records an error about resource x, located at its address in
// the input (where the values Terraform prints start).
func (r *reader) errorf(x *res, summary, format string, args ...any) {
	d := r.f.Errorf(r.offsetOf(x), summary, "%s: %s", x.addr, fmt.Sprintf(format, args...))
	r.diags = append(r.diags, d)
}

// offsetOf returns the offset of x's "address" member in the input: its
// entry in planned_values or values (the first listing), 0 if not found.
func (r *reader) offsetOf(x *res) int64 {
	q, _ := json.Marshal(x.addr)
	data := r.f.Data
	for from := 0; ; {
		i := bytes.Index(data[from:], q)
		if i < 0 {
			return 0
		}
		at := from + i
		// Only a member "address": "<addr>" (not a reference to it).
		if j := bytes.LastIndexByte(data[:at], ':'); j >= 0 && bytes.HasSuffix(bytes.TrimRight(data[:j], " \t\r\n"), []byte(`"address"`)) {
			return int64(at)
		}
		from = at + len(q)
	}
}

// prefix parses a CIDR attribute value; a bad one is an error.
func (r *reader) prefix(x *res, what, s string) (netip.Prefix, bool) {
	p, err := netip.ParsePrefix(s)
	if err != nil || p != p.Masked() {
		r.errorf(x, "Invalid CIDR", "the %s %q is not a CIDR block.", what, s)
		return netip.Prefix{}, false
	}
	return p, true
}

// addr parses an address attribute ("" is none).
func (r *reader) addr(x *res, what, s string) netip.Addr {
	if s == "" {
		return netip.Addr{}
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		r.errorf(x, "Invalid IP address", "the %s %q is not an IP address.", what, s)
		return netip.Addr{}
	}
	return a.Unmap()
}

// assume records a placeholder for an attribute known only after apply.
func (r *reader) assume(x *res, what string) {
	r.m.Assume(x.addr, x.typ, r.where(x), what)
}

func (r *reader) vpcs() {
	byKey := map[string]*importer.VPC{}
	for _, x := range r.of("aws_vpc") {
		v := &importer.VPC{Origin: x.origin(r.where(x))}
		for _, attr := range []string{"cidr_block", "ipv6_cidr_block"} {
			if s := str(x.v, attr); s != "" {
				if p, ok := r.prefix(x, attr, s); ok {
					v.CIDRs = append(v.CIDRs, p)
				}
			}
		}
		if len(v.CIDRs) == 0 {
			r.m.Skip(x.addr, x.typ, r.where(x), "its cidr_block is not known (IPAM allocation?); give it a literal CIDR", true)
			continue
		}
		byKey[x.key] = v
		r.m.VPCs = append(r.m.VPCs, v)
	}
	for _, x := range r.of("aws_vpc_ipv4_cidr_block_association", "aws_vpc_ipv6_cidr_block_association") {
		v := byKey[r.ref(x, "vpc_id", "aws_vpc")]
		cidr := str(x.v, "cidr_block")
		if cidr == "" {
			cidr = str(x.v, "ipv6_cidr_block")
		}
		if v == nil || cidr == "" {
			r.m.Skip(x.addr, x.typ, r.where(x), "its VPC or CIDR is not known", true)
			continue
		}
		if p, ok := r.prefix(x, "cidr_block", cidr); ok {
			v.CIDRs = append(v.CIDRs, p)
		}
	}
}

func (r *reader) subnets() {
	for _, x := range r.of("aws_subnet") {
		cidr := str(x.v, "cidr_block")
		if cidr == "" {
			r.m.Skip(x.addr, x.typ, r.where(x), "its cidr_block is not known until apply; give it a literal CIDR (cidrsubnet of a literal is known)", true)
			continue
		}
		p, ok := r.prefix(x, "cidr_block", cidr)
		if !ok {
			continue
		}
		az := str(x.v, "availability_zone")
		if az == "" {
			az = "unknown-az"
			r.assume(x, "availability_zone "+az+" (the AZ is chosen at apply)")
		}
		r.m.Subnets = append(r.m.Subnets, &importer.Subnet{Origin: x.origin(r.where(x)), VPC: r.ref(x, "vpc_id", "aws_vpc"), CIDR: p, AZ: az})
	}
}

// subnet returns the model subnet with key k.
func (r *reader) subnet(k string) *importer.Subnet {
	for _, s := range r.m.Subnets {
		if s.Key() == k {
			return s
		}
	}
	return nil
}

// unsupported reports the resources the language does not hold yet.
func (r *reader) unsupported() {
	reasons := map[string]string{
		"aws_egress_only_internet_gateway":  "egress-only internet gateways (IPv6) are not in the topology language; routes to one are written as blackholes",
		"aws_vpc_endpoint":                  "VPC endpoints are not in the topology language yet; routes to one are written as blackholes",
		"aws_vpn_gateway":                   "virtual private gateways (VPN) are not in the topology language; routes to one are written as blackholes",
		"aws_ec2_managed_prefix_list":       "prefix lists are not in the topology language; their entries are expanded where routes and rules use them",
		"aws_ec2_managed_prefix_list_entry": "prefix lists are not in the topology language; their entries are expanded where routes and rules use them",
		"aws_lb":                            "load balancers are not in the topology language yet",
		"aws_alb":                           "load balancers are not in the topology language yet",
	}
	for _, x := range r.all {
		if why, ok := reasons[x.typ]; ok {
			r.m.Skip(x.addr, x.typ, r.where(x), why, false)
			continue
		}
		if !handled[x.typ] && len(x.typ) > 4 && x.typ[:4] == "aws_" && networkish(x.typ) {
			r.m.Skip(x.addr, x.typ, r.where(x), "vpcreach does not read this resource type", false)
		}
	}
}

// handled lists the resource types the import reads.
var handled = map[string]bool{
	"aws_vpc": true, "aws_vpc_ipv4_cidr_block_association": true, "aws_vpc_ipv6_cidr_block_association": true, "aws_subnet": true,
	"aws_route_table": true, "aws_route": true, "aws_route_table_association": true, "aws_main_route_table_association": true,
	"aws_default_route_table": true, "aws_internet_gateway": true, "aws_nat_gateway": true, "aws_eip": true, "aws_eip_association": true,
	"aws_instance": true, "aws_network_interface": true, "aws_network_interface_attachment": true, "aws_security_group": true, "aws_security_group_rule": true,
	"aws_vpc_security_group_ingress_rule": true, "aws_vpc_security_group_egress_rule": true, "aws_default_security_group": true,
	"aws_network_acl": true, "aws_network_acl_rule": true, "aws_network_acl_association": true, "aws_default_network_acl": true,
	"aws_vpc_peering_connection": true, "aws_vpc_peering_connection_accepter": true, "aws_ec2_transit_gateway": true,
	"aws_ec2_transit_gateway_vpc_attachment": true, "aws_ec2_transit_gateway_route_table": true, "aws_ec2_transit_gateway_route": true,
	"aws_ec2_transit_gateway_route_table_association": true, "aws_ec2_transit_gateway_route_table_propagation": true,
	"aws_networkfirewall_firewall": true, "aws_networkfirewall_firewall_policy": true, "aws_networkfirewall_rule_group": true,
	"aws_networkfirewall_logging_configuration": true,
}

// networkish reports whether an AWS resource type may matter to
// reachability (so the report lists it when it is not read): EC2 and VPC
// networking, load balancing, firewalls.
func networkish(typ string) bool {
	for _, p := range []string{"aws_ec2_", "aws_vpc", "aws_vpn", "aws_lb", "aws_elb", "aws_networkfirewall_", "aws_route", "aws_nat", "aws_network", "aws_customer_gateway", "aws_dx_", "aws_globalaccelerator"} {
		if len(typ) >= len(p) && typ[:len(p)] == p {
			return true
		}
	}
	return false
}
