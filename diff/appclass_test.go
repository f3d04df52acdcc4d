package diff

import (
	"context"
	"slices"
	"testing"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/topology"
)

func loadDir(t *testing.T, dir string) *analyzer.Network {
	t.Helper()
	topo, diags := topology.Load(dir)
	if diags.HasErrors() {
		t.Fatalf("%s: %s", dir, diags.Error())
	}
	n, diags := analyzer.Compile(topo)
	if diags.HasErrors() {
		t.Fatalf("%s: %s", dir, diags.Error())
	}
	return n
}

// TestServerNames compares the tightened allow list without a server
// name: the names of both versions' domain lists are compared as classes,
// and each class change agrees with AnalyzePath given that name.
func TestServerNames(t *testing.T) {
	t.Parallel()
	before := loadDir(t, "../examples/diff-egress-allowlist/before")
	after := loadDir(t, "../examples/diff-egress-allowlist/after")
	names, truncated := serverNames(before.Topology(), after.Topology())
	if want := []string{"api.example.com", "github.com", "www.amazonaws.com", "www.example.net", UnlistedServerName}; !slices.Equal(names, want) || truncated != 0 {
		t.Fatalf("server names %v (%d left out), want %v", names, truncated, want)
	}
	rep, err := Compare(context.Background(), before, after, Query{By: analyzer.MatrixByInstance, To: analyzer.MatrixInternet})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range rep.Changes {
		got = append(got, c.From+" "+c.Protocol+" "+c.Ports.String()+" "+c.ServerName+" "+string(c.Kind))
		if c.ServerName == "" {
			continue
		}
		// The reference: each side answered at the change's first port
		// with the name stated.
		port := c.Ports.Ranges()[0].Lo
		side := func(n *analyzer.Network) Side {
			a, err := n.AnalyzePath(analyzer.Query{From: c.From, To: n.InternetAddr().String(), Port: port, HasPort: true,
				SNI: c.ServerName, HTTPHost: c.ServerName})
			if err != nil {
				t.Fatal(err)
			}
			s, _ := sideOf(n, &a.Answer)
			return s
		}
		if k, _, _ := classify(side(before), side(after)); k != c.Kind {
			t.Errorf("%s to %s port %d: diff says %s, AnalyzePath %s", c.From, c.ServerName, port, c.Kind, k)
		}
	}
	want := []string{"instance.web_a tcp 443 github.com newly-blocked", "instance.web_b tcp 443 github.com newly-blocked"}
	if !slices.Equal(got, want) {
		t.Errorf("changes %q, want %q", got, want)
	}
	// With a name stated, no class is added.
	rep, err = Compare(context.Background(), before, after, Query{By: analyzer.MatrixByInstance, To: analyzer.MatrixInternet,
		SNI: "www.amazonaws.com"})
	if err != nil || len(rep.Changes) != 0 {
		t.Errorf("with --sni www.amazonaws.com: %v, %d changes; want none", err, len(rep.Changes))
	}
}
