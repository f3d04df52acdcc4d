package diff

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/internal/randtopo"
	"github.com/vpcreach/vpcreach/ports"
	"github.com/vpcreach/vpcreach/topology"
)

// compile loads and compiles HCL source, failing the test on any error.
func compile(t testing.TB, src string) *analyzer.Network {
	t.Helper()
	topo, diags := topology.LoadFS(fstest.MapFS{"topo.hcl": {Data: []byte(src), Mode: 0o644}}, "topo.hcl")
	if diags.HasErrors() {
		t.Fatalf("generated topology: %s\n%s", diags.Error(), src)
	}
	n, diags := analyzer.Compile(topo)
	if diags.HasErrors() {
		t.Fatalf("generated topology: %s\n%s", diags.Error(), src)
	}
	return n
}

// appPorts are the ports where the analyzer may split classes by app
// protocol; the property probes them and their neighbours.
var appPorts = []uint16{20, 21, 22, 25, 53, 80, 110, 123, 143, 443, 465, 587, 853, 993, 995, 3306, 5432, 8080, 8443}

// probePorts returns the ports the reference answers one by one: every
// boundary either generator wrote and its neighbours, the app ports and
// their neighbours, the ends of the range, and random ports.
func probePorts(r *rand.Rand, bounds ...[]uint16) []uint16 {
	set := map[uint16]bool{0: true, 1: true, ports.Max: true}
	add := func(p uint16) {
		set[p] = true
		if p > 0 {
			set[p-1] = true
		}
		if p < ports.Max {
			set[p+1] = true
		}
	}
	for _, bs := range bounds {
		for _, b := range bs {
			add(b)
		}
	}
	for _, p := range appPorts {
		add(p)
	}
	for range 10 {
		set[uint16(r.IntN(ports.Max+1))] = true
	}
	out := make([]uint16, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	return out
}

// TestDiffEqualsPerPortAnswers checks Compare against a reference that
// answers every pair, protocol and probe port with AnalyzePath on both
// versions and classifies the two answers: the diff must report exactly
// the probes whose answers differ, with the same kind and sides. Pairs of
// versions are random topologies compared with themselves (no change may
// be reported) and with another random topology (of the same names).
func TestDiffEqualsPerPortAnswers(t *testing.T) {
	t.Parallel()
	seeds, minKinds := 8, 5
	if testing.Short() {
		seeds, minKinds = 4, 4
	}
	const minCompared = 20000
	compared, changed := 0, 0
	kinds := map[Kind]int{}
	for i := range seeds {
		seed := uint64(1000 + i)
		srcB, _, boundsB := randtopo.Generate(seed)
		srcA, _, boundsA := randtopo.Generate(seed + 7919)
		switch i % 4 {
		case 0:
			srcA, boundsA = srcB, boundsB // a version compared with itself
		case 2:
			srcA, boundsA = mutate(srcB, rand.New(rand.NewPCG(seed, 42))), boundsB // a small change
		case 3:
			srcA, boundsA = srcB, boundsB // the firewall put back on every route
			srcB = bypassFirewall(srcA)
		}
		before, after := compile(t, srcB), compile(t, srcA)
		for _, by := range []analyzer.MatrixBy{analyzer.MatrixBySubnet, analyzer.MatrixByInstance} {
			rep, err := Compare(context.Background(), before, after, Query{By: by})
			if err != nil {
				t.Fatal(err)
			}
			if srcA == srcB && (len(rep.Changes) > 0 || len(rep.Blocks) > 0) {
				t.Errorf("seed %d: a version compared with itself: %d changes, %d blocks", seed, len(rep.Changes), len(rep.Blocks))
			}
			r := rand.New(rand.NewPCG(seed, uint64(by)))
			for _, c := range rep.Changes {
				kinds[c.Kind]++
			}
			n, c := checkAgainstReference(t, before, after, rep, Query{By: by}.normalize(), probePorts(r, boundsB, boundsA))
			compared += n
			changed += c
		}
	}
	t.Logf("compared %d probes, %d of them changed; changes by kind: %v", compared, changed, kinds)
	if len(kinds) < minKinds {
		t.Errorf("the random versions gave %d kinds of change, want at least %d: %v", len(kinds), minKinds, kinds)
	}
	if compared < minCompared || changed < minCompared/20 {
		t.Fatalf("compared %d probes (%d changed); want at least %d (%d changed)", compared, changed, minCompared, minCompared/20)
	}
}

// mutate makes two small changes to generated HCL, as a reviewer would
// see in a pull request: a default route through the firewall sent to the
// NAT gateway instead (bypassing inspection), a route removed, a network
// ACL rule's action flipped, a firewall rule's action flipped, or a
// subnet's network ACL association removed. Each picks one occurrence at
// random; a change with no occurrence does nothing.
func mutate(src string, r *rand.Rand) string {
	edits := []func(string) string{
		bypassFirewall,
		func(s string) string { return removeNthBlock(s, "  route {\n", r) },
		func(s string) string {
			if r.IntN(2) == 0 {
				return replaceNth(s, "action = \"allow\"", "action = \"deny\"", r)
			}
			return replaceNth(s, "action = \"deny\"", "action = \"allow\"", r)
		},
		func(s string) string {
			if r.IntN(2) == 0 {
				return replaceNth(s, "\n    pass ", "\n    drop ", r)
			}
			return replaceNth(s, "\n    drop ", "\n    pass ", r)
		},
		func(s string) string { return removeNthLine(s, "  network_acl = network_acl.", r) },
	}
	for range 2 {
		src = edits[r.IntN(len(edits))](src)
	}
	return src
}

// bypassFirewall takes the firewall out of every route: default routes
// through it go to the NAT gateway instead (when there is one), the
// other routes through it are removed (local routing takes over).
func bypassFirewall(s string) string {
	const via = "\n    target = firewall_endpoint.ep\n  }\n"
	hasNAT := strings.Contains(s, "nat_gateway \"nat\"")
	var out strings.Builder
	for {
		i := strings.Index(s, via)
		if i < 0 {
			out.WriteString(s)
			return out.String()
		}
		start := strings.LastIndex(s[:i], "  route {\n")
		if start < 0 {
			out.WriteString(s)
			return out.String()
		}
		block := s[start : i+len(via)]
		switch {
		case hasNAT && strings.Contains(block, "destination = \"0.0.0.0/0\""):
			out.WriteString(s[:start] + strings.Replace(block, "firewall_endpoint.ep", "nat_gateway.nat", 1))
		default:
			out.WriteString(s[:start])
		}
		s = s[i+len(via):]
	}
}

// replaceNth replaces one occurrence of old, chosen at random.
func replaceNth(s, old, new string, r *rand.Rand) string {
	n := strings.Count(s, old)
	if n == 0 {
		return s
	}
	k := r.IntN(n)
	i := 0
	for range k + 1 {
		j := strings.Index(s[i:], old)
		i += j + len(old)
	}
	i -= len(old)
	return s[:i] + new + s[i+len(old):]
}

// removeNthBlock removes one block opening with start (a line such as
// "  route {\n") through its closing "  }\n", chosen at random.
func removeNthBlock(s, start string, r *rand.Rand) string {
	n := strings.Count(s, start)
	if n == 0 {
		return s
	}
	k, i := r.IntN(n), 0
	for range k + 1 {
		i += strings.Index(s[i:], start) + len(start)
	}
	i -= len(start)
	end := strings.Index(s[i:], "\n  }\n")
	if end < 0 {
		return s
	}
	return s[:i] + s[i+end+len("\n  }\n"):]
}

// removeNthLine removes one line containing prefix, chosen at random.
func removeNthLine(s, prefix string, r *rand.Rand) string {
	lines := strings.SplitAfter(s, "\n")
	var idx []int
	for i, l := range lines {
		if strings.HasPrefix(l, prefix) {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return s
	}
	k := idx[r.IntN(len(idx))]
	return strings.Join(append(lines[:k:k], lines[k+1:]...), "")
}

// checkAgainstReference compares rep with the per-port reference over
// every pair of q and every probe port. It returns the number of probes
// compared and how many of them changed.
func checkAgainstReference(t *testing.T, before, after *analyzer.Network, rep *Report, q Query, probes []uint16) (compared, changed int) {
	t.Helper()
	index := map[string][]*Change{}
	for _, c := range rep.Changes {
		if c.ServerName != "" {
			continue // the generator writes no domain list; TestServerNames covers these
		}
		k := c.From + "|" + c.To + "|" + c.Protocol
		index[k] = append(index[k], c)
	}
	for _, p := range selectPairs(before, after, q) {
		ps := probes
		if !p.proto.HasPorts() {
			ps = []uint16{0}
		}
		for _, port := range ps {
			b := referenceSide(before, p.beforeFrom, p.beforeTo, p.beforeWhy, p, port)
			a := referenceSide(after, p.afterFrom, p.afterTo, p.afterWhy, p, port)
			kind, _, ok := classify(b, a)
			got := findChange(index[p.from+"|"+p.to+"|"+p.proto.String()], port, p.proto.HasPorts())
			compared++
			label := fmt.Sprintf("%s -> %s %s port %d", p.from, p.to, p.proto, port)
			switch {
			case !ok && got != nil:
				t.Errorf("%s: diff reports %s (%s), per-port answers agree (%s / %s)", label, got.Kind, got.Detail, b.Verdict, a.Verdict)
			case ok && got == nil:
				t.Errorf("%s: diff reports nothing, per-port answers differ: %s (before %+v, after %+v)", label, kind, b, a)
			case ok:
				changed++
				if got.Kind != kind || sideKey(got.Before) != sideKey(b) || sideKey(got.After) != sideKey(a) {
					t.Errorf("%s: diff reports %s\n before %+v\n after  %+v\nper-port: %s\n before %+v\n after  %+v",
						label, got.Kind, got.Before, got.After, kind, b, a)
				}
			}
		}
	}
	return compared, changed
}

// referenceSide answers one port on n as a user would with `analyze path
// --port`.
func referenceSide(n *analyzer.Network, from, to, why string, p pair, port uint16) Side {
	if from == "" || to == "" {
		return Side{Verdict: analyzer.NotApplicable, DecidedBy: why}
	}
	a, err := n.AnalyzePath(analyzer.Query{From: from, To: to, Protocol: p.proto, Port: port, HasPort: p.proto.HasPorts()})
	if err != nil {
		return Side{Verdict: analyzer.NotApplicable, DecidedBy: err.Error()}
	}
	s, _ := sideOf(n, &a.Answer)
	return s
}

// findChange returns the change whose ports hold port (any change for a
// protocol without ports), or nil. Two would be a bug: it fails loudly.
func findChange(cs []*Change, port uint16, hasPorts bool) *Change {
	var found *Change
	for _, c := range cs {
		if !hasPorts || c.Ports.Contains(port) {
			if found != nil {
				panic(fmt.Sprintf("port %d in two changes: %s and %s", port, found.Kind, c.Kind))
			}
			found = c
		}
	}
	return found
}
