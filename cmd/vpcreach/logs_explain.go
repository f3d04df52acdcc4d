package main

import (
	"github.com/spf13/cobra"
	"runtime/debug"

	"github.com/vpcreach/vpcreach/logcheck"
	"github.com/vpcreach/vpcreach/logs"
	"github.com/vpcreach/vpcreach/render"
)

func (c *cli) logsExplainCmd() *cobra.Command {
	var f logsFlags
	var dir topoPaths
	cmd := &cobra.Command{
		Use:   "explain -t DIR [FILE|DIR|-]...",
		Short: "Join logged alerts and flows to the model's rules and answers, and report drift",
		Long: "explain joins each class of logged alerts (same firewall, AZ, sid, action, client, server, port,\n" +
			"protocol, app and host) to the model's rule with that sid and to the model's answer for that flow\n" +
			"at that firewall. A class agrees, or drifts: the sid is not in the model (the deployed rules\n" +
			"differ), the model takes another action or another rule decides first, or the model never routes\n" +
			"the flow through that firewall in that AZ. Flow classes get the model's verdict and the same\n" +
			"routing check. Events of one flow are joined by flow_id, so an SNI one alert logged holds for\n" +
			"the whole flow. The drift summary comes first, then the groups of classes explained alike\n" +
			"(--top groups per list; 0: all).",
		RunE: func(_ *cobra.Command, args []string) error {
			filter, err := f.filter("table", "json", "sarif")
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
			rep := logcheck.Explain(net, cl, in)
			fm := render.Formatter{Format: render.Format(f.format), ToolVersion: buildVersion(debug.ReadBuildInfo())}
			if err := fm.LogsExplain(c.stdout, rep, f.top); err != nil {
				return withCode(exitError, err)
			}
			return nil
		},
	}
	cmd.Flags().VarP(&dir, "topology", "t", "topology directory (or file); a directory of .hcl files, a terraform show -json file or AWS CLI describe output, repeatable")
	c.addMaxFileSize(cmd)
	f.register(cmd, "table, json or sarif")
	return cmd
}

// classify reads the logs into flow classes.
func classify(c *cli, args []string, filter logs.Filter) (*logs.Classifier, logs.Input, error) {
	sinks, st, err := readLogs(c, args, func() *logs.Classifier { return logs.NewClassifier(filter) })
	if err != nil {
		return nil, logs.Input{}, err
	}
	cl := sinks[0]
	for _, s := range sinks[1:] {
		cl.Merge(s)
	}
	return cl, logs.NewInput(st, cl.Filtered, cl.Truncated), nil
}
