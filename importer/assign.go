package importer

import (
	"net/netip"
	"sort"
)

// placeholderPublic is where public addresses known only after apply are
// taken from: 198.18.0.0/15, reserved for benchmarks (RFC 2544), so a
// placeholder never stands for a real host on the internet.
var placeholderPublic = netip.MustParsePrefix("198.18.0.0/15")

// assign gives every instance and NAT gateway without a private address a
// stable one of its subnet (the lowest free one after the four AWS
// reserves, taking resources in key order), and every public NAT gateway
// or instance that wants a public IP without one a placeholder; each is
// recorded as assumed.
func (m *Model) assign() {
	subnets := map[string]netip.Prefix{}
	for _, s := range m.Subnets {
		subnets[s.key()] = s.CIDR
	}
	used := map[netip.Addr]bool{}
	for _, i := range m.Instances {
		used[i.PrivateIP] = true
		used[i.PublicIP] = true
	}
	for _, g := range m.NATGateways {
		used[g.PrivateIP] = true
		used[g.PublicIP] = true
	}
	type slot struct {
		o      *Origin
		typ    string
		subnet string
		priv   *netip.Addr
		pub    *netip.Addr // nil: no public IP wanted
		asm    *[]string
	}
	var slots []slot
	for _, i := range m.Instances {
		s := slot{o: &i.Origin, typ: "instance", subnet: i.Subnet, priv: &i.PrivateIP, asm: &i.Assumed}
		if i.WantPublicIP && !i.PublicIP.IsValid() {
			s.pub = &i.PublicIP
		}
		slots = append(slots, s)
	}
	for _, g := range m.NATGateways {
		s := slot{o: &g.Origin, typ: "nat_gateway", subnet: g.Subnet, priv: &g.PrivateIP, asm: &g.Assumed}
		if !g.Private && !g.PublicIP.IsValid() {
			s.pub = &g.PublicIP
		}
		slots = append(slots, s)
	}
	sort.SliceStable(slots, func(i, j int) bool { return slots[i].o.key() < slots[j].o.key() })
	nextPub := placeholderPublic.Addr().Next() // 198.18.0.1
	for _, s := range slots {
		if !s.priv.IsValid() {
			if a, ok := freeAddr(subnets[s.subnet], used); ok {
				*s.priv = a
				used[a] = true
				*s.asm = append(*s.asm, "private_ip")
				m.Assume(s.o.key(), s.typ, s.o.Where, "private_ip "+a.String()+" (the first free address of its subnet)")
			}
		}
		if s.pub != nil {
			for used[nextPub] {
				nextPub = nextPub.Next()
			}
			if placeholderPublic.Contains(nextPub) {
				*s.pub = nextPub
				used[nextPub] = true
				*s.asm = append(*s.asm, "public_ip")
				m.Assume(s.o.key(), s.typ, s.o.Where, "public_ip "+nextPub.String()+" (a placeholder from 198.18.0.0/15)")
			}
		}
	}
}

// freeAddr returns the lowest address of p after the four AWS reserves
// and before its last one that is not used.
func freeAddr(p netip.Prefix, used map[netip.Addr]bool) (netip.Addr, bool) {
	if !p.IsValid() {
		return netip.Addr{}, false
	}
	a := p.Masked().Addr()
	for range 4 {
		a = a.Next()
	}
	for ; p.Contains(a); a = a.Next() {
		n := a.Next()
		if !p.Contains(n) {
			break // the last address is reserved too
		}
		if !used[a] {
			return a, true
		}
	}
	return netip.Addr{}, false
}
