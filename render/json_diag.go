package render

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/render/jsonwire"
)

// DiagnosticsJSON converts diagnostics (sorted, duplicates dropped) into
// their JSON form; none gives an empty list.
func DiagnosticsJSON(diags hcl.Diagnostics) []*jsonwire.Diagnostic {
	out := make([]*jsonwire.Diagnostic, 0, len(diags))
	for _, d := range sortedDiagnostics(diags) {
		jd := &jsonwire.Diagnostic{Severity: severity(d), Summary: d.Summary, Detail: d.Detail}
		if s := d.Subject; s != nil && s.Filename != "" {
			jd.Range = &jsonwire.Range{Filename: s.Filename, Start: posJSON(s.Start), End: posJSON(s.End)}
		}
		out = append(out, jd)
	}
	return out
}

func posJSON(p hcl.Pos) jsonwire.Pos {
	return jsonwire.Pos{Line: p.Line, Column: p.Column, Byte: p.Byte}
}

// ValidateJSON is the document of `validate --format json`.
func ValidateJSON(diags hcl.Diagnostics) *jsonwire.ValidateReport {
	return &jsonwire.ValidateReport{SchemaVersion: analyzer.SchemaVersion, Valid: !diags.HasErrors(),
		Diagnostics: DiagnosticsJSON(diags)}
}

// checkReportJSON is the document of `check --format json`: the results
// and, when there are any, the diagnostics.
func checkReportJSON(diags hcl.Diagnostics, results []*analyzer.CheckResult) *jsonwire.CheckReport {
	rep := CheckJSON(results)
	if len(diags) > 0 {
		rep.Diagnostics = DiagnosticsJSON(diags)
	}
	return rep
}
