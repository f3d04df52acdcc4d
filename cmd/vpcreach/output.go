package main

import (
	"errors"
	"fmt"
	"io"
)

// checkedWriter is the CLI's stdout: it passes writes through until one
// fails, then keeps that error and writes nothing more. run reports it
// once and exits 1, so an answer that could not be written (a full disk,
// a closed pipe, `> /dev/full`) is never taken as given.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	c.err = err
	return n, err
}

// outputError is the error to report when stdout failed, or nil.
func (c *checkedWriter) outputError() error {
	if c.err == nil {
		return nil
	}
	return fmt.Errorf("writing the output: %w", c.err)
}

// failedWith reports whether err is (or wraps) the write error stdout
// kept.
func (c *checkedWriter) failedWith(err error) bool {
	return c.err != nil && errors.Is(err, c.err)
}
