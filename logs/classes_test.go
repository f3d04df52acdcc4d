package logs

import (
	"bytes"
	"net/netip"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vpcreach/vpcreach/internal/loggen"
)

// TestClassesIndependentOfWorkers classifies the same logs with one
// decoding goroutine and with several (each flow's events then spread
// over Classifiers that Merge joins) and requires the same classes, and
// checks them against a simple reference: every flow counted once.
func TestClassesIndependentOfWorkers(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if _, err := loggen.Write(&b, loggen.Options{Events: 6000, Clients: 40, Servers: 30, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "logs")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	classify := func(workers int) (map[AlertKey]*ClassStats, map[FlowKey]*ClassStats) {
		sinks, st, err := Read([]string{path}, Options{Workers: workers}, func() *Classifier { return NewClassifier(Filter{}) })
		if err != nil || st.Events != 6000 {
			t.Fatalf("%d workers: %d events: %v", workers, st.Events, err)
		}
		for _, s := range sinks[1:] {
			sinks[0].Merge(s)
		}
		set := sinks[0].Classes()
		alerts, flows := map[AlertKey]*ClassStats{}, map[FlowKey]*ClassStats{}
		for k, cs := range set.Alerts() {
			alerts[k] = cs
		}
		for k, cs := range set.Flows() {
			flows[k] = cs
		}
		if na, nf := set.Len(); na != len(alerts) || nf != len(flows) {
			t.Fatalf("Len %d, %d; iterated %d, %d", na, nf, len(alerts), len(flows))
		}
		return alerts, flows
	}
	a1, f1 := classify(1)
	a4, f4 := classify(4)
	cmpAddr := cmp.Comparer(func(a, b netip.Addr) bool { return a == b })
	if diff := cmp.Diff(a1, a4, cmpAddr); diff != "" {
		t.Errorf("alert classes differ (-1 worker +4 workers):\n%s", diff)
	}
	if diff := cmp.Diff(f1, f4, cmpAddr); diff != "" {
		t.Errorf("flow classes differ (-1 worker +4 workers):\n%s", diff)
	}
	var flows, events int64
	for _, cs := range f1 {
		flows += cs.Flows
		events += cs.Events
	}
	// loggen writes 2 records per passed flow and 3 per blocked one; every
	// record belongs to a flow.
	if events != 6000 || flows < 2000 || flows > 3000 || len(a1) == 0 {
		t.Errorf("%d events in %d flows, %d alert classes", events, flows, len(a1))
	}
}
