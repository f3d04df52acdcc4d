package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/internal/golden"
)

// TestDiffExamples runs every diff example end to end: each line of
// examples/diff-*/diffs.txt ("NAME: ARGS") runs `vpcreach diff --before
// DIR/before --after DIR/after ARGS` in table, JSON and SARIF form against
// the expected output under DIR/expected/. A line with --exit-code must
// exit 2 (the examples have changes); any other must exit 0.
func TestDiffExamples(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join(examplesDir, "diff-*", "diffs.txt"))
	if err != nil || len(files) < 2 {
		t.Fatalf("want at least 2 diff examples with diffs.txt, found %d (%v)", len(files), err)
	}
	runs := 0
	for _, f := range files {
		dir := filepath.Dir(f)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			for _, q := range readQueries(t, f) {
				rel := "examples/" + filepath.Base(dir)
				args := append([]string{"diff", "--before", rel + "/before", "--after", rel + "/after"},
					strings.Fields(q.args)...)
				want := exitOK
				if strings.Contains(q.args, "--exit-code") {
					want = exitViolated
				}
				runDiffGolden(t, dir, q.name+".txt", args, want)
				runDiffGolden(t, dir, q.name+".json", append(args, "--format", "json"), want)
				runDiffGolden(t, dir, q.name+".sarif", append(args, "--format", "sarif"), want)
			}
		})
		runs++
	}
	if runs != len(files) {
		t.Fatalf("ran %d of %d diff examples", runs, len(files))
	}
}

// runDiffGolden runs the CLI rooted at the repository (so paths, and the
// widths of the table columns that show them, are those a user running
// from the repository root sees) and compares its stdout with
// dir/expected/name, and its exit code with want. Stderr must be empty.
func runDiffGolden(t *testing.T, dir, name string, args []string, want int) {
	t.Helper()
	var out, errb bytes.Buffer
	c := newCLI(&out, &errb)
	c.fsys = os.DirFS(filepath.Join(examplesDir, ".."))
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	c.srcRoot = wd // SARIF resolves the fsys-relative names against the working directory
	if code := c.run(args); code != want || errb.Len() > 0 {
		t.Errorf("vpcreach %s: exit %d (want %d), stderr:\n%s", strings.Join(args, " "), code, want, errb.String())
	}
	golden.Check(t, filepath.Join(dir, "expected", name), out.String(), *update)
}

// TestDiffFlushPlan writes the flush plan of the tightened allow list
// and compares plan.txt and every operation's input with
// examples/diff-egress-allowlist/flush-plan/ (the plan directory shown
// as PLAN).
func TestDiffFlushPlan(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(examplesDir, "diff-egress-allowlist")
	plan := t.TempDir()
	var out, errb bytes.Buffer
	c := newCLI(&out, &errb)
	args := []string{"diff", "--before", filepath.Join(dir, "before"), "--after", filepath.Join(dir, "after"),
		"--by", "instance", "--to", "internet", "--sni", "github.com", "--format", "json",
		"--flush-plan", plan, "--firewall-arn-prefix", "arn:aws:network-firewall:us-east-1:111122223333:firewall/",
		"--min-age", "30"}
	if code := c.run(args); code != 0 || errb.Len() > 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errb.String())
	}
	files, err := os.ReadDir(plan)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 3 {
		t.Fatalf("wrote %d files, want plan.txt and one input per AZ", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(plan, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		got := strings.ReplaceAll(string(b), filepath.ToSlash(plan), "PLAN")
		golden.Check(t, filepath.Join(dir, "flush-plan", f.Name()), got, *update)
	}
}
