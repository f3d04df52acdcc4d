package analyzer

import (
	"context"
	"sort"

	"github.com/vpcreach/vpcreach/topology"
)

// MatrixBy selects the endpoints of a reachability matrix.
type MatrixBy int

// Endpoint kinds of a matrix.
const (
	// MatrixBySubnet uses every subnet (at its representative address,
	// as `analyze path --from subnet.X` does).
	MatrixBySubnet MatrixBy = iota
	// MatrixByInstance uses every instance.
	MatrixByInstance
)

// String returns "subnet" or "instance".
func (b MatrixBy) String() string {
	if b == MatrixByInstance {
		return "instance"
	}
	return "subnet"
}

// MatrixInternet is the name of the matrix row and column that stands for
// the internet beyond the internet gateways.
const MatrixInternet = "internet"

// NotApplicable is the verdict of a matrix cell that asks no question: a
// pair of equal endpoints, or a pair the path engine refuses (the cell's
// DecidedBy says why).
const NotApplicable Verdict = "NOT_APPLICABLE"

// MatrixQuery asks for the reachability of every endpoint from every other.
type MatrixQuery struct {
	By MatrixBy
	// Protocol is TCP (the default when zero), UDP or ICMP.
	Protocol topology.Protocol
	// Port is the destination port when HasPort; otherwise every cell
	// covers every port (TCP and UDP).
	Port    uint16
	HasPort bool
	// Workers is the number of rows analysed at once; 0 means
	// runtime.GOMAXPROCS(0). The result does not depend on it.
	Workers int
	// From and To narrow the sources and destinations to the endpoints
	// whose name (a resource address, or "internet") matches one of the
	// patterns (path.Match syntax: subnet.prod_*); none means every one.
	From, To []string
}

// Matrix is the answer to a MatrixQuery (`vpcreach analyze matrix`; its
// JSON is render/jsonwire.Matrix). Sources and Destinations are sorted
// resource addresses followed by "internet"; Cells holds one cell per
// source and destination, row by row in that order.
type Matrix struct {
	SchemaVersion int
	Query         MatrixQueryInfo
	Sources       []string
	Destinations  []string
	Cells         []*MatrixCell
}

// MatrixQueryInfo echoes a matrix query after defaults are applied.
type MatrixQueryInfo struct {
	By              string
	Protocol        string
	DestinationPort *int
	// Internet is the address that stands for the internet.
	Internet string
}

// MatrixCell is the answer for one source and destination, as `analyze
// path` gives it.
type MatrixCell struct {
	From    string
	To      string
	Verdict Verdict
	// ReachablePorts and AmbiguousPorts are set when the query gives no
	// port (TCP, UDP): the destination ports whose verdict is REACHABLE
	// (AMBIGUOUS), as "any", "none" or a list such as "443,8000-8999".
	ReachablePorts string
	AmbiguousPorts string
	// DecidedBy names what blocks the traffic as "CODE at component" (the
	// first blocking finding; without a port, that of every port range
	// that is not reachable, each distinct blocker once, "; "-separated),
	// what makes it ambiguous, or why the cell is not applicable. It is
	// empty when nothing blocks.
	DecidedBy string
}

// matrixEndpoint is one row or column: its display name, the endpoint
// string AnalyzePath resolves, and the subnet it stands for (nil for an
// instance or the internet).
type matrixEndpoint struct {
	name, spec string
	subnet     *topology.Subnet
}

// Matrix answers q for every pair of endpoints with the path engine
// (AnalyzePath, so every cell agrees with `analyze path --from A --to B`),
// using q.Workers goroutines. Sources that cannot originate traffic are
// left out of Sources (they stay destinations). The result is
// deterministic. When ctx is done before every cell is answered, Matrix
// stops taking cells and returns ctx's error. Matrix holds every cell in
// memory: MatrixRows streams them, GroupMatrix groups them.
func (n *Network) Matrix(ctx context.Context, q MatrixQuery) (*Matrix, error) {
	p, err := n.PlanMatrix(q)
	if err != nil {
		return nil, err
	}
	m := &Matrix{SchemaVersion: SchemaVersion, Query: p.Query, Sources: p.Sources, Destinations: p.Destinations}
	m.Cells = make([]*MatrixCell, 0, p.Size())
	err = n.MatrixRows(ctx, p, func(r MatrixRow) error {
		m.Cells = append(m.Cells, r.Cells...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

func (n *Network) matrixQueryInfo(q MatrixQuery) MatrixQueryInfo {
	info := MatrixQueryInfo{By: q.By.String(), Protocol: q.Protocol.String(), Internet: n.internet.String()}
	if q.HasPort && q.Protocol.HasPorts() {
		p := int(q.Port)
		info.DestinationPort = &p
	}
	return info
}

// matrixEndpoints lists the subnets (or instances) sorted by address, then
// the internet.
func (n *Network) matrixEndpoints(by MatrixBy) []matrixEndpoint {
	var out []matrixEndpoint
	if by == MatrixByInstance {
		for _, i := range n.topo.Instances {
			out = append(out, matrixEndpoint{name: i.Addr(), spec: i.Addr()})
		}
	} else {
		for _, s := range n.topo.Subnets {
			out = append(out, matrixEndpoint{name: s.Addr(), spec: s.Addr(), subnet: s})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return append(out, matrixEndpoint{name: MatrixInternet, spec: n.internet.String()})
}

// matrixSources keeps the endpoints that can originate traffic: those the
// path engine accepts as --from, except subnets whose ENIs only forward
// traffic (see forwardsOnly).
func (n *Network) matrixSources(eps []matrixEndpoint) []matrixEndpoint {
	var out []matrixEndpoint
	for _, e := range eps {
		if _, err := n.resolveEndpoint(e.spec, true); err == nil && !forwardsOnly(e.subnet) {
			out = append(out, e)
		}
	}
	return out
}

// forwardsOnly reports whether s holds NAT gateways, firewall endpoints or
// transit gateway attachment ENIs and no instance: nothing in it starts a
// connection. A subnet without any ENI stays a source: it stands for any
// instance launched there.
func forwardsOnly(s *topology.Subnet) bool {
	if s == nil || len(s.Instances) > 0 {
		return false
	}
	return len(s.NATGateways)+len(s.FirewallEndpoints)+len(s.TGWAttachments) > 0
}

func names(eps []matrixEndpoint) []string {
	out := make([]string, len(eps))
	for i, e := range eps {
		out[i] = e.name
	}
	return out
}

// matrixCell answers one pair as AnalyzePath would (see fillCell). A cell
// over every port skips the full answer of each port range: the probe's
// verdicts and deciders (classDecider) are all it shows.
func (n *Network) matrixCell(q MatrixQuery, src, dst matrixEndpoint) *MatrixCell {
	c := &MatrixCell{From: src.name, To: dst.name, Verdict: NotApplicable}
	if src.name == dst.name {
		c.DecidedBy = "same endpoint"
		return c
	}
	pq := Query{From: src.spec, To: dst.spec, Protocol: q.Protocol, Port: q.Port, HasPort: q.HasPort}
	pq, from, to, cidr, err := n.resolve(pq)
	if err != nil {
		c.DecidedBy = queryText(err)
		return c
	}
	if !cidr.IsValid() && !pq.HasPort {
		_, pr, ranges, sigs := n.planPorts(pq, from, to)
		cr := make([]cellRange, len(ranges))
		for i, r := range ranges {
			cr[i] = cellRange{lo: uint16(r.From), hi: uint16(r.To), verdict: r.Verdict,
				decidedBy: n.classDecider(pr, uint16(r.From), sigs[i])}
		}
		fillCellRanges(c, cr)
		return c
	}
	a, err := n.AnalyzePath(pq)
	if err != nil {
		c.DecidedBy = queryText(err)
		return c
	}
	fillCell(c, a)
	return c
}
