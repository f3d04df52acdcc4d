package rules

import (
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/rules/syntax"
)

// TestCheckHTTPHost mirrors what Suricata 7.0.10 refuses (checked with
// `suricata -T`): upper case in an http.host content, plain or in hex, and
// nocase on it, for the sticky buffer and the legacy http_host modifier.
func TestCheckHTTPHost(t *testing.T) {
	t.Parallel()
	tests := []struct {
		rule string
		want []string // summaries
	}{
		{`pass http any any -> any any (http.host; content:"Example.com"; sid:1;)`, []string{"Upper case in http.host content"}},
		{`pass http any any -> any any (http.host; content:"example.com"; nocase; sid:1;)`, []string{"nocase on http.host"}},
		{`pass http any any -> any any (content:"Example.com"; http_host; sid:1;)`, []string{"Upper case in http.host content"}},
		{`pass http any any -> any any (content:"example.com"; http_host; nocase; sid:1;)`, []string{"nocase on http.host"}},
		{`pass http any any -> any any (content:"example.com"; nocase; http_host; sid:1;)`, []string{"nocase on http.host"}},
		{`pass http any any -> any any (http.host; content:"|41|bc"; sid:1;)`, []string{"Upper case in http.host content"}},
		{`pass http any any -> any any (http.host; content:"abc"; content:"x"; sid:1;)`, nil},
		{`pass http any any -> any any (http.host; content:"abc"; http.uri; content:"X"; nocase; sid:1;)`, nil},
		{`pass tls any any -> any any (tls.sni; content:"Example.com"; nocase; sid:1;)`, nil},
		{`pass http any any -> any any (content:"X"; nocase; http_uri; sid:1;)`, nil},
	}
	for _, tt := range tests {
		r, diags := syntax.ParseRule(tt.rule, hcl.Pos{Line: 1, Column: 1}, "t.rules")
		if diags.HasErrors() {
			t.Fatalf("%s: %v", tt.rule, diags)
		}
		var got []string
		for _, d := range checkHTTPHost(&Rule{Rule: r}) {
			got = append(got, d.Summary)
		}
		if len(got) != len(tt.want) || (len(got) > 0 && got[0] != tt.want[0]) {
			t.Errorf("%s: %v, want %v", tt.rule, got, tt.want)
		}
	}
}
