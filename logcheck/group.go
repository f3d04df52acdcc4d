package logcheck

import (
	"cmp"
	"slices"
	"strings"

	"github.com/vpcreach/vpcreach/analyzer"
)

// groupKey is what makes two explained classes alike.
type groupKey struct {
	firewall, az      string
	sid               int64
	action, signature string
	rule              *analyzer.FirewallRuleInfo
	verdict           string
	decider           *analyzer.FirewallRuleInfo // shared by infoCache
	endpoints         string
	status, reason    string
	drift             string
}

func keyOf(e explained) groupKey {
	var drift strings.Builder
	for _, d := range e.drift {
		drift.WriteString(d.Kind + "\x00" + d.Message + "\x00")
	}
	return groupKey{e.class.Firewall, e.class.AvailabilityZone, e.sid, e.action, e.sig, e.rule, e.model.Verdict,
		e.model.DecidedBy, strings.Join(e.model.Endpoints, "\x00"), e.status, e.reason, drift.String()}
}

// grouper folds explained classes into groups and counts them.
type grouper struct {
	sum    *DriftSummary
	alerts map[groupKey]*AlertGroup
	flows  map[groupKey]*FlowGroup
	byKind map[string]*KindCount
}

func newGrouper(sum *DriftSummary) *grouper {
	return &grouper{sum: sum, alerts: map[groupKey]*AlertGroup{}, flows: map[groupKey]*FlowGroup{}, byKind: map[string]*KindCount{}}
}

func (g *grouper) addAlert(e explained) {
	k := keyOf(e)
	ag := g.alerts[k]
	if ag == nil {
		ag = &AlertGroup{SID: e.sid, Action: e.action, Signature: e.sig, Rule: e.rule, Group: newGroup(e)}
		g.alerts[k] = ag
	}
	ag.add(e.class)
	g.count(e)
}

func (g *grouper) addFlow(e explained) {
	k := keyOf(e)
	fg := g.flows[k]
	if fg == nil {
		fg = &FlowGroup{Group: newGroup(e)}
		g.flows[k] = fg
	}
	fg.add(e.class)
	g.count(e)
}

func newGroup(e explained) Group {
	return Group{Firewall: e.class.Firewall, AvailabilityZone: e.class.AvailabilityZone, Model: e.model,
		Status: e.status, Drift: e.drift, Reason: e.reason}
}

// count adds e to the summary.
func (g *grouper) count(e explained) {
	switch e.status {
	case StatusAgrees:
		g.sum.Agrees++
	case StatusDrift:
		g.sum.Drifted++
	case StatusAmbiguous:
		g.sum.Ambiguous++
	}
	seen := map[string]bool{}
	for _, d := range e.drift {
		if seen[d.Kind] {
			continue
		}
		seen[d.Kind] = true
		kc := g.byKind[d.Kind]
		if kc == nil {
			kc = &KindCount{Kind: d.Kind}
			g.byKind[d.Kind] = kc
		}
		kc.Classes++
		kc.Events += e.class.Events
	}
}

// result returns the groups: drift first, then ambiguous, observed and
// agreeing ones, each by events (most first), then by first example.
func (g *grouper) result() ([]AlertGroup, []FlowGroup) {
	alerts := make([]AlertGroup, 0, len(g.alerts))
	for _, a := range g.alerts {
		alerts = append(alerts, *a)
	}
	flows := make([]FlowGroup, 0, len(g.flows))
	for _, f := range g.flows {
		flows = append(flows, *f)
	}
	slices.SortFunc(alerts, func(a, b AlertGroup) int {
		return cmp.Or(compareGroups(&a.Group, &b.Group), cmp.Compare(a.SID, b.SID), strings.Compare(a.Action, b.Action),
			strings.Compare(a.Signature, b.Signature))
	})
	slices.SortFunc(flows, func(a, b FlowGroup) int { return compareGroups(&a.Group, &b.Group) })
	return alerts, flows
}

func compareGroups(a, b *Group) int {
	return cmp.Or(cmp.Compare(statusRank(a.Status), statusRank(b.Status)), cmp.Compare(b.Events, a.Events),
		compareClasses(a.Examples[0], b.Examples[0]), strings.Compare(a.Reason, b.Reason))
}

func compareClasses(a, b Class) int {
	return cmp.Or(strings.Compare(a.Firewall, b.Firewall), strings.Compare(a.AvailabilityZone, b.AvailabilityZone),
		strings.Compare(a.Client, b.Client), strings.Compare(a.Server, b.Server), cmp.Compare(a.Port, b.Port),
		strings.Compare(a.Protocol, b.Protocol), strings.Compare(a.AppProtocol, b.AppProtocol),
		strings.Compare(a.SNI, b.SNI), strings.Compare(a.HTTPHost, b.HTTPHost))
}

func (g *grouper) kinds() []KindCount {
	var out []KindCount
	for _, k := range DriftKinds {
		if kc := g.byKind[k]; kc != nil {
			out = append(out, *kc)
		}
	}
	return out
}
