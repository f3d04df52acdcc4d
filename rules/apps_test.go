package rules

import (
	"testing"

	"github.com/vpcreach/vpcreach/topology"
)

// TestQueryAppsCoverRuleApps: every application protocol a rule can
// require is one a query may state (topology.AppProtocols), so that no
// rule becomes impossible to ask about.
func TestQueryAppsCoverRuleApps(t *testing.T) {
	t.Parallel()
	n := 0
	for kw, app := range ruleAppProtocol {
		if got, ok := topology.CanonicalAppProtocol(app); !ok || got != app {
			t.Errorf("rule protocol %s requires app %q, which a query cannot state (%q, %v)", kw, app, got, ok)
		}
		n++
	}
	if n < 30 {
		t.Errorf("checked %d rule protocols, want at least 30", n)
	}
}
