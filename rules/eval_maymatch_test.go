package rules

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/rules/syntax"
)

// TestMayMatch checks undecidable rules: when the branches agree the
// verdict stands and the rule is listed; when they differ the verdict is
// Ambiguous and the rule is named as changing the outcome.
func TestMayMatch(t *testing.T) {
	t.Parallel()
	meta := `msg:"m"; classtype:misc-activity; metadata:created_at 2024; reference:url,example.com; rev:2; gid:1;`
	tests := []struct {
		name, rules string
		flow        Flow
		verdict     Outcome
		mayMatch    string // "sid:options:changes;..."
		outcomes    string
		alt         string // alternative decider of the client data phase, "" for none
	}{
		{"branches differ", `pass tcp $HOME_NET any -> $EXTERNAL_NET 8080 (` + meta + ` content:"GET"; sid:7;)`,
			rawFlow(8080), Ambiguous, "7:content:true", "pass,pass,pass,ambiguous,ambiguous", "7[content]"},
		{"branches agree", `drop tcp $HOME_NET any -> $EXTERNAL_NET 8080 (` + meta + ` content:"GET"; sid:7;)`,
			rawFlow(8080), Drop, "7:content:false", "pass,pass,pass,drop,drop", ""},
		{"unknown SNI changes the outcome", "drop tls any any -> any any (tls.sni; content:\"bad\"; sid:1;)\npass tls any any -> any any (sid:2;)",
			tlsFlow(Value{}), Ambiguous, "1:tls.sni:true", "pass,pass,pass,ambiguous,ambiguous", "1[tls.sni]"},
		{"unknown SNI, both branches pass", "pass tls any any -> any any (tls.sni; content:\"x\"; sid:1;)\npass tls any any -> any any (sid:2;)",
			tlsFlow(Value{}), Pass, "1:tls.sni:false", "pass,pass,pass,pass,pass", ""},
		{"known SNI decides", "drop tls any any -> any any (tls.sni; content:\"bad\"; sid:1;)\npass tls any any -> any any (sid:2;)",
			tlsFlow(Known("good.example")), Pass, "", "pass,pass,pass,pass,pass", ""},
		{"flowbits set elsewhere", "pass tls any any -> any any (tls.sni; content:\"x\"; flowbits:isset,y; sid:3;)",
			tlsFlow(Known("x.example")), Ambiguous, "3:flowbits:true", "pass,pass,pass,ambiguous,ambiguous", "3[flowbits]"},
		{"per-packet may-match pass cannot save the reply", "pass tcp any any -> any 8080 (flowbits:isset,x; flow:established,to_server; sid:3;)",
			rawFlow(8080), Drop, "3:flowbits:false", "pass,pass,pass,ambiguous,drop", "3[flowbits]"},
		{"metadata only: decided", `pass tcp $HOME_NET any -> $EXTERNAL_NET 8080 (` + meta + ` flow:established; sid:7;)`,
			rawFlow(8080), Drop, "", "pass,pass,pass,pass,drop", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := testPolicy(t, tc.rules, withDefaults("aws:drop_established")).Evaluate(tc.flow)
			if r.Verdict != tc.verdict {
				t.Errorf("verdict %s, want %s\n%s", r.Verdict, tc.verdict, describeResult(r))
			}
			var mm []string
			for _, m := range r.MayMatch {
				mm = append(mm, fmt.Sprintf("%d:%s:%v", m.Rule.SID, strings.Join(m.Options, ","), m.ChangesOutcome))
			}
			if got := strings.Join(mm, ";"); got != tc.mayMatch {
				t.Errorf("may-match %q, want %q", got, tc.mayMatch)
			}
			if got := phaseOutcomes(r); got != tc.outcomes {
				t.Errorf("outcomes %s, want %s", got, tc.outcomes)
			}
			alt := ""
			for _, ph := range r.Phases {
				if ph.Phase == PhaseClientData {
					for _, a := range ph.Alternatives {
						alt += fmt.Sprintf("%s%v", phaseDecider(a), a.Unsupported)
					}
					if ph.Decision.Unsupported != nil {
						t.Errorf("baseline decision has unsupported options %v", ph.Decision.Unsupported)
					}
				}
			}
			if alt != tc.alt {
				t.Errorf("alternatives %q, want %q", alt, tc.alt)
			}
		})
	}
}

// TestMayMatchManyRulesStayBounded evaluates thousands of may-match rules:
// worlds merge, so the evaluation stays fast and the result lists them all.
func TestMayMatchManyRulesStayBounded(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	for i := 1; i <= 3000; i++ {
		action := []string{"pass", "drop", "reject"}[i%3]
		fmt.Fprintf(&b, "%s tcp $HOME_NET any -> $EXTERNAL_NET any (content:\"k%d\"; sid:%d;)\n", action, i, i)
	}
	p := testPolicy(t, b.String(), withDefaults("aws:drop_established"))
	r := p.Evaluate(rawFlow(8080))
	if r.Verdict != Ambiguous || len(r.MayMatch) != 3000 {
		t.Fatalf("verdict %s with %d may-match rules", r.Verdict, len(r.MayMatch))
	}
	if r.MayMatch[0].ChangesOutcome || !r.MayMatch[2].ChangesOutcome {
		t.Errorf("the first pass rule (sid 3), not the drop before it, changes the outcome")
	}
}

// TestMetadataNeverUnsupported checks that metadata options are never
// reported as undecidable, and that each undecidable kind is.
func TestMetadataNeverUnsupported(t *testing.T) {
	t.Parallel()
	tests := []struct {
		opts string
		want []string
	}{
		{`msg:"x"; sid:1; rev:3; gid:1; classtype:trojan-activity; metadata:a b, c d; reference:cve,2024-1; priority:2; target:dest_ip; noalert;`, nil},
		{`flow:established,to_server; sid:1;`, nil},
		{`content:"x"; nocase; sid:1;`, []string{"content"}},
		{`http.uri; content:"/x"; sid:1;`, []string{"http.uri"}},
		{`tls.sni; pcre:"/(?<=a)b/"; sid:1;`, []string{"pcre", "tls.sni"}},
		{`ja3.hash; content:"abc"; sid:1;`, []string{"ja3.hash"}},
		{`byte_test:1,>,2,0; sid:1;`, []string{"byte_test"}},
		{`ttl:64; sid:1;`, []string{"ttl"}},
		{`content:"x"; http_uri; sid:1;`, []string{"http_uri"}},
		{`content:"x"; http_host; sid:1;`, nil},
	}
	for _, tc := range tests {
		r, diags := syntax.ParseRule("alert tcp any any -> any any ("+tc.opts+")", hclStart(), "t.rules")
		if diags.HasErrors() {
			t.Fatalf("%s: %v", tc.opts, diags)
		}
		got := compileRule(&Rule{Rule: r}, nil).unsupported
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: unsupported %q, want %q", tc.opts, got, tc.want)
		}
	}
}
