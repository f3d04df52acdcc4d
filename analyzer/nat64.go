package analyzer

import (
	"fmt"
	"net/netip"
)

// NAT64. A NAT gateway translates IPv4 only, and IPv6 in one case: NAT64
// (VPC User Guide, "DNS64 and NAT64"): an IPv6 packet for the well-known
// prefix 64:ff9b::/96 leaves with the IPv4 address embedded in its last 32
// bits as destination and the gateway's own IPv4 address as source, and
// the reply is translated back. Any other IPv6 packet routed to a NAT
// gateway is dropped.

// nat64Prefix is the well-known NAT64 prefix (RFC 6052).
var nat64Prefix = netip.MustParsePrefix("64:ff9b::/96")

// nat64Target returns the IPv4 address a NAT64 destination embeds.
func nat64Target(a netip.Addr) (netip.Addr, bool) {
	if !a.Is6() || !nat64Prefix.Contains(a) {
		return netip.Addr{}, false
	}
	b := a.As16()
	return netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}), true
}

// nat64Destination rewrites the IPv6 destination of a packet at NAT
// gateway hop hn to the IPv4 address it embeds; it reports false (and ends
// the walk) when the destination is outside 64:ff9b::/96.
func (w *walker) nat64Destination(hn *Hop, nat string) bool {
	v4, ok := nat64Target(w.hdr.dst)
	if !ok {
		w.stop(hn, CodeNoPossibleDestination, fmt.Sprintf(
			"%s translates IPv6 only to the NAT64 prefix %s, not %s: it drops the packet", nat, nat64Prefix, w.hdr.dst))
		return false
	}
	w.hdr.dst = v4
	return true
}
