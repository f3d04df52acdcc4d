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

	"github.com/vpcreach/vpcreach/internal/ports"
	"github.com/vpcreach/vpcreach/rules"
)

// etChunkBytes bounds each generated ET Open rules file: AWS Network
// Firewall accepts at most 2,000,000 bytes of rules per rule group, so
// the corpus (about 20 MB) becomes several groups.
const etChunkBytes = 1_900_000

// etChunk is one generated ET Open rules file and its rule group.
type etChunk struct {
	file, group string
	text        []byte
}

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

// loadETOpen reads the ET Open rules of dir (every *.rules file, in name
// order) into g.et: files et-open-NN.rules of at most etChunkBytes each,
// cut between rules, for the rule groups et_open_NN. The rules AWS Network
// Firewall refuses (thresholding, xbits tracking by IP, ftp-data, ..., as
// package rules checks them) are kept as comments that say why, so the
// groups load without errors.
func (g *generator) loadETOpen(dir string) error {
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
	const header = "# ET Open, as vpcgen copied it: every *.rules file in name order, cut into files of at\n" +
		"# most 1.9 MB (AWS's quota is 2,000,000 bytes of rules per rule group). Rules AWS Network\n" +
		"# Firewall refuses are commented out with the reason.\n"
	var cur bytes.Buffer
	flush := func() {
		n := len(g.et) + 1
		g.et = append(g.et, etChunk{file: fmt.Sprintf("et-open-%02d.rules", n), group: fmt.Sprintf("et_open_%02d", n),
			text: append([]byte(header), cur.Bytes()...)})
		cur.Reset()
	}
	for i, l := range lines {
		continued := i > 0 && strings.HasSuffix(strings.TrimRight(lines[i-1], " \t"), "\\")
		if !continued && cur.Len()+len(l)+1+len(header) > etChunkBytes {
			flush()
		}
		cur.WriteString(l)
		cur.WriteByte('\n')
	}
	flush()
	return nil
}

// etOpen writes the ET Open files and their rule groups (STRICT_ORDER,
// with the variables the rules use) to policy.hcl.
func (g *generator) etOpen() {
	var b bytes.Buffer
	b.WriteString("\n# The ET Open corpus, as IDS groups before the organisation's rules.\n")
	for _, c := range g.et {
		g.files[c.file] = c.text
		fmt.Fprintf(&b, "rule_group %q {\n  rule_order = \"STRICT_ORDER\"\n", c.group)
		for _, n := range etIPSets() {
			fmt.Fprintf(&b, "  ip_set %q {\n    definition = [%q]\n  }\n", n, homeNet)
		}
		for _, p := range etPortSets() {
			fmt.Fprintf(&b, "  port_set %q {\n    definition = [\"%s\"]\n  }\n", p.name, strings.Join(p.lists, `", "`))
		}
		fmt.Fprintf(&b, "  rules_file = %q\n}\n", c.file)
	}
	g.files["policy.hcl"] = append(g.files["policy.hcl"], b.Bytes()...)
}

// refusedLines loads text as the et_open group would be loaded and
// returns the 0-based lines of the rules that have errors, with the first
// error's summary.
func refusedLines(text string) map[int]string {
	home := netip.MustParsePrefix(homeNet)
	spec := rules.GroupSpec{Name: "rule_group.et_open", Priority: 50, RuleOrder: "STRICT_ORDER",
		Text: &rules.Text{Filename: "et-open.rules", Text: text}}
	for _, n := range etIPSets() {
		spec.IPSets = append(spec.IPSets, rules.NamedPrefixes{Name: n, Prefixes: []netip.Prefix{home}})
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
		spec.PortSets = append(spec.PortSets, rules.NamedPorts{Name: p.name, Ports: ports.NewSet(rs...)})
	}
	_, diags := rules.LoadGroup(spec, rules.Env{HomeNet: []netip.Prefix{home}})
	out := map[int]string{}
	for _, d := range diags {
		if d.Severity != hcl.DiagError || d.Subject == nil || d.Subject.Filename != "et-open.rules" {
			continue // the group's own errors (its size) are not a rule's
		}
		line := d.Subject.Start.Line - 1
		if _, seen := out[line]; !seen {
			out[line] = strings.ToLower(d.Summary)
		}
	}
	return out
}

// ETOpenCorpus is where the ET Open rules lie relative to the directory
// that holds the repository: ../shared beside a clone.
const ETOpenCorpus = "shared/corpora/et-open-2024-04/rules"

// LocateETOpen returns the ET Open rules directory beside the repository
// that holds dir (the nearest directory upward with a go.mod): ROOT/../
// ETOpenCorpus for a clone, or ROOT/../../ETOpenCorpus for a git worktree
// under a sibling directory. It returns "" when neither holds *.rules
// files, so benchmarks and tests skip.
func LocateETOpen(dir string) string {
	root, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(root)
		if parent == root {
			return ""
		}
		root = parent
	}
	for _, up := range []string{"..", filepath.Join("..", "..")} {
		d := filepath.Join(root, up, filepath.FromSlash(ETOpenCorpus))
		if m, _ := filepath.Glob(filepath.Join(d, "*.rules")); len(m) > 0 {
			return d
		}
	}
	return ""
}
