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
		if out.String() != e.Text+"\n" {
			t.Errorf("explain %s printed %q, want its entry", e.Code, out.String())
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
