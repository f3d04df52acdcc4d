package analyzer

import (
	"net"
	"net/netip"

	"github.com/yl2chen/cidranger"
)

// prefixTable is a longest-prefix-match table from prefixes to values. The
// route lookups of VPC and transit gateway route tables go through it, so
// the implementation can be swapped (cidranger today) without touching the
// walk. Implementations are immutable after construction and safe for
// concurrent use.
type prefixTable[V any] interface {
	// Lookup returns the value of the longest prefix that contains a.
	Lookup(a netip.Addr) (netip.Prefix, V, bool)
}

// prefixEntry is one prefix and its value. Prefixes in one table must be
// distinct and masked.
type prefixEntry[V any] struct {
	Prefix netip.Prefix
	Value  V
}

// newPrefixTable builds the production table for entries.
func newPrefixTable[V any](entries []prefixEntry[V]) prefixTable[V] {
	r := cidranger.NewPCTrieRanger()
	for _, e := range entries {
		// Insert fails only for an invalid network, which masked
		// netip prefixes cannot be.
		_ = r.Insert(&rangerEntry[V]{net: toIPNet(e.Prefix), prefix: e.Prefix, value: e.Value})
	}
	return &rangerTable[V]{r: r}
}

type rangerEntry[V any] struct {
	net    net.IPNet
	prefix netip.Prefix
	value  V
}

func (e *rangerEntry[V]) Network() net.IPNet { return e.net }

type rangerTable[V any] struct {
	r cidranger.Ranger
}

func (t *rangerTable[V]) Lookup(a netip.Addr) (netip.Prefix, V, bool) {
	var zero V
	a = a.Unmap()
	// ContainingNetworks lists matches from least to most specific.
	found, err := t.r.ContainingNetworks(net.IP(a.AsSlice()))
	if err != nil || len(found) == 0 {
		return netip.Prefix{}, zero, false
	}
	e := found[len(found)-1].(*rangerEntry[V])
	return e.prefix, e.value, true
}

func toIPNet(p netip.Prefix) net.IPNet {
	p = p.Masked()
	bits := 32
	if p.Addr().Is6() {
		bits = 128
	}
	return net.IPNet{IP: net.IP(p.Addr().AsSlice()), Mask: net.CIDRMask(p.Bits(), bits)}
}

// linearTable is the reference implementation: a scan that keeps the
// longest containing prefix. Property tests check the production table
// against it.
type linearTable[V any] struct {
	entries []prefixEntry[V]
}

func (t *linearTable[V]) Lookup(a netip.Addr) (netip.Prefix, V, bool) {
	var best prefixEntry[V]
	ok := false
	a = a.Unmap()
	for _, e := range t.entries {
		if e.Prefix.Contains(a) && (!ok || e.Prefix.Bits() > best.Prefix.Bits()) {
			best, ok = e, true
		}
	}
	return best.Prefix, best.Value, ok
}
