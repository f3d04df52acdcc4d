package rules

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/internal/golden"
	"github.com/vpcreach/vpcreach/rules/syntax"
)

// verifyRefusalsAllowed are the summaries of diagnostics that may refuse a
// rule Suricata 7 loads: AWS Network Firewall's own limits (actions,
// IPv6 ranges that Suricata accepts only inside a list that starts with
// IPv4), rules the corpus guards with requires: for Suricata 8, and a
// quote left open (content:!".mozilla.net; in one corpus rule), which
// Suricata tolerates and the parser refuses on purpose as a typo.
var verifyRefusalsAllowed = map[string]bool{"Invalid rule action": true, "Invalid address range": true, "Invalid rule direction": true,
	"Invalid rule protocol": true, "Unterminated quoted value": true}

// TestSuricataVerifyNotRefused parses every distinct single-line rule of
// the suricata-verify corpus and checks that none Suricata 7.0.10 loads
// (testdata/values/verify-accepted.txt, written by regen-verify.sh) is
// refused, but for AWS's own limits.
func TestSuricataVerifyNotRefused(t *testing.T) {
	t.Parallel()
	rules := verifyRules(t, corpus(t, "suricata-verify/tests"))
	accepted := golden.ReadSet(t, "testdata/values/verify-accepted.txt")
	checked := 0
	for _, l := range rules {
		sum := sha256.Sum256([]byte(l))
		if !accepted[hex.EncodeToString(sum[:8])] {
			continue
		}
		checked++
		_, diags := syntax.ParseRule(l, hcl.InitialPos, "verify.rules")
		for _, d := range diags {
			if d.Severity == hcl.DiagError && !verifyRefusalsAllowed[d.Summary] {
				t.Errorf("Suricata loads this rule, we refuse it: %s: %s\n    %s", d.Summary, d.Detail, l)
			}
		}
	}
	if checked < 1400 {
		t.Errorf("only %d of %d rules found among those Suricata loads: regenerate verify-accepted.txt", checked, len(rules))
	}
}

// verifyRules returns the distinct single-line rules of the corpus's
// tests/*/*.rules, blanks around them trimmed, sorted (the selection of
// regen-verify.sh).
func verifyRules(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.rules"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no suricata-verify rules in %s: %v", dir, err)
	}
	seen := map[string]bool{}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			l = strings.TrimSpace(l)
			if strings.HasPrefix(l, "#") || !strings.HasSuffix(l, ")") || seen[l] {
				continue
			}
			seen[l] = true
			out = append(out, l)
		}
	}
	slices.Sort(out)
	return out
}
