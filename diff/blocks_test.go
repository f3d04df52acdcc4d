package diff

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vpcreach/vpcreach/topology"
)

const blocksBase = `locals {
  cidr = "10.0.0.0/16"
}

vpc "a" {
  cidr_blocks = [local.cidr]
}

subnet "s1" {
  vpc               = vpc.a
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
}

rule_group "g" {
  rules_file = "g.rules"
}
`

const blocksRules = "pass tcp any any -> any 443 (sid:1;)\n"

func loadTopo(t *testing.T, hcl, rules string) *topology.Topology {
	t.Helper()
	fsys := fstest.MapFS{"t/main.hcl": {Data: []byte(hcl)}, "t/g.rules": {Data: []byte(rules)}}
	topo, diags := topology.LoadFS(fsys, "t")
	if diags.HasErrors() {
		t.Fatalf("%s\n%s", diags.Error(), hcl)
	}
	return topo
}

func TestChangedBlocks(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		hcl, rules string
		want       string // "change addr line" entries, "; "-joined
	}{
		{"identical", blocksBase, blocksRules, ""},
		{"layout and comments only", strings.ReplaceAll(strings.ReplaceAll(blocksBase, "  vpc               = vpc.a", "  # the VPC\n  vpc = vpc.a"),
			"\n\n", "\n\n\n"), blocksRules, ""},
		{"attribute changed", strings.Replace(blocksBase, "10.0.1.0/24", "10.0.2.0/24", 1), blocksRules, "modified subnet.s1 9"},
		{"local changed", strings.Replace(blocksBase, "10.0.0.0/16", "10.0.0.0/17", 1), blocksRules, "modified local.cidr 2"},
		{"rules file changed", blocksBase, "pass tcp any any -> any 80 (sid:1;)\n", "modified rule_group.g 15"},
		{"block added", blocksBase + "\nsubnet \"s2\" {\n  vpc = vpc.a\n  cidr_block = \"10.0.9.0/24\"\n  availability_zone = \"us-east-1b\"\n}\n",
			blocksRules, "added subnet.s2 19"},
		{"block removed", strings.Replace(blocksBase, "rule_group \"g\" {\n  rules_file = \"g.rules\"\n}\n", "", 1), blocksRules,
			"removed rule_group.g 15"},
	}
	before := loadTopo(t, blocksBase, blocksRules)
	for _, tt := range tests {
		after := loadTopo(t, tt.hcl, tt.rules)
		var got []string
		for _, b := range ChangedBlocks(before, after) {
			r := b.Range()
			got = append(got, b.Change+" "+b.Addr+" "+strconv.Itoa(r.Start.Line))
			if r.Filename != "t/main.hcl" {
				t.Errorf("%s: %s located in %q", tt.name, b.Addr, r.Filename)
			}
		}
		if g := strings.Join(got, "; "); g != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, g, tt.want)
		}
	}
}

func TestCompareStopsWithContext(t *testing.T) {
	t.Parallel()
	src := `vpc "a" {
  cidr_blocks = ["10.0.0.0/16"]
}
subnet "s1" {
  vpc               = vpc.a
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
}
subnet "s2" {
  vpc               = vpc.a
  cidr_block        = "10.0.2.0/24"
  availability_zone = "us-east-1a"
}
`
	n := compile(t, src)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Compare(ctx, n, n, Query{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	rep, err := Compare(context.Background(), n, n, Query{})
	if err != nil {
		t.Fatal(err)
	}
	// s1, s2 and the internet: 6 ordered pairs, 3 protocols each.
	if rep.Pairs != 18 || len(rep.Changes) != 0 || len(rep.Blocks) != 0 {
		t.Fatalf("got %d pairs, %d changes, %d blocks; want 18, 0, 0", rep.Pairs, len(rep.Changes), len(rep.Blocks))
	}
}
