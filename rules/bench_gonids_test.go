//go:build gonids

package rules

import (
	"strings"
	"sync"
	"testing"

	"github.com/google/gonids"
)

// gonidsMu serialises gonids calls: its parser keeps package-level state
// and is not safe for concurrent use.
var gonidsMu sync.Mutex

// BenchmarkGonidsETOpen parses the ET Open rules with gonids, for
// comparison with BenchmarkParseRuleETOpen. gonids refuses the reject
// action, so reject is mapped to drop first; ns/rule counts only the
// rules it accepts. Run with: go test -tags gonids -bench ETOpen ./rules/
func BenchmarkGonidsETOpen(b *testing.B) {
	rules := etOpenRules(b)
	for i, r := range rules {
		if strings.HasPrefix(r, "reject ") {
			rules[i] = "drop " + strings.TrimPrefix(r, "reject ")
		}
	}
	accepted := 0
	b.ReportAllocs()
	for b.Loop() {
		accepted = 0
		for _, r := range rules {
			gonidsMu.Lock()
			_, err := gonids.ParseRule(r)
			gonidsMu.Unlock()
			if err == nil {
				accepted++
			}
		}
	}
	b.ReportMetric(float64(accepted), "accepted")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(accepted), "ns/rule")
}
