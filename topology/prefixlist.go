package topology

import (
	"net/netip"

	"github.com/hashicorp/hcl/v2"
)

// maxPrefixListEntries is the highest max_entries AWS accepts for a
// customer-managed prefix list (CreateManagedPrefixList).
const maxPrefixListEntries = 1000

// PrefixList is a managed prefix list ("prefix_list" block): a named set
// of CIDR blocks that routes, security group rules and rule-group IP set
// references can name instead of CIDRs.
type PrefixList struct {
	Meta
	// PrefixListName is the AWS name (prefix_list_name), such as
	// "com.amazonaws.us-east-1.s3" for an AWS-managed list; "" when not
	// given.
	PrefixListName string
	// AWSManaged is true for a list AWS maintains (aws_managed = true):
	// its entries are given by the user or an import.
	AWSManaged bool
	// IPv6 is true for address_family "IPv6".
	IPv6 bool
	// MaxEntries is the declared max_entries; 0 for an AWS-managed list
	// that does not give it.
	MaxEntries int
	// Entries are the CIDR blocks, in declaration order, without
	// duplicates.
	Entries []netip.Prefix
}

// Contains reports whether a lies in one of the list's entries.
func (p *PrefixList) Contains(a netip.Addr) bool {
	a = a.Unmap()
	for _, e := range p.Entries {
		if e.Contains(a) {
			return true
		}
	}
	return false
}

type prefixListBlock struct {
	Name           string             `hcl:"name,label"`
	NameRange      hcl.Range          `hcl:"name,label_range"`
	DefRange       hcl.Range          `hcl:",def_range"`
	Body           hcl.Body           `hcl:",body"`
	PrefixListName hcl.Expression     `hcl:"prefix_list_name,optional"`
	AddressFamily  hcl.Expression     `hcl:"address_family,optional"`
	MaxEntries     hcl.Expression     `hcl:"max_entries,optional"`
	AWSManaged     hcl.Expression     `hcl:"aws_managed,optional"`
	Entries        []*prefixListEntry `hcl:"entry,block"`
}

type prefixListEntry struct {
	DefRange    hcl.Range      `hcl:",def_range"`
	Body        hcl.Body       `hcl:",body"`
	CIDR        hcl.Expression `hcl:"cidr"`
	Description hcl.Expression `hcl:"description,optional"`
}

func (b *prefixListBlock) head() (string, hcl.Range, hcl.Range) {
	return b.Name, b.NameRange, b.DefRange
}

// resolvePrefixList evaluates a prefix_list block: its family, its
// entries (of that family, without duplicates) and max_entries, which a
// customer-managed list must give and its entries must not exceed.
func (l *loader) resolvePrefixList(b *prefixListBlock, p *PrefixList) {
	if present(b.PrefixListName) {
		p.PrefixListName, _ = l.str(b.PrefixListName, of("prefix_list_name", p))
	}
	if v, ok := l.boolean(b.AWSManaged, of("aws_managed", p)); ok {
		p.AWSManaged = v
	}
	if fam, ok := l.oneOf(b.AddressFamily, of("address_family", p), "IPv4", "IPv6"); ok {
		p.IPv6 = fam == "IPv6"
	}
	l.prefixListMax(b, p)
	seen := map[netip.Prefix]hcl.Range{}
	for i, e := range b.Entries {
		what := "cidr of an entry of " + p.Addr()
		c, ok := l.prefix(e.CIDR, what)
		if present(e.Description) {
			l.str(e.Description, "description of an entry of "+p.Addr())
		}
		if !ok {
			continue
		}
		if c.Addr().Is6() != p.IPv6 {
			l.errorf(e.CIDR.Range(), "Entry of the wrong address family",
				"The %s, %s, is not an %s CIDR block; a prefix list holds one address family (set address_family = %q for IPv6).",
				what, c, familyName(p.IPv6), "IPv6")
			continue
		}
		if first, dup := seen[c]; dup {
			l.errorf(e.CIDR.Range(), "Duplicate prefix list entry",
				"%s already holds %s (at %s); each entry of a prefix list is a different CIDR block.", p.Addr(), c, where(first))
			continue
		}
		seen[c] = e.CIDR.Range()
		if p.MaxEntries > 0 && i == p.MaxEntries {
			l.errorf(blockRange(e.DefRange, e.Body), "Too many prefix list entries",
				"%s has %d entries but its max_entries is %d; AWS refuses entries beyond max_entries. Raise max_entries or remove entries.",
				p.Addr(), len(b.Entries), p.MaxEntries)
		}
		p.Entries = append(p.Entries, c)
	}
}

// prefixListMax evaluates max_entries: required (1 to 1000) for a
// customer-managed list, optional for an AWS-managed one.
func (l *loader) prefixListMax(b *prefixListBlock, p *PrefixList) {
	if !present(b.MaxEntries) {
		if !p.AWSManaged {
			l.errorf(b.DefRange, "Missing max_entries",
				"%s is customer-managed, so it must give max_entries (AWS requires it), such as max_entries = 10; set aws_managed = true for a list AWS maintains.",
				p.Addr())
		}
		return
	}
	n, ok := l.integer(b.MaxEntries, of("max_entries", p))
	if !ok {
		return
	}
	if n < 1 || n > maxPrefixListEntries {
		l.errorf(b.MaxEntries.Range(), "max_entries out of range",
			"The max_entries of %s is %d; AWS accepts 1 to %d.", p.Addr(), n, maxPrefixListEntries)
		return
	}
	p.MaxEntries = n
}

func familyName(v6 bool) string {
	if v6 {
		return "IPv6"
	}
	return "IPv4"
}

// refPrefixLists resolves a list of prefix_list references.
func (l *loader) refPrefixLists(expr hcl.Expression, what string) []*PrefixList {
	var out []*PrefixList
	for _, it := range l.refs(expr, what, "prefix_list") {
		out = append(out, it.res.(*PrefixList))
	}
	return out
}
