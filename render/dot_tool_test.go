package render

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/analyzer"
)

// TestDotRenders runs Graphviz's dot over the DOT output of the fixtures,
// hostile names included: each must give an SVG with one node per hop and
// no warning. It skips when dot is not on PATH (.ci/run installs it).
func TestDotRenders(t *testing.T) {
	t.Parallel()
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz's dot is not on PATH: the DOT output is not checked with it (apt-get install graphviz)")
	}
	checked := 0
	for name, a := range map[string]*analyzer.Analysis{"analysis": fixtureAnalysis(), "ports": fixturePorts(),
		"hostile": hostileAnalysis(), "ambiguous": ambiguousPath(), "empty": emptyPath()} {
		var in, out, errOut bytes.Buffer
		if err := (Formatter{Format: Dot}).Analysis(&in, a); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(dot, "-Tsvg")
		cmd.Stdin, cmd.Stdout, cmd.Stderr = &in, &out, &errOut
		if err := cmd.Run(); err != nil || errOut.Len() > 0 {
			t.Errorf("%s: dot: %v: %s", name, err, errOut.String())
			continue
		}
		hops := len(a.ForwardPath) + len(a.ReturnPath)
		if n := strings.Count(out.String(), `<g id="node`); n != hops {
			t.Errorf("%s: dot drew %d nodes, want %d", name, n, hops)
		}
		checked++
	}
	if checked != 5 {
		t.Fatalf("checked %d graphs, want 5", checked)
	}
}
