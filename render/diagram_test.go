package render

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/analyzer"
)

// TestPictures renders the fixtures as Mermaid, DOT and HTML against
// testdata/*.mmd, *.dot and *.html (go test ./render -update rewrites
// them).
func TestPictures(t *testing.T) {
	t.Parallel()
	compared := 0
	for _, c := range []struct {
		name string
		a    *analyzer.Analysis
	}{{"analysis", fixtureAnalysis()}, {"ports", fixturePorts()}, {"hostile", hostileAnalysis()},
		{"ambiguous", ambiguousPath()}} {
		for _, f := range []struct {
			format Format
			ext    string
		}{{Mermaid, ".mmd"}, {Dot, ".dot"}, {HTML, ".html"}} {
			var buf bytes.Buffer
			if err := (Formatter{Format: f.format}).Analysis(&buf, c.a); err != nil {
				t.Fatalf("%s%s: %v", c.name, f.ext, err)
			}
			golden(t, c.name+f.ext, buf.Bytes())
			compared++
		}
	}
	if compared != 12 {
		t.Fatalf("compared %d pictures, want 12", compared)
	}
}

// hostile is a name that tries to end every kind of label and add markup
// or directives of its own.
const hostile = "instance.x\"]; click fwd_1 \"javascript:alert(1)\"\n%%{init: {}}%% </b><script>alert(1)</script> \\N \\l `md` #quot; & |x| {y} -->"

// hostileAnalysis is fixtureAnalysis with hostile names in every string a
// picture shows.
func hostileAnalysis() *analyzer.Analysis {
	a := fixtureAnalysis()
	a.Query.Source = hostile
	for _, h := range append(a.ForwardPath, a.ReturnPath...) {
		h.Component += hostile
		h.Type = hostile
		if h.VPC != "" {
			h.VPC = "vpc." + hostile
		}
		if h.AvailabilityZone != "" {
			h.AvailabilityZone = hostile
		}
		h.Translation = hostile
	}
	a.ForwardPath[0].OutboundHeader.Source = hostile
	a.ForwardPath[3].FirewallRule.Rule = hostile
	a.Explanations[0].Message = hostile
	return a
}

// mermaidLine is every form of line writeMermaid writes; a label that
// escaped its quotes would make a line of another form.
var mermaidLine = regexp.MustCompile(`^(%% [^\n{}%]*|flowchart TB|  subgraph (fwd|ret)\["[^"]*"\]|    direction TB|` +
	`\s+subgraph \w+\["[^"]*"\]|\s+end|\s+\w+\["[^"]*"\]|  \w+ -(-|\.-)>(\|"[^"]*"\|)? \w+|` +
	`  classDef \w+ [\w:#,. -]+|  class [\w,]+ \w+)$`)

// TestMermaidEscapes checks that hostile names stay inside their labels:
// every line has one of the forms the writer makes, and no label holds a
// character Mermaid could take as markup.
func TestMermaidEscapes(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := (Formatter{Format: Mermaid}).Analysis(&buf, hostileAnalysis()); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "%%"); n != 1 {
		t.Errorf("%%%% %d times, want once (the comment): Mermaid takes %%%%{...}%%%% anywhere as a directive", n)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	for _, l := range lines {
		if !mermaidLine.MatchString(l) {
			t.Errorf("line of an unexpected form: %q", l)
		}
		if strings.HasPrefix(l, "%% ") {
			continue // a comment: Mermaid shows nothing of it
		}
		for _, bad := range []string{"<script", "`", "javascript:alert(1)\""} {
			if strings.Contains(l, bad) {
				t.Errorf("%q left unescaped in %q", bad, l)
			}
		}
	}
	if len(lines) < 20 {
		t.Fatalf("checked %d lines, want at least 20", len(lines))
	}
}

var (
	dotString = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
	dotRest   = regexp.MustCompile(`^[\w\s\[\]=,;{}>#.-]*$`)
	dotEscape = regexp.MustCompile(`\\.`)
)

// TestDotEscapes checks that hostile names stay inside their quoted
// strings and use no DOT escape but \\, \" and the \n between lines.
func TestDotEscapes(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := (Formatter{Format: Dot}).Analysis(&buf, hostileAnalysis()); err != nil {
		t.Fatal(err)
	}
	strs := 0
	for _, l := range strings.Split(buf.String(), "\n") {
		for _, s := range dotString.FindAllString(l, -1) {
			strs++
			for _, e := range dotEscape.FindAllString(s, -1) {
				if e != `\\` && e != `\"` && e != `\n` {
					t.Errorf("escape %s in %s", e, s)
				}
			}
		}
		if rest := dotString.ReplaceAllString(l, ""); !dotRest.MatchString(rest) {
			t.Errorf("outside strings, %q in line %q", rest, l)
		}
	}
	if strs < 30 {
		t.Fatalf("checked %d strings, want at least 30", strs)
	}
}

// TestHTMLEscapes checks that the page has no script, loads nothing, and
// shows hostile names as text.
func TestHTMLEscapes(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := (Formatter{Format: HTML}).Analysis(&buf, hostileAnalysis()); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, bad := range []string{"<script", "</b><", "src=", "href=", "@import"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	if n := strings.Count(page, "&lt;script&gt;"); n < 10 {
		t.Errorf("hostile name shown escaped %d times, want at least 10", n)
	}
	if !strings.Contains(page, `content="default-src 'none'; style-src 'unsafe-inline'"`) {
		t.Error("no Content-Security-Policy that forbids fetching")
	}
}

// TestDecider checks which hop each kind of answer highlights.
func TestDecider(t *testing.T) {
	t.Parallel()
	replyBlocked := fixtureAnalysis()
	replyBlocked.ForwardPath[3].Blocked = false
	for _, c := range []struct {
		name        string
		a           *analyzer.Analysis
		path        string
		hop         int
		blocked     bool
		wantBlocker string
	}{
		{"request blocked", fixtureAnalysis(), "fwd", 4, true, "firewall_endpoint.fw_a"},
		{"reply blocked", replyBlocked, "ret", 2, true, "internet_gateway.igw"},
		{"reachable", fixturePorts(), "fwd", 1, false, ""},
		{"ambiguous", ambiguousPath(), "fwd", 2, false, ""},
	} {
		paths := diagramPaths(c.a)
		var got []string
		for _, p := range paths {
			for _, h := range p.hops {
				if h.decider {
					got = append(got, h.id)
				}
			}
		}
		want := c.path + "_" + string(rune('0'+c.hop))
		if len(got) != 1 || got[0] != want {
			t.Errorf("%s: deciders %v, want [%s]", c.name, got, want)
		}
		if b, _ := blockingHop(paths); b != c.wantBlocker {
			t.Errorf("%s: blocking hop %q, want %q", c.name, b, c.wantBlocker)
		}
	}
}

// ambiguousPath is an AMBIGUOUS answer whose second firewall hop is the
// undecidable one.
func ambiguousPath() *analyzer.Analysis {
	a := fixturePorts()
	a.PortRanges = nil
	a.Answer = ambiguousAnswer()
	second := *a.ForwardPath[0]
	rule := *second.FirewallRule
	rule.Ambiguous, rule.Phase = true, "client data"
	second.FirewallRule, second.Sequence, second.Component = &rule, 2, "firewall_endpoint.fw_b"
	a.ForwardPath = append(a.ForwardPath, &second)
	return a
}

// TestClip checks that labels are one bounded line.
func TestClip(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{"a\nb\x00c\u2028d", "a\uFFFDb\uFFFDc\uFFFDd"},
		{"bad \xff utf8", "bad \uFFFD utf8"},
		{strings.Repeat("é", labelMax+5), strings.Repeat("é", labelMax) + "…"},
		{strings.Repeat("x", labelMax), strings.Repeat("x", labelMax)},
	} {
		if got := clip(c.in); got != c.want {
			t.Errorf("clip(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestPicturesWithoutPath draws an answer with no hops (a CIDR answered
// only by range): every format still writes a whole document.
func TestPicturesWithoutPath(t *testing.T) {
	t.Parallel()
	a := emptyPath()
	for format, want := range map[Format][]string{
		Mermaid: {"flowchart TB\n"},
		Dot:     {"digraph vpcreach {\n", "\n}\n"},
		HTML:    {"Forward path (none)", "Return path (none)", "</html>\n"},
	} {
		var buf bytes.Buffer
		if err := (Formatter{Format: format}).Analysis(&buf, a); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		for _, w := range want {
			if !strings.Contains(buf.String(), w) {
				t.Errorf("%s: no %q in\n%s", format, w, buf.String())
			}
		}
	}
}
