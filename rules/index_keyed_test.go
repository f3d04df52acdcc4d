package rules

import (
	"fmt"
	"math/rand"
	"net/netip"
	"strings"
	"testing"
)

// randomDomainRule returns a rule on tls.sni, http.host or dns.query
// shaped like the keyed ones (anchored contents, dotprefix, nocase, as
// domain lists write them) or just off that shape (no endswith, offset,
// negation, two contents, non-ASCII), so both the keyed and the plain
// paths of the index are exercised.
func randomDomainRule(rng *rand.Rand, sid int) string {
	pick := func(xs ...string) string { return xs[rng.Intn(len(xs))] }
	proto, buffer := pick("tls", "http", "dns", "tcp"), ""
	switch proto {
	case "tls", "tcp":
		buffer = "tls.sni;"
	case "http":
		buffer = "http.host;"
	default:
		buffer = "dns.query;"
	}
	name := pick("example.com", ".example.com", "www.example.com", "Example.COM", "ample.com", "com",
		".Bad.test", "bad.test", "m", "exämple.com", "api.example.com")
	opts := buffer
	if strings.HasPrefix(name, ".") && rng.Intn(2) == 0 {
		opts += " dotprefix;"
	}
	if proto == "http" { // Suricata refuses upper case and nocase on http.host
		name = strings.ToLower(name)
	}
	opts += fmt.Sprintf(` content:"%s";`, name)
	for _, m := range []string{" startswith;", " endswith;", " nocase;"} {
		if rng.Intn(3) != 0 && !(proto == "http" && m == " nocase;") {
			opts += m
		}
	}
	switch rng.Intn(10) {
	case 0:
		opts += ` content:"e";` // a second content: not keyed
	case 1:
		opts = strings.Replace(opts, `content:"`, `content:!"`, 1)
	case 2:
		if !strings.Contains(opts, "startswith") { // Suricata refuses offset with startswith
			opts += " offset:1;"
		}
	}
	action := pick("pass", "drop", "reject", "pass")
	port := pick("any", "443", "80", "53")
	return fmt.Sprintf("%s %s $HOME_NET any -> any %s (%s flow:to_server; sid:%d;)", action, proto, port, opts, sid)
}

// TestKeyedIndexMatchesLinearScan is the index property test for domain
// rules: on random domain rules (mixed with the general random rules) and
// flows whose SNI, Host and DNS query vary in case, port, trailing dot,
// ASCII-ness and knownness, the keyed index decides as a linear scan does.
func TestKeyedIndexMatchesLinearScan(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewSource(11))
	values := []string{"example.com", "www.example.com", "WWW.Example.Com", "api.example.com:8443", "bad.test",
		"x.bad.test", "example.com.", "exämple.com", "m", "", "ample.com", "notexample.com"}
	byDomainRule := 0
	for round := 0; round < 60; round++ {
		var b strings.Builder
		domain := map[int64]bool{}
		for i := 1; i <= 40; i++ {
			if rng.Intn(4) == 0 {
				b.WriteString(randomRule(rng, i) + "\n")
			} else {
				b.WriteString(randomDomainRule(rng, i) + "\n")
				domain[int64(i)] = true
			}
		}
		p := testPolicy(t, b.String(), withDefaults([]string{"aws:drop_established", "aws:drop_strict"}[rng.Intn(2)]))
		for k := 0; k < 60; k++ {
			f := randomFlow(rng)
			if rng.Intn(3) != 0 { // mostly flows the domain rules are written for
				f.Client, f.Protocol = netip.MustParseAddr("10.1.1.10"), TCP
				f.App, f.ServerPort = []string{"tls", "http", "dns"}[rng.Intn(3)], []uint16{443, 80, 53}[rng.Intn(3)]
				if f.App == "dns" {
					f.Protocol = UDP
				}
			}
			for _, v := range []*Value{&f.SNI, &f.HTTPHost, &f.DNSQuery} {
				*v = Known(values[rng.Intn(len(values))])
				if rng.Intn(8) == 0 {
					*v = Value{}
				}
			}
			got, want := p.Evaluate(f), p.evaluate(f, nil, true)
			if g, w := describeResult(got), describeResult(want); g != w || got.Verdict != want.Verdict {
				t.Fatalf("round %d flow %+v:\nindexed:\n%s\nlinear:\n%s\nrules:\n%s", round, f, g, w, b.String())
			}
			for _, ph := range got.Phases {
				if r := ph.Decision.Rule; r != nil && domain[r.SID] {
					byDomainRule++
				}
			}
		}
	}
	t.Logf("%d phases decided by a domain rule", byDomainRule)
	if byDomainRule < 500 {
		t.Errorf("weak property test: %d phases decided by a domain rule", byDomainRule)
	}
}
