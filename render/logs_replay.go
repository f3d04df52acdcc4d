package render

import (
	"fmt"
	"io"
	"strconv"

	"github.com/vpcreach/vpcreach/logcheck"
)

func writeReplayTable(w io.Writer, r *logcheck.ReplayReport, top int) error {
	writeInputLine(w, r.Input)
	fmt.Fprintf(w, "\nReplayed %d observed flow classes: %d now blocked, %d now pass, %d ambiguous, %d unchanged.\n",
		r.Classes, r.NowBlocked, r.NowPasses, r.NowAmbiguous, r.Unchanged)
	for _, sec := range []struct {
		title   string
		classes []logcheck.ReplayClass
	}{{"Changes", r.Changes}, {"Ambiguous", r.Ambiguous}} {
		fmt.Fprintf(w, "\n%s:\n", sec.title)
		if len(sec.classes) == 0 {
			fmt.Fprintln(w, "  (none)")
			continue
		}
		var rows [][]string
		for i, c := range sec.classes {
			if top > 0 && i == top {
				rows = append(rows, []string{fmt.Sprintf("... %d more (--top 0 shows all)", len(sec.classes)-top), "", "", "", ""})
				break
			}
			rows = append(rows, []string{c.Outcome, replayFlow(c), strconv.FormatInt(c.Events, 10), c.Observed + " -> " + string(c.Verdict), replayDecider(c)})
		}
		if err := writeRows(w, []string{"Outcome", "Flow", "Events", "Logged -> proposed", "Decided by"}, rows); err != nil {
			return err
		}
	}
	return nil
}

func replayFlow(c logcheck.ReplayClass) string {
	s := fmt.Sprintf("%s -> %s:%d %s", c.Client, c.Server, c.Port, c.Protocol)
	if c.AppProtocol != "" {
		s += " " + c.AppProtocol
	}
	if c.SNI != "" {
		s += " sni=" + c.SNI
	}
	if c.HTTPHost != "" {
		s += " host=" + c.HTTPHost
	}
	return s
}

func replayDecider(c logcheck.ReplayClass) string {
	switch {
	case c.Error != "":
		return c.Error
	case c.DecidedBy != nil:
		return c.DecidedBy.Code + ": " + c.DecidedBy.Message
	case c.Rule != nil:
		return firewallText(c.Rule)
	}
	return ""
}
