package render

import (
	"fmt"
	"io"

	"github.com/vpcreach/vpcreach/analyzer"
)

// writeCheckTable prints one line per expectation, then the details of
// each failure as `analyze path` shows them.
func writeCheckTable(w io.Writer, results []*analyzer.CheckResult, o textOpts) error {
	g := newGrid("EXPECT", "RESULT", "VERDICT", "DECIDED BY")
	failed := 0
	for _, r := range results {
		res, st, verdict := "holds", good, ""
		if !r.Holds {
			res, st = "FAILS", bad
			failed++
		}
		vst := plain
		if r.Analysis != nil {
			verdict, vst = string(r.Analysis.Verdict), verdictStyle(r.Analysis.Verdict)
		}
		g.add(r.Expect, res, verdict, r.DecidedBy).style(1, st).style(2, vst)
	}
	if err := g.render(w, o); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%d of %d expectations hold\n", len(results)-failed, len(results))
	for _, r := range results {
		if r.Holds {
			continue
		}
		fmt.Fprintln(w)
		writeWrapped(w, fmt.Sprintf("=== %s %s: %s", r.Expect, o.paint("FAILS", bad), r.Reason), "", "    ", plain, o)
		if r.Analysis == nil {
			continue
		}
		if err := writeAnalysisTable(w, r.Analysis, o); err != nil {
			return err
		}
	}
	return nil
}
