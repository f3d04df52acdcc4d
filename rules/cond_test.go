package rules

import (
	"testing"

	"github.com/vpcreach/vpcreach/rules/syntax"
)

// TestBufferConditions checks content modifiers, transforms and pcre on
// decidable sticky buffers.
func TestBufferConditions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		opts, value string
		want        bool
	}{
		{`tls.sni; content:"example.com"; endswith;`, "www.example.com", true},
		{`tls.sni; content:"example.com"; endswith;`, "example.com.evil", false},
		{`tls.sni; dotprefix; content:".example.com"; endswith;`, "example.com", true},
		{`tls.sni; dotprefix; content:".example.com"; endswith;`, "a.b.example.com", true},
		{`tls.sni; dotprefix; content:".example.com"; endswith;`, "notexample.com", false},
		{`tls.sni; content:"example.com"; startswith; endswith;`, "example.com", true},
		{`tls.sni; content:"example.com"; startswith; endswith;`, "www.example.com", false},
		{`tls.sni; content:"WWW"; nocase; startswith;`, "www.x", true},
		{`tls.sni; content:"WWW"; startswith;`, "www.x", false},
		{`tls.sni; content:"bad"; depth:3;`, "badx", true},
		{`tls.sni; content:"bad"; depth:3;`, "xbad", false},
		{`tls.sni; content:"bad"; offset:1;`, "xbad", true},
		{`tls.sni; content:"bad"; offset:1;`, "bad", false},
		{`tls.sni; content:!"www.";`, "api.example.com", true},
		{`tls.sni; content:!"www.";`, "www.example.com", false},
		{`tls.sni; content:"|77 77 77|.ex";`, "www.example.com", true},
		{`tls.sni; content:"a"; content:"c"; distance:1; within:1;`, "abc", true},
		{`tls.sni; content:"a"; content:"c"; distance:1; within:1;`, "ac", false},
		{`tls.sni; content:"a"; content:"c"; distance:1; within:1;`, "abbc", false},
		{`tls.sni; content:"a"; content:"b"; within:2;`, "xaab", true},
		{`tls.sni; pcre:"/^BAD\./i";`, "bad.example", true},
		{`tls.sni; pcre:"/^BAD\./";`, "bad.example", false},
		{`tls.sni; pcre:!"/evil/";`, "good.example", true},
		{`tls.sni; content:"x"; isdataat:2,relative;`, "x12", true},
		{`tls.sni; content:"x"; isdataat:2,relative;`, "x1", false},
		{`tls.sni; isdataat:3;`, "abc", false},
		{`tls.sni; isdataat:!3;`, "abc", true},
		{`tls.sni; bsize:<5;`, "abcd", true},
		{`tls.sni; bsize:<5;`, "abcde", false},
		{`tls.sni; content:"ex"; pcre:"/^ample/R";`, "example", true},
		{`dns.query; to_lowercase; content:"bad";`, "BAD.example", true},
		{`dns.query; content:"bad";`, "BAD.example", false},
	}
	for _, tc := range tests {
		r, diags := syntax.ParseRule("alert tls any any -> any any ("+tc.opts+" sid:1;)", hclStart(), "t.rules")
		if diags.HasErrors() {
			t.Fatalf("%s: %v", tc.opts, diags)
		}
		c := compileRule(&Rule{Rule: r}, nil)
		if len(c.bufs) != 1 || len(c.unsupported) != 0 {
			t.Fatalf("%s: %d buffers, unsupported %v", tc.opts, len(c.bufs), c.unsupported)
		}
		if got := c.bufs[0].match(tc.value); got != tc.want {
			t.Errorf("%s on %q: %v, want %v", tc.opts, tc.value, got, tc.want)
		}
	}
}

// TestHTTPHostNormalised checks that http.host sees the lower-cased host
// without its port, as Suricata normalises it.
func TestHTTPHostNormalised(t *testing.T) {
	t.Parallel()
	f := Flow{HTTPHost: Known("Bad.Example.COM:8080")}
	if v := bufHost.value(&f); v.Value != "bad.example.com" {
		t.Errorf("host %q", v.Value)
	}
}

// TestPacketValueConditions checks dsize, flags and int comparisons.
func TestPacketValueConditions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		cond string
		x    int
		want bool
	}{{"5", 5, true}, {"!5", 5, false}, {"<5", 4, true}, {">5", 5, false}, {"<=5", 5, true},
		{">=5", 4, false}, {"3<>8", 3, false}, {"3<>8", 4, true}, {"3-8", 7, true}} {
		c, err := parseIntCond(tc.cond)
		if err != nil || c.holds(tc.x) != tc.want {
			t.Errorf("%s on %d: %v (%v), want %v", tc.cond, tc.x, c.holds(tc.x), err, tc.want)
		}
	}
	for _, tc := range []struct {
		cond  string
		flags uint8
		want  bool
	}{{"S", tcpSYN, true}, {"S", tcpSYN | tcpACK, false}, {"SA", tcpSYN | tcpACK, true},
		{"+S", tcpSYN | tcpACK, true}, {"*SF", tcpACK, false}, {"!R", tcpACK, true},
		{"A,PU", tcpACK | tcpPSH, true}, {"0", 0, true}} {
		c, err := parseFlagsCond(tc.cond)
		if err != nil || c.holds(tc.flags) != tc.want {
			t.Errorf("flags %s on %#x: %v (%v), want %v", tc.cond, tc.flags, c.holds(tc.flags), err, tc.want)
		}
	}
}
