// Package diff compares the answers of two versions of a network (before
// and after a change) and reports every change of answer per source and
// destination: the destination ports and protocols whose verdict changed
// (newly allowed, newly blocked, newly ambiguous) and those whose verdict
// stayed but whose path or decider changed (now uninspected, another
// firewall or endpoint, another decider, another path), each with what
// decided it on both sides and the changed blocks on its paths.
//
// It is exact over every port: each pair is answered with
// analyzer.Network.AnalyzePath without a port, whose port ranges are the
// classes every component treats alike, and the two partitions of
// 0-65535 are overlaid, so no port is enumerated. Traffic that rules tell
// apart by TLS server name or HTTP Host is compared per server-name class
// (see Compare). Report.FlushPlan lists the established flows a change
// leaves open until they are flushed.
//
// Every pair is answered in full on both versions: the cost is that of
// two all-ports matrices, not yet proportional to what the change
// touches.
package diff

import (
	"context"
	"sort"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/ports"
	"github.com/vpcreach/vpcreach/topology"
)

// Kind is the kind of a change of answer. Its values are the strings of
// the JSON output and of --fail-on.
type Kind string

// Kinds of change, most severe first.
const (
	// NewlyAllowed: reachable after, and not before (not reachable,
	// ambiguous, or no such pair).
	NewlyAllowed Kind = "newly-allowed"
	// NewlyAmbiguous: ambiguous after, and not before.
	NewlyAmbiguous Kind = "newly-ambiguous"
	// NewlyBlocked: not reachable after (or no such pair), and reachable
	// or ambiguous before.
	NewlyBlocked Kind = "newly-blocked"
	// NowUninspected: same verdict (reachable or ambiguous), crossed a
	// firewall before and none after.
	NowUninspected Kind = "now-uninspected"
	// FirewallChanged: same verdict (reachable or ambiguous), crossing
	// other firewalls, or the same firewalls at other endpoints (another
	// AZ's).
	FirewallChanged Kind = "firewall-changed"
	// DeciderChanged: same verdict, decided by something else (another
	// blocking finding, or another firewall rule letting it through).
	DeciderChanged Kind = "decider-changed"
	// PathChanged: same verdict, firewalls and decider, other hops
	// (reachable or ambiguous only).
	PathChanged Kind = "path-changed"
)

// Kinds returns every kind, most severe first.
func Kinds() []Kind {
	return []Kind{NewlyAllowed, NewlyAmbiguous, NewlyBlocked, NowUninspected, FirewallChanged,
		DeciderChanged, PathChanged}
}

// Query selects what to compare.
type Query struct {
	// By selects the endpoints: subnets (the default) or instances; the
	// internet is always one.
	By analyzer.MatrixBy
	// From and To keep only the pairs from (to) that endpoint name, such
	// as "subnet.app_a" or "internet"; "" keeps every one.
	From, To string
	// Protocols to compare; nil means TCP, UDP and ICMP.
	Protocols []topology.Protocol
	// Port is the only destination port compared when HasPort;
	// otherwise every port is.
	Port    uint16
	HasPort bool
	// SNI and HTTPHost state the TLS server name and HTTP Host of the
	// traffic compared; "" leaves them unstated (rules that test them are
	// then undecidable, and their traffic AMBIGUOUS on both sides).
	SNI, HTTPHost string
	// Workers is the number of pairs compared at once; 0 means
	// GOMAXPROCS. The result does not depend on it.
	Workers int
}

// Report is the answer to a diff.
type Report struct {
	Query QueryInfo
	// Blocks are the changed blocks, sorted by address.
	Blocks []*BlockChange
	// Changes are sorted by source, destination, protocol, kind and
	// first port.
	Changes []*Change
	// Pairs is the number of source, destination and protocol triples
	// compared (server-name classes included).
	Pairs int
	// Notes say what the diff did not compare.
	Notes []string
}

// QueryInfo echoes the query after defaults are applied.
type QueryInfo struct {
	By        string
	From, To  string
	Protocols []string
	// DestinationPort is set when one port was compared.
	DestinationPort *int
	SNI, HTTPHost   string
}

// Change is one change of answer: the ports of one protocol from one
// source to one destination that changed alike.
type Change struct {
	From, To string
	Protocol string
	// Ports are the destination ports that changed alike; HasPorts is
	// false for ICMP (Ports is then empty).
	Ports    ports.Set
	HasPorts bool
	Kind     Kind
	// ServerName is set for a change of the traffic to one TLS server
	// name and HTTP Host (see Compare); "" for traffic that states none.
	ServerName string
	// Detail says what changed in words, such as "inspected by
	// network_firewall.inspection before, by no firewall after".
	Detail        string
	Before, After Side
	// Causes are the addresses of the changed blocks (Report.Blocks) that
	// the before or after paths of these ports cross or use.
	Causes []string
}

// Side is the answer on one side of a change.
type Side struct {
	// Verdict is REACHABLE, NOT_REACHABLE, AMBIGUOUS or NOT_APPLICABLE
	// (no such pair, or a pair the path engine refuses).
	Verdict analyzer.Verdict
	// DecidedBy is what blocks the traffic or makes it ambiguous ("CODE at
	// component"), why the pair is not applicable, or for reachable
	// traffic the firewall decisions that let it through.
	DecidedBy string
	// Firewalls are the firewall endpoints crossed, in path order, as
	// "network_firewall.X at firewall_endpoint.Y (AZ)".
	Firewalls []string
	// Path is the components of the forward path, then those of the
	// return path, "->"-joined, a component met twice in a row once.
	Path string
	// seen is the flow as each firewall endpoint crossed sees it (for
	// the flush plan).
	seen []endpointFlow
}

// Compare answers q on both networks and returns every change of answer.
// Pairs are matched by endpoint name: a pair present in one version only
// is compared against NOT_APPLICABLE. When q states no server name and
// compares TCP, and the rule groups of either version name server names
// (domain list targets, tls.sni and http.host contents), the TCP pairs
// with an AMBIGUOUS port in either version are compared again for each
// name and for one none of them names (UnlistedServerName), as TLS
// server name and HTTP Host; a change of
// such a class is reported (with its ServerName) unless the same change
// without a name already covers its ports. (A pair decided on every port
// in both versions without a name keeps those verdicts whatever name is
// stated: stating a name only decides rules that made an answer
// AMBIGUOUS.) When ctx is done first, Compare returns ctx's error.
func Compare(ctx context.Context, before, after *analyzer.Network, q Query) (*Report, error) {
	q = q.normalize()
	blocks := ChangedBlocks(before.Topology(), after.Topology())
	rep := &Report{Query: q.info(), Blocks: blocks}
	pairs := selectPairs(before, after, q)
	unnamed, ambiguous, err := compareAll(ctx, before, after, pairs, q, blocks)
	if err != nil {
		return nil, err
	}
	rep.Pairs, rep.Changes = len(pairs), unnamed
	named, notes := namedQueries(before, after, q)
	rep.Notes = notes
	for _, nq := range named {
		var ps []pair
		for _, p := range selectPairs(before, after, nq) {
			if ambiguous[p.from+"|"+p.to] {
				ps = append(ps, p)
			}
		}
		cs, _, err := compareAll(ctx, before, after, ps, nq, blocks)
		if err != nil {
			return nil, err
		}
		rep.Pairs += len(ps)
		for _, c := range cs {
			c.ServerName = nq.SNI
			if !covered(c, unnamed) {
				rep.Changes = append(rep.Changes, c)
			}
		}
	}
	sortChanges(rep.Changes, q.Protocols)
	return rep, nil
}

// compareAll compares pairs with q and returns the changes, and the
// "from|to" keys of the TCP pairs with an AMBIGUOUS port in either
// version.
func compareAll(ctx context.Context, before, after *analyzer.Network, pairs []pair, q Query, blocks []*BlockChange) ([]*Change, map[string]bool, error) {
	results := make([][]*Change, len(pairs))
	amb := make([]bool, len(pairs))
	if err := forEach(ctx, q.Workers, len(pairs), func(i int) {
		results[i], amb[i] = comparePair(before, after, pairs[i], q, blocks)
	}); err != nil {
		return nil, nil, err
	}
	var out []*Change
	ambiguous := map[string]bool{}
	for i, r := range results {
		out = append(out, r...)
		if amb[i] && pairs[i].proto == topology.ProtocolTCP {
			ambiguous[pairs[i].from+"|"+pairs[i].to] = true
		}
	}
	return out, ambiguous, nil
}

// sortChanges orders changes by source and destination (the internet
// last), protocol (in the query's order), server name ("" first), and
// keeps the order of each pair's changes (kind, then first port).
func sortChanges(cs []*Change, protos []topology.Protocol) {
	rank := func(name string) string {
		if name == analyzer.MatrixInternet {
			return "\xff"
		}
		return name
	}
	proto := func(p string) int {
		for i, x := range protos {
			if x.String() == p {
				return i
			}
		}
		return len(protos)
	}
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		switch {
		case a.From != b.From:
			return rank(a.From) < rank(b.From)
		case a.To != b.To:
			return rank(a.To) < rank(b.To)
		case a.Protocol != b.Protocol:
			return proto(a.Protocol) < proto(b.Protocol)
		}
		return a.ServerName < b.ServerName
	})
}

func (q Query) normalize() Query {
	if len(q.Protocols) == 0 {
		q.Protocols = []topology.Protocol{topology.ProtocolTCP, topology.ProtocolUDP, topology.ProtocolICMP}
	}
	return q
}

func (q Query) info() QueryInfo {
	info := QueryInfo{By: q.By.String(), From: q.From, To: q.To, SNI: q.SNI, HTTPHost: q.HTTPHost}
	for _, p := range q.Protocols {
		info.Protocols = append(info.Protocols, p.String())
	}
	if q.HasPort {
		p := int(q.Port)
		info.DestinationPort = &p
	}
	return info
}
