package logcheck

import (
	"net/netip"
	"testing"
	"time"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/logs"
	"github.com/vpcreach/vpcreach/topology"
)

func loadNet(t testing.TB, dir string) *analyzer.Network {
	t.Helper()
	topo, diags := topology.Load(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	n, diags := analyzer.Compile(topo)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return n
}

// ev is a logged event at firewall fw.
type ev struct {
	fw, az, typ       string
	src, dst          string
	sport, dport      uint16
	proto, app, sni   string
	action, signature string
	sid               int64
}

func (e ev) event(id int64) *logs.Event {
	out := &logs.Event{Firewall: e.fw, AZ: e.az, Type: e.typ, FlowID: id, Src: netip.MustParseAddr(e.src),
		Dst: netip.MustParseAddr(e.dst), SrcPort: e.sport, DstPort: e.dport, Proto: e.proto, AppProto: e.app,
		SNI: e.sni, Time: time.Date(2025, 12, 2, 9, 0, 0, 0, time.UTC)}
	if e.typ == logs.TypeAlert {
		out.Alert = &logs.Alert{Action: e.action, SID: e.sid, Signature: e.signature}
	}
	return out
}

func alert(az, src, dst string, dport uint16, proto, app, sni, action string, sid int64, sig string) ev {
	return ev{fw: "fw", az: az, typ: logs.TypeAlert, src: src, dst: dst, sport: 50000, dport: dport, proto: proto,
		app: app, sni: sni, action: action, sid: sid, signature: sig}
}

// TestExplainDriftKinds holds one alert of each kind against the egress
// example and checks the status and drift kinds.
func TestExplainDriftKinds(t *testing.T) {
	t.Parallel()
	n := loadNet(t, "../examples/egress-inspection")
	const a, b = "us-east-1a", "us-east-1b"
	tests := []struct {
		name   string
		e      ev
		status string
		kinds  []string
	}{
		{"rule blocks as modelled", alert(a, "10.1.10.10", "198.51.100.20", 22, "TCP", "", "", "blocked", 2000001, "Block outbound SSH"), StatusAgrees, nil},
		{"alert rule alerts", alert(b, "10.1.11.10", "198.51.100.50", 443, "TCP", "tls", "cdn.example.net", "allowed", 2000002, "TLS to example.net"), StatusAgrees, nil},
		{"sid unknown", alert(a, "10.1.10.10", "192.0.2.80", 443, "TCP", "tls", "partner.example.com", "blocked", 2000010, "Block partner"), StatusDrift, []string{DriftSID}},
		{"model passes what was blocked", alert(a, "10.1.10.10", "198.51.100.123", 123, "UDP", "", "", "blocked", 3000001, "Allow NTP"), StatusDrift, []string{DriftAction}},
		{"deployed rule only alerts", alert(a, "10.1.10.10", "198.51.100.20", 22, "TCP", "", "", "allowed", 2000001, "Block outbound SSH"), StatusDrift, []string{DriftAction}},
		{"another rule decides first", alert(a, "10.1.10.10", "93.184.216.34", 80, "TCP", "http", "", "blocked", 2000001, "Block outbound SSH"), StatusDrift, []string{DriftDecider}},
		{"logged in the other AZ", alert(b, "10.1.10.10", "198.51.100.20", 22, "TCP", "", "", "blocked", 2000001, "Block outbound SSH"), StatusDrift, []string{DriftRouting}},
		{"unknown firewall", ev{fw: "prod", az: a, typ: logs.TypeAlert, src: "10.1.10.10", dst: "198.51.100.20", sport: 1, dport: 22, proto: "TCP", action: "blocked", sid: 2000001}, StatusDrift, []string{DriftFirewall}},
		{"default action the policy has", alert(a, "10.1.10.10", "93.184.216.34", 443, "TCP", "tls", "www.example.org", "blocked", 2100000002, "aws:drop_established"), StatusAgrees, nil},
		{"default action the policy lacks", alert(a, "10.1.10.10", "93.184.216.34", 443, "TCP", "tls", "www.example.org", "blocked", 2100000001, "aws:drop_strict"), StatusDrift, []string{DriftAction}},
		{"SNI not logged", alert(a, "10.1.10.10", "93.184.216.34", 443, "TCP", "tls", "", "blocked", 2100000002, "aws:drop_established"), StatusAmbiguous, nil},
		{"protocol not modelled", alert(a, "10.1.10.10", "93.184.216.34", 0, "GRE", "", "", "blocked", 2000001, "x"), StatusAmbiguous, nil},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := logs.NewClassifier(logs.Filter{})
			c.Add(tt.e.event(int64(i + 1)))
			r := Explain(n, c, logs.Input{})
			if len(r.Alerts) != 1 || len(r.Flows) != 1 {
				t.Fatalf("%d alert classes and %d flow classes, want 1 and 1", len(r.Alerts), len(r.Flows))
			}
			got := r.Alerts[0]
			var kinds []string
			for _, d := range got.Drift {
				kinds = append(kinds, d.Kind)
			}
			if got.Status != tt.status || len(kinds) != len(tt.kinds) || len(kinds) > 0 && kinds[0] != tt.kinds[0] {
				t.Errorf("status %s, drift %v (reason %q); want %s, %v\n%+v", got.Status, kinds, got.Reason, tt.status, tt.kinds, got.Drift)
			}
		})
	}
}

// TestReplayOutcomes replays logged flows against the example's proposed
// change: the NTP flow that passed is now blocked, the partner flow that
// was blocked now passes, SSH stays blocked.
func TestReplayOutcomes(t *testing.T) {
	t.Parallel()
	n := loadNet(t, "../examples/egress-inspection/logs/proposed")
	c := logs.NewClassifier(logs.Filter{})
	events := []ev{
		{fw: "fw", az: "us-east-1a", typ: logs.TypeNetflow, src: "10.1.10.10", dst: "198.51.100.123", sport: 50001, dport: 123, proto: "UDP"},
		{fw: "fw", az: "us-east-1a", typ: logs.TypeNetflow, src: "198.51.100.123", dst: "10.1.10.10", sport: 123, dport: 50001, proto: "UDP"},
		alert("us-east-1b", "10.1.11.10", "192.0.2.80", 443, "TCP", "tls", "partner.example.com", "blocked", 2000010, "Block partner"),
		alert("us-east-1a", "10.1.10.10", "198.51.100.20", 22, "TCP", "", "", "blocked", 2000001, "Block outbound SSH"),
	}
	for i, e := range events {
		id := int64(i + 1)
		if i == 1 {
			id = 1 // the reply of the first flow
		}
		c.Add(e.event(id))
	}
	r := Replay(n, c, logs.Input{})
	if r.Classes != 3 || r.NowBlocked != 1 || r.NowPasses != 1 || r.Unchanged != 1 || !r.Changed() {
		t.Fatalf("classes %d, now blocked %d, now pass %d, unchanged %d; want 3, 1, 1, 1\n%+v",
			r.Classes, r.NowBlocked, r.NowPasses, r.Unchanged, r.Changes)
	}
	for _, ch := range r.Changes {
		want := map[string]string{"198.51.100.123": NowBlocked, "192.0.2.80": NowPasses}[ch.Server]
		if ch.Outcome != want || ch.Rule == nil && ch.DecidedBy == nil {
			t.Errorf("%s: outcome %s (want %s), decided by %+v", ch.Server, ch.Outcome, want, ch.DecidedBy)
		}
	}
}
