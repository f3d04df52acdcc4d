package loggen

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestWriteIsValid checks that every generated line is a JSON envelope
// with an event, and that lines average 400-700 bytes.
func TestWriteIsValid(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	n, err := Write(&b, Options{Events: 2000, Seed: 1})
	if err != nil || n != int64(b.Len()) {
		t.Fatalf("wrote %d (buffer %d): %v", n, b.Len(), err)
	}
	lines := bytes.Split(bytes.TrimSuffix(b.Bytes(), []byte("\n")), []byte("\n"))
	if len(lines) != 2000 {
		t.Fatalf("%d lines, want 2000", len(lines))
	}
	for i, l := range lines {
		var env struct {
			Event map[string]any `json:"event"`
		}
		if err := json.Unmarshal(l, &env); err != nil || env.Event == nil {
			t.Fatalf("line %d: %v: %s", i+1, err, l)
		}
	}
	if avg := b.Len() / len(lines); avg < 400 || avg > 700 {
		t.Errorf("average line %d bytes", avg)
	}
}
