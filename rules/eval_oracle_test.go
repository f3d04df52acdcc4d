package rules

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/policyspec"
)

// oracleCase is one line of testdata/oracle/manifest.txt.
type oracleCase struct {
	name, rules, flows, order, defaults, stream, homeNet string
}

// oracleFlow is one flow of a flows file (the oracle's input) with the
// evaluator-only x_ fields.
type oracleFlow struct {
	ID     string           `json:"id"`
	Proto  string           `json:"proto"`
	Src    string           `json:"src"`
	Dst    string           `json:"dst"`
	App    string           `json:"app"`
	SNI    string           `json:"sni"`
	Host   string           `json:"host"`
	QName  string           `json:"qname"`
	Oneway string           `json:"oneway"`
	XApp   string           `json:"x_app"`
	XMatch map[string][]int `json:"x_match"`
	XSplit bool             `json:"x_split"`
}

// oracleResult is one line of a recorded results file.
type oracleResult struct {
	ID         string `json:"id"`
	Tuple      string `json:"tuple"`
	AppProto   string `json:"app_proto"`
	Handshake  string `json:"handshake"`
	ClientData string `json:"client_data"`
	ServerData string `json:"server_data"`
	Verdict    string `json:"verdict"`
}

const oracleDir = "testdata/oracle"

func readOracleManifest(t *testing.T) []oracleCase {
	t.Helper()
	var out []oracleCase
	for _, line := range readDataLines(t, filepath.Join(oracleDir, "manifest.txt")) {
		f := strings.Fields(line)
		if len(f) != 7 {
			t.Fatalf("manifest line %q: want 7 fields", line)
		}
		out = append(out, oracleCase{f[0], f[1], f[2], f[3], f[4], f[5], f[6]})
	}
	return out
}

// readDataLines returns the non-blank, non-comment lines of path.
func readDataLines(t *testing.T, path string) []string {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	var out []string
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// oraclePolicy compiles the case's rules as one rule group.
func oraclePolicy(t *testing.T, c oracleCase) *Policy {
	t.Helper()
	path := filepath.Join(oracleDir, "rules", c.rules+".rules")
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	order := policyspec.StrictOrder
	if c.order == "action" {
		order = policyspec.DefaultActionOrder
	}
	spec := PolicySpec{
		Name: "firewall_policy." + c.name, StatefulRuleOrder: order, StreamExceptionPolicy: policyspec.StreamExceptionPolicy(c.stream),
		Env: Env{HomeNet: []netip.Prefix{netip.MustParsePrefix(c.homeNet)}},
		StatefulGroups: []GroupSpec{{
			Name: "rule_group." + c.rules, Priority: 1, RuleOrder: order,
			Text: &Text{Filename: path, Text: string(text)},
		}},
	}
	if c.defaults != "-" {
		spec.StatefulDefaultActions = strings.Split(c.defaults, ",")
	}
	p, diags := CompilePolicy(spec)
	if diags.HasErrors() {
		t.Fatalf("%s: %v", c.name, diags)
	}
	return p
}

// oracleFlowOf maps an oracle flow to the evaluator's Flow.
func oracleFlowOf(t *testing.T, spec oracleFlow, res oracleResult) Flow {
	t.Helper()
	f := Flow{Client: netip.MustParseAddr(spec.Src), Server: netip.MustParseAddr(spec.Dst)}
	switch spec.Proto {
	case "", "tcp":
		f.Protocol = TCP
	case "udp":
		f.Protocol = UDP
	case "icmp":
		f.Protocol = ICMP
	}
	if f.Protocol != ICMP {
		f.ClientPort, f.ServerPort = tuplePorts(t, res.Tuple)
	}
	f.App = spec.App
	if spec.XApp != "" {
		f.App = spec.XApp
	}
	switch spec.App {
	case "tls":
		f.SNI = Known(spec.SNI)
	case "http":
		f.HTTPHost = Known(spec.Host)
	case "dns":
		q := spec.QName
		if q == "" {
			q = "example.com"
		}
		f.DNSQuery = Known(q)
	}
	switch spec.Oneway {
	case "forward":
		f.Visibility = SeesClientOnly
	case "reverse":
		f.Visibility = SeesServerOnly
	}
	return f
}

// tuplePorts parses "tcp 10.1.1.10:20001 -> 93.184.216.34:443".
func tuplePorts(t *testing.T, tuple string) (uint16, uint16) {
	t.Helper()
	f := strings.Fields(tuple)
	if len(f) != 4 {
		t.Fatalf("tuple %q", tuple)
	}
	port := func(s string) uint16 {
		n, err := strconv.Atoi(s[strings.LastIndexByte(s, ':')+1:])
		if err != nil {
			t.Fatalf("tuple %q: %v", tuple, err)
		}
		return uint16(n)
	}
	return port(f[1]), port(f[3])
}

// oracleGroups folds our phase outcomes into the oracle's groups.
func oracleGroups(r Result) (hs, cd, sd string) {
	group := func(sel func(Phase) bool) string {
		n, drops, amb := 0, 0, false
		for _, ph := range r.Phases {
			if !sel(ph.Phase) {
				continue
			}
			n++
			switch ph.Outcome {
			case Drop:
				drops++
			case Ambiguous:
				amb = true
			}
		}
		switch {
		case n == 0:
			return "n/a"
		case amb:
			return "ambiguous"
		case drops == 0:
			return "pass"
		case drops == n:
			return "drop"
		}
		return "partial"
	}
	hs = group(func(p Phase) bool { return p == PhaseSYN || p == PhaseSYNACK || p == PhaseACK })
	cd = group(func(p Phase) bool { return p == PhaseClientData || p == PhaseRequest })
	sd = group(func(p Phase) bool { return p == PhaseServerData || p == PhaseReply })
	return
}

func verdictWord(o Outcome) string {
	switch o {
	case Pass:
		return "allowed"
	case Drop:
		return "blocked"
	}
	return "ambiguous"
}

// TestOracleDifferential checks the evaluator against every recorded
// Suricata verdict of testdata/oracle (see its README).
func TestOracleDifferential(t *testing.T) {
	t.Parallel()
	compared, skipped := 0, 0
	artefacts := readArtefacts(t)
	usedArtefacts := 0
	for _, c := range readOracleManifest(t) {
		p := oraclePolicy(t, c)
		specs := map[string]oracleFlow{}
		for _, l := range readDataLines(t, filepath.Join(oracleDir, "flows", c.flows+".flows")) {
			var f oracleFlow
			if err := json.Unmarshal([]byte(l), &f); err != nil {
				t.Fatal(err)
			}
			specs[f.ID] = f
		}
		for _, l := range readDataLines(t, filepath.Join(oracleDir, "results", c.name+".jsonl")) {
			var res oracleResult
			if err := json.Unmarshal([]byte(l), &res); err != nil {
				t.Fatal(err)
			}
			spec := specs[res.ID]
			if spec.XSplit {
				skipped++
				continue
			}
			compared++
			f := oracleFlowOf(t, spec, res)
			got := p.evaluate(f, matchList(spec.XMatch, c.rules), false)
			hs, cd, sd := oracleGroups(got)
			want := fmt.Sprintf("%s/%s/%s %s", res.Handshake, res.ClientData, res.ServerData, res.Verdict)
			if aws, ok := artefacts[c.name+" "+res.ID]; ok {
				if aws == want {
					t.Errorf("%s %s: listed in artefacts.txt, but the oracle's %s is AWS's behaviour", c.name, res.ID, want)
				}
				want = aws
				usedArtefacts++
			}
			have := fmt.Sprintf("%s/%s/%s %s", hs, cd, sd, verdictWord(got.Verdict))
			if have != want {
				t.Errorf("%s %s (%s): got %s, oracle %s\n%s", c.name, res.ID, res.Tuple, have, want, describeResult(got))
			}
		}
	}
	if compared < 1000 {
		t.Errorf("only %d flow x rule-set cases compared", compared)
	}
	if usedArtefacts != len(artefacts) {
		t.Errorf("artefacts.txt lists %d flows, %d of them recorded", len(artefacts), usedArtefacts)
	}
	t.Logf("%d oracle cases compared, %d split-payload flows recorded but not compared", compared, skipped)
}

// readArtefacts reads testdata/oracle/artefacts.txt: "case flow" to AWS's
// behaviour in the form TestOracleDifferential compares.
func readArtefacts(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, l := range readDataLines(t, filepath.Join(oracleDir, "artefacts.txt")) {
		f := strings.Fields(l)
		if len(f) != 5 {
			t.Fatalf("artefacts.txt line %q: want 5 fields", l)
		}
		out[f[0]+" "+f[1]] = f[2] + " " + f[3]
	}
	if len(out) == 0 {
		t.Fatal("artefacts.txt lists no flow")
	}
	return out
}

// matchList resolves may-match rules from a flow's x_match sids for the
// rules file.
func matchList(x map[string][]int, rules string) func(*Rule) (bool, bool) {
	sids, ok := x[rules]
	if !ok {
		return nil
	}
	return func(r *Rule) (bool, bool) {
		for _, s := range sids {
			if int64(s) == r.SID {
				return true, true
			}
		}
		return false, true
	}
}

// describe renders a result's phases for failure messages.
func describeResult(r Result) string {
	var b strings.Builder
	for _, ph := range r.Phases {
		fmt.Fprintf(&b, "    %-12s %-9s %s\n", ph.Phase, ph.Outcome, describeDecision(ph.Decision))
		for _, a := range ph.Alternatives {
			fmt.Fprintf(&b, "      alt %s %s\n", a.Outcome, describeDecision(a))
		}
	}
	for _, m := range r.MayMatch {
		fmt.Fprintf(&b, "    may-match sid %d %v changes=%v\n", m.Rule.SID, m.Options, m.ChangesOutcome)
	}
	return b.String()
}

func describeDecision(d Decision) string {
	s := fmt.Sprintf("kind=%d %s", d.Kind, d.Action)
	if d.Rule != nil {
		s += fmt.Sprintf(" sid=%d", d.Rule.SID)
	}
	if d.DefaultAction != "" {
		s += " " + d.DefaultAction
	}
	if d.LatchedAt != 0 {
		s += " latched@" + d.LatchedAt.String()
	}
	return s
}
