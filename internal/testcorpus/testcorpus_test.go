package testcorpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLocate(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	mk := func(p string) {
		if err := os.MkdirAll(filepath.Join(tmp, filepath.FromSlash(p)), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p string) {
		if err := os.WriteFile(filepath.Join(tmp, filepath.FromSlash(p)), []byte("module x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A clone (repo/) and a worktree (wt/one/) beside shared/.
	mk("repo/pkg/sub")
	write("repo/go.mod")
	mk("wt/one/pkg")
	write("wt/one/go.mod")
	mk("shared/corpora/et/rules")
	mk("elsewhere/et/rules")
	tests := []struct {
		name, root, dir, want string
		ok                    bool
	}{
		{"clone", "", "repo/pkg/sub", "shared/corpora/et/rules", true},
		{"worktree", "", "wt/one/pkg", "shared/corpora/et/rules", true},
		{"env", filepath.Join(tmp, "elsewhere"), "repo", "elsewhere/et/rules", true},
		{"env missing", filepath.Join(tmp, "nowhere"), "repo", "", false},
		{"no module", "", ".", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(tmp, tc.dir)
			if tc.name == "no module" {
				dir = tmp
			}
			got, err := locate(tc.root, dir, "et/rules")
			if (err == nil) != tc.ok {
				t.Fatalf("locate: %q, %v; want ok=%v", got, err, tc.ok)
			}
			if tc.ok && got != filepath.Join(tmp, filepath.FromSlash(tc.want)) {
				t.Errorf("locate = %q, want %q", got, filepath.Join(tmp, tc.want))
			}
		})
	}
}

// recorder is a testing.TB that records Skipf and Fatalf instead of
// stopping the goroutine.
type recorder struct {
	testing.TB
	skipped, failed string
}

func (r *recorder) Helper()                           {}
func (r *recorder) Skipf(format string, args ...any)  { r.skipped = fmt.Sprintf(format, args...) }
func (r *recorder) Fatalf(format string, args ...any) { r.failed = fmt.Sprintf(format, args...) }

// TestPathMissing checks that a missing corpus skips, or fails when
// VPCREACH_REQUIRE_CORPORA is 1, and that both messages say what to set.
func TestPathMissing(t *testing.T) {
	t.Parallel()
	missing := t.TempDir()
	for _, require := range []string{"", "0", "1"} {
		env := map[string]string{Env: missing, Require: require}
		r := &recorder{TB: t}
		path(r, func(k string) string { return env[k] }, "no/such/corpus")
		wantFail := require == "1"
		if (r.failed != "") != wantFail || (r.skipped != "") == wantFail {
			t.Errorf("%s=%q: skipped %q, failed %q; want fail=%v", Require, require, r.skipped, r.failed, wantFail)
		}
		if msg := r.skipped + r.failed; !strings.Contains(msg, "no/such/corpus") || !strings.Contains(msg, Require) {
			t.Errorf("%s=%q: message %q does not name the corpus and %s", Require, require, msg, Require)
		}
	}
}
