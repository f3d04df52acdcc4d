package tfjson

import (
	"fmt"
	"net/netip"
	"sort"

	"github.com/vpcreach/vpcreach/importer"
)

func (r *reader) firewalls() {
	r.endpointIDs = map[string]bool{}
	r.fwEndpoints = map[string][]*importer.FirewallEndpoint{}
	for _, x := range r.of("aws_networkfirewall_firewall") {
		fw := &importer.Firewall{Origin: x.origin(r.where(x)), VPC: r.ref(x, "vpc_id", "aws_vpc"),
			Policy: r.ref(x, "firewall_policy_arn", "aws_networkfirewall_firewall_policy")}
		if fw.Name == "" {
			fw.Name = str(x.v, "name")
		}
		r.m.Firewalls = append(r.m.Firewalls, fw)
		r.firewallEndpoints(x, fw)
	}
	r.policies()
	r.nfwRuleGroups()
}

// firewallEndpoints adds the endpoints of firewall x: from its status
// when known, else one per subnet mapping with a placeholder id.
func (r *reader) firewallEndpoints(x *res, fw *importer.Firewall) {
	add := func(subnet string, o importer.Origin) {
		ep := &importer.FirewallEndpoint{Origin: o, Firewall: x.key, Subnet: subnet}
		r.m.FirewallEndpoints = append(r.m.FirewallEndpoints, ep)
		r.fwEndpoints[x.key] = append(r.fwEndpoints[x.key], ep)
	}
	for _, st := range blocks(x.v, "firewall_status") {
		for _, ss := range blocks(st, "sync_states") {
			for _, at := range blocks(ss, "attachment") {
				id, subnet := str(at, "endpoint_id"), str(at, "subnet_id")
				if id == "" || subnet == "" {
					continue
				}
				r.endpointIDs[id] = true
				add(subnet, importer.Origin{AWSID: id, Name: fw.Name + "_" + str(ss, "availability_zone"), Where: r.where(x)})
			}
		}
	}
	if len(r.fwEndpoints[x.key]) > 0 {
		return
	}
	for i, m := range r.objects(x, "subnet_mapping") {
		subnet := str(m, "subnet_id")
		if subnet == "" {
			subnet = r.refExpr(x, []any{"subnet_mapping", i, "subnet_id"}, []string{"aws_subnet"})
		}
		s := r.subnet(subnet)
		if s == nil {
			r.m.Skip(fmt.Sprintf("%s subnet_mapping %d", x.addr, i), x.typ, r.where(x), "the endpoint's subnet is not imported or not known", true)
			continue
		}
		addr := fmt.Sprintf("%s.endpoint[%q]", x.addr, s.AZ)
		r.assume(x, "the id of its endpoint in "+s.AZ+" (known only after apply); the endpoint is named "+addr)
		add(subnet, importer.Origin{TFAddress: addr, Name: fw.Name + "_" + s.AZ, Where: r.where(x)})
	}
}

// firewallEndpointFor picks the endpoint of firewall y a route of table t
// to dests uses: the only one, else the one in the AZ of the table's
// subnets, else (an edge table) the one in the AZ of the destination
// subnet; "" when that cannot be told.
func (r *reader) firewallEndpointFor(y *res, t *importer.RouteTable, dests []netip.Prefix) string {
	eps := r.fwEndpoints[y.key]
	if len(eps) == 1 {
		return eps[0].Key()
	}
	azs := map[string]bool{}
	for _, s := range r.m.Subnets {
		if s.RouteTable == t.Key() {
			azs[s.AZ] = true
		}
		for _, d := range dests {
			if s.CIDR == d {
				azs[s.AZ] = true
			}
		}
	}
	var match []string
	for _, ep := range eps {
		if s := r.subnet(ep.Subnet); s != nil && azs[s.AZ] {
			match = append(match, ep.Key())
		}
	}
	sort.Strings(match)
	if len(match) == 1 {
		return match[0]
	}
	return ""
}

func (r *reader) policies() {
	for _, x := range r.of("aws_networkfirewall_firewall_policy") {
		p := &importer.Policy{Origin: x.origin(r.where(x))}
		if p.Name == "" {
			p.Name = str(x.v, "name")
		}
		fps := r.objects(x, "firewall_policy")
		if len(fps) == 0 {
			r.m.Skip(x.addr, x.typ, r.where(x), "it has no firewall_policy block", true)
			continue
		}
		fp := fps[0]
		p.StatelessDefaultActions, _ = strs(fp, "stateless_default_actions")
		p.StatelessFragmentDefaultActions, _ = strs(fp, "stateless_fragment_default_actions")
		p.StatefulDefaultActions, _ = strs(fp, "stateful_default_actions")
		for _, eo := range blocks(fp, "stateful_engine_options") {
			p.StatefulRuleOrder = str(eo, "rule_order")
			p.StreamExceptionPolicy = str(eo, "stream_exception_policy")
		}
		for _, pv := range blocks(fp, "policy_variables") {
			for _, rv := range blocks(pv, "rule_variables") {
				if str(rv, "key") == "HOME_NET" {
					for _, ipset := range blocks(rv, "ip_set") {
						p.HomeNet, _ = strs(ipset, "definition")
					}
				}
			}
		}
		p.StatelessGroups = r.groupRefs(x, fp, "stateless_rule_group_reference")
		p.StatefulGroups = r.groupRefs(x, fp, "stateful_rule_group_reference")
		r.m.Policies = append(r.m.Policies, p)
	}
}

// groupRefs returns a policy's rule group references of one kind.
func (r *reader) groupRefs(x *res, fp map[string]any, attr string) []importer.GroupRef {
	var out []importer.GroupRef
	for i, g := range blocks(fp, attr) {
		arn := str(g, "resource_arn")
		if arn == "" {
			arn = r.refExpr(x, []any{"firewall_policy", 0, attr, i, "resource_arn"}, []string{"aws_networkfirewall_rule_group"})
		}
		prio, _ := num(g, "priority")
		out = append(out, importer.GroupRef{Group: arn, Priority: prio})
	}
	return out
}
