package diag

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// Write renders diags after sorting and deduplicating them, each starting
// with FILE:LINE:COLUMN (as compilers, editors and CI problem matchers read
// it), then the block that holds it and the offending text underlined:
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
	if s := d.Subject; s != nil {
		fmt.Fprintf(b, "%s:%d:%d: ", s.Filename, s.Start.Line, s.Start.Column)
	}
	fmt.Fprintf(b, "%s: %s\n\n", sev, d.Summary)
	if s := d.Subject; s != nil {
		writeSubject(b, files[s.Filename], *s)
	}
	if d.Detail != "" {
		fmt.Fprintf(b, "%s\n\n", d.Detail)
	}
}

// writeSubject writes the "in BLOCK:" line (HCL files) and the source
// lines the subject covers, each underlined where the subject lies.
func writeSubject(b *bytes.Buffer, file *hcl.File, s hcl.Range) {
	if file == nil || file.Bytes == nil {
		b.WriteString("  (source code not available)\n\n")
		return
	}
	if ctx := contextOf(file, s.Start.Byte); ctx != "" {
		fmt.Fprintf(b, "  in %s:\n", ctx)
	}
	sc := bufio.NewScanner(bytes.NewReader(file.Bytes))
	sc.Buffer(make([]byte, 0, 64*1024), len(file.Bytes)+1)
	for line := 1; sc.Scan(); line++ {
		if line < s.Start.Line || line > s.End.Line || line > s.Start.Line+4 {
			continue
		}
		text := sc.Text()
		fmt.Fprintf(b, "%4d: %s\n", line, text)
		if u := underline(text, s, line); u != "" {
			fmt.Fprintf(b, "      %s\n", u)
		}
	}
	b.WriteByte('\n')
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
