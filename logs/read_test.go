package logs

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// collect is a Sink that keeps a copy of every event.
type collect struct{ events []Event }

func (c *collect) Add(e *Event) { c.events = append(c.events, *e) }

func gz(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func readAll(t *testing.T, paths []string, opts Options) ([]Event, Stats, error) {
	t.Helper()
	sinks, st, err := Read(paths, opts, func() *collect { return &collect{} })
	var all []Event
	for _, s := range sinks {
		all = append(all, s.events...)
	}
	return all, st, err
}

// TestReadLayouts reads every delivery layout: S3's gzipped dated folders
// (recursively, gzip detected by content), a CloudWatch Logs export with
// its timestamp prefix, Firehose records back to back, and stdin.
func TestReadLayouts(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s3 := filepath.Join(dir, "AWSLogs", "123456789012", "network-firewall", "alert", "us-east-1", "fw", "2025", "12", "08", "00")
	writeFile(t, filepath.Join(s3, "123456789012_network-firewall_fw_202512080000_abcd.log.gz"), gz(t, docAlert+"\n"+tlsAlert+"\n"))
	writeFile(t, filepath.Join(s3, "plain-but-named.gz.log"), []byte(docFlow+"\r\n\n"))
	writeFile(t, filepath.Join(dir, "AWSLogs", ".hidden"), []byte("garbage\n"))
	cw := filepath.Join(dir, "cw.txt")
	writeFile(t, cw, gz(t, "2020-09-25T23:01:05.598Z "+docAlert+"\n"))
	fh := filepath.Join(dir, "firehose")
	writeFile(t, fh, []byte(docAlert+docFlow+"\n"))

	tests := []struct {
		name   string
		paths  []string
		stdin  string
		events int
	}{
		{"s3 folders", []string{filepath.Join(dir, "AWSLogs")}, "", 3},
		{"cloudwatch export", []string{cw}, "", 1},
		{"firehose", []string{fh}, "", 2},
		{"stdin", []string{Stdin}, tlsAlert + "\n" + docFlow, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			evs, st, err := readAll(t, tt.paths, Options{Stdin: strings.NewReader(tt.stdin)})
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) != tt.events || st.Events != int64(tt.events) || st.Malformed != 0 {
				t.Errorf("got %d events (stats %+v), want %d and no malformed line", len(evs), st, tt.events)
			}
		})
	}
}

func TestReadMalformed(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	f := filepath.Join(dir, "mixed.log")
	long := `{"event":{"x":"` + strings.Repeat("a", 3000) + `"}}`
	var lines []string
	for i := range 10 {
		lines = append(lines, docAlert)
		if i%2 == 0 {
			lines = append(lines, `{"event":`)
		}
	}
	lines = append(lines, long, "not json at all")
	writeFile(t, f, []byte(strings.Join(lines, "\n")+"\n"))
	evs, st, err := readAll(t, []string{f}, Options{MaxLine: 2048, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 10 || st.Malformed != 7 || st.Lines != 17 {
		t.Fatalf("events %d, stats %+v; want 10 events, 7 malformed of 17 lines", len(evs), st)
	}
	if len(st.Examples) != DefaultShown || st.Examples[0].Line != 2 || st.Examples[1].Line != 5 {
		t.Errorf("examples %+v: want the first %d, from line 2 then 5", st.Examples, DefaultShown)
	}
	// Nothing parses: an error, with the counts.
	bad := filepath.Join(dir, "bad.log")
	writeFile(t, bad, []byte(long+"\nnope\n"))
	_, st, err = readAll(t, []string{bad}, Options{MaxLine: 2048})
	if !errors.Is(err, ErrNothingParsed) || st.Malformed != 2 {
		t.Errorf("got %v, %+v; want ErrNothingParsed and 2 malformed", err, st)
	}
	if !strings.Contains(st.Examples[0].Reason, "longer than 2048") {
		t.Errorf("first reason %q", st.Examples[0].Reason)
	}
}

func TestReadRefusesSpecialFiles(t *testing.T) {
	t.Parallel()
	if _, _, err := readAll(t, []string{"/dev/null"}, Options{}); err == nil {
		t.Error("read /dev/null without complaint")
	}
	if _, _, err := readAll(t, []string{filepath.Join(t.TempDir(), "missing")}, Options{}); err == nil {
		t.Error("read a missing file without complaint")
	}
}
