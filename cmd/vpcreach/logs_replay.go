package main

import "github.com/spf13/cobra"

func (c *cli) logsReplayCmd() *cobra.Command { return &cobra.Command{Use: "replay"} }
