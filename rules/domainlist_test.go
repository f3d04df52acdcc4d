package rules

import (
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/internal/golden"
)

const domainHCL = `rule_group "domains" {
  domain_list {
    targets      = [".example.com", "API.Example.org"]
    target_types = ["TLS_SNI", "HTTP_HOST"]
    type         = "ALLOWLIST"
  }
}
`

// TestDomainListRules pins the generated rules of each list type.
func TestDomainListRules(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	for _, typ := range []string{"ALLOWLIST", "DENYLIST", "REJECTLIST", "ALERTLIST"} {
		for _, types := range []string{`["TLS_SNI", "HTTP_HOST"]`, `["HTTP_HOST"]`} {
			src := strings.Replace(domainHCL, `"ALLOWLIST"`, `"`+typ+`"`, 1)
			src = strings.Replace(src, `["TLS_SNI", "HTTP_HOST"]`, types, 1)
			_, dl := decodeGroup(t, "domains.hcl", src)
			rs, diags := LoadGroup(GroupSpec{Name: "rule_group.domains", Domains: dl}, Env{HomeNet: pfx("10.0.0.0/16")})
			if len(diags) > 0 {
				t.Fatal(diags)
			}
			b.WriteString("# " + typ + " " + types + "\n")
			for i, r := range rs {
				if r.Format != FormatDomainList || r.Range != dl.Range || r.SID != int64(i+1) || r.Index != i {
					t.Errorf("%s rule %d: format %v range %v sid %d", typ, i, r.Format, r.Range, r.SID)
				}
				checkRoundTrip(t, r)
				b.WriteString(r.Text + "\n")
			}
		}
	}
	checkGolden(t, "domainlist_rules.golden", b.String())
}

func TestDomainListErrors(t *testing.T) {
	t.Parallel()
	src := strings.NewReplacer(
		`"API.Example.org"`, `"*.example.org", "", "a..b", "ok.example.net", "bad\"quote"`,
		`"HTTP_HOST"]`, `"DNS"]`,
		`"ALLOWLIST"`, `"ALLOW"`,
	).Replace(domainHCL)
	_, dl := decodeGroup(t, "domains.hcl", src)
	rs, diags := LoadGroup(GroupSpec{Name: "rule_group.domains", Domains: dl}, Env{HomeNet: pfx("10.0.0.0/16")})
	if len(rs) != 0 {
		t.Errorf("loaded %d rules", len(rs))
	}
	checkGolden(t, "domainlist_errors.golden", golden.RenderDiags(t, map[string]string{"domains.hcl": src}, diags))
}
