package diag

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// ellipsis marks where a line or text was cut.
const ellipsis = "..."

// excerpt returns source line number line (text) as shown for subject
// s, escaped and cut to at most MaxExcerpt bytes around the subject's
// start, and the caret line under it: spaces (tabs kept) up to the
// subject, then a caret under every byte shown of the subject on this
// line (one caret at least, after the text when the subject starts at the
// end of the line).
func excerpt(text string, s hcl.Range, line int) (shown, carets string) {
	lo, hi := subjectBytes(text, s, line)
	from := 0
	if len(text) > MaxExcerpt && lo > MaxExcerpt/4 {
		from = lo - MaxExcerpt/4
		for from < len(text) && !utf8.RuneStart(text[from]) {
			from++
		}
	}
	var out, car strings.Builder
	if from > 0 {
		out.WriteString(ellipsis)
		car.WriteString("   ")
	}
	marked := false
	i := from
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		d := escapeRune(r, text[i:i+size])
		if out.Len()+len(d) > MaxExcerpt+len(ellipsis) {
			out.WriteString(ellipsis)
			break
		}
		out.WriteString(d)
		mark := i >= lo && i < hi
		marked = marked || mark
		writeCarets(&car, d, r == '\t', mark)
		i += size
	}
	if !marked && lo >= i && i == len(text) {
		car.WriteByte('^') // the subject starts at the end of the line
		marked = true
	}
	if !marked {
		return out.String(), ""
	}
	return out.String(), strings.TrimRight(car.String(), " \t")
}

// subjectBytes returns the byte span of s on line line of text (at least
// one byte, possibly past the end).
func subjectBytes(text string, s hcl.Range, line int) (lo, hi int) {
	from, to := 1, len(text)+1
	if line == s.Start.Line {
		from = s.Start.Column
	}
	if line == s.End.Line {
		to = s.End.Column
	}
	lo, hi = byteOffset(text, from), byteOffset(text, to)
	if hi <= lo {
		hi = lo + 1
	}
	return lo, hi
}

// writeCarets writes under the shown text d a caret per byte (mark) or
// blanks (a tab under a tab, so carets align).
func writeCarets(b *strings.Builder, d string, tab, mark bool) {
	switch {
	case tab && !mark:
		b.WriteByte('\t')
	case mark:
		b.WriteString(strings.Repeat("^", max(1, utf8.RuneCountInString(d))))
	default:
		b.WriteString(strings.Repeat(" ", max(1, utf8.RuneCountInString(d))))
	}
}

// byteOffset converts a 1-based column (in characters) to a byte offset.
func byteOffset(text string, col int) int {
	n := 1
	for i := range text {
		if n == col {
			return i
		}
		n++
	}
	return len(text) + (col - n)
}

// Escape returns s with every character a terminal could act on escaped
// (see escapeRune; tabs and new lines are kept), cut to at most limit
// bytes with "..." appended when longer.
func Escape(s string, limit int) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		d := escapeRune(r, s[i:i+size])
		if r == '\n' {
			d = "\n"
		}
		if b.Len()+len(d) > limit {
			b.WriteString(ellipsis)
			break
		}
		b.WriteString(d)
		i += size
	}
	return b.String()
}

// escapeRune returns how r (whose bytes are raw) is shown: itself, or an
// escape for a control character (C0 but tab, DEL, C1), an invalid byte,
// and the bidirectional-text controls that can reorder what a terminal
// shows (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069).
func escapeRune(r rune, raw string) string {
	switch {
	case r == utf8.RuneError && len(raw) == 1:
		return `\x` + hex2(raw[0])
	case r == '\t':
		return "\t"
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		return `\x` + hex2(byte(r))
	case r == 0x061c || r == 0x200e || r == 0x200f || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
		return `\u` + strconv.FormatInt(int64(r), 16)
	}
	return raw
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}
