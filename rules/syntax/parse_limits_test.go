package syntax

import (
	"math/rand"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// nested returns "[" x depth, then elem, then "]" x depth.
func nested(depth int, elem string) string {
	return strings.Repeat("[", depth) + elem + strings.Repeat("]", depth)
}

// nestedNegated returns "[![!...[!elem]...]]" with depth lists.
func nestedNegated(depth int, elem string) string {
	return strings.Repeat("[!", depth) + elem + strings.Repeat("]", depth)
}

// TestListDepthLimit checks Suricata's nesting limits of address and port
// lists: the deepest accepted list parses, one more level is refused with
// a diagnostic on the first '[' past the limit, and 100,000 levels are
// refused the same way (no deep recursion).
func TestListDepthLimit(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name       string
		src, dst   string
		sport      string
		wantErrCol int // 0: accepted
	}{
		{"addr at limit", nested(maxAddrListDepth, "10.0.0.1"), "any", "any", 0},
		{"addr negated at limit", nestedNegated(maxAddrListDepth, "10.0.0.1"), "any", "any", 0},
		{"addr past limit", nested(maxAddrListDepth+1, "10.0.0.1"), "any", "any", len("alert ip ") + maxAddrListDepth + 1},
		{"addr negated past limit", nestedNegated(maxAddrListDepth+1, "10.0.0.1"), "any", "any", len("alert ip ") + 2*maxAddrListDepth + 1},
		{"addr 100000", nestedNegated(100000, "10.0.0.1"), "any", "any", len("alert ip ") + 2*maxAddrListDepth + 1},
		{"dst addr 100000", "any", nested(100000, "10.0.0.1"), "any", len("alert ip any any -> ") + maxAddrListDepth + 1},
		{"port at limit", "any", "any", nested(maxPortListDepth, "80"), 0},
		{"port past limit", "any", "any", nested(maxPortListDepth+1, "80"), len("alert ip any ") + maxPortListDepth + 1},
		{"port 100000", "any", "any", nestedNegated(100000, "80"), len("alert ip any ") + 2*maxPortListDepth + 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			src := "alert ip " + c.src + " " + c.sport + " -> " + c.dst + " any (sid:1;)"
			r, diags := ParseRule(src, hcl.InitialPos, "deep.rules")
			if c.wantErrCol == 0 {
				if r == nil || diags.HasErrors() {
					t.Fatalf("refused: %v", diags)
				}
				return
			}
			if r != nil || len(diags) != 1 {
				t.Fatalf("want one error, got rule %v and %v", r != nil, diags)
			}
			d := diags[0]
			if d.Summary != "Lists nested too deeply" || d.Subject.Start.Column != c.wantErrCol ||
				d.Subject.End.Byte != d.Subject.Start.Byte+1 || src[d.Subject.Start.Byte] != '[' {
				t.Errorf("got %s at %v; want it on the '[' at column %d", d.Summary, d.Subject, c.wantErrCol)
			}
		})
	}
}

// TestRuneColumnMatchesCount compares runeColumn with counting the runes
// from the start, for every offset of random texts mixing ASCII, multi-byte
// runes and invalid bytes.
func TestRuneColumnMatchesCount(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewSource(12))
	pieces := []string{"a", "(", ";", "é", "€", "𝄞", "\xff", "\xe2\x82", "\x80"}
	compared := 0
	for range 300 {
		var b strings.Builder
		for n := r.Intn(400); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		text := b.String()
		marks := columnMarks(text)
		for d := 0; d <= len(text)+2; d++ {
			want := utf8.RuneCountInString(text[:min(d, len(text))])
			if got := runeColumn(text, marks, d); got != want {
				t.Fatalf("runeColumn(%q, %d) = %d, want %d", text, d, got, want)
			}
			compared++
		}
	}
	if compared < 30000 {
		t.Fatalf("compared %d offsets, want at least 30000", compared)
	}
}

// TestColumnsOfLongNonASCIIRule checks the columns of diagnostics deep in
// a long rule with a non-ASCII byte near its start, on one line and split
// across continuation lines.
func TestColumnsOfLongNonASCIIRule(t *testing.T) {
	t.Parallel()
	head := `alert tcp any any -> any any (msg:"é€"; `
	body := strings.Repeat(`content:"a"; `, 500)
	src := head + body + `flow:sideways; sid:1;)`
	_, diags := ParseText(Text{Filename: "x.rules", Text: src})
	if len(diags) != 1 {
		t.Fatalf("want one diagnostic, got %v", diags)
	}
	at := strings.Index(src, "sideways")
	want := utf8.RuneCountInString(src[:at]) + 1
	if got := diags[0].Subject.Start; got.Column != want || got.Byte != at || got.Line != 1 {
		t.Errorf("diagnostic at %+v, want line 1 column %d byte %d", got, want, at)
	}
	// The same rule, one option per line.
	multi := strings.ReplaceAll(src, "; ", "; \\\n")
	_, diags = ParseText(Text{Filename: "x.rules", Text: multi})
	if len(diags) != 1 {
		t.Fatalf("want one diagnostic, got %v", diags)
	}
	at = strings.Index(multi, "sideways")
	line := strings.Count(multi[:at], "\n") + 1
	col := at - strings.LastIndexByte(multi[:at], '\n')
	if got := diags[0].Subject.Start; got.Line != line || got.Column != col || got.Byte != at {
		t.Errorf("diagnostic at %+v, want line %d column %d byte %d", got, line, col, at)
	}
}

// manyOptionsRule is the reproducer of issue 12: one rule with a non-ASCII
// byte and n options.
func manyOptionsRule(n int) string {
	return `alert tcp any any -> any any (msg:"é"; ` + strings.Repeat(`content:"a"; `, n) + `sid:1;)`
}

// BenchmarkParseNonASCIIManyOptions parses one rule with a non-ASCII byte
// and 2,000 or 20,000 options: linear time (it was quadratic, columns
// being recounted from the start for every option).
func BenchmarkParseNonASCIIManyOptions(b *testing.B) {
	for _, n := range []int{2000, 20000} {
		src := manyOptionsRule(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if r, diags := ParseRule(src, hcl.InitialPos, "x.rules"); r == nil {
					b.Fatal(diags)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/option")
		})
	}
}

// BenchmarkParseContinuedRule parses the same rule with every option on
// its own continuation line (2,000 or 20,000 lines).
func BenchmarkParseContinuedRule(b *testing.B) {
	for _, n := range []int{2000, 20000} {
		src := strings.ReplaceAll(manyOptionsRule(n), "; ", "; \\\n")
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if rs, diags := ParseText(Text{Filename: "x.rules", Text: src}); len(rs) != 1 {
					b.Fatal(diags)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/option")
		})
	}
}

// BenchmarkParseNestedLists parses an address list nested "[![!...]]" to
// Suricata's limit (accepted) and 100,000 levels deep (refused after one
// scan).
func BenchmarkParseNestedLists(b *testing.B) {
	for _, depth := range []int{maxAddrListDepth, 1000, 100000} {
		src := "alert ip " + nestedNegated(depth, "10.0.0.1") + " any -> any any (sid:1;)"
		b.Run(strconv.Itoa(depth), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r, _ := ParseRule(src, hcl.InitialPos, "x.rules")
				if (r != nil) != (depth <= maxAddrListDepth) {
					b.Fatalf("depth %d: accepted %v", depth, r != nil)
				}
			}
		})
	}
}
