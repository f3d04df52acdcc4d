package diff

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// FuzzTokens feeds arbitrary bytes and ranges to the block comparison's
// tokenizer: it must never panic, and text that differs only in layout
// and comments must compare equal.
func FuzzTokens(f *testing.F) {
	f.Add([]byte("vpc \"a\" {\n  cidr_blocks = [\"10.0.0.0/16\"] # c\n}\n"), 0, 40)
	f.Add([]byte("rules = <<EOT\npass tcp any any -> any 443 (sid:1;)\nEOT\n"), 3, 200)
	f.Add([]byte("\xff\x00{"), -1, 5)
	f.Fuzz(func(t *testing.T, src []byte, start, end int) {
		rng := hcl.Range{Filename: "f.hcl", Start: hcl.Pos{Byte: start, Line: 1, Column: 1}, End: hcl.Pos{Byte: end}}
		_ = tokens(src, rng)
		all := hcl.Range{Filename: "f.hcl", Start: hcl.Pos{Line: 1, Column: 1}, End: hcl.Pos{Byte: len(src)}}
		spaced := append(append([]byte{}, src...), []byte("\n\n# trailing comment\n")...)
		allSpaced := all
		allSpaced.End.Byte = len(spaced)
		if a, b := tokens(src, all), tokens(spaced, allSpaced); a != b && validHCLish(src) {
			t.Errorf("a trailing comment changed the tokens: %q vs %q", a, b)
		}
	})
}

// validHCLish reports whether src parses without errors and ends with a
// newline, where a comment may follow (else it would join an open token).
func validHCLish(src []byte) bool {
	if len(src) == 0 || src[len(src)-1] != '\n' {
		return false
	}
	_, diags := hclsyntax.ParseConfig(src, "f.hcl", hcl.InitialPos)
	return !diags.HasErrors()
}
