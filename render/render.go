// Package render writes vpcreach's answers for people and for programs:
// the analysis of one path, the reachability matrix, the results of `check`
// and the diagnostics of loading a topology, each as a table, JSON (the
// documents of package jsonwire, described by the JSON Schema JSONSchema
// returns) or, for check and diagnostics, SARIF 2.1.0, compact lines and
// JUnit XML.
//
// One file per format: table.go (and table_hop.go, table_ranges.go) for
// path analyses, matrix.go and check.go for the matrix and check tables,
// brief.go for one line per answer, textgrid.go for the tables' layout,
// diagram.go (the model of a path's pictures), mermaid.go, dot.go, html.go
// (with html_svg.go, its drawing), matrix_html.go (a matrix heatmap), json.go,
// json_diag.go, sarif.go (and sarif_diag.go), compact.go, junit.go.
//
// A Formatter picks the format; every writer reports the first write error
// it meets, so output that could not be written is never taken as written.
package render

import (
	"fmt"
	"io"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/analyzer"
)

// Format names an output format.
type Format string

// Formats. Table is the default.
const (
	Table   Format = "table"
	JSON    Format = "json"
	SARIF   Format = "sarif"
	Compact Format = "compact"
	JUnit   Format = "junit"
	Mermaid Format = "mermaid"
	Dot     Format = "dot"
	HTML    Format = "html"
)

// AnalysisFormats are the formats of a matrix (and of a path analysis,
// which also has the PathFormats pictures).
func AnalysisFormats() []Format { return []Format{Table, JSON} }

// PathFormats are the formats of a path analysis: AnalysisFormats and the
// pictures of the path (a Mermaid flowchart, a Graphviz digraph, a
// self-contained HTML page).
func PathFormats() []Format { return []Format{Table, JSON, Mermaid, Dot, HTML} }

// CheckFormats are the formats of check results.
func CheckFormats() []Format { return []Format{Table, JSON, SARIF, Compact, JUnit} }

// DiagnosticFormats are the formats Diagnostics writes.
func DiagnosticFormats() []Format { return []Format{Compact, SARIF, JSON, JUnit} }

// Formatter writes results in one format. The zero value writes tables.
type Formatter struct {
	// Format is the output format; "" means Table.
	Format Format
	// ToolVersion is the version reported in SARIF logs.
	ToolVersion string
	// SARIFRoot, when set, is the absolute directory (the repository's
	// root) that SARIF artifact URIs are relative to, with uriBaseId
	// %SRCROOT%; a file outside it gets an absolute file URI. Empty leaves
	// paths as they are.
	SARIFRoot string
	// Width is the width, in columns, that tables fit (a terminal's);
	// 0 means DefaultWidth. Under 80 columns, paths and findings are
	// listed rather than tabled.
	Width int
	// Color colours verdicts, blocked hops and failures with ANSI escape
	// sequences (for a terminal that wants them).
	Color bool
	// Brief writes one line per answer instead of tables (the table
	// format only): a path's verdict and decider (and one line per port
	// or address range), one line per matrix pair, one per expectation.
	Brief bool
}

// textOpts is the layout of f's text output.
func (f Formatter) textOpts() textOpts {
	w := f.Width
	if w <= 0 {
		w = DefaultWidth
	}
	return textOpts{width: max(w, minWidth), color: f.Color}
}

// Analysis writes the analysis of one path query to w: a table, the
// jsonwire.Analysis document, or a picture of both paths (Mermaid, DOT or
// HTML). It returns the first write error.
func (f Formatter) Analysis(w io.Writer, a *analyzer.Analysis) error {
	return f.write(w, PathFormats(), func(w io.Writer) error {
		switch f.format() {
		case JSON:
			return WriteJSON(w, AnalysisJSON(a))
		case Mermaid:
			return writeMermaid(w, a)
		case Dot:
			return writeDot(w, a)
		case HTML:
			return writeHTML(w, a)
		}
		if f.Brief {
			return writeAnalysisBrief(w, a, f.textOpts())
		}
		return writeAnalysisTable(w, a, f.textOpts())
	})
}

// Matrix writes a reachability matrix to w: a table or the
// jsonwire.Matrix document. It returns the first write error.
func (f Formatter) Matrix(w io.Writer, m *analyzer.Matrix) error {
	return f.write(w, AnalysisFormats(), func(w io.Writer) error {
		if f.format() == JSON {
			return WriteJSON(w, MatrixJSON(m))
		}
		return writeMatrixTable(w, m, f.textOpts(), f.Brief)
	})
}

// Check writes the results of check to w: a table, the
// jsonwire.CheckReport document, a SARIF log, compact lines or a JUnit XML
// report. Every format but the table also carries diags, the diagnostics
// (errors and warnings) of loading the topology, so that a topology with
// errors (and no results) still gives a complete report; the table leaves
// diagnostics to the caller. It returns the first write error.
func (f Formatter) Check(w io.Writer, diags hcl.Diagnostics, results []*analyzer.CheckResult) error {
	return f.write(w, CheckFormats(), func(w io.Writer) error {
		switch f.format() {
		case JSON:
			return WriteJSON(w, checkReportJSON(diags, results))
		case SARIF:
			return WriteJSON(w, f.sarifReport(diags, results))
		case Compact:
			return writeCompact(w, diags, results)
		case JUnit:
			return writeJUnit(w, diags, results, true)
		}
		if f.Brief {
			return writeCheckBrief(w, results, f.textOpts())
		}
		return writeCheckTable(w, results, f.textOpts())
	})
}

// Diagnostics writes the diagnostics of loading a topology (validate) as
// compact lines, a SARIF log, the jsonwire.ValidateReport document or a
// JUnit XML report. It returns the first write error.
func (f Formatter) Diagnostics(w io.Writer, diags hcl.Diagnostics) error {
	return f.write(w, DiagnosticFormats(), func(w io.Writer) error {
		switch f.format() {
		case SARIF:
			return WriteJSON(w, f.sarifReport(diags, nil))
		case JSON:
			return WriteJSON(w, ValidateJSON(diags))
		case JUnit:
			return writeJUnit(w, diags, nil, false)
		}
		return writeCompact(w, diags, nil)
	})
}

func (f Formatter) format() Format {
	if f.Format == "" {
		return Table
	}
	return f.Format
}

// write checks the format against allowed and runs body on a writer that
// keeps the first write error. It returns that error, or else body's.
func (f Formatter) write(w io.Writer, allowed []Format, body func(io.Writer) error) error {
	if err := checkFormat(f.format(), allowed); err != nil {
		return err
	}
	ew := &errWriter{w: w}
	err := body(ew)
	if ew.err != nil {
		return ew.err
	}
	return err
}

func checkFormat(f Format, allowed []Format) error {
	for _, a := range allowed {
		if f == a {
			return nil
		}
	}
	return fmt.Errorf("unsupported format %q: use one of %v", f, allowed)
}

// errWriter passes writes to w until one fails; it then keeps that error
// and writes nothing more, so a renderer can write freely and report the
// first error once at the end.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	e.err = err
	return n, err
}
