package syntax

import (
	"fmt"
	"net/netip"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/internal/golden"
	"github.com/vpcreach/vpcreach/ports"
)

func TestParseRuleGood(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src, want string // want is the canonical String()
	}{
		{"minimal", `pass tcp any any -> any any (sid:1;)`, ""},
		{"all actions and case", `DROP TCP ANY Any -> any any (SID:7;)`, `drop tcp any any -> any any (sid:7;)`},
		{"reject", `reject tls $HOME_NET any -> $EXTERNAL_NET 443 (msg:"x"; sid:2; rev:3;)`, ""},
		{"bidirectional", `alert ip 10.0.0.0/8 any <> 192.168.0.0/16 any (sid:1;)`, ""},
		{"groups and negation", `drop ip [10.0.0.0/8,!10.1.0.0/16,[192.168.1.1,!$HOME_NET]] any -> ![$A,@B] any (sid:1;)`, ""},
		{"bare list", `alert tcp 10.0.0.1,10.0.0.2 any -> any 80,443 (sid:1;)`, `alert tcp [10.0.0.1,10.0.0.2] any -> any [80,443] (sid:1;)`},
		{"spaces in lists", `alert tcp [10.0.0.1, 10.0.0.2] any -> any [ 80 , 443 ] (sid:1;)`, `alert tcp [10.0.0.1,10.0.0.2] any -> any [80,443] (sid:1;)`},
		{"trailing comma", `alert tcp [10.0.0.1,] any -> any any (sid:1;)`, `alert tcp [10.0.0.1] any -> any any (sid:1;)`},
		{"double negation reads as one", `alert tcp !!10.0.0.0/8 any -> any any (sid:1;)`, `alert tcp !10.0.0.0/8 any -> any any (sid:1;)`},
		{"ipv6", `alert tcp [2001:db8::/32,::1,::ffff:10.0.0.1] any -> any any (sid:1;)`, ""},
		{"range and netmask", `alert tcp 10.0.0.1-10.0.0.9 any -> 10.0.0.0/255.255.255.0 any (sid:1;)`, `alert tcp 10.0.0.1-10.0.0.9 any -> 10.0.0.0/24 any (sid:1;)`},
		{"host bits kept as written", `alert tcp 10.0.0.5/24 any -> any any (sid:1;)`, ""},
		{"ports", `alert tcp any [1024:,:1023,80,!81,1:2] -> any 0 (sid:1;)`, `alert tcp any [1024:65535,0:1023,80,!81,1:2] -> any 0 (sid:1;)`},
		{"port leading zero", `alert tcp any 080 -> any any (sid:1;)`, `alert tcp any 80 -> any any (sid:1;)`},
		{"port variable", `alert tcp any !$HTTP_PORTS -> any $P (sid:1;)`, ""},
		{"app protocols", `pass http2 any any -> any any (sid:1;)`, ""},
		{"packet protocols any case", `alert TCP-PKT any any -> any any (sid:1;)`, `alert tcp-pkt any any -> any any (sid:1;)`},
		{"option spacing", `alert tcp any any -> any any ( msg : "a b" ;sid: 1 ;content : "x" ;nocase; )`, `alert tcp any any -> any any (msg:"a b"; sid:1; content:"x"; nocase;)`},
		{"escapes", `alert tcp any any -> any any (msg:"a\;b \"q\" c\\"; content:"x\;y"; sid:1;)`, ""},
		{"quoted parens and colons", `alert http any any -> any any (pcre:"/(a|b):c\;?/"; content:")"; sid:1;)`, ""},
		{"negated content", `alert http any any -> any any (content:!"x"; app-layer-protocol:!tls; sid:1;)`, ""},
		{"metadata", `alert tcp any any -> any any (metadata: a b, c d; reference:url,example.com/x?a=1; sid:1;)`, `alert tcp any any -> any any (metadata:a b, c d; reference:url,example.com/x?a=1; sid:1;)`},
		{"utf-8", `alert tcp any any -> any any (msg:"🐾 naïve"; sid:1;)`, ""},
		{"@reference", `drop tcp @BETA any -> any any (sid:1;)`, ""},
		{"trailing blanks", "alert tcp any any -> any any (sid:1;)  \t", `alert tcp any any -> any any (sid:1;)`},
		{"tabs inside options", "alert tcp any any -> any any (msg:\"x\";\tsid:1;)", `alert tcp any any -> any any (msg:"x"; sid:1;)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r, diags := ParseRule(tc.src, hcl.InitialPos, "test.rules")
			if diags.HasErrors() {
				t.Fatalf("ParseRule(%q): %v", tc.src, diags)
			}
			want := tc.want
			if want == "" {
				want = tc.src
			}
			if got := r.String(); got != want {
				t.Errorf("String() = %q, want %q", got, want)
			}
			if r.Text != strings.TrimRight(tc.src, " \t") {
				t.Errorf("Text = %q", r.Text)
			}
		})
	}
}

// TestParseRuleFields checks the AST of one rule in full.
func TestParseRuleFields(t *testing.T) {
	t.Parallel()
	src := `pass tls $HOME_NET any -> [10.0.0.0/8,!10.1.0.0/16] 443 (msg:"ok \"x\""; tls.sni; content:"example.com"; sid:12; rev:3;)`
	start := hcl.Pos{Line: 5, Column: 3, Byte: 100}
	r, diags := ParseRule(src, start, "f.hcl")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	at := func(lo, hi int) hcl.Range {
		return hcl.Range{Filename: "f.hcl",
			Start: hcl.Pos{Line: 5, Column: 3 + lo, Byte: 100 + lo},
			End:   hcl.Pos{Line: 5, Column: 3 + hi, Byte: 100 + hi}}
	}
	idx := func(s string) (int, int) { i := strings.Index(src, s); return i, i + len(s) }
	rng := func(s string) hcl.Range { return at(idx(s)) }
	want := &Rule{
		Action: ActionPass, Protocol: "tls", ProtocolRange: rng("tls"),
		Source:     AddrExpr{Kind: AddrVar, Name: "HOME_NET", Range: rng("$HOME_NET")},
		SourcePort: PortExpr{Kind: PortAny, Range: rng("any")},
		Destination: AddrExpr{Kind: AddrGroup, Range: rng("[10.0.0.0/8,!10.1.0.0/16]"), Elems: []AddrExpr{
			{Kind: AddrPrefix, Prefix: netip.MustParsePrefix("10.0.0.0/8"), Range: rng("10.0.0.0/8")},
			{Kind: AddrPrefix, Negated: true, Prefix: netip.MustParsePrefix("10.1.0.0/16"), Range: rng("!10.1.0.0/16")},
		}},
		DestinationPort: PortExpr{Kind: PortRange, Ports: ports.Single(443), Range: rng("443")},
		SID:             12, Rev: 3, Msg: `ok "x"`,
		Text: src, Range: at(0, len(src)), Format: FormatSuricata,
	}
	for _, o := range []string{`msg:"ok \"x\""`, `tls.sni`, `content:"example.com"`, `sid:12`, `rev:3`} {
		name, value, has := strings.Cut(o, ":")
		lo, hi := idx(o)
		opt := Option{Name: name, Value: value, HasValue: has, Range: at(lo, hi), ValueRange: at(hi, hi)}
		if has {
			opt.ValueRange = at(lo+len(name)+1, hi)
		}
		want.Options = append(want.Options, opt)
	}
	if diff := cmp.Diff(want, r, astCmp...); diff != "" {
		t.Errorf("AST mismatch (-want +got):\n%s", diff)
	}
	if o, _ := r.Option("msg"); o.Unquote() != `ok "x"` {
		t.Errorf("Unquote = %q", o.Unquote())
	}
}

// TestParseTextPositions checks comments, blank lines, continuations
// and LineStarts mapping.
func TestParseTextPositions(t *testing.T) {
	t.Parallel()
	text := lines(
		"# a comment",
		"",
		"   pass tcp any any -> any any (sid:1;)",
		"# alert tcp any any -> any any (sid:9;)",
		`drop tls any any -> any any (msg:"long"; \`,
		`  sid:2;)`,
		"alert udp any any -> any any (sid:3;)\r",
	)
	// The text sits in a heredoc whose lines start at column 5 of line 10.
	var starts []hcl.Pos
	b := 200
	for i, l := range strings.SplitAfter(text, "\n") {
		starts = append(starts, hcl.Pos{Line: 10 + i, Column: 5, Byte: b})
		b += len(l) + 4
	}
	rs, diags := ParseText(Text{Filename: "g.hcl", Text: text, LineStarts: starts})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	var got []string
	for _, r := range rs {
		got = append(got, fmt.Sprintf("%d %s %d:%d-%d:%d", r.SID, r.Text, r.Range.Start.Line, r.Range.Start.Column, r.Range.End.Line, r.Range.End.Column))
	}
	want := []string{
		"1 pass tcp any any -> any any (sid:1;) 12:8-12:44",
		`2 drop tls any any -> any any (msg:"long";   sid:2;) 14:5-15:14`,
		"3 alert udp any any -> any any (sid:3;) 16:5-16:42",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	sid, _ := rs[1].Option("sid")
	if s := sid.Range.Start; s.Line != 15 || s.Column != 7 || s.Byte != starts[5].Byte+2 {
		t.Errorf("sid on the continuation line starts at %+v", s)
	}
}

func TestParseRuleErrors(t *testing.T) {
	t.Parallel()
	tests := []string{
		`allow tcp any any -> any any (sid:1;)`,
		`rejectsrc tcp any any -> any any (sid:1;)`,
		`alert tcpp any any -> any any (sid:1;)`,
		`alert HTTP any any -> any any (sid:1;)`,
		`alert tcp any any <- any any (sid:1;)`,
		`alert tcp any any => any any (sid:1;)`,
		`alert tcp 10.0.0.256 any -> any any (sid:1;)`,
		`alert tcp 10.0.0.0/33 any -> any any (sid:1;)`,
		`alert tcp 2001:db8::1-2001:db8::5 any -> any any (sid:1;)`,
		`alert tcp 10.0.0.9-10.0.0.1 any -> any any (sid:1;)`,
		`alert tcp fe80::1%eth0 any -> any any (sid:1;)`,
		`alert tcp any 70000 -> any any (sid:1;)`,
		`alert tcp any 1024-2000 -> any any (sid:1;)`,
		`alert tcp any 10:5 -> any any (sid:1;)`,
		`alert tcp any @PORTS -> any any (sid:1;)`,
		`alert tcp [] any -> any any (sid:1;)`,
		`alert tcp [,10.0.0.1] any -> any any (sid:1;)`,
		`alert tcp [10.0.0.1]x any -> any any (sid:1;)`,
		`alert tcp [10.0.0.1 any -> any any (sid:1;)`,
		`alert tcp $ any -> $HOME-NET any (sid:1;)`,
		`alert tcp ! 10.0.0.0/8 any -> any any (sid:1;)`,
		`alert tcp any any ->`,
		`alert tcp any any -> any any`,
		`alert tcp any any -> any any(sid:1;)`,
		`alert tcp any any -> any any sid:1;`,
		"alert\ttcp any any -> any any (sid:1;)",
		`alert tcp any any -> any any (content:"a;b"; sid:1;)`,
		`alert tcp any any -> any any (content:"abc; sid:1;)`,
		`alert tcp any any -> any any (msg:"x"; sid:1)`,
		`alert tcp any any -> any any (sid:1;) # trailing comment`,
		`alert tcp any any -> any any (sid:1;;)`,
		`alert tcp any any -> any any (msg "x"; sid:1;)`,
		`alert tcp any any -> any any (msg:"no sid";)`,
		`alert tcp any any -> any any (sid:1; sid:2;)`,
		`alert tcp any any -> any any (sid:0;)`,
		`alert tcp any any -> any any (sid:4294967295;)`,
		`alert tcp any any -> any any (sid:abc;)`,
		`alert tcp any any -> any any (sid:1; rev:x;)`,
		`alert tcp any any -> any any (msg:unquoted; sid:1;)`,
		"alert tcp any any -> any any (msg:\"a\x01b\"; sid:1;)",
		`alert tcp any any -> any any (sid:1;`,
		`bad bad bad bad bad bad bad (sid:1;)`,
		`pass tls any any -> any 443 (tls.sni; content:"example.com" sid:1;)`,
		`pass tcp any any -> any 443 (msg:"x" sid:3; rev:1;)`,
		`pass tls any any -> any 443 (content:"a" nocase; sid:4;)`,
	}
	var b strings.Builder
	for i, src := range tests {
		name := fmt.Sprintf("case%02d.rules", i)
		_, diags := ParseRule(src, hcl.InitialPos, name)
		if len(diags) == 0 {
			t.Errorf("%s: no diagnostic for %q", name, src)
		}
		fmt.Fprintf(&b, "=== %s: %s\n", name, src)
		b.WriteString(golden.RenderDiags(t, map[string]string{name: src}, diags))
	}
	checkGolden(t, "parse_errors.golden", b.String())
}

// TestParseTextErrors checks that ParseText reports every bad rule, goes
// on with the next one, and points into the right lines.
func TestParseTextErrors(t *testing.T) {
	t.Parallel()
	src := lines(
		"pass tcp any any -> any any (sid:1;)",
		"alert tcp any any -> any anny (sid:2;)",
		"# fine",
		"allow tcp any any -> any any (sid:3;)",
		`drop tcp any any -> any any (msg:"a"; \`,
		`  content:"x;y"; sid:4;)`,
		"pass tcp any any -> any any (sid:5;)",
		`drop tcp any any -> any any (sid:6; \`,
	)
	rs, diags := ParseText(Text{Filename: "bad.rules", Text: src})
	if len(rs) != 2 || rs[0].SID != 1 || rs[1].SID != 5 {
		t.Errorf("got %d rules", len(rs))
	}
	checkGolden(t, "parse_text_errors.golden", golden.RenderDiags(t, map[string]string{"bad.rules": src}, diags))
}

func TestParseRuleOne(t *testing.T) {
	t.Parallel()
	for _, src := range []string{"", "# just a comment", "pass tcp any any -> any any (sid:1;)\npass tcp any any -> any any (sid:2;)"} {
		r, diags := ParseRule(src, hcl.InitialPos, "x.rules")
		if r != nil || !diags.HasErrors() {
			t.Errorf("ParseRule(%q) = %v, %v; want an error", src, r, diags)
		}
	}
	r, diags := ParseRule("pass tcp any any -> \\\n any any (sid:1;)", hcl.InitialPos, "x.rules")
	if diags.HasErrors() || r.String() != "pass tcp any any -> any any (sid:1;)" {
		t.Errorf("continuation: %v %v", r, diags)
	}
}
