package main

import (
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
	f, ok := c.stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return &matrixBar{out: f, total: total, start: time.Now()}
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
