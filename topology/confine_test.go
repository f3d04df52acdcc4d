//go:build unix

package topology_test

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/internal/diag"
	"github.com/vpcreach/vpcreach/topology"
)

// secret is the content of files outside the topology root; no
// diagnostic may show it.
const secret = "SECRET-TOKEN=hunter2"

// confineCase is a topology root built in a scratch directory: setup
// creates files in root (outer is the directory holding root, which has
// secret.rules and secret.hcl holding the secret).
type confineCase struct {
	name      string
	rulesFile string // the rules_file of main.hcl; "" for none
	setup     func(t *testing.T, root, outer string)
	limit     int64
	// want is the summary of the one error expected, "" for none; its
	// subject is on line wantLine of wantFile.
	want     string
	wantFile string
	wantLine int
}

func confineCases() []confineCase {
	symlink := func(target, link string) func(t *testing.T, root, outer string) {
		return func(t *testing.T, root, _ string) {
			if err := os.Symlink(target, filepath.Join(root, link)); err != nil {
				t.Fatal(err)
			}
		}
	}
	file := func(name string, size int64) func(t *testing.T, root, outer string) {
		return func(t *testing.T, root, _ string) {
			p := filepath.Join(root, name)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte("pass ip any any -> any any (sid:1;)\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if size > 0 {
				if err := os.Truncate(p, size); err != nil { // sparse: no disk used
					t.Fatal(err)
				}
			}
		}
	}
	rf := "Cannot read rules file"
	return []confineCase{
		{name: "inside", rulesFile: "g.rules", setup: file("g.rules", 0)},
		{name: "subdirectory", rulesFile: "rules/g.rules", setup: file("rules/g.rules", 0)},
		{name: "symlink inside", rulesFile: "link.rules", setup: func(t *testing.T, root, outer string) {
			file("g.rules", 0)(t, root, outer)
			symlink("g.rules", "link.rules")(t, root, outer)
		}},
		{name: "at the limit", rulesFile: "g.rules", setup: file("g.rules", 1000), limit: 1000},
		{name: "absolute path", rulesFile: "OUTER/secret.rules", want: rf, wantLine: 2},
		{name: "etc passwd", rulesFile: "/etc/passwd", want: rf, wantLine: 2},
		{name: "dot dot", rulesFile: "../secret.rules", want: rf, wantLine: 2},
		{name: "dot dot inside a path", rulesFile: "rules/../../secret.rules", want: rf, wantLine: 2},
		{name: "symlink out", rulesFile: "link.rules", setup: symlink("../secret.rules", "link.rules"), want: rf, wantLine: 2},
		{name: "symlinked directory out", rulesFile: "d/secret.rules", setup: symlink("..", "d"), want: rf, wantLine: 2},
		{name: "proc environ", rulesFile: "/proc/self/environ", want: rf, wantLine: 2},
		{name: "symlink to proc environ", rulesFile: "env.rules", setup: symlink("/proc/self/environ", "env.rules"), want: rf, wantLine: 2},
		{name: "symlink to dev zero", rulesFile: "zero.rules", setup: symlink("/dev/zero", "zero.rules"), want: rf, wantLine: 2},
		{name: "fifo", rulesFile: "pipe.rules", setup: func(t *testing.T, root, _ string) {
			if err := syscall.Mkfifo(filepath.Join(root, "pipe.rules"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, want: rf, wantLine: 2},
		{name: "directory", rulesFile: "dir.rules", setup: func(t *testing.T, root, _ string) {
			if err := os.Mkdir(filepath.Join(root, "dir.rules"), 0o755); err != nil {
				t.Fatal(err)
			}
		}, want: rf, wantLine: 2},
		{name: "over the limit", rulesFile: "g.rules", setup: file("g.rules", 1001), limit: 1000, want: rf, wantLine: 2},
		{name: "huge sparse file", rulesFile: "g.rules", setup: file("g.rules", topology.DefaultMaxFileSize+1), want: rf, wantLine: 2},
		{name: "hcl symlink out", setup: symlink("../secret.hcl", "evil.hcl"),
			want: "Cannot read topology file", wantFile: "evil.hcl", wantLine: 1},
		{name: "hcl fifo", setup: func(t *testing.T, root, _ string) {
			if err := syscall.Mkfifo(filepath.Join(root, "pipe.hcl"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, want: "Cannot read topology file", wantFile: "pipe.hcl", wantLine: 1},
		{name: "hcl symlink to dev zero", setup: symlink("/dev/zero", "zero.hcl"),
			want: "Cannot read topology file", wantFile: "zero.hcl", wantLine: 1},
		{name: "hcl over the limit", setup: file("big.hcl", 2000), limit: 1000,
			want: "Cannot read topology file", wantFile: "big.hcl", wantLine: 1},
	}
}

// TestLoadConfinement loads a topology whose files lie outside its
// root, are not regular or are too large: each is one located error that
// never shows the secret content, and loading never blocks. Each case
// runs through Load (os.Root) and through LoadFS on os.DirFS of the
// directory above the root (which follows links on its own).
func TestLoadConfinement(t *testing.T) {
	t.Parallel()
	cases := confineCases()
	for _, tc := range cases {
		for _, viaFS := range []bool{false, true} {
			name := tc.name
			if viaFS {
				name += " (LoadFS)"
			}
			t.Run(name, func(t *testing.T) { runConfineCase(t, tc, viaFS) })
		}
	}
	if len(cases) < 20 {
		t.Errorf("only %d cases", len(cases))
	}
}

func runConfineCase(t *testing.T, tc confineCase, viaFS bool) {
	{
		{
			t.Parallel()
			outer := t.TempDir()
			root := filepath.Join(outer, "topo")
			if err := os.Mkdir(root, 0o755); err != nil {
				t.Fatal(err)
			}
			for _, n := range []string{"secret.rules", "secret.hcl"} {
				if err := os.WriteFile(filepath.Join(outer, n), []byte(secret+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			src := "rule_group \"g\" {\n  rules = \"pass ip any any -> any any (sid:1;)\"\n}\n"
			if tc.rulesFile != "" {
				src = "rule_group \"g\" {\n  rules_file = \"" + strings.ReplaceAll(tc.rulesFile, "OUTER", outer) + "\"\n}\n"
			}
			if err := os.WriteFile(filepath.Join(root, "main.hcl"), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			if tc.setup != nil {
				tc.setup(t, root, outer)
			}
			if viaFS {
				load := func() (*topology.Topology, hcl.Diagnostics) {
					return topology.LoadFSWith(os.DirFS(outer), "topo", topology.Options{MaxFileSize: tc.limit})
				}
				checkConfined(t, tc, "topo", loadWithin(t, load))
				return
			}
			load := func() (*topology.Topology, hcl.Diagnostics) {
				return topology.LoadWith(root, topology.Options{MaxFileSize: tc.limit})
			}
			checkConfined(t, tc, root, loadWithin(t, load))
		}
	}
}

// loaded is what one Load returned, rendered.
type loaded struct {
	summaries []string
	subjects  []string // FILE:LINE
	text      string
}

// loadWithin calls load, failing if it takes more than 20 seconds (a
// blocked read).
func loadWithin(t *testing.T, load func() (*topology.Topology, hcl.Diagnostics)) loaded {
	t.Helper()
	done := make(chan loaded, 1)
	go func() {
		topo, diags := load()
		var out loaded
		for _, d := range diags {
			out.summaries = append(out.summaries, d.Summary)
			if d.Subject != nil {
				out.subjects = append(out.subjects, d.Subject.Filename+":"+strconv.Itoa(d.Subject.Start.Line))
			}
		}
		var buf bytes.Buffer
		_ = diag.Write(&buf, topo.Files, diags)
		out.text = buf.String()
		done <- out
	}()
	select {
	case out := <-done:
		return out
	case <-time.After(20 * time.Second):
		t.Fatal("Load blocked")
		return loaded{}
	}
}

func checkConfined(t *testing.T, tc confineCase, root string, got loaded) {
	t.Helper()
	if strings.Contains(got.text, "hunter2") {
		t.Errorf("the diagnostics show the secret:\n%s", got.text)
	}
	if tc.want == "" {
		if len(got.summaries) > 0 {
			t.Errorf("unexpected diagnostics:\n%s", got.text)
		}
		return
	}
	file := tc.wantFile
	if file == "" {
		file = "main.hcl"
	}
	wantSubject := path.Join(root, file) + ":" + strconv.Itoa(tc.wantLine)
	if len(got.summaries) != 1 || got.summaries[0] != tc.want || len(got.subjects) != 1 || got.subjects[0] != wantSubject {
		t.Errorf("got %q at %q, want one %q at %s:\n%s", got.summaries, got.subjects, tc.want, wantSubject, got.text)
	}
}

// TestLoadTopologyPathSpecial gives Load a device, a named pipe and a
// directory without .hcl files as the topology itself: each is an error,
// at once.
func TestLoadTopologyPathSpecial(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.hcl")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	paths := []string{"/dev/zero", fifo, empty, filepath.Join(dir, "missing.hcl")}
	for _, p := range paths {
		got := loadWithin(t, func() (*topology.Topology, hcl.Diagnostics) { return topology.Load(p) })
		if len(got.summaries) != 1 || !strings.HasPrefix(got.summaries[0], "Cannot read topology") {
			t.Errorf("Load(%s): %q, want one Cannot read topology", p, got.summaries)
		}
	}
}
