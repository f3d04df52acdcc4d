package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/vpcreach/vpcreach/analyzer"
)

func (c *cli) checkCmd() *cobra.Command {
	var dir, format string
	cmd := &cobra.Command{
		Use:   "check -t DIR [--format table|json|sarif]",
		Short: "Evaluate every expect block: the CI gate",
		Long: "check evaluates every expect block of the topology (reachable = true|false, through,\n" +
			"not_through, ports). It exits 0 when all hold, 2 when any fails, and 1 when the topology\n" +
			"has errors. --format sarif prints SARIF 2.1.0 for GitHub code scanning.",
		Args: cobra.NoArgs,
		RunE: func(cc *cobra.Command, _ []string) error {
			if err := checkChoice("--format", format, "table", "json", "sarif"); err != nil {
				return withCode(exitError, err)
			}
			_, net, err := c.load(dir)
			if err != nil {
				return err
			}
			results, err := net.Check(cc.Context())
			if err != nil {
				return withCode(exitError, err)
			}
			if err := c.renderCheck(format, results); err != nil {
				return withCode(exitError, err)
			}
			for _, r := range results {
				if !r.Holds {
					return withCode(exitViolated, nil)
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&dir, "topology", "t", "", "topology directory (or file)")
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, json or sarif")
	return cmd
}

// checkReport is the JSON output of check.
type checkReport struct {
	SchemaVersion int                     `json:"schema_version"`
	Results       []*analyzer.CheckResult `json:"results"`
}

func (c *cli) renderCheck(format string, results []*analyzer.CheckResult) error {
	switch format {
	case "json":
		return writeJSON(c.stdout, checkReport{SchemaVersion: analyzer.SchemaVersion, Results: results})
	case "sarif":
		return writeJSON(c.stdout, sarifReport(results))
	}
	return writeCheckTable(c.stdout, results)
}

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
