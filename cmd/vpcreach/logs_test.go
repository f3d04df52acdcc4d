package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const exampleLogs = examplesDir + "/egress-inspection/logs/AWSLogs"

// TestLogsExplainSARIF validates `logs explain --format sarif` against the
// SARIF 2.1.0 schema and requires the example's drift in it, at the policy.
func TestLogsExplainSARIF(t *testing.T) {
	t.Parallel()
	var out, errb bytes.Buffer
	code := newCLI(&out, &errb).run([]string{"logs", "explain", "-t", examplesDir + "/egress-inspection", exampleLogs, "--format", "sarif"})
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	validateSARIFFile(t, out.Bytes())
	if !strings.Contains(out.String(), `"ruleId": "sid_not_in_model"`) || !strings.Contains(out.String(), "firewall.hcl") {
		t.Errorf("no sid_not_in_model result located in firewall.hcl:\n%s", out.String())
	}
}

// TestLogsErrors covers bad usage and bad input: exit 1 with a diagnostic,
// malformed lines reported as FILE:LINE:COL with the text quoted.
func TestLogsErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.log")
	if err := os.WriteFile(bad, []byte("not json\n{\"event\":{\"src_ip\":\"x\x01\"}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mixed := filepath.Join(dir, "mixed.log")
	good, err := os.ReadFile(filepath.Join(exampleLogs, "123456789012/network-firewall/flow/us-east-1/fw/2025/12/02/09/123456789012_network-firewall_fw_202512020900_flow.log"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mixed, append(good, "{\"event\":{\"src_port\":99999}}\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		stdout string
		stderr []string
	}{
		{"bad since", []string{"logs", "summary", "--since", "yesterday", bad}, "", exitError, "", []string{`--since "yesterday"`}},
		{"since after until", []string{"logs", "summary", "--since", "2025-12-03", "--until", "2025-12-02", bad}, "", exitError, "", []string{"is not before"}},
		{"bad format", []string{"logs", "replay", "-t", "x", "--format", "sarif", bad}, "", exitError, "", []string{"--format"}},
		{"nothing parses", []string{"logs", "summary", bad}, "", exitError, "", []string{
			bad + ":1:1: malformed log line: not a JSON object", `"not json"`,
			bad + ":2:", `\x01`, "no line of the input is a Network Firewall log record (2 malformed lines)"}},
		{"some malformed", []string{"logs", "summary", mixed}, "", exitOK, "1 malformed lines skipped", []string{
			mixed + ":21:", "port outside 0-65535"}},
		{"missing file", []string{"logs", "summary", filepath.Join(dir, "nope")}, "", exitError, "", []string{"no such file"}},
		{"explain without topology reads the current directory", []string{"logs", "explain", bad}, "", exitError, "", []string{"The directory . holds no *.hcl file"}},
		{"stdin", []string{"logs", "summary", "--format", "json"}, string(good), exitOK, `"events": 20`, nil},
		{"filtered out", []string{"logs", "summary", "--firewall", "other", mixed}, "", exitOK, "20 events filtered out", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var out, errb bytes.Buffer
			c := newCLI(&out, &errb)
			c.stdin = strings.NewReader(tt.stdin)
			code := c.run(tt.args)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, errb.String())
			}
			if !strings.Contains(out.String(), tt.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdout, out.String())
			}
			for _, s := range tt.stderr {
				if !strings.Contains(errb.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, errb.String())
				}
			}
		})
	}
}
