package rules

import (
	"net/netip"

	"go4.org/netipx"
)

// FormatAddrs renders a resolved address set as a CIDR list, the way
// Reachability Analyzer shows address sets: IPv4 prefixes in ascending
// order, then IPv6 prefixes. When the set holds all of ::/0 besides IPv4
// space, "::/0" is left out, so that the complement of 10.1.1.0/24 reads
// as its 24 IPv4 prefixes, and the set of every address (any) as
// ["0.0.0.0/0"]. A nil or empty set (nothing) renders as an empty list.
func FormatAddrs(s *netipx.IPSet) []string {
	if s == nil {
		return []string{}
	}
	pfx := s.Prefixes()
	if n := len(pfx); n > 1 && pfx[n-1] == netip.PrefixFrom(netip.IPv6Unspecified(), 0) {
		pfx = pfx[:n-1]
	}
	out := make([]string, len(pfx))
	for i, p := range pfx {
		out[i] = p.String()
	}
	return out
}
