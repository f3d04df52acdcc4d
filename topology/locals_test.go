package topology_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vpcreach/vpcreach/topology"
)

// localsChain is a locals block of n locals, each the previous plus one,
// and a VPC using the last.
func localsChain(n int) fstest.MapFS {
	var b strings.Builder
	b.WriteString("locals {\n  l0 = 0\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "  l%d = local.l%d + 1\n", i, i-1)
	}
	b.WriteString("}\n")
	fmt.Fprintf(&b, "vpc \"v\" {\n  cidr_blocks = [\"10.0.0.0/${16 + local.l%d - %d}\"]\n}\n", n-1, n-1)
	return fstest.MapFS{"main.hcl": {Data: []byte(b.String())}}
}

// TestLocalsLongChain evaluates a chain of 50,000 locals (deeper than a
// recursive walk should go) to the right value. BenchmarkLocals measures
// the time.
func TestLocalsLongChain(t *testing.T) {
	t.Parallel()
	topo, diags := topology.LoadFS(localsChain(50000), ".")
	if len(diags) > 0 {
		t.Fatal(diags.Error())
	}
	if len(topo.VPCs) != 1 || len(topo.VPCs[0].CIDRs) != 1 || topo.VPCs[0].CIDRs[0].String() != "10.0.0.0/16" {
		t.Fatalf("the chain evaluated wrong: %v", topo.VPCs)
	}
}

// BenchmarkLocals loads 10,000 chained locals (30 s before locals were
// built once; see the README for the figure now).
func BenchmarkLocals(b *testing.B) {
	fsys := localsChain(10000)
	for b.Loop() {
		if _, diags := topology.LoadFS(fsys, "."); len(diags) > 0 {
			b.Fatal(diags.Error())
		}
	}
}

// TestLocalsManyUndeclared: 5,000 locals referring to 5,000 undeclared
// ones are 5,000 errors, the first 100 with a suggestion (a suggestion
// compares with every local; unbounded, this was quadratic).
func TestLocalsManyUndeclared(t *testing.T) {
	t.Parallel()
	const n = 5000
	var b strings.Builder
	b.WriteString("locals {\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  name%d = local.nam%d\n", i, i)
	}
	b.WriteString("}\n")
	_, diags := topology.LoadFS(fstest.MapFS{"main.hcl": {Data: []byte(b.String())}}, ".")
	suggested := 0
	for _, d := range diags {
		if d.Summary != "Reference to undeclared local value" {
			t.Fatalf("unexpected %s: %s", d.Summary, d.Detail)
		}
		if strings.Contains(d.Detail, "Did you mean") {
			suggested++
		}
	}
	if len(diags) != n || suggested != 100 {
		t.Errorf("%d diagnostics, %d with a suggestion; want %d and 100", len(diags), suggested, n)
	}
}
