package render

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzWrap: whatever the text and width, no line is wider than the width
// and no non-space character is lost or reordered.
func FuzzWrap(f *testing.F) {
	for _, seed := range []string{"", "a b c", "transit_gateway_attachment.inspection (static, spoke)",
		"x\n\ny  z\tw", "héllo wörld", strings.Repeat("long", 20)} {
		f.Add(seed, 7)
	}
	f.Fuzz(func(t *testing.T, s string, width int) {
		if !utf8.ValidString(s) || width < 1 || width > 500 {
			return
		}
		lines := wrap(s, width)
		for _, l := range lines {
			if n := utf8.RuneCountInString(l); n > width {
				t.Fatalf("wrap(%q, %d): line %q has %d characters", s, width, l, n)
			}
		}
		if got, want := strings.Join(strings.Fields(strings.Join(lines, " ")), ""), strings.Join(strings.Fields(s), ""); got != want {
			t.Fatalf("wrap(%q, %d) = %q: text changed", s, width, lines)
		}
	})
}
