package diag

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// Write renders diags after sorting and deduplicating them, in HCL's layout
// with the column added and the offending text underlined:
//
//	Error: Undefined variable
//
//	  on net/main.hcl line 8, column 32, in rule_group "rg":
//	   8:     drop tcp $HOME_NET any -> $NOT_DEFINED 80 (sid:2;)
//	                                    ^^^^^^^^^^^^
//
//	The rule uses $NOT_DEFINED, which is not defined. ...
//
// files gives the source of each file named by a subject (HCL and rules
// files alike); without it the source line is left out.
func Write(w io.Writer, files map[string]*hcl.File, diags hcl.Diagnostics) error {
	var b bytes.Buffer
	for _, d := range Sort(Dedupe(diags)) {
		writeOne(&b, files, d)
	}
	_, err := w.Write(b.Bytes())
	return err
}

func writeOne(b *bytes.Buffer, files map[string]*hcl.File, d *hcl.Diagnostic) {
	sev := "Error"
	if d.Severity == hcl.DiagWarning {
		sev = "Warning"
	}
	fmt.Fprintf(b, "%s: %s\n\n", sev, d.Summary)
	if s := d.Subject; s != nil {
		writeSubject(b, files[s.Filename], *s)
	}
	if d.Detail != "" {
		fmt.Fprintf(b, "%s\n\n", d.Detail)
	}
}

// writeSubject writes the "on FILE line N, column C" line and the source
// lines the subject covers, each underlined where the subject lies.
func writeSubject(b *bytes.Buffer, file *hcl.File, s hcl.Range) {
	where := fmt.Sprintf("  on %s line %d, column %d", s.Filename, s.Start.Line, s.Start.Column)
	if file == nil || file.Bytes == nil {
		fmt.Fprintf(b, "%s:\n  (source code not available)\n\n", where)
		return
	}
	if ctx := contextOf(file, s.Start.Byte); ctx != "" {
		where += ", in " + ctx
	}
	fmt.Fprintf(b, "%s:\n", where)
	src := file.Bytes
	at := lineStart(src, s.Start)
	for line := s.Start.Line; at <= len(src) && line <= s.End.Line && line <= s.Start.Line+4; line++ {
		end := bytes.IndexByte(src[at:], '\n')
		if end < 0 {
			end = len(src) - at
		}
		text := strings.TrimSuffix(string(src[at:at+end]), "\r")
		fmt.Fprintf(b, "%4d: %s\n", line, text)
		if u := underline(text, s, line); u != "" {
			fmt.Fprintf(b, "      %s\n", u)
		}
		at += end + 1
		if at > len(src) {
			break
		}
	}
	b.WriteByte('\n')
}

// lineStart returns the offset in src of the first byte of pos's line. It
// starts from pos.Byte when that offset lies on pos.Line (so printing a
// diagnostic costs the length of its lines, not of the file) and counts
// lines from the start of src otherwise.
func lineStart(src []byte, pos hcl.Pos) int {
	if pos.Byte > 0 && pos.Byte <= len(src) {
		at := bytes.LastIndexByte(src[:pos.Byte], '\n') + 1
		if pos.Line == 1 && at == 0 || pos.Line > 1 && at > 0 {
			return at
		}
	}
	at := 0
	for line := 1; line < pos.Line; line++ {
		i := bytes.IndexByte(src[at:], '\n')
		if i < 0 {
			return len(src) + 1
		}
		at += i + 1
	}
	return at
}

// underline returns the caret line for source line number line: spaces
// (tabs kept, so carets align) up to the subject's start column, then a
// caret under every character of the subject on that line.
func underline(text string, s hcl.Range, line int) string {
	from, to := 1, len(text)+1
	if line == s.Start.Line {
		from = s.Start.Column
	}
	if line == s.End.Line {
		to = s.End.Column
	}
	lo, hi := byteOffset(text, from), byteOffset(text, to)
	if hi <= lo {
		hi = lo + 1
	}
	var u strings.Builder
	for _, r := range text[:min(lo, len(text))] {
		if r == '\t' {
			u.WriteByte('\t')
		} else {
			u.WriteByte(' ')
		}
	}
	for i := lo; i < hi; i++ {
		u.WriteByte('^')
	}
	return u.String()
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

// contextOf names the block that holds offset, as HCL does ("rule_group
// \"rg\""); "" for non-HCL files.
func contextOf(file *hcl.File, offset int) string {
	type contextStringer interface{ ContextString(offset int) string }
	if c, ok := file.Nav.(contextStringer); ok {
		return c.ContextString(offset)
	}
	return ""
}
