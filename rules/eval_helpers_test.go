package rules

import (
	"net/netip"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/policyspec"
)

// evHome is the HOME_NET of the unit tests.
var evHome = netip.MustParsePrefix("10.1.1.0/24")

// policyOpt adjusts a test policy spec.
type policyOpt func(*PolicySpec)

func withDefaults(d ...string) policyOpt {
	return func(s *PolicySpec) { s.StatefulDefaultActions = d }
}

func withOrder(o policyspec.RuleOrder) policyOpt {
	return func(s *PolicySpec) {
		s.StatefulRuleOrder = o
		for i := range s.StatefulGroups {
			s.StatefulGroups[i].RuleOrder = o
		}
	}
}

func withStream(p policyspec.StreamExceptionPolicy) policyOpt {
	return func(s *PolicySpec) { s.StreamExceptionPolicy = p }
}

func withStateless(def string, rs ...policyspec.StatelessRule) policyOpt {
	return func(s *PolicySpec) {
		s.StatelessDefaultActions = []string{def}
		if len(rs) > 0 {
			s.StatelessGroups = []StatelessGroupSpec{{Name: "stateless_rule_group.t", Priority: 1, Rules: rs}}
		}
	}
}

// testPolicy compiles rules (one per line) as one strict-order group.
func testPolicy(t testing.TB, rules string, opts ...policyOpt) *Policy {
	t.Helper()
	spec := PolicySpec{
		Name: "firewall_policy.t", StatefulRuleOrder: policyspec.StrictOrder,
		Env: Env{HomeNet: []netip.Prefix{evHome}},
		StatefulGroups: []GroupSpec{{
			Name: "rule_group.t", Priority: 1, RuleOrder: policyspec.StrictOrder,
			Text: &Text{Filename: "t.rules", Text: strings.TrimSpace(rules) + "\n"},
		}},
	}
	for _, o := range opts {
		o(&spec)
	}
	p, diags := CompilePolicy(spec)
	if diags.HasErrors() {
		t.Fatalf("compile: %v", diags)
	}
	p.ensure() // tests read the compiled rules and the memo directly
	return p
}

// Test flows: outbound from 10.1.1.10.
var (
	evClient = netip.MustParseAddr("10.1.1.10")
	evServer = netip.MustParseAddr("93.184.216.34")
)

func tlsFlow(sni Value) Flow {
	return Flow{Protocol: TCP, Client: evClient, Server: evServer, ClientPort: 40000, ServerPort: 443, App: "tls", SNI: sni}
}

func httpFlow(host string, port uint16) Flow {
	return Flow{Protocol: TCP, Client: evClient, Server: evServer, ClientPort: 40001, ServerPort: port, App: "http", HTTPHost: Known(host)}
}

func rawFlow(port uint16) Flow {
	return Flow{Protocol: TCP, Client: evClient, Server: evServer, ClientPort: 40002, ServerPort: port, App: "raw"}
}

func dnsFlow(q string) Flow {
	return Flow{Protocol: UDP, Client: evClient, Server: evServer, ClientPort: 40003, ServerPort: 53, App: "dns", DNSQuery: Known(q)}
}

func icmpFlow() Flow {
	return Flow{Protocol: ICMP, Client: evClient, Server: evServer}
}

// outcomes renders phase outcomes as "pass,pass,pass,drop,drop".
func phaseOutcomes(r Result) string {
	var s []string
	for _, ph := range r.Phases {
		s = append(s, ph.Outcome.String())
	}
	return strings.Join(s, ",")
}

// deciders renders each phase's decider: sid, default action name,
// "latch:<sid|default>@phase", "none", "stateless", "stream".
func phaseDeciders(r Result) string {
	var s []string
	for _, ph := range r.Phases {
		s = append(s, phaseDecider(ph.Decision))
	}
	return strings.Join(s, ",")
}

func phaseDecider(d Decision) string {
	name := d.DefaultAction
	if d.Rule != nil {
		name = strconv.FormatInt(d.Rule.SID, 10)
	}
	switch d.Kind {
	case DecidedByLatch:
		return "latch:" + name + "@" + d.LatchedAt.String()
	case DecidedByNoMatch:
		return "none"
	case DecidedByStateless, DecidedByStatelessDefault:
		return "stateless:" + d.Outcome.String()
	case DecidedByStreamException:
		return "stream:" + d.Action.String()
	}
	return name
}

func hclStart() hcl.Pos { return hcl.Pos{Line: 1, Column: 1} }
