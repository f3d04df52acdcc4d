package analyzer

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/topology"
)

// TestMatrixCells checks every cell of the matrix fixture's matrices (see
// testdata/topo/matrix.txtar): rows are sources, each a list of cells in
// destination order (yes/no/? with a port, the reachable port set without
// one, n/a for the diagonal).
func TestMatrixCells(t *testing.T) {
	t.Parallel()
	n := loadFixture(t, "matrix")
	cases := []struct {
		name    string
		q       MatrixQuery
		sources []string
		dests   []string
		rows    map[string]string
		decided map[string]string // "from>to": DecidedBy
	}{
		{name: "subnets, every port", q: MatrixQuery{},
			sources: []string{"subnet.app", "subnet.db", "subnet.web", "internet"},
			dests:   []string{"subnet.app", "subnet.db", "subnet.edge", "subnet.web", "internet"},
			rows: map[string]string{
				"subnet.app": "n/a | 5432,32768-65535 | any | any | none",
				"subnet.db":  "32768-65535 | n/a | any | any | none",
				"subnet.web": "8080,32768-65535 | 32768-65535 | any | n/a | none",
				"internet":   "none | none | none | none | n/a",
			},
			decided: map[string]string{
				"subnet.web>subnet.app": "SUBNET_ACL_RESTRICTION at subnet.app",
				"subnet.app>internet":   "NO_ROUTE_TO_DESTINATION at subnet.app",
				"subnet.web>internet":   "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS at internet_gateway.igw",
				"subnet.app>subnet.web": "",
				"internet>internet":     "same endpoint",
			}},
		{name: "instances, every port", q: MatrixQuery{By: MatrixByInstance},
			sources: []string{"instance.app", "instance.db", "instance.web", "internet"},
			dests:   []string{"instance.app", "instance.db", "instance.web", "internet"},
			rows: map[string]string{
				"instance.app": "n/a | 5432 | 22,443 | none",
				"instance.db":  "none | n/a | 22,443 | none",
				"instance.web": "8080 | none | n/a | any",
				"internet":     "none | none | 443 | n/a",
			},
			decided: map[string]string{
				"instance.web>instance.db": "SUBNET_ACL_RESTRICTION at subnet.db; ENI_SG_RULES_MISMATCH at instance.db",
				"internet>instance.web":    "ENI_SG_RULES_MISMATCH at instance.web",
			}},
		{name: "instances, tcp/5432", q: MatrixQuery{By: MatrixByInstance, Port: 5432, HasPort: true},
			sources: []string{"instance.app", "instance.db", "instance.web", "internet"},
			dests:   []string{"instance.app", "instance.db", "instance.web", "internet"},
			rows: map[string]string{
				"instance.app": "n/a | yes | no | no",
				"instance.db":  "no | n/a | no | no",
				"instance.web": "no | no | n/a | yes",
				"internet":     "no | no | no | n/a",
			},
			decided: map[string]string{
				"instance.web>instance.db": "SUBNET_ACL_RESTRICTION at subnet.db",
				"instance.app>internet":    "NO_ROUTE_TO_DESTINATION at subnet.app",
				"instance.app>instance.db": "",
			}},
		{name: "subnets, icmp", q: MatrixQuery{Protocol: topology.ProtocolICMP},
			sources: []string{"subnet.app", "subnet.db", "subnet.web", "internet"},
			dests:   []string{"subnet.app", "subnet.db", "subnet.edge", "subnet.web", "internet"},
			rows: map[string]string{
				"subnet.app": "n/a | no | no | no | no", // the app NACL admits no ICMP reply
				"subnet.db":  "no | n/a | no | no | no",
				"subnet.web": "no | no | yes | n/a | no",
				"internet":   "no | no | no | no | n/a",
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			m, err := n.Matrix(context.Background(), c.q)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(m.Sources, c.sources) || !slices.Equal(m.Destinations, c.dests) {
				t.Fatalf("sources %v, destinations %v; want %v, %v", m.Sources, m.Destinations, c.sources, c.dests)
			}
			for i, src := range m.Sources {
				if got := rowText(m, i); got != c.rows[src] {
					t.Errorf("row %s: %s\n                want %s", src, got, c.rows[src])
				}
			}
			for key, want := range c.decided {
				from, to, _ := strings.Cut(key, ">")
				if got := cellOf(t, m, from, to).DecidedBy; got != want {
					t.Errorf("%s decided by %q, want %q", key, got, want)
				}
			}
		})
	}
}

// rowText renders row i of m as "cell | cell | ...".
func rowText(m *Matrix, i int) string {
	cols := len(m.Destinations)
	var parts []string
	for _, c := range m.Cells[i*cols : (i+1)*cols] {
		parts = append(parts, cellKey(c))
	}
	return strings.Join(parts, " | ")
}

// cellKey renders a cell compactly: n/a, yes/no/? for one port, or the
// reachable port set (and "?" with the ambiguous ports).
func cellKey(c *MatrixCell) string {
	if c.Verdict == NotApplicable {
		return "n/a"
	}
	if c.ReachablePorts == "" {
		return map[Verdict]string{Reachable: "yes", NotReachable: "no", Ambiguous: "?"}[c.Verdict]
	}
	if c.AmbiguousPorts != "" {
		return c.ReachablePorts + " ?" + c.AmbiguousPorts
	}
	return c.ReachablePorts
}

func cellOf(t *testing.T, m *Matrix, from, to string) *MatrixCell {
	t.Helper()
	for _, c := range m.Cells {
		if c.From == from && c.To == to {
			return c
		}
	}
	t.Fatalf("no cell %s -> %s", from, to)
	return nil
}

// TestMatrixAgreesWithPath checks, on every fixture, that each cell is
// what AnalyzePath answers for its pair, and that the matrix does not
// depend on the number of workers.
func TestMatrixAgreesWithPath(t *testing.T) {
	t.Parallel()
	queries := []MatrixQuery{
		{By: MatrixByInstance, Port: 443, HasPort: true},
		{By: MatrixBySubnet, Port: 443, HasPort: true},
		{By: MatrixByInstance},
		{By: MatrixBySubnet, Protocol: topology.ProtocolUDP},
	}
	for _, fx := range []string{"matrix", "egress", "transit", "misc"} {
		t.Run(fx, func(t *testing.T) {
			t.Parallel()
			n := loadFixture(t, fx)
			for _, q := range queries {
				q.Workers = 1
				serial, err := n.Matrix(context.Background(), q)
				if err != nil {
					t.Fatal(err)
				}
				q.Workers = 7
				if parallel, _ := n.Matrix(context.Background(), q); !reflect.DeepEqual(serial, parallel) {
					t.Errorf("%+v: 1 and 7 workers disagree", q)
				}
				for _, c := range serial.Cells {
					checkCellAgainstPath(t, n, serial, q, c)
				}
			}
		})
	}
}

// TestMatrixAgreesWithPathOnRandomTopologies is the property test of the
// all-ports matrix, which decides each port range from the probe without
// answering it in full: on random topologies, every cell (by subnet and by
// instance, TCP and UDP) is what AnalyzePath answers for its pair.
func TestMatrixAgreesWithPathOnRandomTopologies(t *testing.T) {
	t.Parallel()
	seeds := 40
	if testing.Short() {
		seeds = 8
	}
	for seed := range uint64(seeds) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			t.Parallel()
			src, _, _ := genTopology(seed + 5000)
			n := loadGenerated(t, src)
			blocked := 0
			for _, q := range []MatrixQuery{{By: MatrixBySubnet}, {By: MatrixByInstance, Protocol: topology.ProtocolUDP}} {
				m, err := n.Matrix(context.Background(), q)
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range m.Cells {
					checkCellAgainstPath(t, n, m, q, c)
					if c.DecidedBy != "" && c.Verdict != NotApplicable {
						blocked++
					}
				}
			}
			t.Logf("seed %d: %d blocked cells", seed, blocked)
			if blocked == 0 {
				t.Logf("seed %d: no cell with a blocked port range", seed)
			}
			if t.Failed() {
				t.Logf("topology:\n%s", src)
			}
		})
	}
}

// checkCellAgainstPath compares a cell with AnalyzePath for its pair.
func checkCellAgainstPath(t *testing.T, n *Network, m *Matrix, q MatrixQuery, c *MatrixCell) {
	t.Helper()
	if c.From == c.To {
		if c.Verdict != NotApplicable {
			t.Errorf("%s -> itself: %s, want %s", c.From, c.Verdict, NotApplicable)
		}
		return
	}
	spec := func(name string) string {
		if name == MatrixInternet {
			return m.Query.Internet
		}
		return name
	}
	a, err := n.AnalyzePath(Query{From: spec(c.From), To: spec(c.To), Protocol: q.Protocol, Port: q.Port, HasPort: q.HasPort})
	if err != nil {
		t.Fatalf("%s -> %s: %v", c.From, c.To, err)
	}
	want := &MatrixCell{From: c.From, To: c.To}
	fillCell(want, a)
	if *c != *want || (len(a.PortRanges) > 0 && c.ReachablePorts != reachableSet(a.PortRanges).String()) {
		t.Errorf("%+v: cell %+v, path says %+v", q, *c, *want)
	}
}
