package main

import (
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress shows a progress bar on stderr for a long read: only when
// stderr is a terminal, and only once the read has taken a second, so that
// short runs and redirected output stay clean. Its methods are called from
// the reading goroutine only; a nil *progress does nothing.
type progress struct {
	out   *os.File
	start time.Time
	bar   *progressbar.ProgressBar
}

// progress returns a bar for this CLI's stderr, or nil when stderr is not
// a terminal.
func (c *cli) progress() *progress {
	f, ok := c.stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return &progress{out: f, start: time.Now()}
}

// update records that done of total bytes are read (total 0: unknown).
func (p *progress) update(done, total int64) {
	if p == nil {
		return
	}
	if p.bar == nil {
		if time.Since(p.start) < time.Second {
			return
		}
		max := total
		if max <= 0 {
			max = -1 // unknown: a spinner
		}
		p.bar = progressbar.NewOptions64(max,
			progressbar.OptionSetWriter(p.out),
			progressbar.OptionSetDescription("reading logs"),
			progressbar.OptionShowBytes(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	_ = p.bar.Set64(done)
}

// finish removes the bar.
func (p *progress) finish() {
	if p == nil || p.bar == nil {
		return
	}
	_ = p.bar.Finish()
	p.bar = nil
}
