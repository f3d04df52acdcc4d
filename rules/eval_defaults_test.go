package rules

import (
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/policyspec"
)

// strictOrderSample is the stateful part of AWS's strict-order sample
// (aws-samples/aws-network-firewall-strict-rule-ordering-terraform,
// firewall/policy.tf): an ICMP group, then a group passing the TCP
// handshake on 80/443, HTTP to .example.com and TLS to .amazon.com, each
// pass preceded by its alert; default actions drop_strict + alert_strict.
const strictOrderSample = `alert icmp any any -> any any (msg: "Allowing ICMP packets"; sid:1; rev:1;)
pass icmp any any -> any any (msg: "Allowing ICMP packets"; sid:2; rev:1;)
alert http $HOME_NET any -> $EXTERNAL_NET 80 (http.host; dotprefix; content:".example.com"; endswith; msg:"Allowing example.com HTTP requests"; sid:892120; rev:1;)
pass http $HOME_NET any -> $EXTERNAL_NET 80 (http.host; dotprefix; content:".example.com"; endswith; msg:"Allowing example.com HTTP requests"; sid:892121; rev:1;)
alert tcp $HOME_NET any <> $EXTERNAL_NET 80 (msg:"Allowing TCP in port 80"; flow:not_established; sid:892122; rev:1;)
pass tcp $HOME_NET any <> $EXTERNAL_NET 80 (msg:"Allowing TCP in port 80"; flow:not_established; sid:892123; rev:1;)
alert tls $HOME_NET any -> $EXTERNAL_NET 443 (tls.sni; dotprefix; content:".amazon.com"; endswith; msg:"Allowing .amazon.com HTTPS requests"; sid:892124; rev:1;)
pass tls $HOME_NET any -> $EXTERNAL_NET 443 (tls.sni; dotprefix; content:".amazon.com"; endswith; msg:"Allowing .amazon.com HTTPS requests"; sid:892125; rev:1;)
alert tcp $HOME_NET any <> $EXTERNAL_NET 443 (msg:"Allowing TCP in port 443"; flow:not_established; sid:892126; rev:1;)
pass tcp $HOME_NET any <> $EXTERNAL_NET 443 (msg:"Allowing TCP in port 443"; flow:not_established; sid:892127; rev:1;)`

// defaultDeciders renders each phase's decider as phaseDecider does, a
// phase no rule decided as "none(DEFAULTS)" naming the policy's defaults.
func defaultDeciders(r Result) string {
	var s []string
	for _, ph := range r.Phases {
		d := phaseDecider(ph.Decision)
		if ph.Decision.Kind == DecidedByNoMatch && ph.Decision.DefaultAction != "" {
			d += "(" + ph.Decision.DefaultAction + ")"
		}
		s = append(s, d)
	}
	return strings.Join(s, ",")
}

// TestDefaultActions checks the stateful default actions as AWS documents
// them (not as the oracle emulates them; see testdata/oracle/README.md):
// each acts on the packets no rule passed or dropped, drop_strict on every
// phase and both directions (after a handshake pass too), the established
// variants on established packets, the _to_server variant on the client's
// only, the alert variants never; phases no rule decided name the
// policy's defaults.
func TestDefaultActions(t *testing.T) {
	t.Parallel()
	handshake := "pass tcp $HOME_NET any <> $EXTERNAL_NET any (flow:not_established; sid:1;)"
	toServer := handshake + "\npass tcp $HOME_NET any -> $EXTERNAL_NET any (flow:established,to_server; sid:2;)"
	tests := []struct {
		name, rules string
		defaults    []string
		flow        Flow
		outcomes    string
		deciders    string
		verdict     Outcome
	}{
		{"sample: TLS to .amazon.com passes", strictOrderSample, []string{"aws:drop_strict", "aws:alert_strict"},
			tlsFlow(Known("aws.amazon.com")), "pass,pass,pass,pass,pass",
			"892127,892127,892127,892125,latch:892125@client data", Pass},
		{"sample: TLS to www.example.com is dropped by drop_strict", strictOrderSample, []string{"aws:drop_strict", "aws:alert_strict"},
			tlsFlow(Known("www.example.com")), "pass,pass,pass,drop,drop",
			"892127,892127,892127,aws:drop_strict,latch:aws:drop_strict@client data", Drop},
		{"sample: HTTP to www.example.com passes", strictOrderSample, []string{"aws:drop_strict", "aws:alert_strict"},
			httpFlow("www.example.com", 80), "pass,pass,pass,pass,pass",
			"892123,892123,892123,892121,latch:892121@client data", Pass},
		{"sample: HTTP to www.google.com is dropped by drop_strict", strictOrderSample, []string{"aws:drop_strict", "aws:alert_strict"},
			httpFlow("www.google.com", 80), "pass,pass,pass,drop,drop",
			"892123,892123,892123,aws:drop_strict,latch:aws:drop_strict@client data", Drop},
		{"sample: raw data on 443 is dropped", strictOrderSample, []string{"aws:drop_strict", "aws:alert_strict"},
			rawFlow(443), "pass,pass,pass,drop,drop",
			"892127,892127,892127,aws:drop_strict,latch:aws:drop_strict@client data", Drop},
		{"sample: SSH is dropped at the SYN", strictOrderSample, []string{"aws:drop_strict", "aws:alert_strict"},
			rawFlow(22), "drop,drop,drop,drop,drop",
			"aws:drop_strict,latch:aws:drop_strict@SYN,latch:aws:drop_strict@SYN,latch:aws:drop_strict@SYN,latch:aws:drop_strict@SYN", Drop},
		{"sample: ICMP passes", strictOrderSample, []string{"aws:drop_strict", "aws:alert_strict"},
			icmpFlow(), "pass,pass", "2,latch:2@request", Pass},
		{"sample: DNS is dropped at the request", strictOrderSample, []string{"aws:drop_strict", "aws:alert_strict"},
			dnsFlow("example.com"), "drop,drop", "aws:drop_strict,latch:aws:drop_strict@request", Drop},
		{"drop_strict: per-packet passes on every phase pass", toServer + "\npass tcp $EXTERNAL_NET any -> $HOME_NET any (flow:established,to_client; sid:3;)",
			[]string{"aws:drop_strict"}, rawFlow(8080), "pass,pass,pass,pass,pass", "1,1,1,2,3", Pass},
		{"drop_strict: the server's data no rule passes is dropped", toServer,
			[]string{"aws:drop_strict"}, rawFlow(8080), "pass,pass,pass,pass,drop", "1,1,1,2,aws:drop_strict", Drop},
		{"drop_established: handshake passes, unmatched data dropped", handshake,
			[]string{"aws:drop_established"}, rawFlow(8080), "pass,pass,pass,drop,drop",
			"1,1,1,aws:drop_established,aws:drop_established", Drop},
		{"drop_established: the server's data no rule passes is dropped", toServer,
			[]string{"aws:drop_established"}, rawFlow(8080), "pass,pass,pass,pass,drop", "1,1,1,2,aws:drop_established", Drop},
		{"drop_established: the handshake names the default", "",
			[]string{"aws:drop_established", "aws:alert_established"}, rawFlow(8080), "pass,pass,pass,drop,drop",
			"none(aws:drop_established),none(aws:drop_established),none(aws:drop_established),aws:drop_established,aws:drop_established", Drop},
		{"drop_established_app_layer: as drop_established on whole requests", toServer,
			[]string{"aws:drop_established_app_layer", "aws:alert_established_app_layer"}, rawFlow(8080), "pass,pass,pass,pass,drop",
			"1,1,1,2,aws:drop_established_app_layer", Drop},
		{"drop_established_app_layer: an SNI pass latches", "pass tls $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:\"www.example.com\"; sid:5;)",
			[]string{"aws:drop_established_app_layer"}, tlsFlow(Known("www.example.com")), "pass,pass,pass,pass,pass",
			"none(aws:drop_established_app_layer),none(aws:drop_established_app_layer),none(aws:drop_established_app_layer),5,latch:5@client data", Pass},
		{"drop_established_app_layer: another SNI is dropped", "pass tls $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:\"www.example.com\"; sid:5;)",
			[]string{"aws:drop_established_app_layer"}, tlsFlow(Known("www.example.org")), "pass,pass,pass,drop,drop",
			"none(aws:drop_established_app_layer),none(aws:drop_established_app_layer),none(aws:drop_established_app_layer),aws:drop_established_app_layer,aws:drop_established_app_layer", Drop},
		{"drop_established_app_layer_to_server: the server's data passes", toServer,
			[]string{"aws:drop_established_app_layer_to_server"}, rawFlow(8080), "pass,pass,pass,pass,pass",
			"1,1,1,2,none(aws:drop_established_app_layer_to_server)", Pass},
		{"drop_established_app_layer_to_server: the client's data no rule passes is dropped", handshake,
			[]string{"aws:drop_established_app_layer_to_server"}, rawFlow(8080), "pass,pass,pass,drop,pass",
			"1,1,1,aws:drop_established_app_layer_to_server,none(aws:drop_established_app_layer_to_server)", Drop},
		{"drop_established_app_layer_to_server: a UDP reply passes", "",
			[]string{"aws:drop_established_app_layer_to_server"}, dnsFlow("example.com"), "pass,pass",
			"none(aws:drop_established_app_layer_to_server),none(aws:drop_established_app_layer_to_server)", Pass},
		{"drop_established: a UDP reply is dropped", "",
			[]string{"aws:drop_established"}, dnsFlow("example.com"), "pass,drop",
			"none(aws:drop_established),aws:drop_established", Drop},
		{"alert_strict only logs", "", []string{"aws:alert_strict"}, rawFlow(8080), "pass,pass,pass,pass,pass",
			"none(aws:alert_strict),none(aws:alert_strict),none(aws:alert_strict),none(aws:alert_strict),none(aws:alert_strict)", Pass},
		{"alert_established_app_layer only logs", "", []string{"aws:alert_established_app_layer"}, rawFlow(8080), "pass,pass,pass,pass,pass",
			"none(aws:alert_established_app_layer),none(aws:alert_established_app_layer),none(aws:alert_established_app_layer),none(aws:alert_established_app_layer),none(aws:alert_established_app_layer)", Pass},
		{"no default action", "", nil, rawFlow(8080), "pass,pass,pass,pass,pass", "none,none,none,none,none", Pass},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rules := tc.rules
			if rules == "" {
				rules = "pass tcp any any -> any 9 (sid:99;)"
			}
			p := testPolicy(t, rules, withDefaults(tc.defaults...))
			r := p.Evaluate(tc.flow)
			if got := phaseOutcomes(r); got != tc.outcomes {
				t.Errorf("outcomes %s, want %s", got, tc.outcomes)
			}
			if got := defaultDeciders(r); got != tc.deciders {
				t.Errorf("deciders %s,\n want    %s", got, tc.deciders)
			}
			if r.Verdict != tc.verdict {
				t.Errorf("verdict %s, want %s", r.Verdict, tc.verdict)
			}
		})
	}
}

// TestDefaultActionsCompile checks that every AWS default action compiles
// without a warning (none is approximated), and the API's constraints.
func TestDefaultActionsCompile(t *testing.T) {
	t.Parallel()
	for name := range defaultActions {
		spec := PolicySpec{Name: "firewall_policy.t", StatefulRuleOrder: policyspec.StrictOrder, StatefulDefaultActions: []string{name}}
		if _, diags := CompilePolicy(spec); len(diags) != 0 {
			t.Errorf("%s: %v", name, diags)
		}
	}
	bad := []struct {
		order    policyspec.RuleOrder
		defaults []string
		summary  string
	}{
		{policyspec.StrictOrder, []string{"aws:drop_all"}, "Unknown stateful default action"},
		{policyspec.StrictOrder, []string{"aws:drop_strict", "aws:drop_established_app_layer"}, "Several drop default actions"},
		{policyspec.DefaultActionOrder, []string{"aws:drop_strict"}, "Default action needs strict order"},
	}
	for _, b := range bad {
		spec := PolicySpec{Name: "firewall_policy.t", StatefulRuleOrder: b.order, StatefulDefaultActions: b.defaults}
		_, diags := CompilePolicy(spec)
		if len(diags) != 1 || diags[0].Summary != b.summary {
			t.Errorf("%v %v: got %v, want one %q", b.order, b.defaults, diags, b.summary)
		}
	}
}
