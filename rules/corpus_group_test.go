package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/internal/golden"
	"github.com/vpcreach/vpcreach/internal/testcorpus"
	"github.com/vpcreach/vpcreach/policyspec"
)

// etOpenEnabled is the number of enabled rules in the ET Open snapshot.
const etOpenEnabled = 24827

// etOpenTexts returns the ET Open rules files as Texts.
func etOpenTexts(t testing.TB) []Text {
	t.Helper()
	files := testcorpus.Files(t, "et-open-2024-04/rules", "*.rules")
	out := make([]Text, len(files))
	for i, f := range files {
		out[i] = Text{Filename: f.Name, Text: string(f.Data)}
	}
	return out
}

// TestAWSSamplesLoadGroup loads the AWS sample files as rule groups and
// pins what LoadGroup reports (one line per diagnostic): mostly AWS
// support-check findings on AWS's own examples, and sids the samples
// reuse.
func TestAWSSamplesLoadGroup(t *testing.T) {
	t.Parallel()
	dir := corpus(t, "aws-samples/sample-suricata-generator")
	var b strings.Builder
	for _, name := range []string{"aws_rule_examples.rules", "best_practices.rules"} {
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		spec := GroupSpec{Name: "rule_group.samples", RuleOrder: "STRICT_ORDER",
			Text:      &Text{Filename: name, Text: string(src)},
			IPSetRefs: []policyspec.IPSet{{Name: "BETA", Prefixes: pfx("192.0.2.0/24")}},
		}
		rs, diags := LoadGroup(spec, Env{HomeNet: pfx("10.0.0.0/16")})
		fmt.Fprintf(&b, "# %s: %d rules loaded\n", name, len(rs))
		golden.SortDiags(diags)
		for _, d := range diags {
			sev := "error"
			if d.Severity == hcl.DiagWarning {
				sev = "warning"
			}
			fmt.Fprintf(&b, "%s:%d:%d %s: %s\n", name, d.Subject.Start.Line, d.Subject.Start.Column, sev, d.Summary)
		}
	}
	checkGolden(t, "aws_samples_loadgroup.golden", b.String())
}
