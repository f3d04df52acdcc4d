package diff

import (
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/ports"
)

func TestClassify(t *testing.T) {
	t.Parallel()
	const (
		R  = analyzer.Reachable
		N  = analyzer.NotReachable
		A  = analyzer.Ambiguous
		NA = analyzer.NotApplicable
	)
	fw := []string{"network_firewall.fw at firewall_endpoint.a (az-a)"}
	fwB := []string{"network_firewall.fw at firewall_endpoint.b (az-b)"}
	other := []string{"network_firewall.other at firewall_endpoint.o (az-a)"}
	tests := []struct {
		name string
		b, a Side
		want Kind // "" for no change
	}{
		{"blocked to reachable", Side{Verdict: N, DecidedBy: "X"}, Side{Verdict: R}, NewlyAllowed},
		{"ambiguous to reachable", Side{Verdict: A}, Side{Verdict: R}, NewlyAllowed},
		{"absent to reachable", Side{Verdict: NA, DecidedBy: "no such pair"}, Side{Verdict: R}, NewlyAllowed},
		{"reachable to blocked", Side{Verdict: R}, Side{Verdict: N}, NewlyBlocked},
		{"ambiguous to blocked", Side{Verdict: A}, Side{Verdict: N}, NewlyBlocked},
		{"reachable to absent", Side{Verdict: R}, Side{Verdict: NA}, NewlyBlocked},
		{"reachable to ambiguous", Side{Verdict: R}, Side{Verdict: A}, NewlyAmbiguous},
		{"blocked to ambiguous", Side{Verdict: N}, Side{Verdict: A}, NewlyAmbiguous},
		{"absent to blocked", Side{Verdict: NA, DecidedBy: "x"}, Side{Verdict: N, DecidedBy: "y"}, ""},
		{"absent to refused", Side{Verdict: NA, DecidedBy: "x"}, Side{Verdict: NA, DecidedBy: "y"}, ""},
		{"blocked elsewhere", Side{Verdict: N, DecidedBy: "X at a"}, Side{Verdict: N, DecidedBy: "Y at b"}, DeciderChanged},
		{"blocked, other path", Side{Verdict: N, DecidedBy: "X", Path: "a"}, Side{Verdict: N, DecidedBy: "X", Path: "b"}, ""},
		{"now uninspected", Side{Verdict: R, Firewalls: fw}, Side{Verdict: R}, NowUninspected},
		{"ambiguous now uninspected", Side{Verdict: A, Firewalls: fw}, Side{Verdict: A}, NowUninspected},
		{"newly inspected", Side{Verdict: R}, Side{Verdict: R, Firewalls: fw}, FirewallChanged},
		{"another firewall", Side{Verdict: R, Firewalls: fw}, Side{Verdict: R, Firewalls: other}, FirewallChanged},
		{"another AZ", Side{Verdict: R, Firewalls: fw}, Side{Verdict: R, Firewalls: fwB}, FirewallChanged},
		{"allowed by another rule", Side{Verdict: R, DecidedBy: "sid 1"}, Side{Verdict: R, DecidedBy: "sid 2"}, DeciderChanged},
		{"other path", Side{Verdict: R, Path: "a->b"}, Side{Verdict: R, Path: "a->c->b"}, PathChanged},
		{"same", Side{Verdict: R, DecidedBy: "s", Firewalls: fw, Path: "p"}, Side{Verdict: R, DecidedBy: "s", Firewalls: fw, Path: "p"}, ""},
	}
	for _, tt := range tests {
		got, detail, ok := classify(tt.b, tt.a)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("%s: got %q (%v), want %q", tt.name, got, ok, tt.want)
		}
		if ok && detail == "" {
			t.Errorf("%s: no detail", tt.name)
		}
	}
	if len(tests) < 20 {
		t.Fatalf("only %d cases", len(tests))
	}
}

func TestOverlay(t *testing.T) {
	t.Parallel()
	seg := func(lo, hi uint16, v analyzer.Verdict) segment {
		return segment{lo: lo, hi: hi, side: Side{Verdict: v}}
	}
	bs := []segment{seg(0, 99, "b1"), seg(100, 65535, "b2")}
	as := []segment{seg(0, 49, "a1"), seg(50, 199, "a2"), seg(200, 65535, "a3")}
	var got []string
	overlay(bs, as, func(lo, hi uint16, b, a segment) {
		got = append(got, string(b.side.Verdict)+"/"+string(a.side.Verdict)+":"+portsText(lo, hi))
	})
	want := []string{"b1/a1:0-49", "b1/a2:50-99", "b2/a2:100-199", "b2/a3:200-65535"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("segment %d: got %s, want %s", i, got[i], want[i])
		}
	}
}

func portsText(lo, hi uint16) string { return ports.Range{Lo: lo, Hi: hi}.String() }

func TestFillGaps(t *testing.T) {
	t.Parallel()
	seg := func(lo, hi uint16, v analyzer.Verdict) segment {
		return segment{lo: lo, hi: hi, side: Side{Verdict: v}}
	}
	tests := []struct {
		name string
		in   []segment
		want string
	}{
		{"complete", []segment{seg(0, 9, "R"), seg(10, 65535, "N")}, "0-9 R, 10-65535 N"},
		{"gap", []segment{seg(0, 9, "R"), seg(20, 65535, "N")}, "0-9 R, 10-19 AMBIGUOUS, 20-65535 N"},
		{"overlap", []segment{seg(0, 30, "R"), seg(20, 65535, "N")}, "0-30 R, 31-65535 N"},
		{"short", []segment{seg(5, 9, "R")}, "0-4 AMBIGUOUS, 5-9 R, 10-65535 AMBIGUOUS"},
		{"none", nil, "0-65535 AMBIGUOUS"},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range fillGaps(tt.in, 0, 65535) {
			got = append(got, portsText(s.lo, s.hi)+" "+string(s.side.Verdict))
		}
		if g := strings.Join(got, ", "); g != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, g, tt.want)
		}
	}
}
