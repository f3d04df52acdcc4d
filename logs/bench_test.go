package logs

import (
	"runtime/debug"
	"testing"

	"github.com/vpcreach/vpcreach/internal/loggen"
)

// BenchmarkSummary2M summarises 2 million events (about 1 GB of JSON
// lines, generated first): the issue asks for under 10 s on 2 cores and
// under 500 MB. It reports MB/s, events/s and the process's peak RSS.
func BenchmarkSummary2M(b *testing.B) { benchSummary(b, 2_000_000) }

// BenchmarkSummary200k is the same at a tenth of the size.
func BenchmarkSummary200k(b *testing.B) { benchSummary(b, 200_000) }

func benchSummary(b *testing.B, n int) {
	path, size := loggen.TempFile(b, n)
	b.SetBytes(size)
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(400 << 20)) // as the CLI does
	b.ResetTimer()
	cpu0 := loggen.ProcessCPU()
	for b.Loop() {
		sinks, st, err := Read([]string{path}, Options{}, func() *Summarizer { return NewSummarizer(Filter{}) })
		if err != nil || st.Events != int64(n) || st.Malformed != 0 {
			b.Fatalf("read %d events (%d malformed): %v", st.Events, st.Malformed, err)
		}
		for _, s := range sinks[1:] {
			sinks[0].Merge(s)
		}
		if r := sinks[0].Report(st, 10); len(r.TopSignatures) == 0 {
			b.Fatal("no signatures")
		}
	}
	b.ReportMetric((loggen.ProcessCPU()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
	b.ReportMetric(loggen.PeakRSSMB(), "peak-RSS-MB")
}
