package topology

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// lineStarts returns, for each line of the evaluated rules string s, the
// position in the source file of its first byte. rng is the expression's
// range in src.
//
//   - Heredocs (<<EOT and <<-EOT): line i of s is source line i after the
//     opener; its column is found by locating the evaluated line inside the
//     source line (<<- strips the common indentation).
//   - Quoted strings: every line is on the expression's line; a line starts
//     right after the "\n" escape that ends the previous one.
//   - Anything else (a local value, a template): every line maps to the
//     start of the expression, the best the syntax allows.
func lineStarts(src []byte, rng hcl.Range, s string) []hcl.Pos {
	lines := strings.Split(s, "\n")
	if rng.Start.Byte < 0 || rng.End.Byte > len(src) || rng.Start.Byte >= rng.End.Byte {
		return repeatPos(rng.Start, len(lines))
	}
	exprSrc := src[rng.Start.Byte:rng.End.Byte]
	switch {
	case bytes.HasPrefix(exprSrc, []byte("<<")):
		return heredocStarts(src, rng, lines)
	case exprSrc[0] == '"':
		return quotedStarts(src, rng, len(lines))
	}
	return repeatPos(rng.Start, len(lines))
}

func repeatPos(p hcl.Pos, n int) []hcl.Pos {
	out := make([]hcl.Pos, n)
	for i := range out {
		out[i] = p
	}
	return out
}

func heredocStarts(src []byte, rng hcl.Range, lines []string) []hcl.Pos {
	nl := bytes.IndexByte(src[rng.Start.Byte:rng.End.Byte], '\n')
	if nl < 0 {
		return repeatPos(rng.Start, len(lines))
	}
	off := rng.Start.Byte + nl + 1
	line := rng.Start.Line + 1
	out := make([]hcl.Pos, 0, len(lines))
	for _, want := range lines {
		if off > len(src) {
			off = len(src)
		}
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src) - off
		}
		srcLine := strings.TrimSuffix(string(src[off:off+end]), "\r")
		skip := 0 // bytes of the source line before the evaluated text
		switch {
		case want == "":
			skip = len(srcLine)
		case strings.HasSuffix(srcLine, want):
			skip = len(srcLine) - len(want)
		case strings.Contains(srcLine, want):
			skip = strings.Index(srcLine, want)
		}
		out = append(out, hcl.Pos{
			Line:   line,
			Column: utf8.RuneCountInString(srcLine[:skip]) + 1,
			Byte:   off + skip,
		})
		off += end + 1
		line++
	}
	return out
}

// quotedStarts maps the lines of a quoted string: line i+1 starts after
// the i-th "\n" escape.
func quotedStarts(src []byte, rng hcl.Range, n int) []hcl.Pos {
	start := rng.Start.Byte + 1
	pos := func(off int) hcl.Pos {
		return hcl.Pos{
			Line:   rng.Start.Line,
			Column: rng.Start.Column + utf8.RuneCount(src[rng.Start.Byte:off]),
			Byte:   off,
		}
	}
	out := []hcl.Pos{pos(start)}
	for i := start; i < rng.End.Byte && len(out) < n; i++ {
		switch src[i] {
		case '"':
			i = rng.End.Byte // end of the literal
		case '\\':
			if i+1 < rng.End.Byte && src[i+1] == 'n' {
				out = append(out, pos(i+2))
			}
			i++
		}
	}
	return out
}
