package render

import (
	"bytes"
	"strings"
	"testing"
)

// TestCheckTable renders the check fixture against testdata/check.txt.
func TestCheckTable(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := (Formatter{}).Check(&buf, nil, fixtureCheck()); err != nil {
		t.Fatal(err)
	}
	golden(t, "check.txt", buf.Bytes())
	out := buf.String()
	if !strings.Contains(out, "\n1 of 3 expectations hold\n") {
		t.Errorf("no count line:\n%s", out)
	}
	if n := strings.Count(out, "\n=== "); n != 2 {
		t.Errorf("%d failure sections, want 2:\n%s", n, out)
	}
}

// TestCheckTableEmpty: no expect blocks is a valid, empty report.
func TestCheckTableEmpty(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := (Formatter{}).Check(&buf, nil, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "0 of 0 expectations hold") {
		t.Errorf("got:\n%s", buf.String())
	}
}
