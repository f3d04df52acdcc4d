package topology_test

import (
	"bytes"
	"strings"
	"testing/fstest"
)

// parseTxtar splits a txtar archive ("-- NAME --" lines start files) into
// its comment and an in-memory file system.
func parseTxtar(data []byte) (string, fstest.MapFS) {
	fsys := fstest.MapFS{}
	var comment strings.Builder
	var name string
	var body bytes.Buffer
	flush := func() {
		if name != "" {
			fsys[name] = &fstest.MapFile{Data: append([]byte(nil), body.Bytes()...), Mode: 0o644}
		}
		body.Reset()
	}
	for _, line := range strings.SplitAfter(string(data), "\n") {
		trimmed := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			flush()
			name = strings.TrimSpace(trimmed[3 : len(trimmed)-3])
			continue
		}
		if name == "" {
			comment.WriteString(line)
		} else {
			body.WriteString(line)
		}
	}
	flush()
	return comment.String(), fsys
}
