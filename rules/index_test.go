package rules

import (
	"fmt"
	"math/rand"
	"net/netip"
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/policyspec"
)

// randomRule returns a random rule line with sid.
func randomRule(rng *rand.Rand, sid int) string {
	pick := func(xs ...string) string { return xs[rng.Intn(len(xs))] }
	action := pick("pass", "drop", "reject", "alert", "drop", "pass")
	proto := pick("ip", "tcp", "tcp", "udp", "icmp", "tls", "http", "dns")
	addr := func() string {
		return pick("any", "$HOME_NET", "$EXTERNAL_NET", "10.1.1.0/25", "!10.1.1.10",
			"[10.1.1.10,93.184.216.0/24]", "93.184.216.34", "![198.51.100.0/24,10.0.0.0/8]")
	}
	port := func() string {
		return pick("any", "any", "443", "80", "[80,443,8080]", "1024:", "!443", "53", "8000:8100", "[!80,1:1000]")
	}
	dir := pick("->", "->", "->", "<>")
	var opts []string
	if rng.Intn(3) == 0 {
		opts = append(opts, "flow:"+pick("established", "not_established", "to_server", "to_client",
			"established,to_server", "established,to_client", "stateless"))
	}
	switch proto {
	case "tls":
		if rng.Intn(2) == 0 {
			opts = append(opts, `tls.sni; content:"`+pick("www", "bad", "example.com")+`";`+pick("", " endswith;", " nocase;"))
		}
	case "http":
		if rng.Intn(2) == 0 {
			opts = append(opts, `http.host; content:"`+pick("www", "bad")+`";`)
		}
	case "dns":
		if rng.Intn(2) == 0 {
			opts = append(opts, `dns.query; content:"`+pick("www", "bad")+`";`)
		}
	}
	if rng.Intn(6) == 0 {
		opts = append(opts, `content:"x";`)
	}
	if rng.Intn(8) == 0 {
		opts = append(opts, "app-layer-protocol:"+pick("tls", "!tls", "http", "dns")+";")
	}
	for i, o := range opts {
		if !strings.HasSuffix(o, ";") {
			opts[i] += ";"
		}
	}
	return fmt.Sprintf("%s %s %s %s %s %s %s (%s sid:%d;)", action, proto, addr(), port(), dir, addr(), port(),
		strings.Join(opts, " "), sid)
}

// randomFlow returns a random flow between a few addresses.
func randomFlow(rng *rand.Rand) Flow {
	addrs := []string{"10.1.1.10", "10.1.1.200", "93.184.216.34", "198.51.100.7"}
	pick := func(xs ...string) string { return xs[rng.Intn(len(xs))] }
	f := Flow{Client: netip.MustParseAddr(pick(addrs...)), Server: netip.MustParseAddr(pick(addrs...)),
		ClientPort: uint16(1024 + rng.Intn(60000)), ServerPort: []uint16{443, 80, 53, 8080, 8050, 22, 5000}[rng.Intn(7)]}
	switch rng.Intn(4) {
	case 0, 1:
		f.Protocol, f.App = TCP, pick("tls", "http", "raw")
	case 2:
		f.Protocol, f.App = UDP, pick("dns", "raw")
	default:
		f.Protocol, f.ClientPort, f.ServerPort = ICMP, 0, 0
	}
	v := Known(pick("www.example.com", "bad.example.com", ""))
	if rng.Intn(5) == 0 {
		v = Value{}
	}
	f.SNI, f.HTTPHost, f.DNSQuery = v, v, v
	f.Visibility = Visibility(rng.Intn(3))
	return f
}

// TestIndexMatchesLinearScan is a property test: on random rules and
// flows, evaluating with the index gives the same deciding rules, outcomes
// and may-match rules as a plain linear scan.
func TestIndexMatchesLinearScan(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewSource(1))
	byRule, ambiguous := 0, 0
	for round := 0; round < 40; round++ {
		var b strings.Builder
		for i := 1; i <= 60; i++ {
			b.WriteString(randomRule(rng, i) + "\n")
		}
		opts := []policyOpt{withDefaults([]string{"aws:drop_established", "aws:drop_strict", "aws:alert_strict"}[rng.Intn(3)])}
		if rng.Intn(3) == 0 {
			opts = []policyOpt{withOrder(policyspec.DefaultActionOrder)}
		}
		p := testPolicy(t, b.String(), opts...)
		for k := 0; k < 50; k++ {
			f := randomFlow(rng)
			got := p.Evaluate(f)
			want := p.evaluate(f, nil, true)
			if g, w := describeResult(got), describeResult(want); g != w || got.Verdict != want.Verdict {
				t.Fatalf("round %d flow %+v:\nindexed:\n%s\nlinear:\n%s\nrules:\n%s", round, f, g, w, b.String())
			}
			for _, ph := range got.Phases {
				if ph.Decision.Kind == DecidedByRule || ph.Decision.Kind == DecidedByLatch {
					byRule++
				}
			}
			if got.Verdict == Ambiguous {
				ambiguous++
			}
		}
	}
	if byRule < 1000 || ambiguous < 20 {
		t.Errorf("weak property test: %d phases decided by rules, %d ambiguous flows", byRule, ambiguous)
	}
}
