package render

import (
	"net/url"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/internal/diag"
)

// sarifSrcRoot is the uriBaseId of every relative artifact URI: the root
// of the repository, which code scanning resolves to its checkout.
const sarifSrcRoot = "%SRCROOT%"

// addDiagnostics adds one result per located diagnostic (sorted,
// duplicates dropped) and one rule per distinct summary; a diagnostic with
// no location becomes a notification of the run's invocation, which fails
// when one of them is an error.
func (f Formatter) addDiagnostics(run *sarifRun, diags hcl.Diagnostics) {
	index := map[string]int{}
	for _, d := range sortedDiagnostics(diags) {
		locs := f.sarifLocations(d.Subject)
		if len(locs) == 0 {
			addNotification(run, d)
			continue
		}
		id := diagnosticRuleID(d)
		i, ok := index[id]
		if !ok {
			i = len(run.Tool.Driver.Rules)
			index[id] = i
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
				ID: id, Name: d.Summary,
				ShortDescription: sarifText{Text: d.Summary},
				FullDescription:  sarifText{Text: d.Summary},
				Help:             sarifText{Text: "Run `vpcreach validate` for the offending text, underlined."},
				Properties:       &sarifRuleProps{Tags: []string{"network", "topology"}},
			})
		}
		run.Results = append(run.Results, sarifResult{RuleID: id, RuleIndex: i, Level: severity(d),
			Message: sarifText{Text: diagnosticMessage(d)}, Locations: locs})
	}
}

func addNotification(run *sarifRun, d *hcl.Diagnostic) {
	if len(run.Invocations) == 0 {
		run.Invocations = []sarifInvocation{{ExecutionSuccessful: true}}
	}
	inv := &run.Invocations[0]
	inv.Notifications = append(inv.Notifications, sarifNotification{Level: severity(d),
		Message: sarifText{Text: diagnosticMessage(d)}})
	if d.Severity == hcl.DiagError {
		inv.ExecutionSuccessful = false
	}
}

// sortedDiagnostics returns diags sorted and without duplicates, leaving
// diags as it is.
func sortedDiagnostics(diags hcl.Diagnostics) hcl.Diagnostics {
	return diag.Dedupe(diag.Sort(append(hcl.Diagnostics(nil), diags...)))
}

// codedExtra is a diagnostic Extra that names a stable code, such as the
// pitfall warnings of package lint.
type codedExtra interface{ DiagnosticCode() string }

// diagnosticRuleID is "lint/CODE" for a diagnostic whose Extra names a
// code (codedExtra), else "topology/" and the summary in lower case with
// runs of other characters as one "-": "Undeclared resource" is
// "topology/undeclared-resource".
func diagnosticRuleID(d *hcl.Diagnostic) string {
	if c, ok := d.Extra.(codedExtra); ok && c.DiagnosticCode() != "" {
		return "lint/" + c.DiagnosticCode()
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(d.Summary) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "topology/diagnostic"
	}
	return "topology/" + b.String()
}

// severity is "error" or "warning", as SARIF levels and compact lines
// name them.
func severity(d *hcl.Diagnostic) string {
	if d.Severity == hcl.DiagWarning {
		return "warning"
	}
	return "error"
}

// sarifLocations locates a result at rng; nil when rng is nil.
func (f Formatter) sarifLocations(rng *hcl.Range) []sarifLocation {
	if rng == nil || rng.Filename == "" {
		return nil
	}
	loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: f.sarifArtifact(rng.Filename)}}
	if rng.Start.Line > 0 {
		end := rng.End
		if end.Line < rng.Start.Line || (end.Line == rng.Start.Line && end.Column <= rng.Start.Column) {
			end = hcl.Pos{Line: rng.Start.Line, Column: rng.Start.Column + 1}
		}
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: rng.Start.Line, StartColumn: max(rng.Start.Column, 1),
			EndLine: end.Line, EndColumn: max(end.Column, 1)}
	}
	return []sarifLocation{loc}
}

// sarifArtifact names a file: relative to SARIFRoot with uriBaseId
// %SRCROOT% when it is inside it, an absolute file URI when it is not, and
// the path as given when SARIFRoot is empty.
func (f Formatter) sarifArtifact(name string) sarifArtifact {
	if f.SARIFRoot == "" {
		return sarifArtifact{URI: uriPath(filepath.ToSlash(name))}
	}
	abs, err := filepath.Abs(name)
	if err != nil {
		return sarifArtifact{URI: uriPath(filepath.ToSlash(name))}
	}
	rel, err := filepath.Rel(f.SARIFRoot, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()}
	}
	return sarifArtifact{URI: uriPath(filepath.ToSlash(rel)), URIBaseID: sarifSrcRoot}
}

// uriPath escapes a slash-separated relative path as a URI reference.
func uriPath(p string) string { return (&url.URL{Path: p}).String() }
