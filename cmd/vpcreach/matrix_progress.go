package main

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// matrixBar shows how many sources of a matrix are answered, on
// stderr, only when stderr is a terminal and only once the matrix has
// taken a second. Its methods are called from one goroutine; a nil
// *matrixBar does nothing.
type matrixBar struct {
	out   *os.File
	total int
	start time.Time
	bar   *progressbar.ProgressBar
}

func (c *cli) matrixProgress(total int) *matrixBar {
	if !isTerminal(c.stderr) {
		return nil
	}
	return &matrixBar{out: c.stderr.(*os.File), total: total, start: time.Now()}
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// update records that rows sources are answered.
func (b *matrixBar) update(rows int) {
	if b == nil {
		return
	}
	if b.bar == nil {
		if time.Since(b.start) < time.Second {
			return
		}
		b.bar = progressbar.NewOptions(b.total,
			progressbar.OptionSetWriter(b.out),
			progressbar.OptionSetDescription("answering sources"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	_ = b.bar.Set(rows)
}

// finish removes the bar.
func (b *matrixBar) finish() {
	if b == nil || b.bar == nil {
		return
	}
	_ = b.bar.Finish()
	b.bar = nil
}
