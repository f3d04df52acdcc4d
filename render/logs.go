package render

import (
	"io"

	"github.com/vpcreach/vpcreach/logcheck"
	"github.com/vpcreach/vpcreach/logs"
)

// LogsSummary writes the report of `vpcreach logs summary` as a table (for
// a person) or as JSON; other formats are refused.
func (f Formatter) LogsSummary(w io.Writer, r *logs.SummaryReport) error {
	return f.write(w, []Format{Table, JSON}, func(w io.Writer) error {
		if f.format() == JSON {
			return WriteJSON(w, r)
		}
		return writeSummaryTable(w, r)
	})
}

// LogsExplain writes the report of `vpcreach logs explain`: a table with
// at most top groups per list (0: all), JSON, or SARIF (one result per
// drifted group and kind, located at the model's rule, policy or route).
func (f Formatter) LogsExplain(w io.Writer, r *logcheck.ExplainReport, top int) error {
	return f.write(w, []Format{Table, JSON, SARIF}, func(w io.Writer) error {
		switch f.format() {
		case JSON:
			return WriteJSON(w, r)
		case SARIF:
			return WriteJSON(w, driftSARIF(r, f.ToolVersion))
		}
		return writeExplainTable(w, r, top)
	})
}

// LogsReplay writes the report of `vpcreach logs replay` as a table (at
// most top classes per list, 0: all) or as JSON.
func (f Formatter) LogsReplay(w io.Writer, r *logcheck.ReplayReport, top int) error {
	return f.write(w, []Format{Table, JSON}, func(w io.Writer) error {
		if f.format() == JSON {
			return WriteJSON(w, r)
		}
		return writeReplayTable(w, r, top)
	})
}
