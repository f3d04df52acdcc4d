package logcheck

import (
	"cmp"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/internal/par"
	"github.com/vpcreach/vpcreach/logs"
	"github.com/vpcreach/vpcreach/rules"
	"github.com/vpcreach/vpcreach/topology"
)

// Explain holds every class of c against n: each alert class is joined to
// the model's rule with its sid and to the model's answer for the flow at
// the logged firewall; each flow class gets the model's verdict. Both are
// checked for routing: the model must route the flow through an endpoint
// of the logged firewall in the logged AZ. Classes explained alike are
// grouped (with their first classes as examples), so the report's size
// does not grow with the logs. Classes are evaluated concurrently, in
// chunks; one path analysis answers the routing of every flow whose ends
// fall in the same address classes (analyzer.AddressClasses).
func Explain(n *analyzer.Network, c *logs.Classifier, in logs.Input) *ExplainReport {
	ex := &explainer{n: n, routes: newRoutes(n)}
	set := c.Classes()
	na, nf := set.Len()
	r := &ExplainReport{SchemaVersion: logs.SchemaVersion, Input: in, Summary: DriftSummary{AlertClasses: na, FlowClasses: nf}}
	g := newGrouper(&r.Summary)
	inChunks(set.Alerts(), ex.alert, g.addAlert)
	inChunks(set.Flows(), ex.flow, g.addFlow)
	r.Alerts, r.Flows = g.result()
	r.Summary.ByKind = g.kinds()
	return r
}

// explained is one class held against the model.
type explained struct {
	class  Class
	sid    int64
	action string
	sig    string
	rule   *analyzer.FirewallRuleInfo
	model  ModelAnswer
	status string
	drift  []Drift
	reason string
}

// chunk is how many classes are evaluated between two folds.
const chunk = 4096

// inChunks evaluates f on the classes concurrently, a chunk at a time,
// and hands the results to fold in order.
func inChunks[K any](classes iter.Seq2[K, *logs.ClassStats], f func(K, *logs.ClassStats) explained, fold func(explained)) {
	type item struct {
		k  K
		cs *logs.ClassStats
	}
	items := make([]item, 0, chunk)
	out := make([]explained, chunk)
	flush := func() {
		par.Do(len(items), func(i int) { out[i] = f(items[i].k, items[i].cs) })
		for i := range items {
			fold(out[i])
			out[i] = explained{}
		}
		items = items[:0]
	}
	for k, cs := range classes {
		if items = append(items, item{k, cs}); len(items) == chunk {
			flush()
		}
	}
	flush()
}

type explainer struct {
	n      *analyzer.Network
	routes *routes
	infos  infoCache
}

func statusRank(s string) int {
	switch s {
	case StatusDrift:
		return 0
	case StatusAmbiguous:
		return 1
	case StatusObserved:
		return 2
	}
	return 3
}

// alert explains one alert class.
func (x *explainer) alert(k logs.AlertKey, cs *logs.ClassStats) explained {
	e := explained{class: newClass(k.FlowKey, cs), sid: k.SID, action: k.Action, sig: k.Signature}
	fw := x.n.FirewallNamed(k.Firewall)
	if fw == nil {
		e.drift = []Drift{{Kind: DriftFirewall, Message: fmt.Sprintf(
			"the model has no network_firewall %q: the logs come from a firewall the model does not describe", k.Firewall)}}
		e.status = StatusDrift
		return e
	}
	e.model.Firewall = fw.Addr()
	routeDrift, vis := x.routing(fw, k.FlowKey, cs, &e.model)
	res, why := x.evaluate(fw, k.FlowKey, cs, vis, &e.model)
	if why != "" {
		e.status, e.reason = StatusAmbiguous, why
		return e
	}
	rule := x.n.RuleBySID(fw, k.SID)
	if rule != nil {
		e.rule = x.infos.rule(x.n, fw, rule)
	}
	e.drift, e.reason = judgeAlert(fw, k, rule, res)
	e.drift = append(e.drift, routeDrift...)
	e.status = status(e.drift, e.reason)
	return e
}

// flow gives one flow class the model's verdict.
func (x *explainer) flow(k logs.FlowKey, cs *logs.ClassStats) explained {
	e := explained{class: newClass(k, cs), status: StatusObserved}
	fw := x.n.FirewallNamed(k.Firewall)
	if fw == nil {
		e.drift = []Drift{{Kind: DriftFirewall, Message: fmt.Sprintf("the model has no network_firewall %q", k.Firewall)}}
		e.status = StatusDrift
		return e
	}
	e.model.Firewall = fw.Addr()
	routeDrift, vis := x.routing(fw, k, cs, &e.model)
	if _, why := x.evaluate(fw, k, cs, vis, &e.model); why != "" {
		e.status, e.reason = StatusAmbiguous, why
		return e
	}
	e.drift = routeDrift
	if len(e.drift) > 0 {
		e.status = StatusDrift
	}
	return e
}

func unsupported(proto string) string {
	return fmt.Sprintf("protocol %q is not one the model evaluates (tcp, udp, icmp)", proto)
}

func status(d []Drift, reason string) string {
	switch {
	case len(d) > 0:
		return StatusDrift
	case reason != "":
		return StatusAmbiguous
	}
	return StatusAgrees
}

// evaluate runs fw's policy on the class, as an endpoint that sees vis of
// it, and fills the model's verdict. It returns why it could not ("" when
// it could).
func (x *explainer) evaluate(fw *topology.Firewall, k logs.FlowKey, cs *logs.ClassStats, vis rules.Visibility, m *ModelAnswer) (rules.Result, string) {
	f, ok := flow(k, cs.ClientPort)
	if !ok {
		return rules.Result{}, unsupported(k.Proto)
	}
	f.Visibility = vis
	res, ok := x.n.EvaluateAtFirewall(fw, f)
	if !ok {
		return rules.Result{}, fmt.Sprintf("%s has no compiled policy in the model", fw.Addr())
	}
	m.Verdict = res.Verdict.String()
	if pr, ok := decisive(res); ok {
		m.DecidedBy = x.infos.decision(x.n, fw, pr)
	}
	return res, ""
}

// decisive is the phase that characterises a result: its first dropped
// phase, else its first ambiguous one, else its last.
func decisive(res rules.Result) (rules.PhaseResult, bool) {
	for _, want := range []rules.Outcome{rules.Drop, rules.Ambiguous} {
		for _, p := range res.Phases {
			if p.Outcome == want {
				return p, true
			}
		}
	}
	if n := len(res.Phases); n > 0 {
		return res.Phases[n-1], true
	}
	return rules.PhaseResult{}, false
}

// routing checks that the model routes the class through fw in the
// logged AZ, and returns which directions of the flow the model routes
// through that endpoint (both when it routes none there: the verdict is
// then the policy's on a flow it would see whole).
func (x *explainer) routing(fw *topology.Firewall, k logs.FlowKey, cs *logs.ClassStats, m *ModelAnswer) ([]Drift, rules.Visibility) {
	q, ok := query(k, cs.ClientPort)
	if !ok {
		return nil, rules.SeesBoth
	}
	rt := x.routes.get(k, q)
	if rt.err != nil {
		return []Drift{{Kind: DriftRouting, Message: fmt.Sprintf(
			"the model cannot place this flow (%v), yet %s logged it in %s", rt.err, k.Firewall, k.AZ)}}, rules.SeesBoth
	}
	m.Endpoints = endpoints(rt.crossings)
	var fwd, ret bool
	for _, c := range rt.crossings {
		if c.Endpoint.Firewall == fw && (k.AZ == "" || c.Endpoint.Subnet.AZ == k.AZ) {
			fwd, ret = fwd || c.Direction == "forward", ret || c.Direction == "return"
		}
	}
	switch {
	case fwd && ret:
		return nil, rules.SeesBoth
	case fwd:
		return nil, rules.SeesClientOnly
	case ret:
		return nil, rules.SeesServerOnly
	}
	where := "through no firewall endpoint"
	if len(m.Endpoints) > 0 {
		where = "through " + strings.Join(m.Endpoints, ", ")
	}
	return []Drift{{Kind: DriftRouting, Location: rt.first, Message: fmt.Sprintf(
		"%s logged this flow in %s, but the model routes it %s", k.Firewall, k.AZ, where)}}, rules.SeesBoth
}

// firstRoute locates the first route the forward path takes: where
// routing that differs from the logs begins.
func firstRoute(a *analyzer.Analysis) *Location {
	for _, h := range a.ForwardPath {
		if h.Route != nil && h.Route.Location != "" {
			return parseLocation(h.Route.Location)
		}
	}
	return nil
}

func sortedKeys[K comparable, V any](m map[K]V, c func(a, b K) int) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, c)
	return keys
}

func compareFlowKeys(a, b logs.FlowKey) int {
	return cmp.Or(strings.Compare(a.Firewall, b.Firewall), strings.Compare(a.AZ, b.AZ), a.Client.Compare(b.Client),
		a.Server.Compare(b.Server), cmp.Compare(a.Port, b.Port), strings.Compare(a.Proto, b.Proto),
		strings.Compare(a.App, b.App), strings.Compare(a.SNI, b.SNI), strings.Compare(a.HTTPHost, b.HTTPHost))
}
