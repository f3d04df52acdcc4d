package render

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// compactLine is what problem matchers read.
var compactLine = regexp.MustCompile(`^(vpcreach|[^:\s]+:\d+:\d+): (error|warning): \S.*$`)

// TestCompact renders diagnostics and check results as compact lines
// against testdata/*.compact; every line has the problem-matcher shape.
func TestCompact(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name  string
		lines int
		write func(*bytes.Buffer) error
	}{
		{"diagnostics.compact", 4, func(b *bytes.Buffer) error {
			return Formatter{Format: Compact}.Diagnostics(b, fixtureDiagnostics())
		}},
		{"check.compact", 6, func(b *bytes.Buffer) error {
			return Formatter{Format: Compact}.Check(b, fixtureDiagnostics(), fixtureCheck())
		}},
	} {
		var buf bytes.Buffer
		if err := c.write(&buf); err != nil {
			t.Fatal(err)
		}
		golden(t, c.name, buf.Bytes())
		lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
		if len(lines) != c.lines {
			t.Errorf("%s: %d lines, want %d", c.name, len(lines), c.lines)
		}
		for _, l := range lines {
			if !compactLine.MatchString(l) {
				t.Errorf("%s: %q is not FILE:LINE:COL: severity: message", c.name, l)
			}
		}
	}
}

// TestCompactNothing: no problem, no output.
func TestCompactNothing(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	holds := fixtureCheck()[:1]
	if err := (Formatter{Format: Compact}).Check(&buf, nil, holds); err != nil || buf.Len() > 0 {
		t.Errorf("%v, %q", err, buf.String())
	}
}

func TestOneLine(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, want string }{
		{"plain", "plain"},
		{"two\nlines\r\n and\ttab", "two lines and tab"},
		{"  padded  ", "padded"},
		{"esc \x1b[31mred\x1b[0m", `esc \x1b[31mred\x1b[0m`},
		{"bell\a del\x7f", `bell\x07 del\x7f`},
		{"c1 \u009b", `c1 \u009b`},
		{"bad \xff byte", `bad \xff byte`},
		{"ünïcödé ok", "ünïcödé ok"},
		{strings.Repeat("a", maxCompactMessage+10), strings.Repeat("a", maxCompactMessage) + "..."},
	}
	for _, c := range cases {
		if got := oneLine(c.in); got != c.want {
			t.Errorf("oneLine(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCompactPlace(t *testing.T) {
	t.Parallel()
	cases := []struct {
		rng  *hcl.Range
		want string
	}{
		{nil, "vpcreach"},
		{&hcl.Range{}, "vpcreach"},
		{&hcl.Range{Filename: "a.hcl"}, "a.hcl"},
		{&hcl.Range{Filename: "a.hcl", Start: hcl.Pos{Line: 3, Column: 7}}, "a.hcl:3:7"},
		{&hcl.Range{Filename: "a.hcl", Start: hcl.Pos{Line: 3}}, "a.hcl:3:1"},
		{&hcl.Range{Filename: "a\nb.hcl", Start: hcl.Pos{Line: 1, Column: 1}}, "a b.hcl:1:1"},
	}
	for _, c := range cases {
		if got := compactPlace(c.rng); got != c.want {
			t.Errorf("compactPlace(%v) = %q, want %q", c.rng, got, c.want)
		}
	}
}

// FuzzOneLine: whatever the input, a compact message is one line of valid
// UTF-8 without control characters, bounded in length.
func FuzzOneLine(f *testing.F) {
	for _, s := range []string{"", "plain", "a\nb", "\x1b]0;title\a", "\xff\xfe", "\u009b31m", strings.Repeat("é", 1500)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := oneLine(s)
		if !utf8.ValidString(out) {
			t.Fatalf("oneLine(%q) = %q: invalid UTF-8", s, out)
		}
		for _, r := range out {
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
				t.Fatalf("oneLine(%q) = %q: control character %U", s, out, r)
			}
		}
		if len(out) > 4*maxCompactMessage+3 {
			t.Fatalf("oneLine of %d bytes is %d bytes", len(s), len(out))
		}
	})
}
