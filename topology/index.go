package topology

import (
	"net/netip"
	"sort"
)

// index holds the address lookups of a Topology. It is built once by the
// loader and read-only afterwards.
type index struct {
	byAddr     map[string]Resource
	byPublicIP map[netip.Addr]Resource
	byOrigin   map[string]Resource // by aws_id and terraform_address
	subnets    []*Subnet           // sorted by CIDR address, then VPC name
	vpcs       []*VPC
	subnetWin  *prefixWindow[*Subnet]
	vpcWin     *prefixWindow[int] // positions in vpcs
}

func newIndex(t *Topology) *index {
	ix := &index{byAddr: map[string]Resource{}, byPublicIP: map[netip.Addr]Resource{}, byOrigin: map[string]Resource{}}
	add := func(r Resource) {
		ix.byAddr[r.Addr()] = r
		ix.addOrigin(r)
	}
	for _, v := range t.VPCs {
		add(v)
	}
	for _, s := range t.Subnets {
		add(s)
	}
	for _, r := range t.RouteTables {
		add(r)
	}
	for _, g := range t.InternetGateways {
		add(g)
	}
	for _, n := range t.NATGateways {
		add(n)
		if n.PublicIP.IsValid() {
			ix.byPublicIP[n.PublicIP] = n
		}
	}
	for _, i := range t.Instances {
		add(i)
		if i.PublicIP.IsValid() {
			ix.byPublicIP[i.PublicIP] = i
		}
	}
	for _, p := range t.VPCPeerings {
		add(p)
	}
	for _, g := range t.TransitGateways {
		add(g)
	}
	for _, r := range t.TGWRouteTables {
		add(r)
	}
	for _, a := range t.TGWAttachments {
		add(a)
	}
	for _, f := range t.Firewalls {
		add(f)
	}
	for _, e := range t.FirewallEndpoints {
		add(e)
	}
	for _, p := range t.FirewallPolicies {
		add(p)
	}
	for _, g := range t.RuleGroups {
		add(g)
	}
	for _, g := range t.StatelessRuleGroups {
		add(g)
	}
	for _, g := range t.SecurityGroups {
		add(g)
	}
	for _, n := range t.NetworkACLs {
		add(n)
	}
	for _, e := range t.Expects {
		add(e)
	}
	for _, p := range t.PrefixLists {
		add(p)
	}
	for _, e := range t.VPCEndpoints {
		add(e)
	}
	ix.subnets = append([]*Subnet(nil), t.Subnets...)
	sort.SliceStable(ix.subnets, func(i, j int) bool {
		a, b := ix.subnets[i], ix.subnets[j]
		if c := a.CIDR.Addr().Compare(b.CIDR.Addr()); c != 0 {
			return c < 0
		}
		return a.Addr() < b.Addr()
	})
	ix.vpcs = t.VPCs
	ix.subnetWin, ix.vpcWin = newSubnetWindow(ix.subnets), newVPCWindow(ix.vpcs)
	return ix
}

// subnetsContaining returns the subnets whose CIDR holds a, in ix.subnets
// order.
func (ix *index) subnetsContaining(a netip.Addr) []*Subnet {
	return ix.subnetWin.containing(a)
}

// vpcsContaining returns the VPCs one of whose CIDRs holds a, in ix.vpcs
// order, each once.
func (ix *index) vpcsContaining(a netip.Addr) []*VPC {
	pos := ix.vpcWin.containing(a)
	sort.Ints(pos)
	var out []*VPC
	for i, p := range pos {
		if i == 0 || p != pos[i-1] {
			out = append(out, ix.vpcs[p])
		}
	}
	return out
}

// BuildIndex builds t's address indexes. The loader calls it last; tests
// that assemble a Topology by hand call it too.
func (t *Topology) BuildIndex() { t.index = newIndex(t) }
