package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/vpcreach/vpcreach/logs"
)

// logsFlags are the flags every logs subcommand shares.
type logsFlags struct {
	since, until, firewall string
	format                 string
	top                    int
}

func (c *cli) logsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "logs",
		Short: "Summarise Network Firewall logs, explain them against the model, replay them on a change",
		Long: "logs reads AWS Network Firewall alert, flow and TLS logs (Suricata EVE JSON in AWS's envelope)\n" +
			"as delivered to S3 (gzipped JSON lines in dated folders), CloudWatch Logs (exported) or Firehose:\n" +
			"files, directories (recursively) or - for standard input, plain or gzip.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(c.logsSummaryCmd(), c.logsExplainCmd(), c.logsReplayCmd())
	return cmd
}

func (f *logsFlags) register(cmd *cobra.Command, formats string) {
	fl := cmd.Flags()
	fl.StringVar(&f.since, "since", "", "only events at or after this time (RFC 3339, or YYYY-MM-DD in UTC)")
	fl.StringVar(&f.until, "until", "", "only events before this time (RFC 3339, or YYYY-MM-DD in UTC)")
	fl.StringVar(&f.firewall, "firewall", "", "only events of this firewall_name")
	fl.StringVar(&f.format, "format", "table", "output format: "+formats)
	fl.IntVar(&f.top, "top", 10, "how many entries each list shows (0: all)")
}

// filter checks the flags and builds the event filter.
func (f *logsFlags) filter(formats ...string) (logs.Filter, error) {
	var lf logs.Filter
	if err := checkChoice("--format", f.format, formats...); err != nil {
		return lf, err
	}
	if f.top < 0 {
		return lf, fmt.Errorf("--top %d is negative", f.top)
	}
	var err error
	if lf.Since, err = parseTime("--since", f.since); err != nil {
		return lf, err
	}
	if lf.Until, err = parseTime("--until", f.until); err != nil {
		return lf, err
	}
	if !lf.Since.IsZero() && !lf.Until.IsZero() && !lf.Since.Before(lf.Until) {
		return lf, fmt.Errorf("--since %s is not before --until %s", f.since, f.until)
	}
	lf.Firewall = f.firewall
	return lf, nil
}

func parseTime(flag, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%s %q: use RFC 3339 (2025-12-08T09:30:00Z) or a date (2025-12-08)", flag, s)
}

// readLogs reads the log files with one sink per decoding goroutine and
// reports malformed lines (the first few) on stderr. No files means
// standard input.
func readLogs[S logs.Sink](c *cli, paths []string, newSink func() S) ([]S, logs.Stats, error) {
	if len(paths) == 0 {
		paths = []string{logs.Stdin}
	}
	c.limitMemory()
	opts := logs.Options{Stdin: c.stdin}
	bar := c.progress()
	if bar != nil {
		opts.Progress = bar.update
	}
	sinks, st, err := logs.Read(paths, opts, newSink)
	bar.finish()
	for _, m := range st.Examples {
		loc := fmt.Sprintf("%s:%d", m.File, m.Line)
		if m.Col > 0 {
			loc += fmt.Sprintf(":%d", m.Col)
		}
		fmt.Fprintf(c.stderr, "%s: malformed log line: %s\n    %s\n", loc, m.Reason, quoteBounded(m.Text))
	}
	if st.Malformed > int64(len(st.Examples)) {
		fmt.Fprintf(c.stderr, "%d malformed lines in all (%d shown); they are skipped\n", st.Malformed, len(st.Examples))
	}
	if errors.Is(err, logs.ErrNothingParsed) {
		return nil, st, withCode(exitError, fmt.Errorf("%w (%d malformed lines)", err, st.Malformed))
	}
	if err != nil {
		return nil, st, withCode(exitError, err)
	}
	return sinks, st, nil
}

// quoteBounded quotes s with Go escapes (control characters and invalid
// UTF-8 visible), as malformed lines are shown.
func quoteBounded(s string) string { return fmt.Sprintf("%q", s) }

// logsMemoryLimit is the soft memory limit of the logs commands: the
// garbage collector works harder near it rather than let garbage double
// the heap, which keeps a day of logs (2 million events) under 500 MB.
const logsMemoryLimit = 400 << 20

// limitMemory sets the soft limit, unless GOMEMLIMIT chose one.
func (c *cli) limitMemory() {
	if c.setMemoryLimit != nil && os.Getenv("GOMEMLIMIT") == "" {
		c.setMemoryLimit(logsMemoryLimit)
	}
}
