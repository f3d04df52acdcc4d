// Package testcorpus finds the shared test corpora (ET Open, the AWS
// samples, suricata-verify) for tests and benchmarks, in one way.
//
// The corpora are not part of the repository: they lie in
// shared/corpora beside the checkout (ROOT/../shared/corpora, or
// ROOT/../../shared/corpora for a git worktree one directory further down),
// or where the environment variable VPCREACH_CORPORA says. A test that
// needs a missing corpus is skipped with a message, unless
// VPCREACH_REQUIRE_CORPORA=1 (set by .ci/run), which makes it fail, so
// that CI can never skip the conformance tests silently.
package testcorpus

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// Env names the variable that points at the corpora directory; Require
// names the one that turns a missing corpus into a failure.
const (
	Env     = "VPCREACH_CORPORA"
	Require = "VPCREACH_REQUIRE_CORPORA"
)

// Path returns the path of rel (slash-separated, such as
// "et-open-2024-04/rules") inside the corpora directory. When it does not
// exist, Path skips tb, or fails it when $VPCREACH_REQUIRE_CORPORA is 1.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	return path(tb, os.Getenv, rel)
}

// path is Path with the environment read through getenv.
func path(tb testing.TB, getenv func(string) string, rel string) string {
	tb.Helper()
	p, err := locate(getenv(Env), ".", rel)
	if err != nil {
		if getenv(Require) == "1" {
			tb.Fatalf("corpus %s required (%s=1) but not found: %v", rel, Require, err)
			return ""
		}
		tb.Skipf("corpus %s not found, skipping: %v (set %s, or %s=1 to fail)", rel, err, Env, Require)
	}
	return p
}

// locate returns root/rel when root is set, else the first existing
// shared/corpora/rel beside the module that holds dir.
func locate(root, dir, rel string) (string, error) {
	rel = filepath.FromSlash(rel)
	if root != "" {
		p := filepath.Join(root, rel)
		_, err := os.Stat(p)
		return p, err
	}
	mod, err := moduleRoot(dir)
	if err != nil {
		return "", err
	}
	var last error
	for _, up := range []string{"..", filepath.Join("..", "..")} {
		p := filepath.Join(mod, up, "shared", "corpora", rel)
		if _, last = os.Stat(p); last == nil {
			return p, nil
		}
	}
	return "", last
}

// moduleRoot returns the nearest directory at or above dir with a go.mod.
func moduleRoot(dir string) (string, error) {
	d, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", errors.New("no go.mod above " + dir)
		}
		d = parent
	}
}

// File is one file of a corpus directory.
type File struct {
	Name string // base name
	Data []byte
}

// Files returns the files of corpus directory rel whose base names match
// pattern (filepath.Match syntax), sorted by name. It skips or fails tb as
// Path does when the directory is missing, and fails it when no file
// matches or one cannot be read.
func Files(tb testing.TB, rel, pattern string) []File {
	tb.Helper()
	dir := Path(tb, rel)
	names, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil || len(names) == 0 {
		tb.Fatalf("no %s in corpus %s: %v", pattern, rel, err)
	}
	sort.Strings(names)
	out := make([]File, len(names))
	for i, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			tb.Fatal(err)
		}
		out[i] = File{Name: filepath.Base(n), Data: b}
	}
	return out
}
