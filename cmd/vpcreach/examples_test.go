package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// examplesDir holds the bundled examples, relative to this package.
const examplesDir = "../../examples"

// TestExamples runs every example end to end: each query of
// examples/NAME/queries.txt, in table and JSON form, and `check` in table,
// JSON and SARIF form, against the expected output checked in under
// examples/NAME/expected/. `go test ./cmd/vpcreach -update` rewrites them.
func TestExamples(t *testing.T) {
	t.Parallel()
	dirs, err := filepath.Glob(filepath.Join(examplesDir, "*", "queries.txt"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no examples with queries.txt (%v)", err)
	}
	for _, qf := range dirs {
		dir := filepath.Dir(qf)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			for _, q := range readQueries(t, qf) {
				args := append(strings.Fields(q.args), "-t", dir)
				runGolden(t, dir, q.name+".txt", args, 0)
				runGolden(t, dir, q.name+".json", append(args, "--format", "json"), 0)
			}
			code := checkExit(t, dir)
			runGolden(t, dir, "check.txt", []string{"check", "-t", dir}, code)
			runGolden(t, dir, "check.json", []string{"check", "-t", dir, "--format", "json"}, code)
			runGolden(t, dir, "check.sarif", []string{"check", "-t", dir, "--format", "sarif"}, code)
		})
	}
}

type exampleQuery struct{ name, args string }

// readQueries reads "NAME: ARGS" lines, skipping comments and blank lines.
func readQueries(t *testing.T, path string) []exampleQuery {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []exampleQuery
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, args, ok := strings.Cut(line, ":")
		if !ok {
			t.Fatalf("%s: %q is not NAME: ARGS", path, line)
		}
		out = append(out, exampleQuery{strings.TrimSpace(name), strings.TrimSpace(args)})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkExit is the exit code check must give: 0 when every expectation of
// the example holds, 2 otherwise (read from check's JSON).
func checkExit(t *testing.T, dir string) int {
	t.Helper()
	var out, errb bytes.Buffer
	code := newCLI(&out, &errb).run([]string{"check", "-t", dir, "--format", "json"})
	var rep struct {
		Results []struct {
			Holds bool `json:"holds"`
		} `json:"results"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("check --format json (exit %d): %v\n%s", code, err, errb.String())
	}
	for _, r := range rep.Results {
		if !r.Holds {
			return exitViolated
		}
	}
	return exitOK
}

// runGolden runs the CLI and compares its stdout with dir/expected/name,
// and its exit code with want. Stderr must be empty. SARIF locations are
// relative to the module root, with or without a Git checkout.
func runGolden(t *testing.T, dir, name string, args []string, want int) {
	t.Helper()
	var out, errb bytes.Buffer
	c := newCLI(&out, &errb)
	root, err := filepath.Abs(filepath.Join(examplesDir, ".."))
	if err != nil {
		t.Fatal(err)
	}
	c.srcRoot = root
	code := c.run(args)
	if code != want || errb.Len() > 0 {
		t.Errorf("vpcreach %s: exit %d (want %d), stderr:\n%s", strings.Join(args, " "), code, want, errb.String())
	}
	// Show paths as a user running from the repository root sees them.
	got := strings.ReplaceAll(out.String(), examplesDir+"/", "examples/")
	golden := filepath.Join(dir, "expected", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	wantOut, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/vpcreach -update)", err)
	}
	if diff := cmp.Diff(string(wantOut), got); diff != "" {
		t.Errorf("vpcreach %s: output differs from %s (-want +got):\n%s", strings.Join(args, " "), golden, diff)
	}
}
