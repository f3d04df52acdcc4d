package render

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/vpcreach/vpcreach/analyzer"
)

// browserNames are the headless browsers the HTML test looks for on PATH.
var browserNames = []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"}

// findBrowser is the path of a Chromium, or "" with the test skipped;
// with VPCREACH_REQUIRE_BROWSER=1 a missing browser fails the test.
func findBrowser(t *testing.T) string {
	t.Helper()
	for _, name := range browserNames {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := fmt.Sprintf("no headless browser (%s) on PATH: the HTML output is not checked in a browser "+
		"(apt-get install chromium)", strings.Join(browserNames, ", "))
	if os.Getenv("VPCREACH_REQUIRE_BROWSER") == "1" {
		t.Fatal(msg + "; VPCREACH_REQUIRE_BROWSER=1 requires one")
	}
	t.Skip(msg)
	return ""
}

// pageProblems gathers what a page must not do: console errors,
// uncaught exceptions, error log entries (a Content-Security-Policy
// violation is one), and requests for anything but the page itself.
type pageProblems struct {
	mu       sync.Mutex
	page     string
	problems []string
}

func (p *pageProblems) add(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.problems = append(p.problems, fmt.Sprintf(format, args...))
}

func (p *pageProblems) listen(ev any) {
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
			p.add("console %s", e.Type)
		}
	case *runtime.EventExceptionThrown:
		p.add("exception: %s", e.ExceptionDetails.Text)
	case *cdplog.EventEntryAdded:
		if e.Entry.Level == cdplog.EntryLevelError || e.Entry.Level == cdplog.EntryLevelWarning {
			p.add("log %s: %s", e.Entry.Level, e.Entry.Text)
		}
	case *network.EventRequestWillBeSent:
		p.mu.Lock()
		page := p.page
		p.mu.Unlock()
		if e.Request.URL != page {
			p.add("request for %s", e.Request.URL)
		}
	}
}

// The strokes of the deciding hop: it blocks, it passes, it is AMBIGUOUS.
const (
	red   = "rgb(192, 0, 0)"
	blue  = "rgb(0, 80, 160)"
	amber = "rgb(160, 120, 0)"
)

// browserPage is what the test reads from a rendered page.
type browserPage struct {
	Verdict, Blocking, Rule string
	Scripts, Nodes          int
	DeciderClass            string
	DeciderStroke           string
	DeciderWidth            float64
	FirstTitle              string
}

const readPage = `(() => {
  const d = document.querySelector('#paths rect.decider');
  const g = d ? d.parentNode : null;
  const text = (s) => { const e = document.querySelector(s); return e ? e.textContent : ''; };
  return {
    Verdict: text('#verdict'), Blocking: text('#blocking'), Rule: text('#rule'),
    Scripts: document.scripts.length, Nodes: document.querySelectorAll('#paths g').length,
    DeciderClass: d ? d.getAttribute('class') + ' #' + g.id : '',
    DeciderStroke: d ? getComputedStyle(d).stroke : '',
    DeciderWidth: d ? d.getBBox().width : 0,
    FirstTitle: text('#fwd_1 text.title'),
  };
})()`

// TestHTMLInBrowser opens the HTML pages of the fixtures in a headless
// Chromium and checks that each renders without a console error, an
// exception or a request, and shows the verdict, the blocking hop
// (highlighted) and the deciding rule; a hostile name shows as text. It
// checks a matrix heatmap the same way.
func TestHTMLInBrowser(t *testing.T) {
	t.Parallel()
	browser := findBrowser(t)
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, chromedp.ExecPath(browser), chromedp.Headless,
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(filepath.Join(dir, "profile")))
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	probs := &pageProblems{}
	// Listen starts the browser and a tab, which enables the runtime,
	// log and network domains whose events probs reads.
	if err := chromedp.Listen(bctx, probs.listen); err != nil {
		t.Fatalf("starting %s: %v", browser, err)
	}
	checked := 0
	for _, c := range []struct {
		name                   string
		a                      *analyzer.Analysis
		verdict, blocking, hop string
		firstTitle, stroke     string
	}{
		{"analysis", fixtureAnalysis(), "NOT_REACHABLE", "firewall_endpoint.fw_a", "fwd_4", "instance.web", red},
		{"hostile", hostileAnalysis(), "NOT_REACHABLE", "firewall_endpoint.fw_a" + hostile[:20], "fwd_4",
			"instance.web" + hostile[:40], red},
		{"reachable", fixturePorts(), "REACHABLE", "", "fwd_1", "firewall_endpoint.fw_a", blue},
		{"ambiguous", ambiguousPath(), "AMBIGUOUS", "", "fwd_2", "firewall_endpoint.fw_a", amber},
	} {
		got := renderInBrowser(t, bctx, probs, filepath.Join(dir, c.name+".html"), c.a)
		if got.Verdict != c.verdict {
			t.Errorf("%s: verdict %q, want %q", c.name, got.Verdict, c.verdict)
		}
		if c.blocking != "" && !strings.Contains(got.Blocking, c.blocking) {
			t.Errorf("%s: blocking hop shown as %q, want it to name %q", c.name, got.Blocking, c.blocking)
		}
		if c.blocking == "" && got.Blocking != "" {
			t.Errorf("%s: a blocking hop %q shown for a reachable answer", c.name, got.Blocking)
		}
		if !strings.HasSuffix(got.DeciderClass, "#"+c.hop) || got.DeciderWidth <= 0 {
			t.Errorf("%s: highlighted hop %q (width %v), want #%s drawn", c.name, got.DeciderClass, got.DeciderWidth, c.hop)
		}
		if got.DeciderStroke != c.stroke {
			t.Errorf("%s: highlighted hop's stroke %q, want %q", c.name, got.DeciderStroke, c.stroke)
		}
		if got.Scripts != 0 || got.Nodes != len(c.a.ForwardPath)+len(c.a.ReturnPath) {
			t.Errorf("%s: %d scripts and %d hops drawn, want 0 and %d", c.name, got.Scripts, got.Nodes,
				len(c.a.ForwardPath)+len(c.a.ReturnPath))
		}
		if !strings.HasPrefix(got.FirstTitle, c.firstTitle) {
			t.Errorf("%s: first hop titled %q, want %q...", c.name, got.FirstTitle, c.firstTitle)
		}
		checked++
	}
	if checked != 4 {
		t.Fatalf("checked %d pages, want 4", checked)
	}
	checkHeatmap(t, bctx, probs, dir)
}

// renderInBrowser writes a's page to path, opens it and reads it; it
// fails the test on any problem the page causes.
func renderInBrowser(t *testing.T, ctx context.Context, probs *pageProblems, path string, a *analyzer.Analysis) browserPage {
	t.Helper()
	var buf bytes.Buffer
	if err := (Formatter{Format: HTML}).Analysis(&buf, a); err != nil {
		t.Fatal(err)
	}
	return openInBrowser[browserPage](t, ctx, probs, path, buf.Bytes(), "#paths", readPage)
}

// openInBrowser writes page to path, opens it, waits for the element
// ready names and returns what the script read evaluates to; it fails the
// test on any problem the page causes.
func openInBrowser[T any](t *testing.T, ctx context.Context, probs *pageProblems, path string, page []byte, ready, read string) T {
	t.Helper()
	if err := os.WriteFile(path, page, 0o600); err != nil {
		t.Fatal(err)
	}
	url := "file://" + path
	probs.mu.Lock()
	probs.page, probs.problems = url, nil
	probs.mu.Unlock()
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS(ready))); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[T](read))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	probs.mu.Lock()
	defer probs.mu.Unlock()
	for _, p := range probs.problems {
		t.Errorf("%s: %s", filepath.Base(path), p)
	}
	return got
}

// heatmapPage is what the test reads from a rendered heatmap.
type heatmapPage struct {
	Cells, Scripts int
	BadColor       string
	BadTitle       string
}

const readHeatmap = `(() => {
  const bad = document.querySelector('#heatmap td.bad');
  return {
    Cells: document.querySelectorAll('#heatmap td.cell').length, Scripts: document.scripts.length,
    BadColor: bad ? getComputedStyle(bad).backgroundColor : '', BadTitle: bad ? bad.title : '',
  };
})()`

// checkHeatmap opens the heatmap of a grouped matrix and checks its cells
// are drawn and coloured, with what decided each as its tooltip.
func checkHeatmap(t *testing.T, ctx context.Context, probs *pageProblems, dir string) {
	t.Helper()
	m := fixtureMatrixGroups(false)
	var buf bytes.Buffer
	if err := (Formatter{Format: HTML}).MatrixGroups(&buf, m); err != nil {
		t.Fatal(err)
	}
	got := openInBrowser[heatmapPage](t, ctx, probs, filepath.Join(dir, "heatmap.html"), buf.Bytes(), "#heatmap", readHeatmap)
	want := heatmapPage{Cells: len(m.SourceGroups) * len(m.DestinationGroups), BadColor: "rgb(246, 179, 179)",
		BadTitle: "NO_ROUTE_TO_DESTINATION at internet_gateway.igw"}
	if got != want {
		t.Errorf("heatmap shows %+v, want %+v", got, want)
	}
}
