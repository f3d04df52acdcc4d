package render

import (
	"io"

	"github.com/vpcreach/vpcreach/diff"
)

// DiffFormats are the formats Diff writes.
func DiffFormats() []Format { return []Format{Table, JSON, SARIF} }

// Diff writes a diff report to w: paragraphs for a reviewer, the
// jsonwire.Diff document, or a SARIF log with one result per change at
// the changed blocks. It returns the first write error.
func (f Formatter) Diff(w io.Writer, r *diff.Report) error {
	return f.write(w, DiffFormats(), func(w io.Writer) error {
		switch f.format() {
		case JSON:
			return WriteJSON(w, DiffJSON(r))
		case SARIF:
			return WriteJSON(w, f.diffSARIF(r))
		}
		return writeDiffTable(w, r)
	})
}
