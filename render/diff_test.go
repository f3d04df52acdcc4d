package render

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/diff"
	"github.com/vpcreach/vpcreach/ports"
	"github.com/vpcreach/vpcreach/render/jsonwire"
)

// fixtureDiff is a diff report that uses every field: a narrowed query,
// a block of each kind of change, a change on ports, one on ICMP, one
// against a pair absent before, and one no changed block explains.
func fixtureDiff() *diff.Report {
	port := 443
	rng := func(file string, line int) hcl.Range {
		return hcl.Range{Filename: file, Start: hcl.Pos{Line: line, Column: 1}, End: hcl.Pos{Line: line + 3, Column: 2}}
	}
	fw := []string{"network_firewall.fw at firewall_endpoint.fw_a (us-east-1a)"}
	return &diff.Report{
		Query: diff.QueryInfo{By: "instance", From: "instance.web", To: "internet", Protocols: []string{"tcp", "icmp"},
			DestinationPort: &port, SNI: "github.com", HTTPHost: "github.com"},
		Pairs: 4,
		Notes: []string{"domain lists name more server names than diff compares: 3 left out; compare them with --sni NAME"},
		Blocks: []*diff.BlockChange{
			{Addr: "route_table.app", Change: "modified", Before: rng("before/net.hcl", 10), After: rng("after/net.hcl", 12)},
			{Addr: "rule_group.allow", Change: "removed", Before: rng("before/fw.hcl", 30)},
			{Addr: "vpc_peering.p", Change: "added", After: rng("after/net.hcl", 40)},
		},
		Changes: []*diff.Change{
			{From: "instance.web", To: "internet", Protocol: "tcp", Ports: ports.NewSet(ports.Single(443)), HasPorts: true,
				Kind: diff.NewlyBlocked, ServerName: "github.com", Detail: "REACHABLE before, NOT_REACHABLE after",
				Before: diff.Side{Verdict: analyzer.Reachable, DecidedBy: "stateful pass sid 3 of rule_group.allow at network_firewall.fw",
					Firewalls: fw, Path: "instance.web->firewall_endpoint.fw_a->internet"},
				After: diff.Side{Verdict: analyzer.NotReachable, DecidedBy: "FIREWALL_RULES_RESTRICTION at firewall_endpoint.fw_a",
					Firewalls: fw, Path: "instance.web->firewall_endpoint.fw_a"},
				Causes: []string{"rule_group.allow"}},
			{From: "instance.web", To: "internet", Protocol: "icmp", Kind: diff.NowUninspected,
				Detail: "still REACHABLE, inspected by network_firewall.fw before, by no firewall after",
				Before: diff.Side{Verdict: analyzer.Reachable, Firewalls: fw, Path: "a->b"},
				After:  diff.Side{Verdict: analyzer.Reachable, Path: "a->c"},
				Causes: []string{"route_table.app", "vpc_peering.p"}},
			{From: "instance.new", To: "internet", Protocol: "tcp", Ports: ports.NewSet(ports.Single(443)), HasPorts: true,
				Kind: diff.NewlyAllowed, Detail: "NOT_APPLICABLE before, REACHABLE after",
				Before: diff.Side{Verdict: analyzer.NotApplicable, DecidedBy: "no such pair in this version"},
				After:  diff.Side{Verdict: analyzer.Reachable, Path: "instance.new->internet"}},
		},
	}
}

// TestDiffFormats renders the fixture in every format against testdata
// and validates the SARIF log.
func TestDiffFormats(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		format Format
		name   string
	}{{Table, "diff.txt"}, {JSON, "diff.json"}, {SARIF, "diff.sarif"}} {
		var buf bytes.Buffer
		if err := (Formatter{Format: c.format, ToolVersion: "1.2.3"}).Diff(&buf, fixtureDiff()); err != nil {
			t.Fatal(err)
		}
		golden(t, c.name, buf.Bytes())
		if c.format == SARIF {
			validateSARIF(t, compileSARIFSchema(t), c.name, buf.Bytes())
			var log sarifLog
			if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
				t.Fatal(err)
			}
			run := log.Runs[0]
			if len(run.Results) != 3 || len(run.Tool.Driver.Rules) != len(diff.Kinds()) {
				t.Errorf("%d results, %d rules; want 3, %d", len(run.Results), len(run.Tool.Driver.Rules), len(diff.Kinds()))
			}
			// The ICMP change is located at both of its changed blocks; the
			// last change has no changed block and no location.
			if n := len(run.Results[1].Locations); n != 2 {
				t.Errorf("second result has %d locations, want 2", n)
			}
			if n := len(run.Results[2].Locations); n != 0 {
				t.Errorf("third result has %d locations, want 0", n)
			}
		}
	}
	var buf bytes.Buffer
	if err := (Formatter{Format: Compact}).Diff(&buf, fixtureDiff()); err == nil {
		t.Error("compact diff: no error")
	}
}

// TestDiffWireTypesCoverReport requires every exported field of the diff
// report's types to have a wire field (of the same name, or the one
// named here), so a field added to the report cannot be left out of the
// JSON unnoticed.
func TestDiffWireTypesCoverReport(t *testing.T) {
	t.Parallel()
	renamed := map[string]string{"BlockChange.Addr": "Address", "Change.HasPorts": "Ports"}
	pairs := []struct{ res, wire any }{
		{diff.Report{}, jsonwire.Diff{}}, {diff.QueryInfo{}, jsonwire.DiffQuery{}},
		{diff.BlockChange{}, jsonwire.BlockChange{}}, {diff.Change{}, jsonwire.DiffChange{}},
		{diff.Side{}, jsonwire.DiffSide{}},
	}
	fields := 0
	for _, p := range pairs {
		rt, wt := reflect.TypeOf(p.res), reflect.TypeOf(p.wire)
		for i := range rt.NumField() {
			f := rt.Field(i)
			if !f.IsExported() {
				continue
			}
			fields++
			name := f.Name
			if r, ok := renamed[rt.Name()+"."+f.Name]; ok {
				name = r
			}
			if _, ok := wt.FieldByName(name); !ok {
				t.Errorf("%s.%s has no wire field %s in %s", rt.Name(), f.Name, name, wt.Name())
			}
		}
	}
	if fields < 25 {
		t.Errorf("compared %d fields, want at least 25", fields)
	}
}
