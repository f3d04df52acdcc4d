package gen_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/internal/gen"
	"github.com/vpcreach/vpcreach/internal/testcorpus"
	"github.com/vpcreach/vpcreach/topology"
)

// components returns the components of a path, in order.
func components(path []*analyzer.Hop) []string {
	out := make([]string, len(path))
	for i, h := range path {
		out[i] = h.Component
	}
	return out
}

func codes(fs []*analyzer.Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, f.Code+"/"+f.Direction)
	}
	return out
}

// inOrder reports whether want appear in path in this order.
func inOrder(path, want []string) bool {
	i := 0
	for _, c := range path {
		if i < len(want) && c == want[i] {
			i++
		}
	}
	return i == len(want)
}

func analyze(t *testing.T, n *analyzer.Network, q analyzer.Query) *analyzer.Analysis {
	t.Helper()
	a, err := n.AnalyzePath(q)
	if err != nil {
		t.Fatalf("AnalyzePath(%+v): %v", q, err)
	}
	return a
}

// TestKnownQueries asks a small generated organisation the questions
// whose answers the generator fixes.
func TestKnownQueries(t *testing.T) {
	t.Parallel()
	on, _ := compile(t, config(3, 200, true))
	off, _ := compile(t, config(3, 200, false))
	https := func(from, to string) analyzer.Query {
		return analyzer.Query{From: from, To: to, Protocol: topology.ProtocolTCP, Port: gen.EastWestPort, HasPort: true}
	}

	t.Run("spoke to internet through the firewall and the egress NAT", func(t *testing.T) {
		t.Parallel()
		for _, n := range []*analyzer.Network{on, off} {
			q := https(gen.SpokeInstance(1, 0), gen.InternetHost)
			q.SNI = gen.AllowedSNI
			a := analyze(t, n, q)
			fwd := components(a.ForwardPath)
			want := []string{gen.SpokeInstance(1, 0), "transit_gateway.tgw", "firewall_endpoint.fw_a",
				"transit_gateway.tgw", "nat_gateway.nat_a", "internet_gateway.igw"}
			if a.Verdict != analyzer.Reachable || !inOrder(fwd, want) {
				t.Errorf("verdict %s, forward path %v; want REACHABLE through %v", a.Verdict, fwd, want)
			}
			if ret := components(a.ReturnPath); !inOrder(ret, []string{"nat_gateway.nat_a", "firewall_endpoint.fw_a",
				gen.SpokeInstance(1, 0)}) {
				t.Errorf("return path %v does not come back through nat_a and fw_a", ret)
			}
		}
	})
	t.Run("another SNI is dropped", func(t *testing.T) {
		t.Parallel()
		q := https(gen.SpokeInstance(2, 1), gen.InternetHost)
		q.SNI = "www.example.org"
		a := analyze(t, on, q)
		if a.Verdict != analyzer.NotReachable || !slices.Contains(codes(a.Explanations), "FIREWALL_RULES_RESTRICTION/forward") {
			t.Errorf("verdict %s, explanations %v; want NOT_REACHABLE by the firewall", a.Verdict, codes(a.Explanations))
		}
	})
	t.Run("spoke to spoke across AZs with appliance mode", func(t *testing.T) {
		t.Parallel()
		a := analyze(t, on, https(gen.SpokeInstance(1, 0), gen.SpokeInstance(2, 1)))
		fwd, ret := components(a.ForwardPath), components(a.ReturnPath)
		if a.Verdict != analyzer.Reachable || !slices.Contains(fwd, "firewall_endpoint.fw_a") ||
			!slices.Contains(ret, "firewall_endpoint.fw_a") || slices.Contains(ret, "firewall_endpoint.fw_b") {
			t.Errorf("verdict %s, forward %v, return %v; want REACHABLE with both directions through fw_a",
				a.Verdict, fwd, ret)
		}
	})
	t.Run("spoke to spoke across AZs without appliance mode", func(t *testing.T) {
		t.Parallel()
		a := analyze(t, off, https(gen.SpokeInstance(1, 0), gen.SpokeInstance(2, 1)))
		if a.Verdict != analyzer.NotReachable || !slices.Contains(codes(a.Explanations), "FIREWALL_ASYMMETRIC_ROUTING/return") {
			t.Errorf("verdict %s, explanations %v; want NOT_REACHABLE with FIREWALL_ASYMMETRIC_ROUTING/return",
				a.Verdict, codes(a.Explanations))
		}
	})
	t.Run("spoke to spoke in one AZ without appliance mode", func(t *testing.T) {
		t.Parallel()
		a := analyze(t, off, https(gen.SpokeInstance(1, 2), gen.SpokeInstance(3, 2)))
		if a.Verdict != analyzer.Reachable {
			t.Errorf("verdict %s, explanations %v; want REACHABLE", a.Verdict, codes(a.Explanations))
		}
	})
	t.Run("ssh between spokes is dropped", func(t *testing.T) {
		t.Parallel()
		q := https(gen.SpokeInstance(1, 0), gen.SpokeInstance(2, 0))
		q.Port = gen.DeniedPort
		a := analyze(t, on, q)
		if a.Verdict != analyzer.NotReachable || !slices.Equal(codes(a.Explanations), []string{"FIREWALL_RULES_RESTRICTION/forward"}) {
			t.Errorf("verdict %s, explanations %v; want NOT_REACHABLE by the firewall", a.Verdict, codes(a.Explanations))
		}
	})
	t.Run("expect blocks hold", func(t *testing.T) {
		t.Parallel()
		for _, n := range []*analyzer.Network{on, off} {
			checkHolds(t, n)
		}
	})
}

// etDir returns the ET Open rules directory (see package testcorpus).
func etDir(t testing.TB) string {
	t.Helper()
	return testcorpus.Path(t, "et-open-2024-04/rules")
}

// TestETOpen loads an organisation with the ET Open group: no errors (the
// corpus's one CIDR with host bits is a warning), the refused rules are
// commented out with their reason, and the known answers still hold.
func TestETOpen(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("loads 25,000 rules")
	}
	cfg := config(2, gen.MinRules, true)
	cfg.ETOpen = etDir(t)
	files, err := gen.Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var etText strings.Builder
	for name, data := range files {
		if strings.HasPrefix(name, "et-open-") && strings.HasSuffix(name, ".rules") {
			if len(data) > 2_000_000 {
				t.Errorf("%s holds %d bytes, over AWS's rules string quota", name, len(data))
			}
			etText.Write(data)
		}
	}
	if !strings.Contains(etText.String(), "# vpcgen: AWS Network Firewall refuses this rule (unsupported rule option): alert") {
		t.Error("no refused rule is commented out")
	}
	n, diags := compile(t, cfg)
	for _, d := range diags {
		if !strings.Contains(d.Summary, "host bits") {
			t.Errorf("unexpected diagnostic: %s: %s", d.Summary, d.Detail)
		}
	}
	if n.RuleCount() < 20000 {
		t.Errorf("%d rules; want the ET Open corpus", n.RuleCount())
	}
	checkHolds(t, n)
}

// checkHolds fails t for every expect block of n that does not hold.
func checkHolds(t *testing.T, n *analyzer.Network) {
	t.Helper()
	results, err := n.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if !r.Holds {
			t.Errorf("%s: %s", r.Expect, r.Reason)
		}
	}
}
