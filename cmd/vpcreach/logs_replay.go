package main

import (
	"github.com/spf13/cobra"

	"github.com/vpcreach/vpcreach/logcheck"
	"github.com/vpcreach/vpcreach/render"
)

func (c *cli) logsReplayCmd() *cobra.Command {
	var f logsFlags
	var dir topoPaths
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
			if err := (render.Formatter{Format: render.Format(f.format)}).LogsReplay(c.stdout, rep, f.top); err != nil {
				return withCode(exitError, err)
			}
			if exitCode && rep.Changed() {
				return withCode(exitViolated, nil)
			}
			return nil
		},
	}
	cmd.Flags().VarP(&dir, "topology", "t", "the proposed topology directory (or file); a directory of .hcl files, a terraform show -json file or AWS CLI describe output, repeatable")
	c.addMaxFileSize(cmd)
	cmd.Flags().BoolVar(&exitCode, "exit-code", false, "exit 2 when some observed class would change")
	f.register(cmd, "table or json")
	return cmd
}
