package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/analyzer"
)

// TestAnalysisTable renders the fixtures as tables against
// testdata/*.txt (go test ./render -update rewrites them).
func TestAnalysisTable(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		a    *analyzer.Analysis
	}{
		{"analysis.txt", fixtureAnalysis()},
		{"ports.txt", fixturePorts()},
		{"addresses.txt", fixtureAddresses()},
	} {
		var buf bytes.Buffer
		if err := (Formatter{}).Analysis(&buf, c.a); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		golden(t, c.name, buf.Bytes())
	}
}

// TestHeadline checks the first line of the table for each kind of
// answer.
func TestHeadline(t *testing.T) {
	t.Parallel()
	amb := fixturePorts()
	amb.PortRanges = nil
	amb.Answer = ambiguousAnswer()
	noPath := fixtureAnalysis()
	noPath.Explanations = nil
	one := fixtureAnalysis()
	one.Explanations = one.Explanations[:1]
	cases := []struct {
		a    *analyzer.Analysis
		want string
	}{
		{fixtureAnalysis(), "NOT REACHABLE: instance.web -> 93.184.216.34 tcp/80 (http, sni api.example.com, host bad.example): " +
			"rule sid 1000002 (reject http) in rule_group.egress rejects the HTTP request (and 4 more findings below)"},
		{one, "NOT REACHABLE: instance.web -> 93.184.216.34 tcp/80 (http, sni api.example.com, host bad.example): " +
			"rule sid 1000002 (reject http) in rule_group.egress rejects the HTTP request"},
		{noPath, "NOT REACHABLE: instance.web -> 93.184.216.34 tcp/80 (http, sni api.example.com, host bad.example): no path"},
		{fixturePorts(), "REACHABLE: instance.app -> instance.db tcp on ports 443 (see the port ranges below)"},
		{fixtureAddresses(), "REACHABLE: instance.app -> 10.2.0.0/16 tcp for part of the range (see the address ranges below)"},
		{amb, "AMBIGUOUS: instance.app -> instance.db tcp: sid 8 tests content, which the configuration cannot decide"},
	}
	for i, c := range cases {
		if got := headline(c.a); got != c.want {
			t.Errorf("case %d: headline\n got %q\nwant %q", i, got, c.want)
		}
	}
}

// TestAnalysisTableSections checks that each section appears exactly when
// the analysis has something for it.
func TestAnalysisTableSections(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	a := fixtureAnalysis()
	a.ReturnPath, a.AdditionalDetails = nil, nil
	if err := (Formatter{Format: Table}).Analysis(&buf, a); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, s := range []string{"Forward path", "Explanations", "BLOCKED: reject http sid 1000002",
		"\nFirewall rules\n", "sid 1000002 (rule_group.egress, rules/egress.rules:3):",
		`reject http $HOME_NET any -> $EXTERNAL_NET 80 (http.host; content:"bad.example"; sid:1000002;)`} {
		if !strings.Contains(out, s) {
			t.Errorf("table lacks %q:\n%s", s, out)
		}
	}
	for _, s := range []string{"Return path", "Additional details", "PORTS", "ADDRESSES"} {
		if strings.Contains(out, s) {
			t.Errorf("table has %q although the analysis has none:\n%s", s, out)
		}
	}
}
