package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestProgressOnlyOnTerminal: no bar when stderr is a buffer or a plain
// file, and a nil bar is safe to use.
func TestProgressOnlyOnTerminal(t *testing.T) {
	t.Parallel()
	if p := newCLI(&bytes.Buffer{}, &bytes.Buffer{}).progress(); p != nil {
		t.Error("a progress bar on a buffer")
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p := newCLI(&bytes.Buffer{}, f).progress()
	if p != nil {
		t.Error("a progress bar on a regular file")
	}
	p.update(1, 2)
	p.finish()
}
