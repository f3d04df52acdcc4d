package analyzer_test

import (
	"testing"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/internal/gen"
	"github.com/vpcreach/vpcreach/topology"
)

// BenchmarkAnalyzeCIDR: `analyze path --from SPOKE --to 0.0.0.0/0 --port
// 443` (issue 12's reproducer) as the rules grow: the destination splits
// into an address class per rule address boundary, and on tcp/443 without
// an SNI every TLS rule is undecidable in each class. Each op compiles the
// network afresh (outside the timer), as one CLI run does; the figure must
// grow about linearly with R.
func BenchmarkAnalyzeCIDR(b *testing.B) {
	for _, o := range []org{
		{name: "N=10/R=2500", spokes: 10, rules: 2500},
		{name: "N=10/R=5000", spokes: 10, rules: 5000},
		{name: "N=10/R=10000", spokes: 10, rules: 10000},
		{name: "N=1000/R=25000", spokes: 1000, rules: 25000},
	} {
		b.Run(o.name, func(b *testing.B) {
			topo, diags := topology.LoadFS(mapFS(o.files(b)), ".")
			if diags.HasErrors() {
				b.Fatal(diags)
			}
			q := analyzer.Query{From: gen.SpokeInstance(min(17, o.spokes), 1), To: "0.0.0.0/0",
				Protocol: topology.ProtocolTCP, Port: 443, HasPort: true}
			b.ReportAllocs()
			cpu := processCPU()
			classes := 0
			for b.Loop() {
				b.StopTimer()
				n, cd := analyzer.Compile(topo)
				if cd.HasErrors() {
					b.Fatal(cd)
				}
				b.StartTimer()
				a, err := n.AnalyzePath(q)
				if err != nil {
					b.Fatal(err)
				}
				classes = len(a.AddressRanges)
			}
			reportCPU(b, cpu)
			b.ReportMetric(float64(classes), "ranges")
			if classes < 2 {
				b.Fatalf("%d address ranges: the query does not exercise address classes", classes)
			}
		})
	}
}
