package render

import (
	"io"
	"strings"
	"unicode/utf8"
)

// DefaultWidth is the width, in columns, that tables fit when the caller
// gives none (output that is not a terminal).
const DefaultWidth = 100

// minWidth is the narrowest layout tables are fitted to; a smaller width
// is taken as this one.
const minWidth = 60

// style is how a piece of text is coloured on a terminal.
type style int

const (
	plain style = iota
	good        // green: reachable, holds
	bad         // red: not reachable, blocked, fails
	warn        // yellow: ambiguous
	dim         // faint: notes
)

// ansi is the SGR escape sequence that starts each style. Read-only.
var ansi = [...]string{plain: "", good: "\x1b[32m", bad: "\x1b[31m", warn: "\x1b[33m", dim: "\x1b[2m"}

// textOpts is how text output is laid out: the width to fit and whether
// to colour it.
type textOpts struct {
	width int
	color bool
}

// paint wraps s in st's colour when o colours; s must hold no line break.
func (o textOpts) paint(s string, st style) string {
	if !o.color || st == plain || s == "" {
		return s
	}
	return ansi[st] + s + "\x1b[0m"
}

// grid is a table of text: a header row and rows of cells, or notes that
// span the whole table. It is laid out to fit a width, wrapping cells at
// spaces (and inside words longer than a column), in plain ASCII.
type grid struct {
	headers []string
	rows    []gridRow
}

type gridRow struct {
	cells  []string
	styles []style // per cell; nil or short means plain
	note   string  // a row that spans the table, when set
	noteSt style
}

func newGrid(headers ...string) *grid { return &grid{headers: headers} }

// add appends a row of cells (missing cells are empty).
func (g *grid) add(cells ...string) *gridRow {
	g.rows = append(g.rows, gridRow{cells: cells})
	return &g.rows[len(g.rows)-1]
}

// style sets the style of cell i of the row.
func (r *gridRow) style(i int, st style) *gridRow {
	for len(r.styles) <= i {
		r.styles = append(r.styles, plain)
	}
	r.styles[i] = st
	return r
}

// addNote appends a row that spans every column.
func (g *grid) addNote(text string, st style) {
	g.rows = append(g.rows, gridRow{note: text, noteSt: st})
}

// naturalWidth is the width of the table with no cell wrapped.
func (g *grid) naturalWidth() int {
	w := g.natural()
	total := 3*len(w) + 1
	for _, c := range w {
		total += c
	}
	return total
}

// natural returns each column's widest header or cell line.
func (g *grid) natural() []int {
	w := make([]int, len(g.headers))
	for i, h := range g.headers {
		w[i] = textWidth(h)
	}
	for _, r := range g.rows {
		for i := range w {
			if i < len(r.cells) {
				w[i] = max(w[i], textWidth(r.cells[i]))
			}
		}
	}
	return w
}

// widths fits the columns into width: the widest column gives up a
// character at a time, first down to its longest word (at most 48), so
// that names are not cut, then down to its header's width (at least 8,
// unless its content is narrower). A table that cannot fit is left wider
// than width.
func (g *grid) widths(width int) []int {
	w := g.natural()
	words := g.longestWords()
	avail := width - (3*len(w) + 1)
	for _, hard := range []bool{false, true} {
		floor := make([]int, len(w))
		for i, h := range g.headers {
			floor[i] = min(w[i], max(textWidth(h), 8))
			if !hard {
				floor[i] = max(floor[i], min(words[i], 48))
			}
		}
		shrink(w, floor, avail)
	}
	return w
}

// shrink takes a character at a time from the widest column above its
// floor until the columns fit avail or none can give more.
func shrink(w, floor []int, avail int) {
	total := 0
	for _, c := range w {
		total += c
	}
	for total > avail {
		widest := -1
		for i := range w {
			if w[i] > floor[i] && (widest < 0 || w[i] > w[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			return
		}
		w[widest]--
		total--
	}
}

// longestWords returns each column's longest word (header included).
func (g *grid) longestWords() []int {
	out := make([]int, len(g.headers))
	measure := func(i int, s string) {
		for _, f := range strings.Fields(s) {
			out[i] = max(out[i], utf8.RuneCountInString(f))
		}
	}
	for i, h := range g.headers {
		measure(i, h)
	}
	for _, r := range g.rows {
		for i := range out {
			if i < len(r.cells) {
				measure(i, r.cells[i])
			}
		}
	}
	return out
}

// render writes the table fitted to o.width.
func (g *grid) render(out io.Writer, o textOpts) error {
	w := g.widths(o.width)
	var b strings.Builder
	rule := ruleLine(w)
	b.WriteString(rule)
	g.writeRow(&b, w, g.headers, nil, o)
	b.WriteString(rule)
	inner := len(rule) - 5 // between "| " and " |"
	for _, r := range g.rows {
		if r.note != "" {
			for _, line := range wrap(r.note, max(inner, 1)) {
				b.WriteString("| " + o.paint(line, r.noteSt) + strings.Repeat(" ", max(inner-textWidth(line), 0)) + " |\n")
			}
			continue
		}
		g.writeRow(&b, w, r.cells, r.styles, o)
	}
	b.WriteString(rule)
	_, err := io.WriteString(out, b.String())
	return err
}

// plainWidth is the width of renderPlain's table: no cell wrapped, one
// space between columns.
func (g *grid) plainWidth() int {
	total := 0
	for _, c := range g.natural() {
		total += c + 1
	}
	return max(total-1, 0)
}

// renderPlain writes the table without borders, columns one space apart
// and no cell wrapped: the densest layout, for a matrix of short cells.
// Notes are left out.
func (g *grid) renderPlain(out io.Writer, o textOpts) error {
	w := g.natural()
	var b strings.Builder
	line := func(cells []string, styles []style) {
		var l strings.Builder
		for i, cw := range w {
			text := ""
			if i < len(cells) {
				text = cells[i]
			}
			st := plain
			if i < len(styles) {
				st = styles[i]
			}
			if i > 0 {
				l.WriteByte(' ')
			}
			l.WriteString(o.paint(text, st) + strings.Repeat(" ", max(cw-textWidth(text), 0)))
		}
		b.WriteString(strings.TrimRight(l.String(), " ") + "\n")
	}
	line(g.headers, nil)
	for _, r := range g.rows {
		if r.note == "" {
			line(r.cells, r.styles)
		}
	}
	_, err := io.WriteString(out, b.String())
	return err
}

func ruleLine(w []int) string {
	var b strings.Builder
	b.WriteByte('+')
	for _, c := range w {
		b.WriteString(strings.Repeat("-", c+2))
		b.WriteByte('+')
	}
	b.WriteByte('\n')
	return b.String()
}

// writeRow writes one row, each cell wrapped to its column.
func (g *grid) writeRow(b *strings.Builder, w []int, cells []string, styles []style, o textOpts) {
	lines := make([][]string, len(w))
	height := 1
	for i := range w {
		if i < len(cells) {
			lines[i] = wrap(cells[i], w[i])
		}
		height = max(height, len(lines[i]))
	}
	for l := 0; l < height; l++ {
		b.WriteByte('|')
		for i, cw := range w {
			text := ""
			if l < len(lines[i]) {
				text = lines[i][l]
			}
			st := plain
			if i < len(styles) {
				st = styles[i]
			}
			b.WriteString(" " + o.paint(text, st) + strings.Repeat(" ", max(cw-textWidth(text), 0)) + " |")
		}
		b.WriteByte('\n')
	}
}

// textWidth is the width of the widest line of s, in characters.
func textWidth(s string) int {
	n := 0
	for _, line := range strings.Split(s, "\n") {
		n = max(n, utf8.RuneCountInString(line))
	}
	return n
}

// wrap breaks s into lines of at most width characters: at spaces where
// it can, inside a word longer than width where it must (after a
// punctuation mark of the word when there is one). Line breaks in s
// are kept; runs of spaces at a break are dropped.
func wrap(s string, width int) []string {
	width = max(width, 1)
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, wrapLine(para, width)...)
	}
	return out
}

func wrapLine(s string, width int) []string {
	var lines []string
	cur, curLen := "", 0
	flush := func() {
		lines = append(lines, cur)
		cur, curLen = "", 0
	}
	for _, word := range strings.Fields(s) {
		wl := utf8.RuneCountInString(word)
		if curLen > 0 && curLen+1+wl > width {
			flush()
		}
		for wl > width { // a word longer than a line: cut it
			if curLen > 0 {
				flush()
			}
			head, tail := splitRunes(word, breakPoint(word, width))
			lines = append(lines, head)
			word, wl = tail, utf8.RuneCountInString(tail)
		}
		if curLen > 0 {
			cur += " "
			curLen++
		}
		cur += word
		curLen += wl
	}
	if curLen > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// breakPoint is where to cut a word too long for a line of width
// characters: after the last '.', '/', ':' or ',' of its first width
// characters (so that resource names break between type and name), else
// after the last '_' or '-', else after width characters.
func breakPoint(word string, width int) int {
	n, major, minor := 0, 0, 0
	for _, r := range word {
		if n == width {
			break
		}
		n++
		switch r {
		case '.', '/', ':', ',':
			major = n
		case '_', '-':
			minor = n
		}
	}
	switch {
	case major > 0:
		return major
	case minor > 0:
		return minor
	}
	return width
}

// splitRunes splits s after n characters.
func splitRunes(s string, n int) (string, string) {
	i := 0
	for k := range s {
		if i == n {
			return s[:k], s[k:]
		}
		i++
	}
	return s, ""
}

// writeWrapped writes s wrapped to o.width, the first line after first
// and the others after rest (indents, counted in the width), each line
// painted with st.
func writeWrapped(b io.Writer, s string, first, rest string, st style, o textOpts) {
	width := max(o.width-max(len(first), len(rest)), 10)
	for i, line := range wrap(s, width) {
		indent := rest
		if i == 0 {
			indent = first
		}
		_, _ = io.WriteString(b, indent+o.paint(line, st)+"\n")
	}
}
