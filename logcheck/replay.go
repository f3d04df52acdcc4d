package logcheck

import (
	"cmp"
	"net/netip"
	"slices"
	"strings"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/internal/par"
	"github.com/vpcreach/vpcreach/logs"
)

// Replay outcomes of a class.
const (
	NowBlocked   = "now_blocked"   // passed in the logs, blocked by the proposed network
	NowPasses    = "now_passes"    // blocked in the logs, passes the proposed network
	Unchanged    = "unchanged"     // the proposed network does what the logs show
	NowAmbiguous = "now_ambiguous" // the proposed network cannot decide
)

// ReplayClass is one observed flow class replayed.
type ReplayClass struct {
	Client      string `json:"client"`
	Server      string `json:"server"`
	Port        int    `json:"port"`
	Protocol    string `json:"protocol"`
	AppProtocol string `json:"app_protocol,omitempty"`
	SNI         string `json:"sni,omitempty"`
	HTTPHost    string `json:"http_host,omitempty"`
	Events      int64  `json:"events"`
	// Flows and BlockedFlows count the class's flows and those with a
	// blocked alert.
	Flows        int64 `json:"flows"`
	BlockedFlows int64 `json:"blocked_flows"`
	// Observed is "blocked" when every flow had a blocked alert, "passed"
	// when none had, "mixed" otherwise.
	Observed string           `json:"observed"`
	Verdict  analyzer.Verdict `json:"verdict,omitempty"`
	Outcome  string           `json:"outcome"`
	// DecidedBy names what decides in the proposed network: the first
	// explanation when blocked, the firewall rule that passes otherwise.
	DecidedBy *analyzer.Finding          `json:"decided_by,omitempty"`
	Rule      *analyzer.FirewallRuleInfo `json:"rule,omitempty"`
	Error     string                     `json:"error,omitempty"`
}

// ReplayReport is the JSON of `vpcreach logs replay`.
type ReplayReport struct {
	SchemaVersion int           `json:"schema_version"`
	Input         logs.Input    `json:"input"`
	Classes       int           `json:"classes"`
	NowBlocked    int           `json:"now_blocked"`
	NowPasses     int           `json:"now_passes"`
	NowAmbiguous  int           `json:"now_ambiguous"`
	Unchanged     int           `json:"unchanged"`
	Changes       []ReplayClass `json:"changes"`
	Ambiguous     []ReplayClass `json:"ambiguous"`
}

// Changed reports whether any observed class changes outcome.
func (r *ReplayReport) Changed() bool { return r.NowBlocked+r.NowPasses > 0 }

// replayKey is an observed class without the firewall that logged it:
// the proposed network decides the path.
type replayKey struct {
	client, server netip.Addr
	port           uint16
	proto, app     string
	sni, host      string
}

type observed struct {
	stats logs.ClassStats
	key   logs.FlowKey
}

// Replay evaluates the distinct observed flows of c against the proposed
// network n. A class is the flows of one client to one server port with
// the same protocol, application protocol and host name (whichever
// firewall logged them). A flow was blocked when a blocked alert was
// logged for any of its packets, and passed otherwise (so replay needs the
// alert logs to know what was blocked). A class changes when the proposed
// network blocks it and some of its flows passed, or passes it and some
// were blocked.
func Replay(n *analyzer.Network, c *logs.Classifier, in logs.Input) *ReplayReport {
	classes := map[replayKey]*observed{}
	for k, cs := range c.FlowClasses().Flows() {
		rk := replayKey{k.Client, k.Server, k.Port, k.Proto, k.App, k.SNI, k.HTTPHost}
		o := classes[rk]
		if o == nil {
			o = &observed{key: k}
			classes[rk] = o
		} else if compareFlowKeys(k, o.key) < 0 {
			o.key = k
		}
		o.stats.Merge(cs)
	}
	keys := sortedKeys(classes, func(a, b replayKey) int {
		return compareFlowKeys(classes[a].key, classes[b].key)
	})
	rp := &replayer{n: n, classes: n.AddressClasses()}
	r := &ReplayReport{SchemaVersion: logs.SchemaVersion, Input: in, Classes: len(keys),
		Changes: []ReplayClass{}, Ambiguous: []ReplayClass{}}
	out := make([]ReplayClass, chunk)
	for lo := 0; lo < len(keys); lo += chunk {
		part := keys[lo:min(lo+chunk, len(keys))]
		par.Do(len(part), func(i int) { out[i] = rp.one(classes[part[i]]) })
		r.fold(out[:len(part)])
		for _, k := range part {
			delete(classes, k)
		}
	}
	byEvents := func(a, b ReplayClass) int {
		return cmp.Or(strings.Compare(a.Outcome, b.Outcome), cmp.Compare(b.Events, a.Events))
	}
	slices.SortStableFunc(r.Changes, byEvents)
	slices.SortStableFunc(r.Ambiguous, byEvents)
	return r
}

// fold counts replayed classes and keeps the changed and ambiguous ones.
func (r *ReplayReport) fold(out []ReplayClass) {
	for _, c := range out {
		switch c.Outcome {
		case NowBlocked:
			r.NowBlocked++
			r.Changes = append(r.Changes, c)
		case NowPasses:
			r.NowPasses++
			r.Changes = append(r.Changes, c)
		case NowAmbiguous:
			r.NowAmbiguous++
			r.Ambiguous = append(r.Ambiguous, c)
		default:
			r.Unchanged++
		}
	}
}

// replayer analyses classes in the proposed network; classes whose ends
// fall in the same address classes, with the same ports and application
// facts, share one analysis.
type replayer struct {
	n       *analyzer.Network
	classes *analyzer.AddressClasses
	memo    memo[verdictKey, pathResult]
}

type verdictKey struct {
	client, server netip.Addr // class starts
	port, cport    uint16
	proto, app     string
	sni, host      string
}

// pathResult is what replay keeps of an analysis.
type pathResult struct {
	verdict   analyzer.Verdict
	decidedBy *analyzer.Finding
	rule      *analyzer.FirewallRuleInfo
	err       error
}

// one analyses one class's full path in the proposed network.
func (rp *replayer) one(o *observed) ReplayClass {
	k := o.key
	st := o.stats
	rc := ReplayClass{Client: k.Client.String(), Server: k.Server.String(), Port: int(k.Port), Protocol: k.Proto,
		AppProtocol: k.App, SNI: k.SNI, HTTPHost: k.HTTPHost, Events: st.Events, Flows: st.Flows, BlockedFlows: st.Blocked}
	switch st.Blocked {
	case 0:
		rc.Observed = "passed"
	case st.Flows:
		rc.Observed = "blocked"
	default:
		rc.Observed = "mixed"
	}
	q, ok := query(k, st.ClientPort)
	if !ok {
		rc.Outcome, rc.Error = NowAmbiguous, unsupported(k.Proto)
		return rc
	}
	vk := verdictKey{rp.classes.Class(k.Client), rp.classes.Class(k.Server), k.Port, q.SourcePort, k.Proto, q.App, k.SNI, k.HTTPHost}
	pr := rp.memo.get(vk, func() pathResult {
		a, err := rp.n.AnalyzePath(q)
		if err != nil {
			return pathResult{err: err}
		}
		r := pathResult{verdict: a.Verdict, rule: forwardFirewallRule(a)}
		if len(a.Explanations) > 0 {
			r.decidedBy, r.rule = a.Explanations[0], a.Explanations[0].FirewallRule
		}
		return r
	})
	if err := pr.err; err != nil {
		rc.Outcome, rc.Error = NowAmbiguous, err.Error()
		return rc
	}
	rc.Verdict, rc.DecidedBy, rc.Rule = pr.verdict, pr.decidedBy, pr.rule
	switch {
	case pr.verdict == analyzer.Ambiguous:
		rc.Outcome = NowAmbiguous
	case pr.verdict == analyzer.NotReachable && st.Blocked < st.Flows:
		rc.Outcome = NowBlocked
	case pr.verdict == analyzer.Reachable && st.Blocked > 0:
		rc.Outcome = NowPasses
	default:
		rc.Outcome = Unchanged
	}
	return rc
}

// forwardFirewallRule is the firewall rule that decided on the forward
// path, if any.
func forwardFirewallRule(a *analyzer.Analysis) *analyzer.FirewallRuleInfo {
	for _, h := range a.ForwardPath {
		if h.FirewallRule != nil {
			return h.FirewallRule
		}
	}
	return nil
}
