package main

import (
	"io"
	"os"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// TestCLIDocumented checks that docs/cli.md documents every command and
// every flag of the command line: a heading "## `vpcreach COMMAND`" per
// command that runs something, and each flag as `--name` (and `-x` for a
// shorthand) in the page.
func TestCLIDocumented(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("../../docs/cli.md")
	if err != nil {
		t.Fatal(err)
	}
	md := string(b)
	root := newCLI(io.Discard, io.Discard).rootCmd()
	commands, flags := 0, 0
	var visit func(cmd *cobra.Command)
	visit = func(cmd *cobra.Command) {
		for _, sub := range cmd.Commands() {
			if sub.Hidden || sub.Name() == "help" {
				continue
			}
			visit(sub)
		}
		if cmd == root || !cmd.Runnable() || cmd.HasSubCommands() {
			return
		}
		commands++
		if heading := "## `" + cmd.CommandPath() + "`"; !strings.Contains(md, heading) {
			t.Errorf("docs/cli.md has no heading %q", heading)
		}
		cmd.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if f.Name == "help" {
				return
			}
			flags++
			if !strings.Contains(md, "`--"+f.Name+"`") && !strings.Contains(md, "`--"+f.Name+" ") {
				t.Errorf("docs/cli.md does not document the flag --%s of %q", f.Name, cmd.CommandPath())
			}
			if f.Shorthand != "" && !strings.Contains(md, "`-"+f.Shorthand+"`") {
				t.Errorf("docs/cli.md does not document the shorthand -%s of %q", f.Shorthand, cmd.CommandPath())
			}
		})
	}
	visit(root)
	t.Logf("checked %d commands and %d flags against docs/cli.md", commands, flags)
	if commands < 6 || flags < 15 {
		t.Errorf("checked %d commands and %d flags, want at least 6 and 15", commands, flags)
	}
}
