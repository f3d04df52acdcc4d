package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/docs"
)

// TestExplainEveryCode runs `explain CODE` for every entry of codes.md
// and checks it prints exactly that entry.
func TestExplainEveryCode(t *testing.T) {
	t.Parallel()
	entries := docs.Entries()
	if len(entries) < 20 {
		t.Fatalf("codes.md has %d entries, want at least 20", len(entries))
	}
	for _, e := range entries {
		var out, errOut bytes.Buffer
		if code := newCLI(&out, &errOut).run([]string{"explain", strings.ToLower(e.Code)}); code != 0 {
			t.Errorf("explain %s exited %d: %s", e.Code, code, errOut.String())
			continue
		}
		want := plainEntry(e) + "\n"
		if out.String() != want {
			t.Errorf("explain %s printed %q, want %q", e.Code, out.String(), want)
		}
		if !strings.HasPrefix(out.String(), e.Code+"\n") || strings.Contains(out.String(), "**") ||
			!strings.Contains(out.String(), "What to do:") {
			t.Errorf("explain %s printed %q: want the code, then the entry without bold markers", e.Code, out.String())
		}
	}
	t.Logf("explained %d codes", len(entries))
}

func TestSuggestCodes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give string
		want []string
	}{
		{"FIREWALL_RULE_RESTRICTION", []string{"FIREWALL_RULES_RESTRICTION"}},
		{"blackhole", []string{"BLACKHOLE_ROUTE", "TGW_RTB_BLACKHOLE_ROUTE"}},
		{"NO_ROUTE", []string{"NO_ROUTE_TO_DESTINATION"}},
		{"zz", nil},
	}
	for _, tt := range tests {
		got := suggestCodes(tt.give)
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("suggestCodes(%q) = %v, want %v", tt.give, got, tt.want)
		}
	}
}
