package main

import (
	"io"
	"testing"
)

// TestFormatterLayout: the width is the terminal's (or --width, or 100 by
// default in render), colour only on a terminal without NO_COLOR and with
// a TERM other than dumb.
func TestFormatterLayout(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name      string
		term      bool
		termWidth int
		env       map[string]string
		flagWidth int
		width     int
		color     bool
	}{
		{"pipe", false, 0, nil, 0, 0, false},
		{"pipe with --width", false, 0, nil, 70, 70, false},
		{"terminal", true, 132, map[string]string{"TERM": "xterm"}, 0, 132, true},
		{"terminal with --width", true, 132, nil, 90, 90, true},
		{"NO_COLOR", true, 120, map[string]string{"NO_COLOR": "1"}, 0, 120, false},
		{"dumb terminal", true, 80, map[string]string{"TERM": "dumb"}, 0, 80, false},
		{"terminal of unknown size", true, 0, nil, 0, 0, true},
	}
	for _, c := range cases {
		cl := newCLI(io.Discard, io.Discard)
		cl.terminal = func(any) (bool, int) { return c.term, c.termWidth }
		cl.getenv = func(k string) string { return c.env[k] }
		fm := cl.formatter("table", textFlags{width: c.flagWidth})
		if fm.Width != c.width || fm.Color != c.color {
			t.Errorf("%s: width %d, color %v; want %d, %v", c.name, fm.Width, fm.Color, c.width, c.color)
		}
	}
	if len(cases) != 7 {
		t.Fatal("cases lost")
	}
}
