package render

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

var errFull = errors.New("device full")

// failAfter accepts n bytes, then fails every write.
type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) <= f.n {
		f.n -= len(p)
		return len(p), nil
	}
	k := f.n
	f.n = 0
	return k, errFull
}

// shortWriter writes half of each buffer and reports no error, against
// io.Writer's contract.
type shortWriter struct{}

func (shortWriter) Write(p []byte) (int, error) { return len(p) / 2, nil }

// renderings are every document in every format it has.
func renderings() map[string]func(io.Writer) error {
	out := map[string]func(io.Writer) error{}
	for _, f := range AnalysisFormats() {
		fm := Formatter{Format: f}
		out["analysis "+string(f)] = func(w io.Writer) error { return fm.Analysis(w, fixtureAnalysis()) }
		out["ports "+string(f)] = func(w io.Writer) error { return fm.Analysis(w, fixturePorts()) }
		out["matrix "+string(f)] = func(w io.Writer) error { return fm.Matrix(w, fixtureMatrix(false)) }
	}
	for _, f := range CheckFormats() {
		fm := Formatter{Format: f}
		out["check "+string(f)] = func(w io.Writer) error { return fm.Check(w, fixtureDiagnostics(), fixtureCheck()) }
	}
	for _, f := range DiffFormats() {
		fm := Formatter{Format: f}
		out["diff "+string(f)] = func(w io.Writer) error { return fm.Diff(w, fixtureDiff()) }
	}
	for _, f := range DiagnosticFormats() {
		fm := Formatter{Format: f}
		out["diagnostics "+string(f)] = func(w io.Writer) error { return fm.Diagnostics(w, fixtureDiagnostics()) }
	}
	return out
}

// TestWriteErrors: every format writes without error to a buffer, and
// reports a failed write (at the first byte, the second, half way, the
// last) and a short write.
func TestWriteErrors(t *testing.T) {
	t.Parallel()
	cases := 0
	for name, render := range renderings() {
		var full bytes.Buffer
		if err := render(&full); err != nil || full.Len() < 100 {
			t.Fatalf("%s: %v after %d bytes", name, err, full.Len())
		}
		for _, after := range []int{0, 1, full.Len() / 2, full.Len() - 1} {
			if err := render(&failAfter{n: after}); !errors.Is(err, errFull) {
				t.Errorf("%s, failing after %d bytes: %v, want %v", name, after, err, errFull)
			}
			cases++
		}
		if err := render(shortWriter{}); !errors.Is(err, io.ErrShortWrite) {
			t.Errorf("%s, short write: %v", name, err)
		}
	}
	if cases != 4*18 {
		t.Errorf("%d cases, want %d", cases, 4*18)
	}
}

// TestUnsupportedFormat: a format a document does not have is an error,
// and nothing is written.
func TestUnsupportedFormat(t *testing.T) {
	t.Parallel()
	var sb strings.Builder
	for name, err := range map[string]error{
		"analysis sarif":    Formatter{Format: SARIF}.Analysis(&sb, fixtureAnalysis()),
		"matrix sarif":      Formatter{Format: SARIF}.Matrix(&sb, fixtureMatrix(true)),
		"check xml":         Formatter{Format: "xml"}.Check(&sb, nil, fixtureCheck()),
		"diagnostics table": Formatter{}.Diagnostics(&sb, fixtureDiagnostics()),
		"analysis junit":    Formatter{Format: JUnit}.Analysis(&sb, fixtureAnalysis()),
	} {
		if err == nil || !strings.Contains(err.Error(), "unsupported format") {
			t.Errorf("%s: %v", name, err)
		}
	}
	if sb.Len() > 0 {
		t.Errorf("wrote %q", sb.String())
	}
}
