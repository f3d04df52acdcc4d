package rules

import (
	"net/netip"
	"slices"
	"sync"

	"go4.org/netipx"
)

// evalCacheMax bounds the memoised results of one policy; when full, the
// cache starts over.
const evalCacheMax = 1 << 15

// addrClasses partitions the address space into intervals inside which
// every address belongs to the same address sets of every rule (stateful
// and stateless) of a policy. Evaluation consults a flow's addresses only
// through those sets, so two flows that differ only by addresses of the
// same classes have the same Result.
type addrClasses struct {
	// starts are the first addresses of the intervals, sorted; 0.0.0.0
	// and :: are always there, so IPv4 and IPv6 never share a class.
	starts []netip.Addr
}

// newAddrClasses builds the classes of the given sets (nil stands for
// "any" and draws no boundary).
func newAddrClasses(sets []*netipx.IPSet) *addrClasses {
	seen := map[*netipx.IPSet]bool{}
	starts := []netip.Addr{netip.IPv4Unspecified(), netip.IPv6Unspecified()}
	for _, s := range sets {
		if s == nil || seen[s] {
			continue
		}
		seen[s] = true
		for _, r := range s.Ranges() {
			starts = append(starts, r.From())
			if next := r.To().Next(); next.IsValid() {
				starts = append(starts, next)
			}
		}
	}
	slices.SortFunc(starts, netip.Addr.Compare)
	return &addrClasses{starts: slices.Compact(starts)}
}

// of returns the class of a: the index of the interval holding it.
func (c *addrClasses) of(a netip.Addr) int32 {
	a = a.Unmap().WithZone("")
	i, found := slices.BinarySearchFunc(c.starts, a, netip.Addr.Compare)
	if !found {
		i--
	}
	return int32(i)
}

// policySets lists the address sets p's evaluation consults.
func policySets(p *Policy) []*netipx.IPSet {
	var out []*netipx.IPSet
	for _, c := range p.rules {
		out = append(out, c.src, c.dst)
	}
	for _, r := range p.stateless.rules {
		out = append(out, r.src, r.dst)
	}
	return out
}

// flowKey identifies a flow up to the address classes of its ends: flows
// with equal keys evaluate alike.
type flowKey struct {
	f              Flow // Client and Server zeroed
	client, server int32
}

// boundsKey identifies the flows whose port boundaries are alike.
type boundsKey struct {
	client, server int32
	l4             L4
}

// evalCache memoises Results by flowKey, and port boundaries by
// boundsKey. It is safe for concurrent use.
type evalCache struct {
	classes *addrClasses
	mu      sync.Mutex
	m       map[flowKey]Result
	bounds  map[boundsKey]FlowPorts
}

func newEvalCache(p *Policy) *evalCache {
	return &evalCache{classes: newAddrClasses(policySets(p)), m: map[flowKey]Result{}, bounds: map[boundsKey]FlowPorts{}}
}

func (c *evalCache) getBounds(k boundsKey) (FlowPorts, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.bounds[k]
	return b, ok
}

func (c *evalCache) putBounds(k boundsKey, b FlowPorts) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.bounds) >= evalCacheMax {
		clear(c.bounds)
	}
	c.bounds[k] = b
}

func (c *evalCache) key(f Flow) flowKey {
	k := flowKey{f: f, client: c.classes.of(f.Client), server: c.classes.of(f.Server)}
	k.f.Client, k.f.Server = netip.Addr{}, netip.Addr{}
	return k
}

func (c *evalCache) get(k flowKey) (Result, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.m[k]
	return r, ok
}

func (c *evalCache) put(k flowKey, r Result) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= evalCacheMax {
		clear(c.m)
	}
	c.m[k] = r
}
