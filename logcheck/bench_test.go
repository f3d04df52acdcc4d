package logcheck

import (
	"runtime/debug"
	"testing"

	"github.com/vpcreach/vpcreach/internal/loggen"
	"github.com/vpcreach/vpcreach/logs"
)

// BenchmarkExplain2M reads 2 million events (about 1 GB, generated first)
// into flow classes and explains them against the egress example: the
// issue asks for under 30 s on 2 cores and under 500 MB.
func BenchmarkExplain2M(b *testing.B) { benchExplain(b, 2_000_000) }

// BenchmarkExplain200k is the same at a tenth of the size.
func BenchmarkExplain200k(b *testing.B) { benchExplain(b, 200_000) }

func benchExplain(b *testing.B, n int) {
	net := loadNet(b, "../examples/egress-inspection")
	path, size := loggen.TempFile(b, n)
	b.SetBytes(size)
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(400 << 20)) // as the CLI does
	b.ResetTimer()
	cpu0 := loggen.ProcessCPU()
	for b.Loop() {
		sinks, st, err := logs.Read([]string{path}, logs.Options{}, func() *logs.Classifier { return logs.NewClassifier(logs.Filter{}) })
		if err != nil || st.Events != int64(n) {
			b.Fatalf("read %d events: %v", st.Events, err)
		}
		for _, s := range sinks[1:] {
			sinks[0].Merge(s)
		}
		r := Explain(net, sinks[0], logs.NewInput(st, 0, false))
		if len(r.Alerts) == 0 || r.Summary.Drifted == 0 {
			b.Fatalf("%d alert classes, %d drifted", len(r.Alerts), r.Summary.Drifted)
		}
	}
	b.ReportMetric((loggen.ProcessCPU()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
	b.ReportMetric(loggen.PeakRSSMB(), "peak-RSS-MB")
}
