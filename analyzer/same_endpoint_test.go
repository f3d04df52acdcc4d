package analyzer

import (
	"context"
	"errors"
	"testing"
)

// TestSameEndpointAgrees checks that `analyze path` and `matrix` answer a
// path from an endpoint to itself alike (issue 12 item 8): the matrix
// cell is NOT_APPLICABLE and AnalyzePath refuses the query (a host's
// traffic to its own address never reaches the network), for subnets,
// instances and an instance named by its own address.
func TestSameEndpointAgrees(t *testing.T) {
	t.Parallel()
	n := loadFixture(t, "egress")
	compared, want := 0, 3
	for _, by := range []MatrixBy{MatrixBySubnet, MatrixByInstance} {
		m, err := n.Matrix(context.Background(), MatrixQuery{By: by, Port: 443, HasPort: true})
		if err != nil {
			t.Fatal(err)
		}
		want += len(m.Sources) // each source that is also a destination
		for _, c := range m.Cells {
			if c.From != c.To {
				continue
			}
			compared++
			if c.Verdict != NotApplicable {
				t.Errorf("matrix %s -> %s: %s, want %s", c.From, c.To, c.Verdict, NotApplicable)
			}
			if c.From == MatrixInternet {
				continue
			}
			if _, err := n.AnalyzePath(tcp(c.From, c.To, 443)); !errors.Is(err, errSameEndpoint) {
				t.Errorf("analyze path %s -> %s: error %v, want %v", c.From, c.To, err, errSameEndpoint)
			}
		}
	}
	for _, c := range [][2]string{{"instance.web", "10.1.0.50"}, {"instance.web", "198.51.100.5"}, {"10.1.0.50", "instance.web"}} {
		compared++
		if _, err := n.AnalyzePath(tcp(c[0], c[1], 443)); !errors.Is(err, errSameEndpoint) {
			t.Errorf("analyze path %s -> %s: error %v, want %v", c[0], c[1], err, errSameEndpoint)
		}
	}
	if compared < want || want < 10 {
		t.Fatalf("compared %d same-endpoint pairs, want %d (at least 10)", compared, want)
	}
}
