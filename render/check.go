package render

import (
	"fmt"
	"io"

	"github.com/vpcreach/vpcreach/analyzer"
)

// writeCheckTable prints one line per expectation, then the details of
// each failure as `analyze path` shows them.
func writeCheckTable(w io.Writer, results []*analyzer.CheckResult) error {
	t := newTable(w, "EXPECT", "RESULT", "VERDICT", "DECIDED BY")
	failed := 0
	for _, r := range results {
		res, verdict := "holds", ""
		if !r.Holds {
			res = "FAILS"
			failed++
		}
		if r.Analysis != nil {
			verdict = string(r.Analysis.Verdict)
		}
		if err := t.Append([]string{r.Expect, res, verdict, r.DecidedBy}); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%d of %d expectations hold\n", len(results)-failed, len(results))
	for _, r := range results {
		if r.Holds {
			continue
		}
		fmt.Fprintf(w, "\n=== %s FAILS: %s\n", r.Expect, r.Reason)
		if r.Analysis == nil {
			continue
		}
		if err := writeAnalysisTable(w, r.Analysis); err != nil {
			return err
		}
	}
	return nil
}
