package examples

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// readmeClaim is a README's "dropped by sid N" (rejected, passed) or
// "dropped by `aws:drop_established`".
var readmeClaim = regexp.MustCompile("(dropped|rejected|passed) by (sid ([0-9]+)|`(aws:[a-z_]+)`)")

// TestReadmeDeciders: every decider an example's README states is one the
// tool gives in one of that example's expected answers (expected/*.txt):
// "dropped by sid N" needs a "drop ... sid N" there, "dropped by
// `aws:X`" a "default aws:X: drop" as a path's decider.
func TestReadmeDeciders(t *testing.T) {
	t.Parallel()
	dirs, err := filepath.Glob("*/README.md")
	if err != nil {
		t.Fatal(err)
	}
	claims := 0
	for _, readme := range dirs {
		text, err := os.ReadFile(readme)
		if err != nil {
			t.Fatal(err)
		}
		goldens, err := filepath.Glob(filepath.Join(filepath.Dir(readme), "expected", "*.txt"))
		if err != nil {
			t.Fatal(err)
		}
		var all strings.Builder
		for _, g := range goldens {
			b, err := os.ReadFile(g)
			if err != nil {
				t.Fatal(err)
			}
			all.Write(b)
		}
		out := all.String()
		for _, m := range readmeClaim.FindAllStringSubmatch(string(text), -1) {
			claims++
			action := map[string]string{"dropped": "drop", "rejected": "reject", "passed": "pass"}[m[1]]
			var want *regexp.Regexp
			if m[3] != "" {
				want = regexp.MustCompile(`\b` + action + ` [a-z0-9-]+ sid ` + m[3] + `\b`)
			} else {
				want = regexp.MustCompile(`NOT REACHABLE: .*default ` + regexp.QuoteMeta(m[4]))
			}
			if !want.MatchString(out) {
				t.Errorf("%s says %q, but no expected answer of the example shows it (%s)", readme, m[0], want)
			}
		}
	}
	if claims < 6 {
		t.Errorf("checked %d README claims, want at least 6", claims)
	}
}
