package topology_test

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/vpcreach/vpcreach/topology"
)

// TestNestingLimit loads files nesting 100,000 levels in every way HCL
// recurses (before the limit, the parenthesised one crashed the process
// with a Go stack overflow): each is one "Nesting too deep" error in the
// local (line 2, or later for the expression over lines), in about a
// second each. Nesting at the limit loads.
func TestNestingLimit(t *testing.T) {
	t.Parallel()
	const n = 100000
	rep := strings.Repeat
	deep := []struct{ name, expr string }{
		{"parentheses", rep("(", n) + "1" + rep(")", n)},
		{"brackets", rep("[", n) + rep("]", n)},
		{"objects", rep("{a=", n) + "1" + rep("}", n)},
		{"function calls", rep("max(", n) + "1" + rep(")", n)},
		{"unary not", rep("!", n) + "true"},
		{"unary minus", rep("-", n) + "1"},
		{"operator chain", "1" + rep("+1", n)},
		{"operator chain over lines", "(1" + rep("\n+1", n) + ")"},
		{"conditionals", rep("true ? 1 : ", n) + "2"},
		{"templates", rep(`"${`, n) + "1" + rep(`}"`, n)},
		{"template ifs", `"` + rep("%{if true}", n) + "x" + rep("%{endif}", n) + `"`},
		{"unclosed", rep("(", n)},
	}
	for _, tc := range deep {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			src := "locals {\n  x = " + tc.expr + "\n}\n"
			start := time.Now()
			_, diags := topology.LoadFS(fstest.MapFS{"main.hcl": {Data: []byte(src)}}, ".")
			// About 1 s each; the bound catches a hang or a quadratic
			// cost (hours at this size), with room for -race on a
			// loaded machine.
			if el := time.Since(start); el > 2*time.Minute {
				t.Errorf("took %v", el)
			}
			if len(diags) != 1 || diags[0].Summary != "Nesting too deep" || diags[0].Subject == nil ||
				diags[0].Subject.Start.Line < 2 {
				t.Fatalf("got %d diagnostics (%v), want one Nesting too deep in the local", len(diags), summaries(diags))
			}
		})
	}
	t.Run("blocks", func(t *testing.T) {
		t.Parallel()
		src := rep("a {\n", n) + rep("}\n", n)
		_, diags := topology.LoadFS(fstest.MapFS{"main.hcl": {Data: []byte(src)}}, ".")
		if len(diags) != 1 || diags[0].Summary != "Nesting too deep" {
			t.Fatalf("got %v, want one Nesting too deep", summaries(diags))
		}
	})
	t.Run("at the limit", func(t *testing.T) {
		t.Parallel()
		m := topology.MaxNesting - 2 // the locals block and the local's own level
		src := "locals {\n  x = " + rep("(", m) + "1" + rep(")", m) + "\n  y = 1" + rep(" + 1", m) + "\n}\n"
		if _, diags := topology.LoadFS(fstest.MapFS{"main.hcl": {Data: []byte(src)}}, "."); len(diags) > 0 {
			t.Fatalf("nesting at the limit: %v", summaries(diags))
		}
	})
}

func summaries(diags interface {
	Error() string
}) string {
	return diags.Error()
}
