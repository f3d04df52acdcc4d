package analyzer

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// chainFS is a VPC whose instance reaches the internet through k firewall
// endpoints in a row (each of its own firewall, all with one pass-all
// policy), and whose replies come back through the same endpoints (the
// internet gateway's edge route table and a route per endpoint subnet).
// With loop set, the last endpoint's subnet sends the request back to the
// first endpoint instead of to the internet gateway: a true routing loop.
func chainFS(k int, loop bool) fstest.MapFS {
	var b strings.Builder
	b.WriteString(`vpc "c" {
  cidr_blocks = ["10.0.0.0/16"]
}
internet_gateway "igw" {
  vpc         = vpc.c
  route_table = route_table.edge
}
subnet "app" {
  vpc               = vpc.c
  cidr_block        = "10.0.255.0/24"
  availability_zone = "us-east-1a"
  route_table       = route_table.app
}
route_table "app" {
  vpc = vpc.c
  route {
    destination = "0.0.0.0/0"
    target      = firewall_endpoint.f1
  }
}
instance "app" {
  subnet          = subnet.app
  private_ip      = "10.0.255.10"
  public_ip       = "198.51.100.10"
  security_groups = [security_group.open]
}
security_group "open" {
  vpc = vpc.c
  ingress {
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
firewall_policy "pass" {
  stateful_rule_order = "STRICT_ORDER"
}
`)
	fmt.Fprintf(&b, `route_table "edge" {
  vpc = vpc.c
  route {
    destination = "10.0.255.0/24"
    target      = firewall_endpoint.f%d
  }
}
`, k)
	for i := 1; i <= k; i++ {
		next := fmt.Sprintf("firewall_endpoint.f%d", i+1)
		if i == k {
			next = "internet_gateway.igw"
			if loop {
				next = "firewall_endpoint.f1"
			}
		}
		back := ""
		if i > 1 {
			back = fmt.Sprintf(`
  route {
    destination = "10.0.255.0/24"
    target      = firewall_endpoint.f%d
  }`, i-1)
		}
		fmt.Fprintf(&b, `network_firewall "f%[1]d" {
  vpc    = vpc.c
  policy = firewall_policy.pass
}
firewall_endpoint "f%[1]d" {
  firewall = network_firewall.f%[1]d
  subnet   = subnet.f%[1]d
}
subnet "f%[1]d" {
  vpc               = vpc.c
  cidr_block        = "10.0.%[2]d.%[3]d/28"
  availability_zone = "us-east-1a"
  route_table       = route_table.f%[1]d
}
route_table "f%[1]d" {
  vpc = vpc.c
  route {
    destination = "0.0.0.0/0"
    target      = %[4]s
  }%[5]s
}
`, i, i/16, (i%16)*16, next, back)
	}
	return fstest.MapFS{"chain.hcl": &fstest.MapFile{Data: []byte(b.String()), Mode: 0o644}}
}

// TestLoopsAndHopLimit separates a true routing loop (the same hop in the
// same state again: ROUTING_LOOP, NOT_REACHABLE) from a long path (issue
// 12: a chain of 85 firewall endpoints was called a loop) and from the hop
// limit (HOP_LIMIT_EXCEEDED, AMBIGUOUS).
func TestLoopsAndHopLimit(t *testing.T) {
	t.Parallel()
	q := tcp("instance.app", internetHost, 443)
	q.App = "tls"
	t.Run("chain of 100 endpoints is no loop", func(t *testing.T) {
		t.Parallel()
		n := loadFS(t, chainFS(100, false), "chain of 100")
		a := mustAnalyze(t, n, q)
		if a.Verdict != Reachable || len(a.ForwardPath) <= 256 || len(a.ReturnPath) <= 256 {
			t.Fatalf("verdict %s with %d/%d hops; want REACHABLE over more than the old limit of 256\n%s",
				a.Verdict, len(a.ForwardPath), len(a.ReturnPath), dump(a))
		}
	})
	t.Run("loop through 40 endpoints", func(t *testing.T) {
		t.Parallel()
		n := loadFS(t, chainFS(40, true), "loop of 40")
		a := mustAnalyze(t, n, q)
		if got := findingKeys(a.Explanations); a.Verdict != NotReachable || len(got) != 1 || got[0] != "ROUTING_LOOP/forward" {
			t.Fatalf("verdict %s, explanations %v; want NOT_REACHABLE, [ROUTING_LOOP/forward]\n%s", a.Verdict, got, dump(a))
		}
		if hasKey(findingKeys(a.AdditionalDetails), CodeHopLimitExceeded) {
			t.Errorf("a loop is reported as a hop limit too")
		}
	})
	t.Run("the limit itself", func(t *testing.T) {
		t.Parallel()
		fsys := chainFS(20, false)
		full := mustAnalyze(t, loadFS(t, fsys, "chain of 20"), q)
		if full.Verdict != Reachable {
			t.Fatalf("chain of 20: %s\n%s", full.Verdict, dump(full))
		}
		longest := max(len(full.ForwardPath), len(full.ReturnPath))
		for _, c := range []struct {
			limit   int
			verdict Verdict
		}{{longest, Reachable}, {longest - 1, Ambiguous}, {len(full.ForwardPath) - 1, Ambiguous}} {
			n := loadFS(t, fsys, "chain of 20")
			n.maxHops = c.limit
			a := mustAnalyze(t, n, q)
			details := findingKeys(a.AdditionalDetails)
			if a.Verdict != c.verdict || len(a.Explanations) != 0 || hasKey(details, CodeHopLimitExceeded) != (c.verdict == Ambiguous) {
				t.Errorf("limit %d (longest walk %d hops): verdict %s, explanations %v, details %v; want %s",
					c.limit, longest, a.Verdict, findingKeys(a.Explanations), details, c.verdict)
			}
		}
	})
	t.Run("the limit on all ports", func(t *testing.T) {
		t.Parallel()
		n := loadFS(t, chainFS(20, false), "chain of 20")
		n.maxHops = 30
		all := q
		all.HasPort, all.Port, all.App = false, 0, ""
		a := mustAnalyze(t, n, all)
		if a.Verdict != Ambiguous || len(a.PortRanges) != 1 || a.PortRanges[0].Verdict != Ambiguous {
			t.Fatalf("all ports with a cut walk: %s, %d ranges; want one AMBIGUOUS range", a.Verdict, len(a.PortRanges))
		}
	})
}

// mustAnalyze answers q, failing the test on an error.
func mustAnalyze(t *testing.T, n *Network, q Query) *Analysis {
	t.Helper()
	a, err := n.AnalyzePath(q)
	if err != nil {
		t.Fatalf("AnalyzePath(%+v): %v", q, err)
	}
	return a
}
