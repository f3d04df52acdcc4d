package syntax

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

// FuzzParseRule checks that ParseRule never panics, that every diagnostic
// has a subject inside the input, and that an accepted rule round-trips
// through String.
func FuzzParseRule(f *testing.F) {
	f.Add(`pass tls $HOME_NET any -> $EXTERNAL_NET 443 (tls.sni; content:"example.com"; sid:1;)`)
	f.Add(`drop tcp any any -> any any (content:"|41 42|a\;"; depth:3; pcre:"/a(b)[)]/iR"; flow:established,to_server; dsize:1<>9; byte_test:2,!=,0x10,-1,relative; flowbits:isset,a|b; sid:2;)`)
	f.Fuzz(func(t *testing.T, src string) {
		r, diags := ParseRule(src, hcl.InitialPos, "fuzz.rules")
		checkSubjects(t, src, diags)
		if r == nil {
			if !diags.HasErrors() {
				t.Fatalf("no rule and no error for %q", src)
			}
			return
		}
		checkRoundTrip(t, r)
	})
}

// FuzzParseText checks ParseText the same way, with continuations and
// comments in play.
func FuzzParseText(f *testing.F) {
	f.Add("# c\npass tcp any any -> any any (sid:1;)\nalert tcp any any -> \\\n any any (sid:2;)\n")
	f.Fuzz(func(t *testing.T, src string) {
		rs, diags := ParseText(Text{Filename: "fuzz.rules", Text: src})
		checkSubjects(t, src, diags)
		for _, r := range rs {
			if r.Range.Start.Byte < 0 || r.Range.End.Byte > len(src) {
				t.Fatalf("rule range %v outside the %d-byte input", r.Range, len(src))
			}
			checkRoundTrip(t, r)
		}
	})
}

// checkSubjects checks that each diagnostic points inside src.
func checkSubjects(t *testing.T, src string, diags hcl.Diagnostics) {
	t.Helper()
	for _, d := range diags {
		s := d.Subject
		if s == nil || s.Start.Byte < 0 || s.End.Byte > len(src) || s.Start.Byte > s.End.Byte ||
			s.Start.Line < 1 || s.Start.Column < 1 || d.Summary == "" || d.Detail == "" {
			t.Fatalf("bad diagnostic %+v for %q", d, src)
		}
		if strings.Count(src[:s.Start.Byte], "\n")+1 != s.Start.Line {
			t.Fatalf("diagnostic %q at byte %d says line %d in %q", d.Summary, s.Start.Byte, s.Start.Line, src)
		}
	}
}
