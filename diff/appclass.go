package diff

import (
	"sort"
	"strconv"
	"strings"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/topology"
)

// MaxServerNames bounds the server names Compare tries when the query
// states none: at most this many, in name order (Report.Notes says when
// names were left out).
const MaxServerNames = 32

// UnlistedServerName stands for every server name no domain list names.
const UnlistedServerName = "unlisted.invalid"

// serverNames returns the names whose TLS and HTTP traffic domain lists
// of either version tell apart: each target ("github.com"; a leading-dot
// target ".example.com" as the subdomain "www.example.com"), then
// UnlistedServerName. It returns nil when no rule group of either version
// has a domain list. truncated is how many names were left out.
func serverNames(before, after *topology.Topology) (names []string, truncated int) {
	seen := map[string]bool{}
	for _, t := range []*topology.Topology{before, after} {
		for _, g := range t.RuleGroups {
			if g.DomainList == nil {
				continue
			}
			for _, target := range g.DomainList.Targets {
				if n := representativeName(target); n != "" {
					seen[n] = true
				}
			}
		}
	}
	if len(seen) == 0 {
		return nil, 0
	}
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) > MaxServerNames {
		truncated = len(names) - MaxServerNames
		names = names[:MaxServerNames]
	}
	return append(names, UnlistedServerName), truncated
}

// representativeName is a name a domain list target matches.
func representativeName(target string) string {
	t := strings.ToLower(strings.TrimSpace(target))
	if strings.HasPrefix(t, ".") {
		t = "www" + t
	}
	if t == "www." || t == "" {
		return ""
	}
	return t
}

// namedQueries returns the queries of the server-name classes: q with
// each name as TLS server name and HTTP Host, TCP only, when q states no
// name, compares TCP, and a domain list tells names apart.
func namedQueries(before, after *analyzer.Network, q Query) (qs []Query, notes []string) {
	if q.SNI != "" || q.HTTPHost != "" || !hasTCP(q.Protocols) {
		return nil, nil
	}
	names, truncated := serverNames(before.Topology(), after.Topology())
	if truncated > 0 {
		notes = append(notes, "domain lists name more server names than diff compares: "+
			strconv.Itoa(truncated)+" left out; compare them with --sni NAME")
	}
	for _, n := range names {
		nq := q
		nq.SNI, nq.HTTPHost, nq.Protocols = n, n, []topology.Protocol{topology.ProtocolTCP}
		qs = append(qs, nq)
	}
	return qs, notes
}

func hasTCP(ps []topology.Protocol) bool {
	for _, p := range ps {
		if p == topology.ProtocolTCP {
			return true
		}
	}
	return false
}

// covered reports whether an unnamed change of the same pair and
// protocol already says what the named change c says (same kind, sides
// and causes) for all of c's ports: then c adds nothing.
func covered(c *Change, unnamed []*Change) bool {
	k := changeKey(c)
	for _, u := range unnamed {
		if u.From == c.From && u.To == c.To && u.Protocol == c.Protocol && changeKey(u) == k &&
			u.Ports.Intersect(c.Ports).Equal(c.Ports) {
			return true
		}
	}
	return false
}
