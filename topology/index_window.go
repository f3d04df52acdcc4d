package topology

import (
	"net/netip"
	"sort"
)

// prefixWindow finds the entries whose prefix contains an address without
// scanning them all: entries are sorted by prefix address, and a prefix of
// at least minBits bits that contains a starts between a masked to minBits
// and a, so only that window is scanned (a topology's subnets are /16 to
// /28, so the window holds the few subnets near a).
type prefixWindow[T any] struct {
	entries []windowEntry[T] // sorted by prefix address, stable
	// minBits is the shortest prefix length of the IPv4 (0) and IPv6 (1)
	// entries.
	minBits [2]int
}

type windowEntry[T any] struct {
	prefix netip.Prefix
	value  T
}

// newPrefixWindow indexes entries, which must be sorted by prefix address
// (ties in the order results should keep).
func newPrefixWindow[T any](entries []windowEntry[T]) *prefixWindow[T] {
	w := &prefixWindow[T]{entries: entries, minBits: [2]int{32, 128}}
	for _, e := range entries {
		f := family(e.prefix.Addr())
		w.minBits[f] = min(w.minBits[f], e.prefix.Bits())
	}
	return w
}

func family(a netip.Addr) int {
	if a.Is4() {
		return 0
	}
	return 1
}

// containing returns the values of the entries whose prefix contains a,
// in entry order.
func (w *prefixWindow[T]) containing(a netip.Addr) []T {
	lo, err := a.Prefix(w.minBits[family(a)])
	if err != nil {
		return nil
	}
	end := sort.Search(len(w.entries), func(i int) bool { return w.entries[i].prefix.Addr().Compare(a) > 0 })
	start := end
	for start > 0 && w.entries[start-1].prefix.Addr().Compare(lo.Addr()) >= 0 {
		start--
	}
	var out []T
	for _, e := range w.entries[start:end] {
		if e.prefix.Contains(a) {
			out = append(out, e.value)
		}
	}
	return out
}

// newSubnetWindow indexes subnets; results keep their order.
func newSubnetWindow(subnets []*Subnet) *prefixWindow[*Subnet] {
	var entries []windowEntry[*Subnet]
	for _, s := range subnets {
		entries = appendEntry(entries, s.CIDR, s)
	}
	return newPrefixWindow(sortEntries(entries))
}

// newVPCWindow indexes the CIDRs of vpcs; values are positions in vpcs.
func newVPCWindow(vpcs []*VPC) *prefixWindow[int] {
	var entries []windowEntry[int]
	for i, v := range vpcs {
		for _, p := range v.CIDRs {
			entries = appendEntry(entries, p, i)
		}
	}
	return newPrefixWindow(sortEntries(entries))
}

// appendEntry appends p (masked) and v, unless p is invalid (a value the
// loader reported as an error), which contains nothing.
func appendEntry[T any](entries []windowEntry[T], p netip.Prefix, v T) []windowEntry[T] {
	if !p.IsValid() {
		return entries
	}
	return append(entries, windowEntry[T]{p.Masked(), v})
}

// sortEntries sorts entries by prefix address, keeping the order of ties.
func sortEntries[T any](entries []windowEntry[T]) []windowEntry[T] {
	sort.SliceStable(entries, func(i, j int) bool {
		return entries[i].prefix.Addr().Compare(entries[j].prefix.Addr()) < 0
	})
	return entries
}
