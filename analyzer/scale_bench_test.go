package analyzer_test

// End-to-end benchmarks on organisations written by internal/gen (see
// README.md, "Performance", for the commands and the figures). Every
// benchmark generates its organisation outside the timer and loads it
// from memory (topology.LoadFS on the generated files), so the figures
// exclude disk reads. The ET Open variants skip when the corpus is not
// beside the repository (../shared).

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/internal/diag"
	"github.com/vpcreach/vpcreach/internal/gen"
	"github.com/vpcreach/vpcreach/internal/testcorpus"
	"github.com/vpcreach/vpcreach/topology"
)

// org names one generated organisation of the benchmarks.
type org struct {
	name   string
	spokes int
	rules  int
	et     bool // add the ET Open corpus (rules then counts the synthetic rules only)
}

func (o org) config(b testing.TB) gen.Config {
	cfg := gen.Config{Spokes: o.spokes, Rules: o.rules, Seed: 1, ApplianceMode: true}
	if o.et {
		cfg.ETOpen = testcorpus.Path(b, "et-open-2024-04/rules")
	}
	return cfg
}

// files generates o.
func (o org) files(b testing.TB) gen.Files {
	b.Helper()
	files, err := gen.Generate(o.config(b))
	if err != nil {
		b.Fatal(err)
	}
	return files
}

// load loads and compiles generated files, failing on errors.
func load(b testing.TB, files gen.Files) *analyzer.Network {
	b.Helper()
	topo, diags := topology.LoadFS(mapFS(files), ".")
	if !diags.HasErrors() {
		n, cd := analyzer.Compile(topo)
		if !cd.HasErrors() {
			return n
		}
		diags = append(diags, cd...)
	}
	{
		var sb strings.Builder
		_ = diag.Write(&sb, topo.Files, diags)
		b.Fatalf("generated organisation does not load:\n%s", sb.String())
	}
	return nil
}

// targets returns the organisations of the targets: 1,000 spokes with
// 25,000 rules, either all synthetic or the ET Open corpus plus 2,000
// synthetic rules.
func targets() []org {
	return []org{
		{name: "N=1000/R=25000", spokes: 1000, rules: 25000},
		{name: "N=1000/R=ET+2000", spokes: 1000, rules: 2000, et: true},
	}
}

// benchLoad measures topology.LoadFS + analyzer.Compile of o, and reports
// the rule count and the heap the compiled network keeps (live-MB).
func benchLoad(b *testing.B, o org) {
	files := o.files(b)
	b.ReportAllocs()
	var n *analyzer.Network
	cpu := processCPU()
	for b.Loop() {
		n = load(b, files)
	}
	b.StopTimer()
	reportCPU(b, cpu)
	b.ReportMetric(float64(n.RuleCount()), "rules")
	b.ReportMetric(float64(files.Size())/(1<<20), "input-MB")
	n = nil
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	n = load(b, files)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(n)
	b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/(1<<20), "live-MB")
}

// reportCPU reports the process CPU time (user + system, all goroutines,
// the garbage collector included) per op since since: on a shared machine
// it varies less than the wall time.
func reportCPU(b *testing.B, since time.Duration) {
	b.ReportMetric(float64(processCPU()-since)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkLoadValidate: load + validate (topology.LoadFS +
// analyzer.Compile) as the organisation grows, with 1,000 rules.
func BenchmarkLoadValidate(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		o := org{name: fmt.Sprintf("N=%d/R=1000", n), spokes: n, rules: 1000}
		b.Run(o.name, func(b *testing.B) { benchLoad(b, o) })
	}
}

// BenchmarkLoadRules: load + validate as the rule set grows, on a small
// organisation (10 spokes): 1,000 and 25,000 synthetic rules, and the ET
// Open corpus as strict-order rule groups read from rules_files.
func BenchmarkLoadRules(b *testing.B) {
	for _, o := range []org{
		{name: "N=10/R=1000", spokes: 10, rules: 1000},
		{name: "N=10/R=25000", spokes: 10, rules: 25000},
		{name: "N=10/R=ET+40", spokes: 10, rules: gen.MinRules, et: true},
	} {
		b.Run(o.name, func(b *testing.B) { benchLoad(b, o) })
	}
}

// BenchmarkLoadTarget: the target organisations (1,000 spokes, 25k rules).
func BenchmarkLoadTarget(b *testing.B) {
	for _, o := range targets() {
		b.Run(o.name, func(b *testing.B) { benchLoad(b, o) })
	}
}

// queries returns the single queries of BenchmarkAnalyzePath on an
// organisation of the given number of spokes: spoke to the internet (TLS
// by SNI, through the egress NAT) and spoke to spoke across AZs (both
// directions through one endpoint).
func queries(spokes int) []struct {
	name string
	q    analyzer.Query
} {
	a, b := min(17, spokes), max(1, spokes*842/1000)
	return []struct {
		name string
		q    analyzer.Query
	}{
		{"spoke-internet", analyzer.Query{From: gen.SpokeInstance(a, 1), To: gen.InternetHost,
			Protocol: topology.ProtocolTCP, Port: 443, HasPort: true, SNI: gen.AllowedSNI}},
		{"spoke-spoke", analyzer.Query{From: gen.SpokeInstance(a, 0), To: gen.SpokeInstance(b, 2),
			Protocol: topology.ProtocolTCP, Port: gen.EastWestPort, HasPort: true}},
	}
}

// benchQuery runs q b.N times on n and reports the median latency.
func benchQuery(b *testing.B, n *analyzer.Network, q analyzer.Query) {
	b.ReportAllocs()
	var times []time.Duration
	for b.Loop() {
		start := time.Now()
		if _, err := n.AnalyzePath(q); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	reportP50(b, times)
}

// reportP50 reports the median of times.
func reportP50(b *testing.B, times []time.Duration) {
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds()), "p50-µs")
}

// BenchmarkAnalyzePath: one query on the target organisations.
func BenchmarkAnalyzePath(b *testing.B) {
	for _, o := range targets() {
		b.Run(o.name, func(b *testing.B) {
			n := load(b, o.files(b))
			for _, c := range queries(o.spokes) {
				b.Run(c.name, func(b *testing.B) { benchQuery(b, n, c.q) })
			}
		})
	}
}

// BenchmarkAnalyzePathScaling: one query as the organisation grows
// (1,000 rules), to show what a query's cost owes to N.
func BenchmarkAnalyzePathScaling(b *testing.B) {
	for _, spokes := range []int{10, 100, 1000} {
		o := org{name: fmt.Sprintf("N=%d/R=1000", spokes), spokes: spokes, rules: 1000}
		b.Run(o.name, func(b *testing.B) {
			n := load(b, o.files(b))
			for _, c := range queries(o.spokes) {
				b.Run(c.name, func(b *testing.B) { benchQuery(b, n, c.q) })
			}
		})
	}
}

// BenchmarkAnalyzeAllPorts: one pair without a port (Query.HasPort false:
// one evaluation per port class) on the target organisations.
func BenchmarkAnalyzeAllPorts(b *testing.B) {
	for _, o := range targets() {
		b.Run(o.name, func(b *testing.B) {
			n := load(b, o.files(b))
			for _, c := range queries(o.spokes) {
				q := c.q
				q.Port, q.HasPort = 0, false
				b.Run(c.name, func(b *testing.B) { benchQuery(b, n, q) })
			}
		})
	}
}

// BenchmarkAnalyzePathCold and BenchmarkAnalyzeAllPortsCold are
// BenchmarkAnalyzePath and BenchmarkAnalyzeAllPorts with the network
// compiled afresh (outside the timer) before every query, so no firewall
// result is memoised yet: what one `vpcreach analyze path` run pays. The
// warm benchmarks repeat one query, which after the first run finds its
// firewall results memoised.
func BenchmarkAnalyzePathCold(b *testing.B) { benchCold(b, true) }

// BenchmarkAnalyzeAllPortsCold: see BenchmarkAnalyzePathCold.
func BenchmarkAnalyzeAllPortsCold(b *testing.B) { benchCold(b, false) }

func benchCold(b *testing.B, withPort bool) {
	for _, o := range targets() {
		b.Run(o.name, func(b *testing.B) {
			topo, diags := topology.LoadFS(mapFS(o.files(b)), ".")
			if diags.HasErrors() {
				b.Fatal(diags)
			}
			for _, c := range queries(o.spokes) {
				q := c.q
				if !withPort {
					q.Port, q.HasPort = 0, false
				}
				b.Run(c.name, func(b *testing.B) {
					var times []time.Duration
					for b.Loop() {
						b.StopTimer()
						n, cd := analyzer.Compile(topo)
						if cd.HasErrors() {
							b.Fatal(cd)
						}
						runtime.GC() // the compile's garbage is not the query's
						b.StartTimer()
						start := time.Now()
						if _, err := n.AnalyzePath(q); err != nil {
							b.Fatal(err)
						}
						times = append(times, time.Since(start))
					}
					reportP50(b, times)
				})
			}
		})
	}
}

// randomQueries draws count queries between random instances of a
// generated organisation of the given number of spokes: 50% east-west
// (HTTPS, SSH or a service port), 30% TLS to the internet (half with the
// allowed SNI), 20% HTTP to the internet.
func randomQueries(spokes, count int) []analyzer.Query {
	rng := rand.New(rand.NewPCG(42, 42))
	instance := func() string { return gen.SpokeInstance(1+rng.IntN(spokes), rng.IntN(gen.NumAZs)) }
	out := make([]analyzer.Query, count)
	for i := range out {
		q := analyzer.Query{From: instance(), Protocol: topology.ProtocolTCP, HasPort: true}
		switch r := rng.IntN(10); {
		case r < 5:
			q.To, q.Port = instance(), []uint16{gen.EastWestPort, gen.DeniedPort, 5432, 8080}[rng.IntN(4)]
		case r < 8:
			q.To, q.Port, q.SNI = gen.InternetHost, 443, "www.example.org"
			if rng.IntN(2) == 0 {
				q.SNI = gen.AllowedSNI
			}
		default:
			q.To, q.Port, q.HTTPHost = gen.InternetHost, 80, gen.UnlistedHTTPHost
		}
		out[i] = q
	}
	return out
}

// BenchmarkQueries10k: 10,000 random queries on the target organisations,
// spread over GOMAXPROCS goroutines; one op is all 10,000.
func BenchmarkQueries10k(b *testing.B) {
	for _, o := range targets() {
		b.Run(o.name, func(b *testing.B) {
			n := load(b, o.files(b))
			qs := randomQueries(o.spokes, 10000)
			workers := runtime.GOMAXPROCS(0)
			b.ReportAllocs()
			cpu := processCPU()
			for b.Loop() {
				runParallel(b, n, qs, workers)
			}
			reportCPU(b, cpu)
			b.ReportMetric(float64(workers), "workers")
		})
	}
}

// runParallel answers qs with the given number of goroutines.
func runParallel(b *testing.B, n *analyzer.Network, qs []analyzer.Query, workers int) {
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(qs); i += workers {
				if _, err := n.AnalyzePath(qs[i]); err != nil {
					errs <- err
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
}

// BenchmarkMatrixGenerated: `analyze matrix` over every port on a vpcgen
// organisation of 50 spokes (300 spoke subnets: application and TGW subnets
// in 3 AZs) with 1,000 synthetic rules, using every core.
func BenchmarkMatrixGenerated(b *testing.B) {
	o := org{name: "N=50/R=1000", spokes: 50, rules: 1000}
	b.Run(o.name, func(b *testing.B) {
		n := load(b, o.files(b))
		cpu := processCPU()
		for b.Loop() {
			m, err := n.Matrix(context.Background(), analyzer.MatrixQuery{})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(len(m.Cells)), "cells")
		}
		reportCPU(b, cpu)
	})
}

// mapFS returns generated files as an in-memory file system rooted at ".".
func mapFS(files gen.Files) fstest.MapFS {
	m := fstest.MapFS{}
	for n, b := range files {
		m[n] = &fstest.MapFile{Data: b, Mode: 0o644}
	}
	return m
}

// BenchmarkAnalyzePathEndpoints: queries to VPC endpoints on a 1,000-spoke
// organisation with an SSM Interface endpoint and an S3 Gateway endpoint
// per spoke (gen.Config.Endpoints): a spoke to S3 by its service name, and
// a spoke to another spoke's SSM interface across the firewall.
func BenchmarkAnalyzePathEndpoints(b *testing.B) {
	o := org{name: "N=1000/R=1000", spokes: 1000, rules: 1000}
	cfg := o.config(b)
	cfg.Endpoints = true
	files, err := gen.Generate(cfg)
	if err != nil {
		b.Fatal(err)
	}
	n := load(b, files)
	for _, c := range []struct {
		name string
		q    analyzer.Query
	}{
		{"spoke-s3", analyzer.Query{From: gen.SpokeInstance(17, 1), To: gen.S3Service,
			Protocol: topology.ProtocolTCP, Port: 443, HasPort: true}},
		{"spoke-ssm", analyzer.Query{From: gen.SpokeInstance(17, 0), To: gen.SpokeSSMENI(842, 2),
			Protocol: topology.ProtocolTCP, Port: gen.EastWestPort, HasPort: true}},
	} {
		b.Run(o.name+"/"+c.name, func(b *testing.B) { benchQuery(b, n, c.q) })
	}
}
