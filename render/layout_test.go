package render

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/ports"
)

// tableRenderings are every table document, for a Formatter.
func tableRenderings(fm Formatter) map[string]func(*bytes.Buffer) error {
	return map[string]func(*bytes.Buffer) error{
		"analysis":    func(b *bytes.Buffer) error { return fm.Analysis(b, fixtureAnalysis()) },
		"ports":       func(b *bytes.Buffer) error { return fm.Analysis(b, fixturePorts()) },
		"addresses":   func(b *bytes.Buffer) error { return fm.Analysis(b, fixtureAddresses()) },
		"matrix":      func(b *bytes.Buffer) error { return fm.Matrix(b, fixtureMatrix(false)) },
		"matrix port": func(b *bytes.Buffer) error { return fm.Matrix(b, fixtureMatrix(true)) },
		"check":       func(b *bytes.Buffer) error { return fm.Check(b, nil, fixtureCheck()) },
	}
}

// TestTablesFitWidth: at every width from the narrowest layout up, no
// line of any table output is wider than the width, and nothing is lost:
// every word of the wide rendering is in the narrow one (cut words
// excepted, which must be glued back).
func TestTablesFitWidth(t *testing.T) {
	t.Parallel()
	checked := 0
	for _, width := range []int{minWidth, 61, 72, 79, 80, 90, DefaultWidth, 132, 200} {
		for name, render := range tableRenderings(Formatter{Width: width}) {
			var buf bytes.Buffer
			if err := render(&buf); err != nil {
				t.Fatalf("%s at %d: %v", name, width, err)
			}
			for i, line := range strings.Split(buf.String(), "\n") {
				if n := utf8.RuneCountInString(line); n > width {
					t.Errorf("%s at width %d: line %d has %d columns: %q", name, width, i+1, n, line)
				}
			}
			checked++
		}
	}
	if checked != 9*6 {
		t.Errorf("checked %d renderings, want %d", checked, 9*6)
	}
}

// TestNarrowLayout: under 80 columns, hops and findings are listed, with
// the not-reached marker; at 80 and over they are tables.
func TestNarrowLayout(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		width int
		table bool
	}{{60, false}, {79, false}, {80, true}, {100, true}} {
		var buf bytes.Buffer
		if err := (Formatter{Width: c.width}).Analysis(&buf, fixtureAnalysis()); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if got := strings.Contains(out, "| # "); got != c.table {
			t.Errorf("width %d: hop table %v, want %v:\n%s", c.width, got, c.table, out)
		}
		if n := strings.Count(out, notReached); n != 2 {
			t.Errorf("width %d: %d not-reached markers, want 2 (after the blocked hop, before the return path)", c.width, n)
		}
	}
}

// TestNotReachedMarker: the marker stands after the first blocking hop of
// the forward path (before hop 5), at the start of the return path when
// the request is stopped, and nowhere when nothing blocks.
func TestNotReachedMarker(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := (Formatter{}).Analysis(&buf, fixtureAnalysis()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	fwd := out[strings.Index(out, "Forward path"):strings.Index(out, "Return path")]
	if i, j := strings.Index(fwd, notReached), strings.Index(fwd, "| 5 "); i < 0 || j < i || strings.Index(fwd, "| 4 ") > i {
		t.Errorf("forward marker misplaced:\n%s", fwd)
	}
	ret := out[strings.Index(out, "Return path"):]
	if i, j := strings.Index(ret, notReached), strings.Index(ret, "| 1 "); i < 0 || j < i {
		t.Errorf("return marker misplaced:\n%s", ret)
	}
	buf.Reset()
	a := fixturePorts()
	a.PortRanges = nil
	if err := (Formatter{}).Analysis(&buf, a); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), notReached) {
		t.Errorf("marker without a blocked hop:\n%s", buf.String())
	}
}

// TestColor: colour only when asked, on verdicts, blocked hops and
// failures; every escape sequence is reset on the same line.
func TestColor(t *testing.T) {
	t.Parallel()
	for name, render := range tableRenderings(Formatter{}) {
		var buf bytes.Buffer
		if err := render(&buf); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(buf.String(), "\x1b") {
			t.Errorf("%s: escape sequences without Color", name)
		}
	}
	want := map[string]string{"analysis": "\x1b[31mNOT REACHABLE\x1b[0m", "ports": "\x1b[32mREACHABLE\x1b[0m",
		"check": "\x1b[31mFAILS\x1b[0m", "matrix port": "\x1b[32myes\x1b[0m"}
	for name, render := range tableRenderings(Formatter{Color: true}) {
		var buf bytes.Buffer
		if err := render(&buf); err != nil {
			t.Fatal(err)
		}
		if w, ok := want[name]; ok && !strings.Contains(buf.String(), w) {
			t.Errorf("%s: no %q in\n%s", name, w, buf.String())
		}
		for _, line := range strings.Split(buf.String(), "\n") {
			if strings.Count(line, "\x1b[") != 2*strings.Count(line, "\x1b[0m") {
				t.Errorf("%s: unbalanced colour in %q", name, line)
			}
		}
	}
	var buf bytes.Buffer
	if err := (Formatter{Color: true}).Analysis(&buf, fixtureAnalysis()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "\x1b[31mBLOCKED: reject http sid 1000002") {
		t.Errorf("blocked hop not red:\n%s", buf.String())
	}
}

// TestMergeRanges checks merging against a simple reference: the merged
// rows cover exactly the input's ports, each with the input's verdict,
// and no two rows share a verdict and a decider.
func TestMergeRanges(t *testing.T) {
	t.Parallel()
	rs := fixturePortRanges()
	merged := mergeRanges(rs)
	if len(merged) >= len(rs) {
		t.Errorf("%d rows from %d ranges: nothing merged", len(merged), len(rs))
	}
	verdictAt := map[int]analyzer.Verdict{}
	for _, r := range rs {
		for p := r.From; p <= r.To; p++ {
			verdictAt[p] = r.Verdict
		}
	}
	seen := map[string]bool{}
	covered := 0
	for _, m := range merged {
		key := string(m.verdict) + m.decider
		if seen[key] {
			t.Errorf("two rows for %s / %s", m.verdict, m.decider)
		}
		seen[key] = true
		set, err := ports.ParseList(strings.ReplaceAll(m.ports(), " ", ""))
		if err != nil {
			t.Fatalf("%v: %v", m.ports(), err)
		}
		for _, rg := range set.Ranges() {
			for p := int(rg.Lo); p <= int(rg.Hi); p++ {
				if verdictAt[p] != m.verdict {
					t.Fatalf("port %d: %s in the table, %s in the analysis", p, m.verdict, verdictAt[p])
				}
				covered++
			}
		}
	}
	if covered != len(verdictAt) {
		t.Errorf("the rows cover %d ports, the ranges %d", covered, len(verdictAt))
	}
}

// TestBrief: one line per answer (and per merged range).
func TestBrief(t *testing.T) {
	t.Parallel()
	fm := Formatter{Brief: true}
	cases := map[string]struct {
		render func(*bytes.Buffer) error
		lines  int
		first  string
	}{
		"analysis": {func(b *bytes.Buffer) error { return fm.Analysis(b, fixtureAnalysis()) }, 1,
			"NOT_REACHABLE instance.web -> 93.184.216.34 tcp/80 (http, sni api.example.com, host bad.example): " +
				"FIREWALL_RULES_RESTRICTION at firewall_endpoint.fw_a: reject http sid 1000002 (rule_group.egress)"},
		"ports": {func(b *bytes.Buffer) error { return fm.Analysis(b, fixturePorts()) }, 1 + len(mergeRanges(fixturePortRanges())),
			"REACHABLE instance.app -> instance.db tcp"},
		"check":  {func(b *bytes.Buffer) error { return fm.Check(b, nil, fixtureCheck()) }, 4, "holds expect.app_to_db"},
		"matrix": {func(b *bytes.Buffer) error { return fm.Matrix(b, fixtureMatrix(true)) }, 0, ""},
	}
	for name, c := range cases {
		var buf bytes.Buffer
		if err := c.render(&buf); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
		if strings.Contains(buf.String(), "+--") {
			t.Errorf("%s: a table in brief output:\n%s", name, buf.String())
		}
		if c.lines > 0 && len(lines) != c.lines {
			t.Errorf("%s: %d lines, want %d:\n%s", name, len(lines), c.lines, buf.String())
		}
		if c.first != "" && lines[0] != c.first {
			t.Errorf("%s: first line\n%q, want\n%q", name, lines[0], c.first)
		}
	}
}

// TestWrap: lines fit, words are cut only when longer than a line, and
// the words come back in order.
func TestWrap(t *testing.T) {
	t.Parallel()
	inputs := []string{"", "a", "one two three four five six", "transit_gateway_attachment.inspection (static)",
		"x  y\n\nz", strings.Repeat("w", 25) + " end", "héllo wörld ünïcode"}
	n := 0
	for _, s := range inputs {
		for width := 1; width <= 30; width++ {
			lines := wrap(s, width)
			for _, l := range lines {
				if utf8.RuneCountInString(l) > width {
					t.Errorf("wrap(%q, %d): %q is too long", s, width, l)
				}
			}
			if got, want := strings.Join(strings.Fields(strings.Join(lines, "")), ""), strings.Join(strings.Fields(s), ""); got != want {
				t.Errorf("wrap(%q, %d) lost text: %q", s, width, fmt.Sprint(lines))
			}
			n++
		}
	}
	if n != len(inputs)*30 {
		t.Fatalf("%d cases", n)
	}
}
