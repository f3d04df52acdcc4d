package gen

import (
	"bytes"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/policyspec"
	"github.com/vpcreach/vpcreach/ports"
	"github.com/vpcreach/vpcreach/rules"
)

// etFile is the name of the rules file the ET Open text is checked as.
const etFile = "et-open.rules"

// etChunkBytes bounds each generated ET Open rules file, under AWS Network
// Firewall's quota of 2,000,000 bytes per rules string.
const etChunkBytes = 1_900_000

// etIPSets are the address variables ET Open uses besides HOME_NET and
// EXTERNAL_NET; like suricata.yaml, every server group is HOME_NET.
func etIPSets() []string {
	return []string{"DNS_SERVERS", "HTTP_SERVERS", "SMTP_SERVERS", "SQL_SERVERS", "TELNET_SERVERS"}
}

// etPortSets are the port variables ET Open uses, with suricata.yaml's
// values (SHELLCODE_PORTS is !80).
func etPortSets() []struct {
	name  string
	lists []string
} {
	return []struct {
		name  string
		lists []string
	}{{"HTTP_PORTS", []string{"80"}}, {"ORACLE_PORTS", []string{"1521"}},
		{"SHELLCODE_PORTS", []string{"0:79", "81:65535"}}, {"SSH_PORTS", []string{"22"}}}
}

// etOpen adds the ET Open rules of dir (every *.rules file, in name order)
// as the rule groups et_open_01, ... (files et-open-01.rules, ..., each
// under AWS's rules string quota; STRICT_ORDER, with the
// variables the rules use) in et-open.hcl. The rules AWS Network Firewall
// refuses (thresholding, xbits tracking by IP, ftp-data, ..., as package
// rules checks them) are kept as comments that say why, so the group
// loads without errors.
func (g *generator) etOpen(dir string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.rules"))
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("%s holds no *.rules file; give the rules/ directory of an ET Open download", dir)
	}
	sort.Strings(files)
	var text strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		fmt.Fprintf(&text, "\n# ---- %s\n", filepath.Base(f))
		text.WriteString(strings.ReplaceAll(string(data), "\r\n", "\n"))
	}
	lines := strings.Split(text.String(), "\n")
	for line, why := range refusedLines(text.String()) {
		lines[line] = "# vpcgen: AWS Network Firewall refuses this rule (" + why + "): " + lines[line]
	}
	var b bytes.Buffer
	b.WriteString("\n# The ET Open corpus, as IDS groups before the organisation's rules (split into files\n" +
		"# under AWS Network Firewall's quota of 2,000,000 bytes per rules string).\n")
	for i, chunk := range splitLines(lines, etChunkBytes) {
		name, file := fmt.Sprintf("et_open_%02d", i+1), fmt.Sprintf("et-open-%02d.rules", i+1)
		g.files[file] = []byte("# ET Open, as vpcgen copied it: every *.rules file in name order. Rules AWS Network\n" +
			"# Firewall refuses are commented out with the reason.\n" + strings.Join(chunk, "\n") + "\n")
		g.etGroups = append(g.etGroups, name)
		fmt.Fprintf(&b, "rule_group %q {\n  rule_order = \"STRICT_ORDER\"\n", name)
		for _, n := range etIPSets() {
			fmt.Fprintf(&b, "  ip_set %q {\n    definition = [%q]\n  }\n", n, homeNet)
		}
		for _, p := range etPortSets() {
			fmt.Fprintf(&b, "  port_set %q {\n    definition = [\"%s\"]\n  }\n", p.name, strings.Join(p.lists, `", "`))
		}
		fmt.Fprintf(&b, "  rules_file = %q\n}\n\n", file)
	}
	g.files["et-open.hcl"] = b.Bytes()
	return nil
}

// splitLines cuts lines into consecutive runs whose text (each line and
// its newline) holds at most limit bytes, the header of a file included;
// a longer line is a run of its own.
func splitLines(lines []string, limit int) [][]string {
	var out [][]string
	start, size := 0, 200
	for i, l := range lines {
		if size+len(l)+1 > limit && i > start {
			out = append(out, lines[start:i])
			start, size = i, 200
		}
		size += len(l) + 1
	}
	return append(out, lines[start:])
}

// refusedLines loads text as the et_open group would be loaded and
// returns the 0-based lines of the rules that have errors, with the first
// error's summary.
func refusedLines(text string) map[int]string {
	home := netip.MustParsePrefix(homeNet)
	spec := rules.GroupSpec{Name: "rule_group.et_open", Priority: 50, RuleOrder: "STRICT_ORDER",
		Text: &rules.Text{Filename: etFile, Text: text}}
	for _, n := range etIPSets() {
		spec.IPSets = append(spec.IPSets, policyspec.IPSet{Name: n, Prefixes: []netip.Prefix{home}})
	}
	for _, p := range etPortSets() {
		var rs []ports.Range
		for _, l := range p.lists {
			r, err := ports.ParseRange(l)
			if err != nil {
				panic(err) // the lists above are constants
			}
			rs = append(rs, r)
		}
		spec.PortSets = append(spec.PortSets, policyspec.PortSet{Name: p.name, Ports: ports.NewSet(rs...)})
	}
	_, diags := rules.LoadGroup(spec, rules.Env{HomeNet: []netip.Prefix{home}})
	out := map[int]string{}
	for _, d := range diags {
		if d.Severity != hcl.DiagError || d.Subject == nil || d.Subject.Filename != etFile {
			continue
		}
		line := d.Subject.Start.Line - 1
		if _, seen := out[line]; !seen {
			out[line] = strings.ToLower(d.Summary)
		}
	}
	return out
}
