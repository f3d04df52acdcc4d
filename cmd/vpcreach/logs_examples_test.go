package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestLogsExamples runs the `vpcreach logs` commands of every
// examples/NAME/logs/queries.txt ("GOLDEN [EXIT]: ARGS", paths relative to
// the example) and compares their output with examples/NAME/expected/GOLDEN
// (`go test ./cmd/vpcreach -run TestLogsExamples -update` rewrites them).
func TestLogsExamples(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join(examplesDir, "*", "logs", "queries.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples with logs/queries.txt (%v)", err)
	}
	ran := 0
	for _, qf := range files {
		dir := filepath.Dir(filepath.Dir(qf))
		for _, q := range readQueries(t, qf) {
			golden, want := q.name, 0
			if f := strings.Fields(q.name); len(f) == 2 {
				golden = f[0]
				if want, err = strconv.Atoi(f[1]); err != nil {
					t.Fatalf("%s: bad exit code in %q", qf, q.name)
				}
			}
			runGolden(t, dir, golden, exampleArgs(dir, q.args), want)
			ran++
		}
	}
	if ran < 7 {
		t.Errorf("ran %d logs examples, want at least 7", ran)
	}
}

// exampleArgs makes the arguments that name files of the example relative
// to the test's directory.
func exampleArgs(dir, args string) []string {
	out := strings.Fields(args)
	for i, a := range out {
		if strings.HasPrefix(a, "-") {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, a)); err == nil && (a == "." || strings.Contains(a, "/") || i > 0 && out[i-1] == "-t") {
			out[i] = filepath.Join(dir, a)
		}
	}
	return out
}
