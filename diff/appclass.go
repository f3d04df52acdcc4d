package diff

import (
	"sort"
	"strconv"
	"strings"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/rules/syntax"
	"github.com/vpcreach/vpcreach/topology"
)

// MaxServerNames bounds the server names Compare tries when the query
// states none: at most this many, in name order (Report.Notes says when
// names were left out).
const MaxServerNames = 32

// UnlistedServerName stands for every server name no domain list names.
const UnlistedServerName = "unlisted.invalid"

// serverNames returns the names whose TLS and HTTP traffic the rule
// groups of either version tell apart: each domain list target
// ("github.com"; a leading-dot target ".example.com" as the subdomain
// "www.example.com") and each content a Suricata rule matches in its
// tls.sni or http.host buffer (written alike), then UnlistedServerName.
// It returns nil when no rule group names any. truncated is how many
// names were left out.
func serverNames(before, after *topology.Topology) (names []string, truncated int) {
	seen := map[string]bool{}
	for _, t := range []*topology.Topology{before, after} {
		for _, g := range t.RuleGroups {
			if g.DomainList != nil {
				for _, target := range g.DomainList.Targets {
					if n := representativeName(target); n != "" {
						seen[n] = true
					}
				}
			}
			if g.Text != nil {
				ruleNames(*g.Text, seen)
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

// ruleNames adds the literal contents the rules of text match in the
// tls.sni and http.host buffers. Hex bytes, empty and negated contents
// are left out; the text was checked when the topology was compiled, so
// rules that do not parse are skipped.
func ruleNames(text syntax.Text, seen map[string]bool) {
	rs, _ := syntax.ParseText(text)
	for _, r := range rs {
		buffer := ""
		for _, o := range r.Options {
			switch o.Name {
			case "tls.sni", "http.host", "tls_sni", "http_host":
				buffer = o.Name
			case "content":
				if buffer == "" || o.Negated() {
					continue
				}
				if n := representativeName(o.Unquote()); n != "" && !strings.ContainsAny(n, "| ") {
					seen[n] = true
				}
			case "pkt_data", "file.data", "http.uri", "dns.query", "http.method", "http.header":
				buffer = ""
			}
		}
	}
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
