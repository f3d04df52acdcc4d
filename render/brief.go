package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/vpcreach/vpcreach/analyzer"
)

// writeAnalysisBrief writes the verdict of a path in one line,
//
//	NOT_REACHABLE instance.web -> 93.184.216.34 tcp/22 (ssh): FIREWALL_RULES_RESTRICTION at firewall_endpoint.fw_a: drop tcp sid 2 (rule_group.g)
//
// and, for an answer by port or address range, one indented line per
// range (ranges decided alike merged).
func writeAnalysisBrief(w io.Writer, a *analyzer.Analysis, o textOpts) error {
	line := o.paint(string(a.Verdict), verdictStyle(a.Verdict)) + " " + describeQuery(a.Query)
	if a.Verdict != analyzer.Reachable && len(a.PortRanges) == 0 && len(a.AddressRanges) == 0 {
		line += ": " + rangeDecider(&analyzer.PortRangeResult{Answer: a.Answer})
	}
	fmt.Fprintln(w, line)
	for _, m := range mergeRanges(a.PortRanges) {
		fmt.Fprintf(w, "  ports %s: %s: %s\n", m.ports(),
			o.paint(string(m.verdict), verdictStyle(m.verdict)), m.decider)
	}
	for _, r := range a.AddressRanges {
		v := o.paint(string(r.Verdict), verdictStyle(r.Verdict))
		if len(r.PortRanges) > 0 && r.Verdict == analyzer.Reachable {
			v += " on " + reachablePorts(r.PortRanges)
		}
		fmt.Fprintf(w, "  %s: %s: %s\n", addrSpan(r.From, r.To), v,
			rangeDecider(&analyzer.PortRangeResult{Answer: r.Answer}))
	}
	return nil
}

// writeCheckBrief writes one line per expectation ("holds expect.x",
// "FAILS expect.y: why") and the count.
func writeCheckBrief(w io.Writer, results []*analyzer.CheckResult, o textOpts) error {
	failed := 0
	for _, r := range results {
		if r.Holds {
			fmt.Fprintf(w, "%s %s\n", o.paint("holds", good), r.Expect)
			continue
		}
		failed++
		line := fmt.Sprintf("%s %s: %s", o.paint("FAILS", bad), r.Expect, r.Reason)
		if r.DecidedBy != "" && !strings.Contains(r.Reason, r.DecidedBy) {
			line += " (" + r.DecidedBy + ")"
		}
		fmt.Fprintln(w, line)
	}
	fmt.Fprintf(w, "%d of %d expectations hold\n", len(results)-failed, len(results))
	return nil
}
