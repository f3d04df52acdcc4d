// Package diag sorts, deduplicates and renders hcl.Diagnostics the same way
// for every command, so output is deterministic.
package diag

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
)

// Sort orders diagnostics by file, line and column (diagnostics without a
// subject first), then summary and detail. It sorts in place, stably, and
// returns its argument.
func Sort(diags hcl.Diagnostics) hcl.Diagnostics {
	sort.SliceStable(diags, func(i, j int) bool { return less(diags[i], diags[j]) })
	return diags
}

func less(a, b *hcl.Diagnostic) bool {
	var sa, sb hcl.Range
	if a.Subject != nil {
		sa = *a.Subject
	}
	if b.Subject != nil {
		sb = *b.Subject
	}
	switch {
	case sa.Filename != sb.Filename:
		return sa.Filename < sb.Filename
	case sa.Start.Line != sb.Start.Line:
		return sa.Start.Line < sb.Start.Line
	case sa.Start.Column != sb.Start.Column:
		return sa.Start.Column < sb.Start.Column
	case a.Summary != b.Summary:
		return a.Summary < b.Summary
	}
	return a.Detail < b.Detail
}

// Dedupe drops diagnostics identical to an earlier one (same severity,
// subject, summary and detail), as when one policy is compiled for two
// firewalls.
func Dedupe(diags hcl.Diagnostics) hcl.Diagnostics {
	type key struct {
		sev             hcl.DiagnosticSeverity
		subject         hcl.Range
		summary, detail string
	}
	seen := map[key]bool{}
	var out hcl.Diagnostics
	for _, d := range diags {
		k := key{sev: d.Severity, summary: d.Summary, detail: d.Detail}
		if d.Subject != nil {
			k.subject = *d.Subject
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, d)
	}
	return out
}
