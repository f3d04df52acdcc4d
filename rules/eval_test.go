package rules

import (
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/policyspec"
	"github.com/vpcreach/vpcreach/ports"
)

// TestEvaluateBehaviours checks each behaviour of engine-semantics §2 and §3
// on one flow: the outcome and decider of every phase, and the verdict.
func TestEvaluateBehaviours(t *testing.T) {
	t.Parallel()
	est := withDefaults("aws:drop_established")
	strict := withDefaults("aws:drop_strict")
	serverOnly := func(f Flow) Flow { f.Visibility = SeesServerOnly; return f }
	clientOnly := func(f Flow) Flow { f.Visibility = SeesClientOnly; return f }
	statelessDrop8080 := withStateless("aws:forward_to_sfe", policyspec.StatelessRule{
		Priority: 1, Actions: []string{"aws:drop"}, Protocols: []int{6},
		DestinationPorts: ports.NewSet(ports.Single(8080)),
	})
	allow := `pass tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; tls.sni; dotprefix; content:".example.com"; nocase; endswith; flow:to_server, established; sid:1;)
drop tls $HOME_NET any -> $EXTERNAL_NET any (ssl_state:client_hello; flow:to_server, established; sid:3;)`
	tests := []struct {
		name, rules string
		opts        []policyOpt
		flow        Flow
		outcomes    string
		deciders    string
		verdict     Outcome
	}{
		{"drop_strict drops the SYN and latches", `pass tls $HOME_NET any -> $EXTERNAL_NET any (sid:1;)`,
			[]policyOpt{strict}, tlsFlow(Known("www.example.com")), "drop,drop,drop,drop,drop",
			"aws:drop_strict,latch:aws:drop_strict@SYN,latch:aws:drop_strict@SYN,latch:aws:drop_strict@SYN,latch:aws:drop_strict@SYN", Drop},
		{"drop_established passes the handshake, drops data", `pass tcp $HOME_NET any -> $EXTERNAL_NET 9 (sid:1;)`,
			[]policyOpt{est}, rawFlow(8080), "pass,pass,pass,drop,drop",
			"none,none,none,aws:drop_established,aws:drop_established", Drop},
		{"app_layer pass latches at the client data", `pass tls $HOME_NET any -> $EXTERNAL_NET any (sid:1;)`,
			[]policyOpt{est}, tlsFlow(Known("www.example.com")), "pass,pass,pass,pass,pass",
			"none,none,none,1,latch:1@client data", Pass},
		{"pkt pass does not latch: the reply is dropped", `pass tcp $HOME_NET any -> $EXTERNAL_NET 8080 (flow:established,to_server; sid:1;)`,
			[]policyOpt{est}, rawFlow(8080), "pass,pass,pass,pass,drop",
			"none,none,none,1,aws:drop_established", Drop},
		{"ip_only header pass latches at the SYN", `pass tcp $HOME_NET any -> any 8080 (sid:1;)`,
			[]policyOpt{strict}, rawFlow(8080), "pass,pass,pass,pass,pass",
			"1,latch:1@SYN,latch:1@SYN,latch:1@SYN,latch:1@SYN", Pass},
		{"alert then pass", "alert tcp any any -> any 22 (sid:1;)\npass tcp $HOME_NET any -> any 22 (sid:2;)",
			[]policyOpt{strict}, rawFlow(22), "pass,pass,pass,pass,pass",
			"2,latch:2@SYN,latch:2@SYN,latch:2@SYN,latch:2@SYN", Pass},
		{"pass before drop", "pass udp $HOME_NET any -> any 53 (sid:1;)\ndrop udp $HOME_NET any -> any 53 (sid:2;)",
			nil, dnsFlow("www.example.com"), "pass,pass", "1,latch:1@request", Pass},
		{"drop then pass on one packet", "drop tcp $HOME_NET any -> $EXTERNAL_NET 8080 (flow:established,to_server; sid:1;)\npass tcp $HOME_NET any -> $EXTERNAL_NET 8080 (flow:established; sid:2;)",
			nil, rawFlow(8080), "pass,pass,pass,drop,pass", "none,none,none,1,none", Drop},
		{"per-packet drop then latching pass", "drop tcp $HOME_NET any -> $EXTERNAL_NET any (flow:established,to_server; sid:1;)\npass tls $HOME_NET any -> $EXTERNAL_NET any (sid:2;)",
			[]policyOpt{est}, tlsFlow(Known("www.example.com")), "pass,pass,pass,drop,pass",
			"none,none,none,1,latch:2@client data", Drop},
		{"reject", `reject http $HOME_NET any -> $EXTERNAL_NET 80 (sid:1;)`,
			nil, httpFlow("www.example.com", 80), "pass,pass,pass,drop,drop", "none,none,none,1,latch:1@client data", Drop},
		{"ip_only rules run on the first packet of each direction only", "pass tcp any any -> any any (flow:not_established; sid:1;)\ndrop tcp $HOME_NET any -> 93.184.216.34 any (sid:2;)",
			nil, rawFlow(8080), "pass,pass,pass,pass,pass", "1,1,1,none,none", Pass},
		{"like_ip_only rules run on every packet", "pass tcp any any -> any any (flow:not_established; sid:1;)\ndrop tcp $HOME_NET any -> $EXTERNAL_NET 8080 (sid:2;)",
			nil, rawFlow(8080), "pass,pass,pass,drop,drop", "1,1,1,2,latch:2@client data", Drop},
		{"tls on a non-standard port", `pass tls $HOME_NET any -> $EXTERNAL_NET any (sid:1;)`,
			[]policyOpt{est}, func() Flow { f := tlsFlow(Known("x")); f.ServerPort = 8443; return f }(),
			"pass,pass,pass,pass,pass", "none,none,none,1,latch:1@client data", Pass},
		{"non-TLS payload on 443", `pass tls $HOME_NET any -> $EXTERNAL_NET any (sid:1;)`,
			[]policyOpt{est}, rawFlow(443), "pass,pass,pass,drop,drop",
			"none,none,none,aws:drop_established,aws:drop_established", Drop},
		{"allowlist passes a listed name", allow, []policyOpt{est}, tlsFlow(Known("www.example.com")),
			"pass,pass,pass,pass,pass", "none,none,none,1,latch:1@client data", Pass},
		{"allowlist drops another name", allow, []policyOpt{est}, tlsFlow(Known("example.org")),
			"pass,pass,pass,drop,drop", "none,none,none,3,latch:3@client data", Drop},
		{"allowlist drops a hello without SNI", allow, []policyOpt{est}, tlsFlow(Known("")),
			"pass,pass,pass,drop,drop", "none,none,none,3,latch:3@client data", Drop},
		{"UDP reply is established", `pass udp $HOME_NET any -> any 53 (flow:to_server; sid:1;)`,
			[]policyOpt{est}, dnsFlow("x.example.com"), "pass,drop", "1,aws:drop_established", Drop},
		{"ICMP under drop_strict", `pass icmp $HOME_NET any -> any any (sid:1;)`,
			[]policyOpt{strict}, icmpFlow(), "pass,pass", "1,latch:1@request", Pass},
		{"negated port", `drop tcp any any -> any !443 (sid:1;)`, nil, rawFlow(8080),
			"drop,drop,drop,drop,drop", "1,latch:1@SYN,latch:1@SYN,latch:1@SYN,latch:1@SYN", Drop},
		{"bidirectional rule", `drop tcp 93.184.216.34 443 <> $HOME_NET any (sid:1;)`, nil,
			tlsFlow(Known("x")), "drop,drop,drop,drop,drop",
			"1,latch:1@SYN,latch:1@SYN,latch:1@SYN,latch:1@SYN", Drop},
		{"server-only TCP, stream exception DROP", `pass ip any any -> any any (sid:1;)`, nil,
			serverOnly(tlsFlow(Known("x"))), "drop,drop", "stream:drop,stream:drop", Drop},
		{"server-only TCP, stream exception REJECT", `pass ip any any -> any any (sid:1;)`,
			[]policyOpt{withStream("REJECT")}, serverOnly(tlsFlow(Known("x"))), "drop,drop", "stream:reject,stream:reject", Drop},
		{"server-only TCP, CONTINUE: header rules only", `pass tcp $EXTERNAL_NET 443 -> $HOME_NET any (sid:1;)`,
			[]policyOpt{strict, withStream("CONTINUE")}, serverOnly(tlsFlow(Known("x"))), "pass,pass", "1,latch:1@SYN-ACK", Pass},
		{"client-only TCP is never established", `pass tls $HOME_NET any -> $EXTERNAL_NET any (sid:1;)`,
			[]policyOpt{est}, clientOnly(rawFlow(8080)), "pass,pass,pass", "none,none,none", Pass},
		{"stateless drop of one direction", `pass ip any any -> any any (sid:1;)`,
			[]policyOpt{statelessDrop8080}, rawFlow(8080), "drop,drop,drop,drop,drop",
			"stateless:drop,stream:drop,stateless:drop,stateless:drop,stream:drop", Drop},
		{"stateless pass keeps no state", `drop ip any any -> any any (sid:1;)`,
			[]policyOpt{withStateless("aws:pass")}, rawFlow(8080), "pass,pass,pass,pass,pass",
			"stateless:pass,stateless:pass,stateless:pass,stateless:pass,stateless:pass", Pass},
		{"stateless default drop", `pass ip any any -> any any (sid:1;)`,
			[]policyOpt{withStateless("aws:drop")}, dnsFlow("x"), "drop,drop", "stateless:drop,stateless:drop", Drop},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := testPolicy(t, tc.rules, tc.opts...).Evaluate(tc.flow)
			if got := phaseOutcomes(r); got != tc.outcomes {
				t.Errorf("outcomes %s, want %s", got, tc.outcomes)
			}
			if got := phaseDeciders(r); got != tc.deciders {
				t.Errorf("deciders %s, want %s", got, tc.deciders)
			}
			if r.Verdict != tc.verdict {
				t.Errorf("verdict %s, want %s", r.Verdict, tc.verdict)
			}
			if len(r.MayMatch) != 0 {
				t.Errorf("unexpected may-match %v", r.MayMatch)
			}
		})
	}
}

// TestEvaluateNotes checks the asymmetric-flow notes.
func TestEvaluateNotes(t *testing.T) {
	t.Parallel()
	p := testPolicy(t, `pass tls $HOME_NET any -> $EXTERNAL_NET any (sid:1;)`, withDefaults("aws:drop_established"))
	f := tlsFlow(Known("x"))
	f.Visibility = SeesClientOnly
	r := p.Evaluate(f)
	if len(r.Notes) != 1 || !strings.Contains(r.Notes[0], "fail-open") {
		t.Errorf("notes %q", r.Notes)
	}
	if r := p.Evaluate(tlsFlow(Known("x"))); len(r.Notes) != 0 {
		t.Errorf("symmetric flow has notes %q", r.Notes)
	}
}
