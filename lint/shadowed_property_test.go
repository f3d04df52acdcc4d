package lint

import (
	"testing"
	"testing/fstest"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/internal/randtopo"
	"github.com/vpcreach/vpcreach/rules"
	"github.com/vpcreach/vpcreach/topology"
)

// TestShadowedAgainstEngine checks every shadowing found in random
// strict-order policies against the rule engine: for flows at the corners
// of the shadowed rule's header (first and last addresses and ports), no
// phase is decided by the shadowed rule, in any world.
func TestShadowedAgainstEngine(t *testing.T) {
	t.Parallel()
	const seeds = 300
	pairs, flows := 0, 0
	for seed := range uint64(seeds) {
		src, _, _ := randtopo.Generate(seed)
		topo, diags := topology.LoadFS(fstest.MapFS{"topo.hcl": {Data: []byte(src), Mode: 0o644}}, "topo.hcl")
		if diags.HasErrors() {
			t.Fatalf("seed %d: %s", seed, diags.Error())
		}
		net, diags := analyzer.Compile(topo)
		if diags.HasErrors() {
			t.Fatalf("seed %d: %s", seed, diags.Error())
		}
		strictPolicies(net, func(_ *topology.Firewall, p *rules.Policy) {
			for _, sp := range shadowedPairs(p) {
				if sp.rule.Protocol != "tcp" {
					continue // the corner flows are TCP without application
				}
				pairs++
				for _, f := range cornerFlows(sp.rule) {
					flows++
					for _, ph := range p.Evaluate(f).Phases {
						for _, d := range append([]rules.Decision{ph.Decision}, ph.Alternatives...) {
							if d.Rule == sp.rule {
								t.Errorf("seed %d: %s reported shadowed by %s, but decides phase %v of %+v", seed, ruleName(sp.rule), ruleName(sp.by), ph.Phase, f)
							}
						}
					}
				}
			}
		})
	}
	t.Logf("%d shadowed rules, %d flows evaluated", pairs, flows)
	if pairs < 10 || flows < 4*pairs {
		t.Errorf("only %d shadowed rules and %d flows over %d seeds: the property compared too little", pairs, flows, seeds)
	}
}

// cornerFlows returns TCP flows at the corners of r's header.
func cornerFlows(r *rules.Rule) []rules.Flow {
	srcs, dsts := r.Src.Prefixes(), r.Dst.Prefixes()
	sp, dp := r.SrcPorts.Ranges(), r.DstPorts.Ranges()
	if len(srcs) == 0 || len(dsts) == 0 || len(sp) == 0 || len(dp) == 0 {
		return nil
	}
	var out []rules.Flow
	for _, c := range []bool{false, true} {
		for _, s := range []bool{false, true} {
			f := rules.Flow{Protocol: rules.TCP, App: "raw",
				Client: srcs[0].Addr(), Server: dsts[len(dsts)-1].Masked().Addr(),
				ClientPort: sp[0].Lo, ServerPort: dp[0].Lo}
			if c {
				f.ClientPort = sp[len(sp)-1].Hi
			}
			if s {
				f.ServerPort = dp[len(dp)-1].Hi
			}
			out = append(out, f)
		}
	}
	return out
}
