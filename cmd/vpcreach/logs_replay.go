package main

import (
	"fmt"
	"io"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/vpcreach/vpcreach/logcheck"
)

func (c *cli) logsReplayCmd() *cobra.Command {
	var f logsFlags
	var dir string
	var exitCode bool
	cmd := &cobra.Command{
		Use:   "replay -t NEW [FILE|DIR|-]...",
		Short: "Replay the observed flows against a proposed network: what would now be blocked or pass",
		Long: "replay deduplicates the logged flows into classes (client, server, port, protocol, app, host)\n" +
			"and analyses each against the proposed topology NEW: real traffic that would now be blocked,\n" +
			"and blocked traffic that would now pass, with what decides. A class counts as blocked when a\n" +
			"blocked alert was logged for it, as passed otherwise, so give it the alert logs as well as the\n" +
			"flow logs. With --exit-code it exits 2 when some class changes (for CI).",
		RunE: func(_ *cobra.Command, args []string) error {
			filter, err := f.filter("table", "json")
			if err != nil {
				return withCode(exitError, err)
			}
			_, net, err := c.load(dir)
			if err != nil {
				return err
			}
			cl, in, err := classify(c, args, filter)
			if err != nil {
				return err
			}
			rep := logcheck.Replay(net, cl, in)
			if f.format == "json" {
				err = writeJSON(c.stdout, rep)
			} else {
				err = writeReplayTable(c.stdout, rep, f.top)
			}
			if err != nil {
				return withCode(exitError, err)
			}
			if exitCode && rep.Changed() {
				return withCode(exitViolated, nil)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&dir, "topology", "t", "", "the proposed topology directory (or file)")
	cmd.Flags().BoolVar(&exitCode, "exit-code", false, "exit 2 when some observed class would change")
	f.register(cmd, "table or json")
	return cmd
}

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
