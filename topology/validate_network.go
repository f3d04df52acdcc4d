package topology

import (
	"net/netip"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

func cidrList(ps []netip.Prefix) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.String()
	}
	return strings.Join(s, ", ")
}

// within reports whether p lies inside one of outer.
func within(p netip.Prefix, outer []netip.Prefix) bool {
	for _, o := range outer {
		if o.Bits() <= p.Bits() && o.Contains(p.Addr()) {
			return true
		}
	}
	return false
}

func (l *loader) validateVPCs(d *decls) {
	for _, p := range d.vpcs {
		v, b := p.m, p.b
		rt := v.MainRouteTable
		if !present(b.MainRouteTable) || rt == nil || rt.Implicit || rt.VPC == nil {
			continue
		}
		if rt.VPC != v {
			l.errorf(b.MainRouteTable.Range(), "Route table of another VPC",
				"The main_route_table of %s is %s, which belongs to %s; use a route table of %s.",
				v.Addr(), rt.Addr(), rt.VPC.Addr(), v.Addr())
		}
		if rt.EdgeGateway != nil {
			l.errorf(b.MainRouteTable.Range(), "Gateway route table as main",
				"The main_route_table of %s is %s, which is edge-associated with %s; a gateway route table cannot be the main route table.",
				v.Addr(), rt.Addr(), rt.EdgeGateway.Addr())
		}
	}
}

func (l *loader) validateSubnets(d *decls) {
	first := map[*VPC][]*subnetBlock{}
	byBlock := map[*subnetBlock]*Subnet{}
	for _, p := range d.subnets {
		s, b := p.m, p.b
		byBlock[b] = s
		if s.VPC == nil {
			continue
		}
		if present(b.RouteTable) && s.RouteTable != nil && s.RouteTable.VPC != nil && s.RouteTable.VPC != s.VPC {
			l.errorf(b.RouteTable.Range(), "Route table of another VPC",
				"The route_table of %s is %s, which belongs to %s; use a route table of %s.",
				s.Addr(), s.RouteTable.Addr(), s.RouteTable.VPC.Addr(), s.VPC.Addr())
		}
		if present(b.NetworkACL) && s.NetworkACL != nil && s.NetworkACL.VPC != nil && s.NetworkACL.VPC != s.VPC {
			l.errorf(b.NetworkACL.Range(), "Network ACL of another VPC",
				"The network_acl of %s is %s, which belongs to %s; use a network ACL of %s.",
				s.Addr(), s.NetworkACL.Addr(), s.NetworkACL.VPC.Addr(), s.VPC.Addr())
		}
		if !s.CIDR.IsValid() || len(s.VPC.CIDRs) == 0 {
			continue
		}
		if !within(s.CIDR, s.VPC.CIDRs) {
			l.errorf(b.CIDRBlock.Range(), "Subnet outside its VPC",
				"The cidr_block %s of %s is not inside the CIDR blocks of %s (%s); choose a block inside them.",
				s.CIDR, s.Addr(), s.VPC.Addr(), cidrList(s.VPC.CIDRs))
			continue
		}
		for _, ob := range first[s.VPC] {
			o := byBlock[ob]
			if o.CIDR.Overlaps(s.CIDR) {
				l.errorf(b.CIDRBlock.Range(), "Overlapping subnets",
					"The cidr_block %s of %s overlaps %s (%s, at %s); subnets of one VPC must not overlap.",
					s.CIDR, s.Addr(), o.Addr(), o.CIDR, where(ob.CIDRBlock.Range()))
				break
			}
		}
		first[s.VPC] = append(first[s.VPC], b)
	}
}

// ipUse is one private or public address held by an instance or NAT
// gateway.
type ipUse struct {
	res    Resource
	subnet *Subnet
	addr   netip.Addr
	rng    hcl.Range
	attr   string // "private_ip", "public_ip", or "" for a default private IP
}

func (l *loader) validateAddresses(d *decls) {
	var private, public []ipUse
	for _, p := range d.nats {
		n, b := p.m, p.b
		attr, rng := "private_ip", b.PrivateIP.Range()
		if !present(b.PrivateIP) {
			attr, rng = "", n.Range
		}
		private = append(private, ipUse{n, n.Subnet, n.PrivateIP, rng, attr})
		public = append(public, ipUse{n, n.Subnet, n.PublicIP, b.PublicIP.Range(), "public_ip"})
	}
	for _, p := range d.instances {
		i, b := p.m, p.b
		attr, rng := "private_ip", b.PrivateIP.Range()
		if !present(b.PrivateIP) {
			attr, rng = "", i.Range
		}
		private = append(private, ipUse{i, i.Subnet, i.PrivateIP, rng, attr})
		public = append(public, ipUse{i, i.Subnet, i.PublicIP, b.PublicIP.Range(), "public_ip"})
	}
	for _, p := range d.endpointsV {
		rng := p.b.PrivateIPs.Range()
		attr := "private_ips"
		if !present(p.b.PrivateIPs) {
			rng, attr = p.m.Range, ""
		}
		for _, i := range p.m.ENIs {
			private = append(private, ipUse{i, i.Subnet, i.PrivateIP, rng, attr})
		}
	}
	byPos := func(a, b ipUse) int {
		if c := strings.Compare(a.rng.Filename, b.rng.Filename); c != 0 {
			return c
		}
		return a.rng.Start.Byte - b.rng.Start.Byte
	}
	slices.SortStableFunc(private, byPos)
	slices.SortStableFunc(public, byPos)
	taken := map[*VPC]map[netip.Addr]ipUse{}
	for _, u := range private {
		if !u.addr.IsValid() || u.subnet == nil || !u.subnet.CIDR.IsValid() || !l.checkPrivateIP(u) {
			continue
		}
		v := u.subnet.VPC
		if first, dup := taken[v][u.addr]; dup {
			l.errorf(u.rng, "IP address already in use",
				"The %s %s of %s is already used by %s (at %s); private IPs must be unique in a VPC.",
				attrOrDefault(u.attr), u.addr, u.res.Addr(), first.res.Addr(), where(first.rng))
			continue
		}
		if taken[v] == nil {
			taken[v] = map[netip.Addr]ipUse{}
		}
		taken[v][u.addr] = u
	}
	l.checkPublicIPs(public)
}

func attrOrDefault(attr string) string {
	if attr == "" {
		return "default private IP"
	}
	return attr
}

// checkPrivateIP reports an address outside its subnet or reserved by
// AWS (the first four and the last address of the subnet).
func (l *loader) checkPrivateIP(u ipUse) bool {
	c := u.subnet.CIDR
	what := attrOrDefault(u.attr)
	if !c.Contains(u.addr) {
		l.errorf(u.rng, "IP address outside its subnet",
			"The %s %s of %s is not in %s (%s); choose an address inside the subnet.", what, u.addr, u.res.Addr(), u.subnet.Addr(), c)
		return false
	}
	base := c.Addr()
	reserved := []netip.Addr{base}
	for a, i := base, 0; i < 3; i++ {
		a = a.Next()
		reserved = append(reserved, a)
	}
	last := lastAddr(c)
	if slices.Contains(reserved, u.addr) || u.addr == last {
		l.errorf(u.rng, "Reserved IP address",
			"The %s %s of %s is reserved: AWS keeps the first four addresses of %s and its last one, %s; choose another address.",
			what, u.addr, u.res.Addr(), c, last)
		return false
	}
	return true
}

// lastAddr returns the last address of p.
func lastAddr(p netip.Prefix) netip.Addr {
	b := p.Addr().AsSlice()
	for i := range b {
		host := p.Bits() - i*8
		switch {
		case host <= 0:
			b[i] = 0xff
		case host < 8:
			b[i] |= 0xff >> host
		}
	}
	a, _ := netip.AddrFromSlice(b)
	return a
}

func (l *loader) checkPublicIPs(public []ipUse) {
	taken := map[netip.Addr]ipUse{}
	for _, u := range public {
		if !u.addr.IsValid() {
			continue
		}
		if u.addr.IsPrivate() || !u.addr.IsGlobalUnicast() {
			l.errorf(u.rng, "Public IP is not public",
				"The public_ip %s of %s is not a public address; give its public IPv4 or Elastic IP.", u.addr, u.res.Addr())
			continue
		}
		if first, dup := taken[u.addr]; dup {
			l.errorf(u.rng, "Public IP already in use",
				"The public_ip %s of %s is already used by %s (at %s); a public IP belongs to one resource.",
				u.addr, u.res.Addr(), first.res.Addr(), where(first.rng))
			continue
		}
		taken[u.addr] = u
	}
}
