package gen_test

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/internal/gen"
	"github.com/vpcreach/vpcreach/topology"
)

// eastWestRule is one line of east-west.rules, as the oracle reads it.
type eastWestRule struct {
	pass bool
	src  map[string]bool // spoke CIDRs; nil: $HOME_NET
	dst  string          // a spoke CIDR; "": $HOME_NET
	port int
}

var (
	ruleLine = regexp.MustCompile(`^(pass|drop) tcp (\S+) any -> (\S+) (\d+) `)
	sgPort   = regexp.MustCompile(`ports\s+=\s+"(\d+)"`)
)

func parseEastWest(t *testing.T, text string) []eastWestRule {
	var out []eastWestRule
	for _, line := range strings.Split(text, "\n") {
		m := ruleLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		r := eastWestRule{pass: m[1] == "pass"}
		if m[2] != "$HOME_NET" {
			r.src = map[string]bool{}
			for _, c := range strings.Split(strings.Trim(m[2], "[]"), ",") {
				r.src[c] = true
			}
		}
		if m[3] != "$HOME_NET" {
			r.dst = m[3]
		}
		r.port, _ = strconv.Atoi(m[4])
		out = append(out, r)
	}
	if len(out) < 100 {
		t.Fatalf("only %d east-west rules parsed", len(out))
	}
	return out
}

// expectEastWest is the oracle: a TCP flow from spoke i to spoke j on
// port p is reachable when j's security group admits p and the first
// east-west rule that matches passes (header-only rules decide at the
// SYN; no rule: aws:drop_established drops the data).
func expectEastWest(rules []eastWestRule, sgPorts map[int]bool, i, j, p int) bool {
	if !sgPorts[p] {
		return false
	}
	for _, r := range rules {
		if r.port == p && (r.src == nil || r.src[gen.SpokeCIDR(i)]) && (r.dst == "" || r.dst == gen.SpokeCIDR(j)) {
			return r.pass
		}
	}
	return false
}

// TestEastWestAgainstOracle asks random east-west questions of a
// generated organisation and compares every verdict with the oracle
// computed from the generated rules and security groups.
func TestEastWestAgainstOracle(t *testing.T) {
	t.Parallel()
	cfg := config(40, 3000, true)
	files, err := gen.Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	rules := parseEastWest(t, string(files["east-west.rules"]))
	sg := map[int]map[int]bool{}
	for i := 1; i <= cfg.Spokes; i++ {
		sg[i] = map[int]bool{}
		for _, m := range sgPort.FindAllStringSubmatch(string(files[gen.SpokeName(i)+".hcl"]), -1) {
			p, _ := strconv.Atoi(m[1])
			sg[i][p] = true
		}
	}
	n, _ := compile(t, cfg)
	rng := rand.New(rand.NewPCG(9, 9))
	ports := []int{443, 22, 1433, 3306, 5432, 6379, 8080, 8443, 9092, 9200, 11211, 27017}
	reachable := 0
	for q := 0; q < 400; q++ {
		i, j := 1+rng.IntN(cfg.Spokes), 1+rng.IntN(cfg.Spokes)
		if i == j {
			continue
		}
		p := ports[rng.IntN(len(ports))]
		from, to := gen.SpokeInstance(i, rng.IntN(gen.NumAZs)), gen.SpokeInstance(j, rng.IntN(gen.NumAZs))
		a, err := n.AnalyzePath(analyzer.Query{From: from, To: to, Protocol: topology.ProtocolTCP, Port: uint16(p), HasPort: true})
		if err != nil {
			t.Fatal(err)
		}
		want := expectEastWest(rules, sg[j], i, j, p)
		if want {
			reachable++
		}
		if got := a.Verdict == analyzer.Reachable; got != want {
			t.Errorf("%s -> %s tcp/%d: %s %v; the oracle says reachable=%v", from, to, p, a.Verdict,
				fmt.Sprint(codes(a.Explanations)), want)
		}
	}
	if reachable < 40 {
		t.Errorf("weak oracle test: only %d reachable queries", reachable)
	}
}

var (
	tlsExact  = regexp.MustCompile(`^(pass|drop) tls (\S+) any -> \$EXTERNAL_NET \S+ \(tls\.sni; content:"([^"]+)"; startswith; nocase; endswith;`)
	tlsSuffix = regexp.MustCompile(`^(pass|drop) tls (\S+) any -> \$EXTERNAL_NET \S+ \(tls\.sni; dotprefix; content:"([^"]+)"; nocase; endswith;`)
)

// TestEgressSNIAgainstOracle asks for TLS names taken from the generated
// egress rules (exact names, dotprefix suffixes, denied names) from random
// spokes and compares the verdicts with the first matching rule of
// egress.rules (an exact name must fit a rule's source spoke; the domain
// list allows nothing these names match).
func TestEgressSNIAgainstOracle(t *testing.T) {
	t.Parallel()
	cfg := config(40, 4000, true)
	files, err := gen.Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	type tlsRule struct {
		pass   bool
		src    string // "" for $HOME_NET
		name   string // lower-cased
		suffix bool
	}
	var rules []tlsRule
	for _, line := range strings.Split(string(files["egress.rules"]), "\n") {
		m, suffix := tlsExact.FindStringSubmatch(line), false
		if m == nil {
			m, suffix = tlsSuffix.FindStringSubmatch(line), true
		}
		if m == nil {
			continue
		}
		r := tlsRule{pass: m[1] == "pass", name: strings.ToLower(m[3]), suffix: suffix}
		if m[2] != "$HOME_NET" {
			r.src = m[2]
		}
		rules = append(rules, r)
	}
	if len(rules) < 500 {
		t.Fatalf("only %d TLS rules parsed", len(rules))
	}
	n, _ := compile(t, cfg)
	rng := rand.New(rand.NewPCG(4, 4))
	reachable := 0
	for q := 0; q < 300; q++ {
		i := 1 + rng.IntN(cfg.Spokes)
		r := rules[rng.IntN(len(rules))]
		sni := r.name
		if r.suffix {
			sni = "Host" + strconv.Itoa(q) + r.name // any name under the suffix, in mixed case
		}
		want := false
		for _, x := range rules {
			fits := x.name == strings.ToLower(sni) || (x.suffix && strings.HasSuffix("."+strings.ToLower(sni), x.name))
			if fits && (x.src == "" || x.src == gen.SpokeCIDR(i)) {
				want = x.pass
				break
			}
		}
		if want {
			reachable++
		}
		from := gen.SpokeInstance(i, rng.IntN(gen.NumAZs))
		a, err := n.AnalyzePath(analyzer.Query{From: from, To: gen.InternetHost, Protocol: topology.ProtocolTCP,
			Port: 443, HasPort: true, SNI: sni})
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Verdict == analyzer.Reachable; got != want {
			t.Errorf("%s -> %s tls sni %s: %s %v; the oracle says reachable=%v", from, gen.InternetHost, sni,
				a.Verdict, codes(a.Explanations), want)
		}
	}
	if reachable < 50 || reachable > 280 {
		t.Errorf("weak oracle test: %d of 300 queries reachable", reachable)
	}
}
