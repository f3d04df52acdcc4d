package examples

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// readmeClaim is a README's "dropped by sid N" (rejected, passed) or
// "dropped by `aws:drop_established`".
var readmeClaim = regexp.MustCompile("(dropped|rejected|passed) by (sid ([0-9]+)|`(aws:[a-z_]+)`)")

// TestReadmeDeciders: every decider an example's README states is one the
// tool gives in one of that example's expected answers
// (expected/*.json): "dropped by sid N" needs an answer that the rule
// sid N with action drop decides, "dropped by `aws:X`" one that the
// default action X decides (see decisions).
func TestReadmeDeciders(t *testing.T) {
	t.Parallel()
	readmes, err := filepath.Glob("*/README.md")
	if err != nil {
		t.Fatal(err)
	}
	claims := 0
	for _, readme := range readmes {
		text, err := os.ReadFile(readme)
		if err != nil {
			t.Fatal(err)
		}
		given := decisions(t, filepath.Join(filepath.Dir(readme), "expected"))
		for _, m := range readmeClaim.FindAllStringSubmatch(string(text), -1) {
			claims++
			action := map[string]string{"dropped": "drop", "rejected": "reject", "passed": "pass"}[m[1]]
			key := action + " sid " + m[3]
			if m[4] != "" {
				key = action + " default " + m[4]
			}
			if !given[key] {
				t.Errorf("%s says %q, but no expected answer of the example shows %q", readme, m[0], key)
			}
		}
	}
	if claims < 6 {
		t.Errorf("checked %d README claims, want at least 6", claims)
	}
}

// decisions collects what decided each answer (an object with a verdict:
// an analysis, a port range, a check result's analysis) of the JSON
// answers in dir: for a NOT_REACHABLE answer the firewall rule of its
// first explanation, for a REACHABLE one the firewall rules of its
// forward path; as "ACTION sid N" or "ACTION default aws:X".
func decisions(t *testing.T, dir string) map[string]bool {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no JSON answers in %s (%v)", dir, err)
	}
	out := map[string]bool{}
	add := func(fr any) {
		x, _ := fr.(map[string]any)
		action, _ := x["action"].(string)
		if sid, ok := x["sid"].(float64); ok && action != "" {
			out[fmt.Sprintf("%s sid %d", action, int64(sid))] = true
		}
		if d, ok := x["default_action"].(string); ok && action != "" {
			out[action+" default "+d] = true
		}
	}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			switch x["verdict"] {
			case "NOT_REACHABLE":
				if ex, _ := x["explanations"].([]any); len(ex) > 0 {
					f, _ := ex[0].(map[string]any)
					add(f["firewall_rule"])
				}
			case "REACHABLE":
				hops, _ := x["forward_path"].([]any)
				for _, h := range hops {
					hop, _ := h.(map[string]any)
					add(hop["firewall_rule"])
				}
			}
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		walk(v)
	}
	return out
}
