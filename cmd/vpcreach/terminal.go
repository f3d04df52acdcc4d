package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/vpcreach/vpcreach/render"
)

// terminalOf reports whether w is a terminal, and its width in columns
// (0 when unknown).
func terminalOf(w any) (bool, int) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return false, 0
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return true, 0
	}
	return true, width
}

// textFlags are the layout flags of the commands that print tables.
type textFlags struct {
	width int
	brief bool
}

func (t *textFlags) add(cmd *cobra.Command) {
	cmd.Flags().IntVar(&t.width, "width", 0, "fit tables to N columns (default: the terminal's width, or 100 when stdout is not a terminal)")
	cmd.Flags().BoolVar(&t.brief, "brief", false, "one line per answer instead of tables")
}

// check refuses --width and --brief with a format that is not a table.
func (t *textFlags) check(cmd *cobra.Command, format string) error {
	if format == "table" || format == "text" {
		if t.width < 0 {
			return fmt.Errorf("--width %d: give a number of columns", t.width)
		}
		return nil
	}
	for _, f := range []string{"width", "brief"} {
		if cmd.Flags().Changed(f) {
			return fmt.Errorf("--%s applies to --format table, not %s", f, format)
		}
	}
	return nil
}

// formatter is the render.Formatter for format with the layout of stdout:
// the terminal's width (or --width, or 100), and colour only when stdout
// is a terminal and NO_COLOR is unset (https://no-color.org) and TERM is
// not "dumb".
func (c *cli) formatter(format string, t textFlags) render.Formatter {
	isTerm, width := c.terminal(c.rawStdout)
	if t.width > 0 {
		width = t.width
	}
	color := isTerm && c.getenv("NO_COLOR") == "" && c.getenv("TERM") != "dumb"
	return render.Formatter{Format: render.Format(format), Width: width, Color: color, Brief: t.brief}
}
