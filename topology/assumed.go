package topology

import (
	"cmp"
	"fmt"
	"net/netip"
	"slices"

	"github.com/hashicorp/hcl/v2"
)

// Addresses AWS assigns at launch may be left out: an instance without
// private_ip takes a stable address of its subnet, and a public NAT
// gateway without public_ip a placeholder public address. Each is
// reported as a warning at the block, so an answer that depends on it
// says what was assumed.

// placeholderPublic holds the placeholder public addresses: 198.18.0.0/15,
// reserved for benchmarking (RFC 2544), so a placeholder never stands for
// a real host on the internet.
var placeholderPublic = netip.MustParsePrefix("198.18.0.0/15")

// assumeAddresses assigns the addresses left out. Instances are taken in
// name order; each gets the lowest address of its subnet after the four
// AWS reserves that no instance or NAT gateway of the topology holds, so
// adding an instance with a later name never moves the others.
func (l *loader) assumeAddresses(d *decls) {
	used := map[netip.Addr]bool{}
	for _, p := range d.instances {
		used[p.m.PrivateIP], used[p.m.PublicIP] = true, true
	}
	for _, p := range d.nats {
		used[p.m.PrivateIP], used[p.m.PublicIP] = true, true
	}
	for _, p := range d.endpointsV {
		for _, i := range p.m.ENIs {
			used[i.PrivateIP] = true
		}
	}
	insts := slices.Clone(d.instances)
	slices.SortFunc(insts, func(a, b pair[*instanceBlock, *Instance]) int { return cmp.Compare(a.m.Name, b.m.Name) })
	for _, p := range insts {
		i := p.m
		if present(p.b.PrivateIP) || i.Subnet == nil || !i.Subnet.CIDR.IsValid() {
			continue
		}
		a, ok := firstFree(i.Subnet.CIDR, used)
		if !ok {
			l.errorf(i.Range, "No free address", "%s has no private_ip and %s has no free address left for it.", i.Addr(), i.Subnet.Addr())
			continue
		}
		i.PrivateIP, i.PrivateIPAssumed, used[a] = a, true, true
		l.warnf(i.Range, "Private IP assumed",
			"%s has no private_ip; it is assumed to be %s, the first free address of %s (AWS assigns one at launch). Give private_ip to ask about the real address.",
			i.Addr(), a, i.Subnet.Addr())
	}
	for _, p := range d.endpointsV {
		for _, i := range p.m.ENIs {
			if !i.PrivateIPAssumed || i.Subnet == nil || !i.Subnet.CIDR.IsValid() {
				continue
			}
			a, ok := firstFree(i.Subnet.CIDR, used)
			if !ok {
				l.errorf(p.b.Subnets.Range(), "No free address", "%s has no free address left for %s.", i.Subnet.Addr(), i.Addr())
				continue
			}
			i.PrivateIP, used[a] = a, true
			l.warnf(p.m.Range, "Private IP assumed",
				"%s has no private_ips; its network interface %s is assumed to be at %s, the first free address of %s. Give private_ips to ask about the real addresses.",
				p.m.Addr(), i.Addr(), a, i.Subnet.Addr())
		}
	}
	nats := slices.Clone(d.nats)
	slices.SortFunc(nats, func(a, b pair[*natBlock, *NATGateway]) int { return cmp.Compare(a.m.Name, b.m.Name) })
	next := placeholderPublic.Addr().Next()
	for _, p := range nats {
		n := p.m
		if !n.PublicIPAssumed {
			continue
		}
		for used[next] {
			next = next.Next()
		}
		n.PublicIP, used[next] = next, true
		l.warnf(n.Range, "Public IP assumed",
			"The public %s has no public_ip; it is given the placeholder %s (from 198.18.0.0/15, which no real host uses). Give it its Elastic IP to ask about the real address.",
			n.Addr(), next)
	}
}

// firstFree returns the lowest address of p after the four AWS reserves
// and before its last (also reserved) that used does not hold.
func firstFree(p netip.Prefix, used map[netip.Addr]bool) (netip.Addr, bool) {
	last := lastAddr(p)
	a := p.Masked().Addr()
	for range 4 {
		a = a.Next()
	}
	for ; a.IsValid() && a.Less(last); a = a.Next() {
		if !used[a] {
			return a, true
		}
	}
	return netip.Addr{}, false
}

// warnf records a warning at subject.
func (l *loader) warnf(subject hcl.Range, summary, format string, args ...any) {
	l.diags = append(l.diags, &hcl.Diagnostic{
		Severity: hcl.DiagWarning,
		Summary:  summary,
		Detail:   fmt.Sprintf(format, args...),
		Subject:  subject.Ptr(),
	})
}
