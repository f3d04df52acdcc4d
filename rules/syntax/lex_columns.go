package syntax

import (
	"sort"
	"unicode/utf8"
)

// Columns of non-ASCII text. A column counts runes, so finding the column
// of a byte offset means counting the runes before it; doing that from the
// start of the segment for every option of a long rule is quadratic. A
// segment that is not ASCII gets column marks instead: every colStride
// bytes (moved forward to the next rune start), the rune count so far.
// The column of an offset is then the nearest mark's count plus the runes
// between the mark and the offset: linear work for the whole rule.

// colStride is the distance in bytes between column marks.
const colStride = 64

// colMark is the rune count of a segment's text before byte off, which
// starts a rune (or is the text's length).
type colMark struct {
	off, col int
}

// columnMarks returns the column marks of text, the first at offset 0.
func columnMarks(text string) []colMark {
	marks := make([]colMark, 0, len(text)/colStride+1)
	marks = append(marks, colMark{})
	off, col := 0, 0
	for next := colStride; next < len(text); next += colStride {
		for next < len(text) && !utf8.RuneStart(text[next]) {
			next++
		}
		if next <= off {
			continue
		}
		col += utf8.RuneCountInString(text[off:next])
		off = next
		marks = append(marks, colMark{off, col})
	}
	return marks
}

// runeColumn returns the number of runes of text[:d] using marks (from
// columnMarks(text)); with no marks it counts from the start. Splitting
// the count at a rune start gives the same total as counting at once,
// valid UTF-8 or not: an invalid byte counts as one rune either way.
func runeColumn(text string, marks []colMark, d int) int {
	d = min(d, len(text))
	if len(marks) == 0 {
		return utf8.RuneCountInString(text[:d])
	}
	k := sort.Search(len(marks), func(i int) bool { return marks[i].off > d }) - 1
	m := marks[k]
	return m.col + utf8.RuneCountInString(text[m.off:d])
}
