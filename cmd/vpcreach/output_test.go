package main

import (
	"bytes"
	"errors"
	"os"
	"runtime"
	"strings"
	"testing"
)

var errDiskFull = errors.New("disk full")

// failingWriter accepts n bytes, then fails every write.
type failingWriter struct{ n int }

func (f *failingWriter) Write(p []byte) (int, error) {
	if len(p) <= f.n {
		f.n -= len(p)
		return len(p), nil
	}
	k := f.n
	f.n = 0
	return k, errDiskFull
}

// outputCommands are commands that write to stdout, one per output path.
func outputCommands() [][]string {
	ex := examplesDir + "/egress-inspection"
	path := []string{"analyze", "path", "-t", ex, "--from", "instance.web_a", "--to", "93.184.216.34", "--port", "443", "--sni", "api.example.com"}
	return [][]string{
		path,
		append(path[:len(path):len(path)], "--format", "json"),
		append(path[:len(path):len(path)], "--expect", "reachable"),
		{"analyze", "path", "-t", ex, "--from", "instance.web_a", "--to", "93.184.216.34"},
		{"analyze", "matrix", "-t", ex},
		{"analyze", "matrix", "-t", ex, "--format", "json"},
		{"check", "-t", ex},
		{"check", "-t", ex, "--format", "json"},
		{"check", "-t", ex, "--format", "sarif"},
		{"validate", "-t", ex},
		{"version"},
		{"schema"},
		{"--help"},
		{"analyze"},
	}
}

// TestWriteErrorsExitOne runs each command with a working stdout (it
// must exit 0, the egress example's expectations all holding), then with a
// stdout that fails at once, half way and at the last byte: it must exit 1
// and say so once on stderr.
func TestWriteErrorsExitOne(t *testing.T) {
	t.Parallel()
	runs := 0
	for _, args := range outputCommands() {
		name := strings.Join(args, " ")
		var out, errb bytes.Buffer
		if code := newCLI(&out, &errb).run(args); code != exitOK || out.Len() == 0 || errb.Len() > 0 {
			t.Fatalf("vpcreach %s: exit %d, %d bytes out, stderr:\n%s", name, code, out.Len(), errb.String())
		}
		for _, after := range []int{0, out.Len() / 2, out.Len() - 1} {
			var errb bytes.Buffer
			code := newCLI(&failingWriter{n: after}, &errb).run(args)
			runs++
			if code != exitError {
				t.Errorf("vpcreach %s (stdout fails after %d bytes): exit %d, want 1", name, after, code)
			}
			if got := strings.Count(errb.String(), "Error: writing the output: disk full\n"); got != 1 {
				t.Errorf("vpcreach %s (stdout fails after %d bytes): stderr %q, want the write error once", name, after, errb.String())
			}
			if strings.Count(errb.String(), "Error:") != 1 {
				t.Errorf("vpcreach %s: more than one error reported:\n%s", name, errb.String())
			}
		}
	}
	if want := 3 * 14; runs != want {
		t.Errorf("ran %d failing cases, want %d", runs, want)
	}
}

// TestDevFull writes a table to /dev/full, as `vpcreach ... > /dev/full`
// does.
func TestDevFull(t *testing.T) {
	t.Parallel()
	if runtime.GOOS != "linux" {
		t.Skip("/dev/full is a Linux device")
	}
	f, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var errb bytes.Buffer
	code := newCLI(f, &errb).run(outputCommands()[0])
	if code != exitError || !strings.Contains(errb.String(), "Error: writing the output: write /dev/full: no space left on device") {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}
