package render

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/vpcreach/vpcreach/logs"
)

// writeSummaryTable prints a summary report for a person.
func writeSummaryTable(w io.Writer, r *logs.SummaryReport) error {
	writeInputLine(w, r.Input)
	if r.From != nil {
		fmt.Fprintf(w, "Time range: %s to %s\n", r.From.Format(time.RFC3339), r.To.Format(time.RFC3339))
	}
	sections := []struct {
		title   string
		headers []string
		rows    [][]string
	}{
		{"Events by firewall and AZ", []string{"Firewall", "AZ", "Alerts", "Blocked", "Netflow", "TLS", "Other"}, firewallRows(r.Firewalls)},
		{"Top blocked hosts", []string{"Host", "Kind", "Alerts"}, hostRows(r.TopBlocked)},
		{"Top alerted hosts (allowed)", []string{"Host", "Kind", "Alerts"}, hostRows(r.TopAlerted)},
		{"Top signatures", []string{"SID", "Signature", "Action", "Alerts"}, sigRows(r.TopSignatures)},
		{"Top talkers (netflow)", []string{"Client", "Server:port", "Protocol", "App", "Records", "Bytes"}, talkerRows(r.TopTalkers)},
	}
	for _, s := range sections {
		fmt.Fprintf(w, "\n%s:\n", s.title)
		if len(s.rows) == 0 {
			fmt.Fprintln(w, "  (none)")
			continue
		}
		if err := writeRows(w, s.headers, s.rows); err != nil {
			return err
		}
	}
	return nil
}

// writeInputLine prints what was read, one line.
func writeInputLine(w io.Writer, in logs.Input) {
	fmt.Fprintf(w, "Read %d events from %d lines of %d files", in.Events, in.Lines, in.Files)
	if in.Malformed > 0 {
		fmt.Fprintf(w, "; %d malformed lines skipped", in.Malformed)
	}
	if in.FilteredOut > 0 {
		fmt.Fprintf(w, "; %d events filtered out", in.FilteredOut)
	}
	fmt.Fprintln(w, ".")
	if in.Truncated {
		fmt.Fprintf(w, "Note: more than %d distinct keys; events beyond them count in the totals only.\n", logs.MaxKeys)
	}
}

func writeRows(w io.Writer, headers []string, rows [][]string) error {
	g := newGrid(headers...)
	for _, r := range rows {
		g.add(r...)
	}
	// Log tables are printed at their natural width: their cells (hosts,
	// flows, rule names) are read and grepped whole.
	return g.render(w, textOpts{width: max(DefaultWidth, g.naturalWidth())})
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

func firewallRows(fs []logs.FirewallCounts) [][]string {
	var rows [][]string
	for _, f := range fs {
		rows = append(rows, []string{f.Firewall, f.AvailabilityZone, itoa64(f.Alerts), itoa64(f.Blocked),
			itoa64(f.Netflow), itoa64(f.TLS), itoa64(f.Other)})
	}
	return rows
}

func hostRows(hs []logs.HostCount) [][]string {
	var rows [][]string
	for _, h := range hs {
		rows = append(rows, []string{h.Host, h.Kind, itoa64(h.Count)})
	}
	return rows
}

func sigRows(ss []logs.SignatureCount) [][]string {
	var rows [][]string
	for _, s := range ss {
		rows = append(rows, []string{itoa64(s.SID), s.Signature, s.Action, itoa64(s.Count)})
	}
	return rows
}

func talkerRows(ts []logs.TalkerCount) [][]string {
	var rows [][]string
	for _, t := range ts {
		rows = append(rows, []string{t.Client, t.Server + ":" + strconv.Itoa(t.Port), t.Protocol, t.AppProtocol,
			itoa64(t.Records), itoa64(t.Bytes)})
	}
	return rows
}
