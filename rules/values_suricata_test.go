package rules

import (
	"fmt"
	"net/netip"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

// TestValuesAgreeWithSuricata loads testdata/values/cases.rules (rule
// options with valid and invalid values) as a rule group and compares, rule
// by rule, whether it is refused with what Suricata 7 did with the same
// file (suricata.txt, recorded by regen.sh): a rule is refused exactly
// when Suricata refuses it.
func TestValuesAgreeWithSuricata(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("testdata/values/cases.rules")
	if err != nil {
		t.Fatal(err)
	}
	want := readVerdicts(t, "testdata/values/suricata.txt")
	_, diags := LoadGroup(GroupSpec{Name: "rule_group.values", Text: &Text{Filename: "cases.rules", Text: string(src)}},
		Env{HomeNet: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}})
	got := map[int]string{}
	for _, d := range diags {
		if d.Severity == hcl.DiagError && d.Subject != nil {
			got[d.Subject.Start.Line] += d.Summary + ": " + d.Detail + " "
		}
	}
	lines := strings.Split(string(src), "\n")
	var bad []string
	refused := 0
	for n, verdict := range want {
		_, we := got[n]
		if we {
			refused++
		}
		if why := valuesExempt(lines[n-1]); why != "" {
			continue
		}
		if we != (verdict == "ERR") {
			bad = append(bad, fmt.Sprintf("line %d: Suricata %s, we %v %s\n    %s", n, verdict, we, got[n], lines[n-1]))
		}
	}
	sort.Strings(bad)
	for _, b := range bad {
		t.Error(b)
	}
	if refused < 50 {
		t.Errorf("weak test: %d rules refused", refused)
	}
}

// valuesExempt returns why a case of cases.rules may differ from
// Suricata, or "".
func valuesExempt(rule string) string {
	for text, why := range map[string]string{
		"xbits:set,a,track ip_pair": "AWS refuses xbits tracking by IP address; Suricata accepts it",
		"flowint:":                  "flowint values are not checked",
		"app-layer-protocol:modbus": "parser disabled in Suricata's stock configuration only",
		"app-layer-protocol:enip":   "parser disabled in Suricata's stock configuration only",
		"app-layer-protocol:dnp3":   "parser disabled in Suricata's stock configuration only",
		"app-layer-protocol:pgsql":  "parser disabled in Suricata's stock configuration only",
	} {
		if strings.Contains(rule, text) {
			return why
		}
	}
	return ""
}

// readVerdicts reads a LINE OK|ERR file.
func readVerdicts(t *testing.T, path string) map[int]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int]string{}
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.Fields(l)
		if len(f) != 2 || strings.HasPrefix(l, "#") {
			continue
		}
		n, err := strconv.Atoi(f[0])
		if err != nil {
			t.Fatalf("%s: %q", path, l)
		}
		out[n] = f[1]
	}
	return out
}
