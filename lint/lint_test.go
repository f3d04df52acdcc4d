package lint_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/lint"
	"github.com/vpcreach/vpcreach/topology"
)

// edit replaces old by new in the file of the example; the test fails when
// old does not occur, so an edit never silently does nothing.
type edit struct{ file, old, new string }

// load copies examples/NAME into a temporary directory, applies the edits,
// loads and compiles it, and fails on any error.
func load(t *testing.T, name string, edits ...edit) *analyzer.Network {
	t.Helper()
	src := filepath.Join("..", "examples", name)
	dir := t.TempDir()
	ents, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, e := range ents {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = string(b)
	}
	for _, e := range edits {
		if !strings.Contains(files[e.file], e.old) {
			t.Fatalf("%s/%s does not contain %q", name, e.file, e.old)
		}
		files[e.file] = strings.Replace(files[e.file], e.old, e.new, 1)
	}
	for n, s := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	topo, diags := topology.Load(dir)
	if diags.HasErrors() {
		t.Fatalf("loading: %v", diags)
	}
	net, diags := analyzer.Compile(topo)
	if diags.HasErrors() {
		t.Fatalf("compiling: %v", diags)
	}
	return net
}

const (
	strict  = "strict-order-sample"
	central = "centralized-inspection"
	// domainsRules starts the rules of the strict-order sample's allow_domains group.
	domainsRules = "rules      = <<-EOT\n    alert http"
	icmpRules    = "rules      = <<-EOT\n    alert icmp"
)

// prepend puts a rule first in the group whose rules start with at.
func prepend(at, rule string) edit {
	return edit{"firewall.hcl", at, strings.Replace(at, "EOT\n", "EOT\n    "+rule+"\n", 1)}
}

func TestChecks(t *testing.T) {
	t.Parallel()
	noHandshake := []edit{
		{"firewall.hcl", `    pass tcp $HOME_NET any <> $EXTERNAL_NET 80 (msg:"Allowing TCP in port 80"; flow:not_established; sid:892123; rev:1;)` + "\n", ""},
		{"firewall.hcl", `    pass tcp $HOME_NET any <> $EXTERNAL_NET 443 (msg:"Allowing TCP in port 443"; flow:not_established; sid:892127; rev:1;)` + "\n", ""},
	}
	defaultOrder := []edit{
		{"firewall.hcl", "stateful_rule_order      = \"STRICT_ORDER\"\n", ""},
		{"firewall.hcl", "stateful_default_actions = [\"aws:drop_strict\", \"aws:alert_strict\"]\n", ""},
		{"firewall.hcl", "rule_order = \"STRICT_ORDER\"\n", ""},
		{"firewall.hcl", "rule_order = \"STRICT_ORDER\"\n", ""},
	}
	tests := []struct {
		name    string
		example string
		edits   []edit
		code    lint.Code
		want    bool   // a warning with code
		line    int    // its line, when want
		file    string // its file, when want
	}{
		{"header drop before tls pass", strict, []edit{prepend(domainsRules, `drop tcp $HOME_NET any -> $EXTERNAL_NET any (msg:"drop"; sid:7; rev:1;)`)},
			lint.HeaderDropBeforeAppPass, true, 67, "firewall.hcl"},
		{"header drop on other ports", strict, []edit{prepend(domainsRules, `drop tcp $HOME_NET any -> $EXTERNAL_NET 22 (msg:"drop"; sid:7; rev:1;)`)},
			lint.HeaderDropBeforeAppPass, false, 0, ""},
		{"established drop is not header-only", strict, []edit{prepend(domainsRules, `drop tcp $HOME_NET any -> $EXTERNAL_NET any (flow:established; sid:7;)`)},
			lint.HeaderDropBeforeAppPass, false, 0, ""},
		{"sample has no header drop", strict, nil, lint.HeaderDropBeforeAppPass, false, 0, ""},
		{"header drop in default action order", strict, append(defaultOrder, prepend(domainsRules, `drop tcp $HOME_NET any -> $EXTERNAL_NET any (msg:"drop"; sid:7; rev:1;)`)),
			lint.HeaderDropBeforeAppPass, false, 0, ""},
		{"no shadowing in default action order", strict, append(defaultOrder, prepend(domainsRules, `drop tcp $HOME_NET any -> $EXTERNAL_NET any (msg:"drop"; sid:7; rev:1;)`)),
			lint.ShadowedRule, false, 0, ""},

		{"wildcard content", strict, []edit{{"firewall.hcl", `content:".amazon.com"; endswith; msg:"Allowing .amazon.com HTTPS requests"; sid:892125`, `content:"*.amazon.com"; endswith; msg:"Allowing .amazon.com HTTPS requests"; sid:892125`}},
			lint.ContentWildcard, true, 72, "firewall.hcl"},
		{"literal content", strict, nil, lint.ContentWildcard, false, 0, ""},
		{"star in non-domain content", strict, []edit{{"firewall.hcl", `content:".amazon.com"; endswith; msg:"Allowing .amazon.com HTTPS requests"; sid:892125`, `content:"*/*"; msg:"Allowing .amazon.com HTTPS requests"; sid:892125`}},
			lint.ContentWildcard, false, 0, ""},

		{"appliance mode off", central, []edit{{"transit.hcl", "appliance_mode  = true", "appliance_mode  = false"}},
			lint.ApplianceModeOff, true, 49, "transit.hcl"},
		{"appliance mode on", central, nil, lint.ApplianceModeOff, false, 0, ""},
		{"appliance mode off in one AZ", central, []edit{
			{"transit.hcl", "appliance_mode  = true", "appliance_mode  = false"},
			{"transit.hcl", "subnets         = [subnet.inspection_tgw_1a, subnet.inspection_tgw_1b]", "subnets         = [subnet.inspection_tgw_1a]"}},
			lint.ApplianceModeOff, false, 0, ""},

		{"home_net unset", central, []edit{{"policy.hcl", `home_net                 = ["10.0.0.0/8"]`, ""}},
			lint.HomeNetUncovered, true, 4, "policy.hcl"},
		{"home_net misses a spoke", central, []edit{{"policy.hcl", `home_net                 = ["10.0.0.0/8"]`, `home_net = ["10.10.0.0/16", "10.0.0.0/16", "10.100.0.0/16", "10.200.0.0/16"]`}},
			lint.HomeNetUncovered, true, 5, "policy.hcl"},
		{"home_net covers in two halves", central, []edit{{"policy.hcl", `home_net                 = ["10.0.0.0/8"]`, `home_net = ["10.0.0.0/9", "10.128.0.0/9"]`}},
			lint.HomeNetUncovered, false, 0, ""},
		{"home_net covers every spoke", central, nil, lint.HomeNetUncovered, false, 0, ""},

		{"drop_strict without handshake pass", strict, noHandshake, lint.DropStrictNoHandshake, true, 26, "firewall.hcl"},
		{"drop_strict with handshake pass", strict, nil, lint.DropStrictNoHandshake, false, 0, ""},
		{"drop_established without handshake pass", strict, append(noHandshake, edit{"firewall.hcl", `"aws:drop_strict", "aws:alert_strict"`, `"aws:drop_established"`}),
			lint.DropStrictNoHandshake, false, 0, ""},

		{"shadowed by header-only pass", strict, []edit{prepend(icmpRules, `pass tcp $HOME_NET any -> $EXTERNAL_NET 443 (msg:"all 443"; sid:5;)`)},
			lint.ShadowedRule, true, 73, "firewall.hcl"},
		{"not shadowed by a rule with flow", strict, []edit{prepend(icmpRules, `pass tcp $HOME_NET any -> $EXTERNAL_NET 443 (flow:to_server; sid:5;)`)},
			lint.ShadowedRule, false, 0, ""},
		{"not shadowed by an alert", strict, []edit{prepend(icmpRules, `alert tcp $HOME_NET any -> $EXTERNAL_NET 443 (sid:5;)`)},
			lint.ShadowedRule, false, 0, ""},
		{"not shadowed by a narrower rule", strict, []edit{prepend(icmpRules, `pass tcp $HOME_NET any -> 54.0.0.0/8 443 (sid:5;)`)},
			lint.ShadowedRule, false, 0, ""},
		{"sample has no shadowed rule", strict, nil, lint.ShadowedRule, false, 0, ""},
	}
	compared := 0
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			diags := lint.Check(load(t, tt.example, tt.edits...))
			got := find(diags, tt.code)
			if (got != nil) != tt.want {
				t.Fatalf("warning %s: got %v, want %v; all warnings:\n%s", tt.code, got != nil, tt.want, dump(diags))
			}
			if got == nil {
				return
			}
			checkShape(t, got, tt.code)
			if filepath.Base(got.Subject.Filename) != tt.file || got.Subject.Start.Line != tt.line {
				t.Errorf("warning at %s, want %s:%d", got.Subject, tt.file, tt.line)
			}
		})
		compared++
	}
	if compared != len(tests) || compared < 20 {
		t.Errorf("ran %d cases, want %d (at least 20)", compared, len(tests))
	}
}

// checkShape checks what every warning must carry.
func checkShape(t *testing.T, d *hcl.Diagnostic, code lint.Code) {
	t.Helper()
	if d.Severity != hcl.DiagWarning {
		t.Errorf("severity %v, want a warning", d.Severity)
	}
	if !strings.HasSuffix(d.Summary, "("+string(code)+")") {
		t.Errorf("summary %q does not end with the code", d.Summary)
	}
	for _, want := range []string{"Fix: ", "AWS: https://", "--no-warn " + string(code)} {
		if !strings.Contains(d.Detail, want) {
			t.Errorf("detail lacks %q:\n%s", want, d.Detail)
		}
	}
	if d.Subject == nil || d.Subject.Start.Line == 0 || d.Subject.Start.Column == 0 {
		t.Errorf("warning not located: %v", d.Subject)
	}
}

func find(diags hcl.Diagnostics, code lint.Code) *hcl.Diagnostic {
	for _, d := range diags {
		if c, ok := lint.CodeOf(d); ok && c == code {
			return d
		}
	}
	return nil
}

func dump(diags hcl.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Subject.String() + ": " + d.Summary + "\n")
	}
	return b.String()
}

// TestSkip checks that a code given to Check is left out, and only it.
func TestSkip(t *testing.T) {
	t.Parallel()
	net := load(t, central,
		edit{"transit.hcl", "appliance_mode  = true", "appliance_mode  = false"},
		edit{"policy.hcl", `home_net                 = ["10.0.0.0/8"]`, ""})
	all := lint.Check(net)
	if find(all, lint.ApplianceModeOff) == nil || find(all, lint.HomeNetUncovered) == nil {
		t.Fatalf("want both warnings, got:\n%s", dump(all))
	}
	some := lint.Check(net, lint.ApplianceModeOff)
	if find(some, lint.ApplianceModeOff) != nil || find(some, lint.HomeNetUncovered) == nil {
		t.Fatalf("skipping %s, got:\n%s", lint.ApplianceModeOff, dump(some))
	}
}

// TestCodesDocumented checks that docs/cli.md documents every code.
func TestCodesDocumented(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("../docs/cli.md")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range lint.Codes() {
		n++
		if !strings.Contains(string(b), "`"+string(c)+"`") {
			t.Errorf("docs/cli.md does not document the warning code %s", c)
		}
		if !lint.Known(c) {
			t.Errorf("Known(%s) is false", c)
		}
	}
	if n != 6 {
		t.Errorf("checked %d codes, want 6", n)
	}
	if lint.Known("nope") {
		t.Error(`Known("nope") is true`)
	}
}
