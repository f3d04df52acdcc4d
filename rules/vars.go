package rules

import (
	"net/netip"

	"go4.org/netipx"

	"github.com/vpcreach/vpcreach/ports"
)

// Universes of the two address families.
var (
	allV4 = netip.PrefixFrom(netip.IPv4Unspecified(), 0)
	allV6 = netip.PrefixFrom(netip.IPv6Unspecified(), 0)
)

// varEnv holds the variables one rule group sees, each resolved once.
// It is built per LoadGroup call and never shared.
type varEnv struct {
	addrs map[string]*netipx.IPSet // $NAME address variables
	ports map[string]ports.Set     // $NAME port variables
	refs  map[string]*netipx.IPSet // @NAME IP set references
	// memo holds address and port expressions already resolved without
	// diagnostics, keyed by their Suricata text.
	addrMemo map[string]*netipx.IPSet
	portMemo map[string]ports.Set
	// all is the set of every address, shared by the group's rules whose
	// address is any.
	all *netipx.IPSet
}

// newVarEnv resolves the variables of spec in the policy environment env:
// HOME_NET is the group's ip_set of that name, else the policy's;
// EXTERNAL_NET is the group's ip_set of that name, else the negation of
// the policy's HOME_NET (as Suricata reads "!$HOME_NET": per address
// family present in HOME_NET). A policy without HOME_NET defines neither.
func newVarEnv(spec GroupSpec, env Env) *varEnv {
	v := &varEnv{
		addrs:    map[string]*netipx.IPSet{},
		ports:    map[string]ports.Set{},
		refs:     map[string]*netipx.IPSet{},
		addrMemo: map[string]*netipx.IPSet{},
		portMemo: map[string]ports.Set{},
		all:      allAddrs(),
	}
	if len(env.HomeNet) > 0 {
		home := prefixSet(env.HomeNet)
		v.addrs["HOME_NET"] = home
		v.addrs["EXTERNAL_NET"] = negateSet(home)
	}
	for _, s := range spec.IPSets {
		v.addrs[s.Name] = prefixSet(s.Prefixes)
	}
	for _, s := range spec.PortSets {
		v.ports[s.Name] = s.Ports
	}
	for _, s := range spec.IPSetRefs {
		v.refs[s.Name] = prefixSet(s.Prefixes)
	}
	return v
}

// prefixSet returns the set of the given prefixes (host bits masked,
// IPv4-mapped prefixes unmapped).
func prefixSet(pfx []netip.Prefix) *netipx.IPSet {
	var b netipx.IPSetBuilder
	for _, p := range pfx {
		if a := p.Addr(); a.Is4In6() && p.Bits() >= 96 {
			p = netip.PrefixFrom(a.Unmap(), p.Bits()-96)
		}
		b.AddPrefix(p.Masked())
	}
	s, _ := b.IPSet()
	return s
}

// isEmptySet reports whether s holds no address.
func isEmptySet(s *netipx.IPSet) bool { return s.Equal(&netipx.IPSet{}) }

// negateSet returns what Suricata makes of a negated address list: in each
// family the list touches, the family's universe minus the list.
func negateSet(s *netipx.IPSet) *netipx.IPSet {
	var b netipx.IPSetBuilder
	if s.OverlapsPrefix(allV4) {
		b.AddPrefix(allV4)
	}
	if s.OverlapsPrefix(allV6) {
		b.AddPrefix(allV6)
	}
	b.RemoveSet(s)
	out, _ := b.IPSet()
	return out
}

// isUniverse reports whether s holds every IPv4 and IPv6 address.
// allAddrs returns the set of every IPv4 and IPv6 address: "any".
func allAddrs() *netipx.IPSet {
	var b netipx.IPSetBuilder
	b.AddPrefix(allV4)
	b.AddPrefix(allV6)
	s, _ := b.IPSet()
	return s
}

func isUniverse(s *netipx.IPSet) bool {
	return s.ContainsPrefix(allV4) && s.ContainsPrefix(allV6)
}
