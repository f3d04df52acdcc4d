package memfs

import (
	"testing"
	"testing/fstest"
)

// TestFS checks FS against the standard file system tests, which open,
// read, stat and list every file and directory.
func TestFS(t *testing.T) {
	t.Parallel()
	m := FS{"a.hcl": []byte("x"), "d/b.rules": []byte("yy"), "d/e/c.json": nil}
	if err := fstest.TestFS(m, "a.hcl", "d/b.rules", "d/e/c.json"); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Open("missing"); err == nil {
		t.Error("opened a missing file")
	}
	if _, err := m.Open("../a.hcl"); err == nil {
		t.Error("opened an invalid path")
	}
}
