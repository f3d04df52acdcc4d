package topology

import (
	"net/netip"

	"github.com/hashicorp/hcl/v2"
)

// AWS's limits on IPv4 CIDR blocks of VPCs and subnets (Amazon VPC User
// Guide, "VPC CIDR blocks" and "Subnet CIDR blocks"):
//
//   - a VPC's and a subnet's IPv4 blocks are /16 to /28;
//   - a VPC has at most MaxVPCCIDRs IPv4 blocks (the quota's highest
//     value); the first is the primary;
//   - a secondary block may not come from another RFC 1918 range than the
//     primary's, an RFC 1918 block may not be added to a VPC whose
//     primary is not RFC 1918, and 198.19.0.0/16 only to a VPC whose
//     primary is in it ("IPv4 CIDR block association restrictions"; the
//     finer rule about 10.0.0.0/15 and 10.0.0.0/16 is not checked);
//   - the special-purpose ranges that are neither private nor internet
//     (this network, loopback, link-local, multicast, reserved) are not
//     VPC address space.
//
// With these limits a VPC never holds more than a /16 of the internet:
// the address the engine uses for "the internet at large" is chosen
// outside every prefix of the topology, and an address inside a VPC's
// blocks is that VPC's, never the internet, even when publicly routable
// (as in AWS, where such a VPC cannot reach that part of the internet).
const (
	MinCIDRBits = 16
	MaxCIDRBits = 28
	MaxVPCCIDRs = 50
)

// notVPCSpace are the special-purpose IPv4 ranges no VPC may use.
// Read-only.
var notVPCSpace = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"), netip.MustParsePrefix("127.0.0.0/8"),
	netip.MustParsePrefix("169.254.0.0/16"), netip.MustParsePrefix("224.0.0.0/4"),
	netip.MustParsePrefix("240.0.0.0/4"),
}

// addressClass names the range of AWS's association restrictions an IPv4
// block belongs to: one of the three RFC 1918 ranges, 198.19.0.0/16, or
// "" for the rest (publicly routable and 100.64.0.0/10).
func addressClass(p netip.Prefix) string {
	for _, c := range []string{"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "198.19.0.0/16"} {
		if r := netip.MustParsePrefix(c); r.Bits() <= p.Bits() && r.Contains(p.Addr()) {
			return c
		}
	}
	return ""
}

func isRFC1918(class string) bool { return class != "" && class != "198.19.0.0/16" }

// checkVPCCIDRs checks the IPv4 blocks of v (items, in order; the first
// IPv4 one is the primary) against AWS's limits. It returns false when
// there are too many to check one against another.
func (l *loader) checkVPCCIDRs(v *VPC, items []prefixItem) bool {
	var primary *prefixItem
	n := 0
	for i := range items {
		it := &items[i]
		if !it.p.Addr().Is4() {
			continue
		}
		if n++; n == MaxVPCCIDRs+1 {
			l.errorf(it.rng, "Too many VPC CIDR blocks",
				"%s has more than %d IPv4 CIDR blocks; AWS allows at most %d per VPC.", v.Addr(), MaxVPCCIDRs, MaxVPCCIDRs)
			return false
		}
		if l.checkBlockSize(it, "VPC", v) && l.checkVPCSpace(it, v) && primary != nil {
			l.checkSecondary(primary.p, it, v)
		}
		if primary == nil {
			primary = it
		}
	}
	return true
}

// checkBlockSize reports an IPv4 block of kind ("VPC" or "subnet") of r
// outside /16 to /28, and returns whether the size is allowed.
func (l *loader) checkBlockSize(it *prefixItem, kind string, r Resource) bool {
	b := it.p.Bits()
	if b >= MinCIDRBits && b <= MaxCIDRBits {
		return true
	}
	l.errorf(it.rng, "CIDR block size out of range",
		"The CIDR block %s of %s is a /%d; AWS allows %s IPv4 blocks from /%d (65,536 addresses) to /%d (16 addresses).",
		it.p, r.Addr(), b, kind, MinCIDRBits, MaxCIDRBits)
	return false
}

// checkVPCSpace reports a VPC block in a special-purpose range.
func (l *loader) checkVPCSpace(it *prefixItem, v *VPC) bool {
	for _, s := range notVPCSpace {
		if s.Overlaps(it.p) {
			l.errorf(it.rng, "CIDR block not usable in a VPC",
				"The CIDR block %s of %s overlaps %s, which is neither private nor internet address space (this network, loopback, link-local, multicast or reserved); use an RFC 1918 block such as \"10.1.0.0/16\".",
				it.p, v.Addr(), s)
			return false
		}
	}
	return true
}

// checkSecondary applies AWS's association restrictions to the secondary
// block it of v, whose primary block is primary.
func (l *loader) checkSecondary(primary netip.Prefix, it *prefixItem, v *VPC) {
	pc, sc := addressClass(primary), addressClass(it.p)
	var why string
	switch {
	case sc == pc:
		return
	case isRFC1918(pc) && isRFC1918(sc):
		why = "it is in " + sc + ", another RFC 1918 range than the primary block's (" + pc + ")"
	case isRFC1918(sc):
		why = "it is in the RFC 1918 range " + sc + " and the primary block is not RFC 1918"
	case sc == "198.19.0.0/16":
		why = "198.19.0.0/16 can be added only to a VPC whose primary block is in it"
	default:
		return // a public or 100.64.0.0/10 block: allowed with any primary
	}
	l.errorf(it.rng, "Secondary CIDR block not allowed",
		"The CIDR block %s of %s cannot be added to a VPC whose primary block is %s: %s.", it.p, v.Addr(), primary, why)
}

// checkSubnetCIDR checks a subnet's IPv4 block against AWS's limits.
func (l *loader) checkSubnetCIDR(s *Subnet, p netip.Prefix, rng hcl.Range) {
	if p.IsValid() && p.Addr().Is4() {
		l.checkBlockSize(&prefixItem{p: p, rng: rng}, "subnet", s)
	}
}
