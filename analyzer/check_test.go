package analyzer

import (
	"context"
	"strings"
	"testing"
)

// TestCheckExpectations covers the expectation semantics: reachability
// with and without a port, the exact "ports" set, through/not_through,
// and AMBIGUOUS satisfying neither reachable = true nor false.
func TestCheckExpectations(t *testing.T) {
	t.Parallel()
	n := loadFixture(t, "egress")
	want := map[string]struct {
		holds  bool
		reason string // a substring of the reason when it fails
	}{
		"expect.tls_out":                      {true, ""},
		"expect.tls_out_not_via_nat_b":        {false, "the forward path traverses network_firewall.fw"},
		"expect.only_tls_out":                 {true, ""},
		"expect.only_tls_and_http_out":        {false, "expected exactly ports 80,443 reachable, got 443"},
		"expect.nothing_in_from_internet":     {true, ""},
		"expect.web_not_closed":               {false, "expected unreachable, got REACHABLE (reachable on 443)"},
		"expect.ambiguous_is_not_reachable":   {false, "expected reachable, got AMBIGUOUS"},
		"expect.ambiguous_is_not_unreachable": {false, "expected unreachable, got AMBIGUOUS"},
	}
	results, err := n.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != len(want) {
		t.Fatalf("%d results, want %d", len(results), len(want))
	}
	for i, r := range results {
		if i > 0 && results[i-1].Expect >= r.Expect {
			t.Errorf("results not sorted: %s after %s", r.Expect, results[i-1].Expect)
		}
		w, ok := want[r.Expect]
		if !ok {
			t.Errorf("unexpected result %s", r.Expect)
			continue
		}
		if r.Holds != w.holds || !strings.Contains(r.Reason, w.reason) {
			t.Errorf("%s: holds=%v reason %q; want holds=%v reason containing %q", r.Expect, r.Holds, r.Reason, w.holds, w.reason)
		}
		if r.Analysis == nil || r.Block == nil {
			t.Errorf("%s: missing analysis or block", r.Expect)
		}
	}
}
