package syntax

import (
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// srcMap maps byte offsets of one logical rule string to ranges in the file
// the rule came from. A logical rule is made of segments: the pieces of
// physical lines joined by '\' continuations, or, for generated rules
// (standard rules, domain lists), pieces that all map to one HCL range.
type srcMap struct {
	filename string
	segs     []segment
}

// segment is a run of a logical rule that maps to the file contiguously.
type segment struct {
	off   int     // offset of the segment's first byte in the logical rule
	text  string  // the segment's text
	pos   hcl.Pos // file position of the segment's first byte
	ascii bool    // text is ASCII, so columns advance with bytes
	// marks index the columns of a non-ASCII segment (see columnMarks).
	marks []colMark
	// fixed, when set, is the range every offset of the segment maps to
	// (generated text has no position of its own).
	fixed *hcl.Range
}

// add appends a segment for text at file position pos. Whether the text
// is ASCII is found later (see markASCII).
func (m *srcMap) add(off int, text string, pos hcl.Pos) {
	m.segs = append(m.segs, segment{off: off, text: text, pos: pos})
}

// markASCII records which segments are ASCII; all tells that the whole
// rule is.
func (m *srcMap) markASCII(all bool) {
	for i := range m.segs {
		s := &m.segs[i]
		s.ascii = all || IsASCII(s.text)
		if !s.ascii && s.fixed == nil {
			s.marks = columnMarks(s.text)
		}
	}
}

// addFixed appends a segment of generated text mapping to r.
func (m *srcMap) addFixed(off int, text string, r *hcl.Range) {
	m.segs = append(m.segs, segment{off: off, text: text, fixed: r})
}

// seg returns the segment holding offset i (the last one for offsets past
// the end): a binary search, segments being in offset order.
func (m *srcMap) seg(i int) *segment {
	k := sort.Search(len(m.segs), func(k int) bool { return m.segs[k].off > i }) - 1
	return &m.segs[max(k, 0)]
}

// startPos returns the file position of the byte at offset i.
func (m *srcMap) startPos(i int) hcl.Pos {
	s := m.seg(i)
	if s.fixed != nil {
		return s.fixed.Start
	}
	return s.at(i - s.off)
}

// endPos returns the file position just after the byte at offset i-1.
func (m *srcMap) endPos(i int) hcl.Pos {
	if i <= 0 {
		return m.startPos(0)
	}
	s := m.seg(i - 1)
	if s.fixed != nil {
		return s.fixed.End
	}
	return s.at(i - s.off)
}

// at returns the position d bytes into a positioned segment.
func (s *segment) at(d int) hcl.Pos {
	col := d
	if !s.ascii {
		col = runeColumn(s.text, s.marks, d)
	}
	return hcl.Pos{Line: s.pos.Line, Column: s.pos.Column + col, Byte: s.pos.Byte + d}
}

// rng returns the file range of the logical rule's bytes [lo, hi).
func (m *srcMap) rng(lo, hi int) hcl.Range {
	var r hcl.Range
	m.setRange(&r, lo, hi)
	return r
}

// setRange stores the file range of the bytes [lo, hi) in *r (in place:
// this runs for every option of every rule).
func (m *srcMap) setRange(r *hcl.Range, lo, hi int) {
	if hi < lo {
		hi = lo
	}
	r.Filename = m.filename
	if len(m.segs) == 1 && m.segs[0].ascii && m.segs[0].fixed == nil {
		// The common case: a one-line ASCII rule.
		p := &m.segs[0].pos
		r.Start = hcl.Pos{Line: p.Line, Column: p.Column + lo, Byte: p.Byte + lo}
		r.End = hcl.Pos{Line: p.Line, Column: p.Column + hi, Byte: p.Byte + hi}
		return
	}
	r.Start, r.End = m.startPos(lo), m.endPos(hi)
}

// logicalRule is one rule of a Text: its text with continuations joined,
// and the map back to the file.
type logicalRule struct {
	text string
	m    srcMap
	// unfinished is set when the last line ends with a continuation '\';
	// backslash is then that backslash's range.
	unfinished bool
	backslash  hcl.Range
}

// lineReader walks the physical lines of a Text and tracks their file
// positions.
type lineReader struct {
	t    Text
	rest string  // text not yet read
	n    int     // index of the next line
	pos  hcl.Pos // position of the next line
	// cur is the rule nextRule returns, reused from rule to rule (with
	// its source map's segments): a logical rule is only used while it is
	// parsed.
	cur logicalRule
}

func newLineReader(t Text) *lineReader {
	return &lineReader{t: t, rest: t.Text, pos: hcl.Pos{Line: 1, Column: 1, Byte: 0}}
}

// next returns the next physical line (without its line break or a final
// '\r') and its file position; ok is false at the end of the text.
func (lr *lineReader) next() (line string, pos hcl.Pos, ok bool) {
	if lr.rest == "" {
		return "", hcl.Pos{}, false
	}
	if lr.n < len(lr.t.LineStarts) {
		lr.pos = lr.t.LineStarts[lr.n]
	}
	pos = lr.pos
	line = lr.rest
	adv := len(line)
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line, adv = line[:i], i+1
	}
	lr.rest = lr.rest[adv:]
	lr.n++
	lr.pos = hcl.Pos{Line: pos.Line + 1, Column: 1, Byte: pos.Byte + adv}
	line = strings.TrimSuffix(line, "\r")
	return line, pos, true
}

// nextRule returns the next logical rule, skipping blank lines and '#'
// comments. The rule is valid until the next call. Leading blanks of a rule's first line are skipped (Suricata
// would ignore an indented line altogether; AWS documents rules without
// indentation, and a heredoc's indentation is not meant as a comment).
// A line whose last non-blank byte is '\' continues on the next line: the
// backslash and what follows it are dropped and the next line is appended
// as is, as Suricata does.
func (lr *lineReader) nextRule() (*logicalRule, bool) {
	for {
		line, pos, more := lr.next()
		if !more {
			return nil, false
		}
		trimmed := strings.TrimLeft(line, " \t")
		if trimmed == "" || trimmed[0] == '#' {
			continue
		}
		skip := len(line) - len(trimmed)
		pos = hcl.Pos{Line: pos.Line, Column: pos.Column + skip, Byte: pos.Byte + skip}
		lr.continueRule(trimmed, pos)
		return &lr.cur, true
	}
}

// continueRule builds lr.cur from a rule's first line, following
// continuations.
func (lr *lineReader) continueRule(line string, pos hcl.Pos) {
	r := &lr.cur
	*r = logicalRule{m: srcMap{filename: lr.t.Filename, segs: r.m.segs[:0]}}
	body, cont := splitContinuation(line)
	if !cont {
		r.m.add(0, body, pos)
		r.text = body
		return
	}
	var b strings.Builder
	for cont {
		r.m.add(b.Len(), body, pos)
		b.WriteString(body)
		last := segment{text: line, pos: pos}
		last.ascii = IsASCII(line)
		var more bool
		line, pos, more = lr.next()
		if !more {
			r.unfinished = true
			r.backslash = hcl.Range{Filename: lr.t.Filename, Start: last.at(len(body)), End: last.at(len(body) + 1)}
			break
		}
		body, cont = splitContinuation(line)
		if !cont {
			r.m.add(b.Len(), body, pos)
			b.WriteString(body)
		}
	}
	r.text = b.String()
}

// splitContinuation returns line without a trailing continuation
// backslash (and the blanks after it), and whether there was one.
// Trailing blanks of a line that does not continue are dropped too.
func splitContinuation(line string) (string, bool) {
	t := strings.TrimRight(line, " \t\r\v\f")
	if strings.HasSuffix(t, "\\") {
		return t[:len(t)-1], true
	}
	return t, false
}
