package main

import (
	"github.com/spf13/cobra"

	"github.com/vpcreach/vpcreach/logs"
	"github.com/vpcreach/vpcreach/render"
)

func (c *cli) logsSummaryCmd() *cobra.Command {
	var f logsFlags
	cmd := &cobra.Command{
		Use:   "summary [FILE|DIR|-]...",
		Short: "Top blocked hosts, signatures and talkers of Network Firewall logs (no topology needed)",
		Long: "summary counts what operators ask of a day of logs: the TLS SNIs and HTTP hosts most often blocked\n" +
			"and alerted, the signatures that fire (sid, message, action), the top talkers (client ->\n" +
			"server:port, protocol, application, by netflow records), events per firewall and AZ, and the\n" +
			"time range. Without files it reads standard input.",
		RunE: func(_ *cobra.Command, args []string) error {
			filter, err := f.filter("table", "json")
			if err != nil {
				return withCode(exitError, err)
			}
			sinks, st, err := readLogs(c, args, func() *logs.Summarizer { return logs.NewSummarizer(filter) })
			if err != nil {
				return err
			}
			sum := sinks[0]
			for _, s := range sinks[1:] {
				sum.Merge(s)
			}
			rep := sum.Report(st, f.top)
			if err := (render.Formatter{Format: render.Format(f.format)}).LogsSummary(c.stdout, rep); err != nil {
				return withCode(exitError, err)
			}
			return nil
		},
	}
	f.register(cmd, "table or json")
	return cmd
}
