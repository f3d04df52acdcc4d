package rules

import (
	"strings"
	"unicode/utf8"

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
	// fixed, when set, is the range every offset of the segment maps to
	// (generated text has no position of its own).
	fixed *hcl.Range
}

// add appends a segment for text at file position pos.
func (m *srcMap) add(off int, text string, pos hcl.Pos) {
	m.segs = append(m.segs, segment{off: off, text: text, pos: pos, ascii: isASCII(text)})
}

// addFixed appends a segment of generated text mapping to r.
func (m *srcMap) addFixed(off int, text string, r *hcl.Range) {
	m.segs = append(m.segs, segment{off: off, text: text, fixed: r})
}

// seg returns the segment holding offset i (the last one for offsets past
// the end).
func (m *srcMap) seg(i int) *segment {
	for k := len(m.segs) - 1; k > 0; k-- {
		if m.segs[k].off <= i {
			return &m.segs[k]
		}
	}
	return &m.segs[0]
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
		col = utf8.RuneCountInString(s.text[:min(d, len(s.text))])
	}
	return hcl.Pos{Line: s.pos.Line, Column: s.pos.Column + col, Byte: s.pos.Byte + d}
}

// rng returns the file range of the logical rule's bytes [lo, hi).
func (m *srcMap) rng(lo, hi int) hcl.Range {
	if hi < lo {
		hi = lo
	}
	return hcl.Range{Filename: m.filename, Start: m.startPos(lo), End: m.endPos(hi)}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
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
// comments. Leading blanks of a rule's first line are skipped (Suricata
// would ignore an indented line altogether; AWS documents rules without
// indentation, and a heredoc's indentation is not meant as a comment).
// A line whose last non-blank byte is '\' continues on the next line: the
// backslash and what follows it are dropped and the next line is appended
// as is, as Suricata does.
func (lr *lineReader) nextRule() (lrule logicalRule, ok bool) {
	for {
		line, pos, more := lr.next()
		if !more {
			return logicalRule{}, false
		}
		trimmed := strings.TrimLeft(line, " \t")
		if trimmed == "" || trimmed[0] == '#' {
			continue
		}
		skip := len(line) - len(trimmed)
		pos = hcl.Pos{Line: pos.Line, Column: pos.Column + skip, Byte: pos.Byte + skip}
		return lr.continueRule(trimmed, pos), true
	}
}

// continueRule builds a logical rule from its first line, following
// continuations.
func (lr *lineReader) continueRule(line string, pos hcl.Pos) logicalRule {
	r := logicalRule{m: srcMap{filename: lr.t.Filename}}
	var b strings.Builder
	for {
		body, cont := splitContinuation(line)
		if !cont && b.Len() == 0 {
			r.m.add(0, body, pos)
			r.text = body
			return r
		}
		r.m.add(b.Len(), body, pos)
		b.WriteString(body)
		if !cont {
			break
		}
		var more bool
		last := segment{text: line, pos: pos, ascii: isASCII(line)}
		line, pos, more = lr.next()
		if !more {
			r.unfinished = true
			r.backslash = hcl.Range{Filename: lr.t.Filename, Start: last.at(len(body)), End: last.at(len(body) + 1)}
			break
		}
	}
	r.text = b.String()
	return r
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
