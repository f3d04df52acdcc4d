package syntax

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/vpcreach/vpcreach/internal/golden"
	"github.com/vpcreach/vpcreach/internal/testcorpus"
)

// etOpenEnabled is the number of enabled rules in the ET Open snapshot.
const etOpenEnabled = 24827

// etOpenTexts returns the ET Open rules files as Texts.
func etOpenTexts(t testing.TB) []Text {
	t.Helper()
	files := testcorpus.Files(t, "et-open-2024-04/rules", "*.rules")
	out := make([]Text, len(files))
	for i, f := range files {
		out[i] = Text{Filename: f.Name, Text: string(f.Data)}
	}
	return out
}

// TestETOpen parses every enabled ET Open rule without a diagnostic and
// checks that each one round-trips through String.
func TestETOpen(t *testing.T) {
	t.Parallel()
	n := 0
	for _, text := range etOpenTexts(t) {
		rs, diags := ParseText(text)
		for _, d := range diags {
			t.Errorf("%s: %s: %s", d.Subject, d.Summary, d.Detail)
		}
		n += len(rs)
		for _, r := range rs {
			checkRoundTrip(t, r)
		}
	}
	if n != etOpenEnabled {
		t.Errorf("parsed %d ET Open rules, want %d", n, etOpenEnabled)
	}
}

// checkRoundTrip checks that ParseRule(r.String()) gives r's syntax tree.
func checkRoundTrip(t *testing.T, r *Rule) {
	t.Helper()
	s := r.String()
	r2, diags := ParseRule(s, r.Range.Start, r.Range.Filename)
	if diags.HasErrors() {
		t.Errorf("%s: reparsing %q: %v", r.Location(), s, diags)
		return
	}
	if !sameSyntax(r, r2) {
		t.Errorf("%s: round trip of %q (-orig +reparsed):\n%s", r.Location(), r.Text, cmp.Diff(r, r2, astCmpNoPos...))
	}
}

// sameSyntax reports whether two parsed rules have the same syntax tree,
// positions, source text, format and LoadGroup's fields aside. It is a fast, explicit equality for
// corpus-wide checks; cmp.Diff explains a difference.
func sameSyntax(a, b *Rule) bool {
	if a.Action != b.Action || a.Protocol != b.Protocol || a.Bidirectional != b.Bidirectional ||
		a.SID != b.SID || a.Rev != b.Rev || a.Msg != b.Msg || len(a.Options) != len(b.Options) {
		return false
	}
	for i, o := range a.Options {
		p := b.Options[i]
		if o.Name != p.Name || o.Value != p.Value || o.HasValue != p.HasValue {
			return false
		}
	}
	return sameAddr(&a.Source, &b.Source) && sameAddr(&a.Destination, &b.Destination) &&
		samePort(&a.SourcePort, &b.SourcePort) && samePort(&a.DestinationPort, &b.DestinationPort)
}

func sameAddr(a, b *AddrExpr) bool {
	if a.Kind != b.Kind || a.Negated != b.Negated || a.Prefix != b.Prefix || a.First != b.First ||
		a.Last != b.Last || a.Name != b.Name || len(a.Elems) != len(b.Elems) {
		return false
	}
	for i := range a.Elems {
		if !sameAddr(&a.Elems[i], &b.Elems[i]) {
			return false
		}
	}
	return true
}

func samePort(a, b *PortExpr) bool {
	if a.Kind != b.Kind || a.Negated != b.Negated || a.Ports != b.Ports || a.Name != b.Name ||
		len(a.Elems) != len(b.Elems) {
		return false
	}
	for i := range a.Elems {
		if !samePort(&a.Elems[i], &b.Elems[i]) {
			return false
		}
	}
	return true
}

// TestAWSSamples parses every rule of the AWS samples that stock Suricata
// loads, and pins the few the parser rejects.
func TestAWSSamples(t *testing.T) {
	t.Parallel()
	dir := corpus(t, "aws-samples/sample-suricata-generator")
	loadable := golden.ReadSet(t, "testdata/aws-samples-suricata-ok.txt")
	var rejected []string
	for _, name := range []string{"aws_rule_examples.rules", "best_practices.rules"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		rs, diags := ParseText(Text{Filename: name, Text: string(b)})
		for _, d := range diags {
			key := name + ":" + strconv.Itoa(d.Subject.Start.Line)
			if loadable[key] {
				t.Errorf("%s: Suricata loads this rule but: %s: %s", d.Subject, d.Summary, d.Detail)
			}
			rejected = append(rejected, key+" "+d.Summary)
		}
		for _, r := range rs {
			checkRoundTrip(t, r)
			delete(loadable, r.Location())
		}
	}
	for key := range loadable {
		t.Errorf("%s: Suricata loads this rule, the parser returned none", key)
	}
	// The rules Suricata refuses for their syntax, not for semantics
	// (unknown keywords, variables, geoip data) that ParseText leaves to
	// LoadGroup.
	want := []string{"aws_rule_examples.rules:96 Unescaped semicolon in quoted value"}
	sort.Strings(rejected)
	if diff := cmp.Diff(want, rejected); diff != "" {
		t.Errorf("rejected rules (-want +got):\n%s", diff)
	}
}
