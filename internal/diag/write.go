package diag

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// Bounds of what Write prints of the input: MaxExcerpt bytes of each
// source line shown (escapes counted; a longer line is cut around the
// subject, with "..." on the cut side), MaxDetail bytes of a detail, and
// at most maxLines source lines per subject.
const (
	MaxExcerpt = 200
	MaxDetail  = 2000
	maxLines   = 5
)

// Write renders diags after sorting and deduplicating them, in HCL's layout
// with the column added and the offending text underlined:
//
//	net/main.hcl:8:32: Error: Undefined variable
//
//	  in rule_group "rg":
//	   8:     drop tcp $HOME_NET any -> $NOT_DEFINED 80 (sid:2;)
//	                                    ^^^^^^^^^^^^
//
//	The rule uses $NOT_DEFINED, which is not defined. ...
//
// A diagnostic without a subject starts with its severity ("Error: ...").
// files gives the source of each file named by a subject (HCL and rules
// files alike); without it the source line is left out.
//
// Input is untrusted: every text taken from it (source lines, file
// names, block labels, summaries and details) is printed with control
// characters, invalid UTF-8 and bidirectional-text controls escaped (Go
// escapes such as \x1b and \u202e), so that a file cannot drive the
// terminal, and bounded (MaxExcerpt, MaxDetail). Tabs of source lines
// are kept, so carets align.
func Write(w io.Writer, files map[string]*hcl.File, diags hcl.Diagnostics) error {
	var b bytes.Buffer
	idx := lineIndexes{}
	for _, d := range Sort(Dedupe(diags)) {
		writeOne(&b, files, idx, d)
	}
	_, err := w.Write(b.Bytes())
	return err
}

func writeOne(b *bytes.Buffer, files map[string]*hcl.File, idx lineIndexes, d *hcl.Diagnostic) {
	sev := "Error"
	if d.Severity == hcl.DiagWarning {
		sev = "Warning"
	}
	if s := d.Subject; s != nil {
		fmt.Fprintf(b, "%s:%d:%d: ", Escape(s.Filename, MaxExcerpt), s.Start.Line, s.Start.Column)
	}
	fmt.Fprintf(b, "%s: %s\n\n", sev, Escape(d.Summary, MaxExcerpt))
	if s := d.Subject; s != nil {
		writeSubject(b, files[s.Filename], idx, *s)
	}
	if d.Detail != "" {
		fmt.Fprintf(b, "%s\n\n", Escape(d.Detail, MaxDetail))
	}
}

// writeSubject writes the "in BLOCK:" line (HCL files) and the source
// lines the subject covers (at most maxLines), each underlined where the
// subject lies.
func writeSubject(b *bytes.Buffer, file *hcl.File, idx lineIndexes, s hcl.Range) {
	if file == nil || file.Bytes == nil {
		b.WriteString("  (source code not available)\n\n")
		return
	}
	if ctx := contextOf(file, s.Start.Byte); ctx != "" {
		fmt.Fprintf(b, "  in %s:\n", Escape(ctx, MaxExcerpt))
	}
	starts := idx.of(s.Filename, file.Bytes)
	for line := max(s.Start.Line, 1); line <= s.End.Line && line < s.Start.Line+maxLines && line <= len(starts); line++ {
		text := lineText(file.Bytes, starts, line)
		shown, carets := excerpt(text, s, line)
		fmt.Fprintf(b, "%4d: %s\n", line, shown)
		if carets != "" {
			fmt.Fprintf(b, "      %s\n", carets)
		}
	}
	b.WriteByte('\n')
}

// lineIndexes holds, per file name, the byte offset of each line's start,
// computed once per Write, so that each diagnostic costs the length of
// its lines, not of its file.
type lineIndexes map[string][]int

func (x lineIndexes) of(name string, src []byte) []int {
	if starts, ok := x[name]; ok {
		return starts
	}
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for at := 0; ; {
		i := bytes.IndexByte(src[at:], '\n')
		if i < 0 || at+i+1 >= len(src) {
			break
		}
		at += i + 1
		starts = append(starts, at)
	}
	if len(src) == 0 {
		starts = nil
	}
	x[name] = starts
	return starts
}

// lineText is line number line (1-based) of src, without its "\n" or
// "\r\n".
func lineText(src []byte, starts []int, line int) string {
	from := starts[line-1]
	to := len(src)
	if line < len(starts) {
		to = starts[line] - 1
	} else if i := bytes.IndexByte(src[from:], '\n'); i >= 0 {
		to = from + i
	}
	return strings.TrimSuffix(string(src[from:to]), "\r")
}

// contextOf names the block that holds offset, as HCL does ("rule_group
// \"rg\""); "" for non-HCL files.
func contextOf(file *hcl.File, offset int) string {
	type contextStringer interface{ ContextString(offset int) string }
	if c, ok := file.Nav.(contextStringer); ok {
		return c.ContextString(offset)
	}
	return ""
}
