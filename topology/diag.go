package topology

import (
	"fmt"
	"sort"

	"github.com/hashicorp/hcl/v2"
)

// SortDiagnostics sorts diags in place by file, line, column and summary.
// Diagnostics without a subject come first.
func SortDiagnostics(diags hcl.Diagnostics) {
	sort.SliceStable(diags, func(i, j int) bool {
		a, b := diags[i], diags[j]
		var ar, br hcl.Range
		if a.Subject != nil {
			ar = *a.Subject
		}
		if b.Subject != nil {
			br = *b.Subject
		}
		switch {
		case ar.Filename != br.Filename:
			return ar.Filename < br.Filename
		case ar.Start.Line != br.Start.Line:
			return ar.Start.Line < br.Start.Line
		case ar.Start.Column != br.Start.Column:
			return ar.Start.Column < br.Start.Column
		}
		return a.Summary < b.Summary
	})
}

// errorf records an error diagnostic on subject.
func (l *loader) errorf(subject hcl.Range, summary, format string, args ...any) {
	l.diags = append(l.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  summary,
		Detail:   fmt.Sprintf(format, args...),
		Subject:  subject.Ptr(),
	})
}

// where renders a range as "FILE:LINE", for details that point elsewhere.
func where(r hcl.Range) string {
	return fmt.Sprintf("%s:%d", r.Filename, r.Start.Line)
}
