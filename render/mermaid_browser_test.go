package render

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/vpcreach/vpcreach/analyzer"
)

// mermaidResult is what the harness page reports for one diagram.
type mermaidResult struct {
	Name, Error  string
	Nodes, Bolds int
	Scripts      int
	Blocking     int
}

// mermaidHarness renders each diagram of window.srcs with Mermaid
// (loaded from the file VPCREACH_MERMAID_JS names, strict security) and
// sets window.results; window.alert counts calls, so that a label that
// became script would show.
const mermaidHarness = `<!DOCTYPE html><html><body><div id="out"></div>
<script src="%s"></script>
<script>
window.alerted = 0; window.alert = () => { window.alerted++; };
window.srcs = %s;
mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
(async () => {
  const results = [];
  for (const [name, src] of Object.entries(window.srcs)) {
    const r = {Name: name, Error: '', Nodes: 0, Bolds: 0, Scripts: 0, Blocking: 0};
    try {
      const out = await mermaid.render('g_' + name, src);
      const d = document.createElement('div');
      d.innerHTML = out.svg;
      document.getElementById('out').appendChild(d);
      r.Nodes = d.querySelectorAll('.node').length;
      r.Bolds = d.querySelectorAll('.nodeLabel b').length;
      r.Scripts = d.querySelectorAll('script').length + window.alerted;
      r.Blocking = d.querySelectorAll('.node.blocking').length;
    } catch (e) { r.Error = String(e.message || e); }
    results.push(r);
  }
  window.results = results;
})();
</script></body></html>`

// TestMermaidInBrowser renders the Mermaid output of the fixtures with
// Mermaid itself in a headless Chromium: each must parse, draw one node
// per hop, bold only the component of each (a hostile name adds no
// markup) and run no script. It needs VPCREACH_MERMAID_JS, the path of a
// mermaid.min.js (npm install mermaid; .ci/run does), and skips without it.
func TestMermaidInBrowser(t *testing.T) {
	t.Parallel()
	js := os.Getenv("VPCREACH_MERMAID_JS")
	if js == "" {
		t.Skip("VPCREACH_MERMAID_JS is not set: the Mermaid output is not checked with Mermaid " +
			"(npm install mermaid, then set it to node_modules/mermaid/dist/mermaid.min.js)")
	}
	js, err := filepath.Abs(js)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(js); err != nil {
		t.Fatalf("VPCREACH_MERMAID_JS: %v", err)
	}
	browser := findBrowser(t)
	cases := map[string]*analyzer.Analysis{"analysis": fixtureAnalysis(), "ports": fixturePorts(), "hostile": hostileAnalysis(),
		"ambiguous": ambiguousPath(), "empty": emptyPath()}
	srcs := map[string]string{}
	for name, a := range cases {
		var buf bytes.Buffer
		if err := (Formatter{Format: Mermaid}).Analysis(&buf, a); err != nil {
			t.Fatal(err)
		}
		srcs[name] = buf.String()
	}
	enc, err := json.Marshal(srcs)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	page := strings.Replace(strings.Replace(mermaidHarness, "%s", "file://"+js, 1), "%s",
		strings.ReplaceAll(string(enc), "</", `<\/`), 1)
	path := filepath.Join(dir, "mermaid.html")
	if err := os.WriteFile(path, []byte(page), 0o600); err != nil {
		t.Fatal(err)
	}
	results := runMermaidHarness(t, browser, dir, path)
	if len(results) != len(cases) {
		t.Fatalf("Mermaid rendered %d diagrams, want %d", len(results), len(cases))
	}
	for _, r := range results {
		a := cases[r.Name]
		hops := len(a.ForwardPath) + len(a.ReturnPath)
		blocking := 0
		if firstBlocked(a.ForwardPath) >= 0 {
			blocking = 1
		}
		if r.Error != "" || r.Nodes != hops || r.Bolds != hops || r.Scripts != 0 || r.Blocking != blocking {
			t.Errorf("%s: %+v, want no error, %d nodes and bold components, no script, %d blocking", r.Name, r, hops, blocking)
		}
	}
}

// emptyPath is an answer with no hops.
func emptyPath() *analyzer.Analysis {
	a := fixtureAnalysis()
	a.Answer = blockedAnswer()
	return a
}

// runMermaidHarness opens the harness page and waits for its results.
func runMermaidHarness(t *testing.T, browser, dir, path string) []mermaidResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, chromedp.ExecPath(browser), chromedp.Headless,
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("allow-file-access-from-files", true),
		chromedp.UserDataDir(filepath.Join(dir, "profile")))
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	if err := chromedp.Do(bctx, chromedp.Navigate("file://"+path)); err != nil {
		t.Fatalf("%s: %v", browser, err)
	}
	for {
		done, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`Array.isArray(window.results)`))
		if err != nil {
			t.Fatal(err)
		}
		if done {
			break
		}
		select {
		case <-bctx.Done():
			t.Fatalf("Mermaid did not finish: %v", bctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
	results, err := chromedp.Run(bctx, chromedp.Evaluate[[]mermaidResult](`window.results`))
	if err != nil {
		t.Fatal(err)
	}
	return results
}
