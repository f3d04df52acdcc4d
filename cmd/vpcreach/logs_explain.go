package main

import "github.com/spf13/cobra"

func (c *cli) logsExplainCmd() *cobra.Command { return &cobra.Command{Use: "explain"} }
