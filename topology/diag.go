package topology

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/internal/diag"
)

// SortDiagnostics sorts diags in place by file, line, column and summary.
// Diagnostics without a subject come first.
func SortDiagnostics(diags hcl.Diagnostics) {
	diag.Sort(diags)
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
