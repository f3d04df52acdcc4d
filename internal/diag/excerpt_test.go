package diag

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
)

// TestWriteEscapes renders subjects on hostile lines: escape sequences,
// NUL, CR, DEL, C1, bidi controls and invalid UTF-8 are escaped, carets
// stay under the subject, and the file name, block label, summary and
// detail are escaped too.
func TestWriteEscapes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		subject   *hcl.Range
		summary   string
		detail    string
		want      string
	}{
		{"ESC sequence before the subject", "x\x1b[2J\x1b]0;pwned\x07 = bad\n", rng("a.rules", 1, 17, 16, 1, 20, 19), "S", "",
			"a.rules:1:17: Error: S\n\n   1: x\\x1b[2J\\x1b]0;pwned\\x07 = bad\n" +
				"                               ^^^\n\n"},
		{"NUL and CR inside the subject", "a \x00\rb c\n", rng("a.rules", 1, 3, 2, 1, 6, 5), "S", "",
			"a.rules:1:3: Error: S\n\n   1: a \\x00\\x0db c\n        ^^^^^^^^^\n\n"},
		{"CRLF line end dropped", "ab\r\n", rng("a.rules", 1, 1, 0, 1, 3, 2), "S", "",
			"a.rules:1:1: Error: S\n\n   1: ab\n      ^^\n\n"},
		{"DEL, C1, bidi and invalid UTF-8", "\x7f\u0085\u202e\xff!\n", rng("a.rules", 1, 5, 7, 1, 6, 8), "S", "",
			"a.rules:1:5: Error: S\n\n   1: \\x7f\\x85\\u202e\\xff!\n                        ^\n\n"},
		{"escaped summary, detail and file name", "ok\n", rng("\x1b[31mevil.hcl", 1, 1, 0, 1, 2, 1), "Bad\x1b[0m", "Detail \x9b31m.\x00",
			"\\x1b[31mevil.hcl:1:1: Error: Bad\\x1b[0m\n\n   1: ok\n      ^\n\nDetail \\x9b31m.\\x00\n\n"},
	}
	for _, tt := range tests {
		files := map[string]*hcl.File{tt.subject.Filename: {Bytes: []byte(tt.src)}}
		d := &hcl.Diagnostic{Severity: hcl.DiagError, Summary: tt.summary, Detail: tt.detail, Subject: tt.subject}
		var b bytes.Buffer
		if err := Write(&b, files, hcl.Diagnostics{d}); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("%s:\ngot:\n%q\nwant:\n%q", tt.name, b.String(), tt.want)
		}
		if strings.ContainsAny(b.String(), "\x1b\x00\r\x7f\u0085\u202e\u009b") || bytes.IndexByte(b.Bytes(), 0x9b) >= 0 {
			t.Errorf("%s: raw control characters in the output", tt.name)
		}
	}
}

// TestWriteLongLine underlines subjects at the start, middle and end of a
// 1 MB line: each shows at most MaxExcerpt bytes (plus the ellipses)
// around the subject, with its carets under it, quickly.
func TestWriteLongLine(t *testing.T) {
	t.Parallel()
	const n = 1 << 20
	line := strings.Repeat("a", n/2) + "TARGET" + strings.Repeat("\x1b", n/2)
	files := map[string]*hcl.File{"big.rules": {Bytes: []byte(line + "\n")}}
	at := func(col int) *hcl.Range { return rng("big.rules", 1, col, col-1, 1, col+6, col+5) }
	cases := []struct {
		name    string
		subject *hcl.Range
		shows   string
	}{
		{"start", at(1), "aaaaaa"},
		{"middle", at(n/2 + 1), "TARGET"},
		{"end", rng("big.rules", 1, n+7, n+6, 1, n+7, n+6), ""},
	}
	start := time.Now()
	for _, c := range cases {
		var b bytes.Buffer
		if err := Write(&b, files, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "S", Subject: c.subject}}); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(b.String(), "\n")
		if len(lines) < 4 {
			t.Fatalf("%s: %q", c.name, b.String())
		}
		shown, carets := lines[2], lines[3]
		if len(shown) > len("   1: ")+MaxExcerpt+2*len(ellipsis) {
			t.Errorf("%s: excerpt of %d bytes", c.name, len(shown))
		}
		if strings.Contains(shown, "\x1b") {
			t.Errorf("%s: raw ESC", c.name)
		}
		i := strings.Index(carets, "^")
		if i < 0 {
			t.Fatalf("%s: no caret: %q", c.name, carets)
		}
		if c.shows != "" && !strings.HasPrefix(shown[i:], c.shows) {
			t.Errorf("%s: carets under %q, want under %q", c.name, shown[i:min(len(shown), i+6)], c.shows)
		}
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("took %v", el)
	}
}

// TestEscape checks the bound and the kept characters of Escape.
func TestEscape(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in    string
		limit int
		want  string
	}{
		{"a\tb\nc", 10, "a\tb\nc"},
		{"\x1b[1m", 10, `\x1b[1m`},
		{strings.Repeat("x", 20), 10, strings.Repeat("x", 10) + "..."},
		{"\x00\x00\x00", 9, `\x00\x00...`},
		{"é\u2066", 20, `é\u2066`},
	}
	for _, tt := range tests {
		if got := Escape(tt.in, tt.limit); got != tt.want {
			t.Errorf("Escape(%q, %d) = %q, want %q", tt.in, tt.limit, got, tt.want)
		}
	}
}
