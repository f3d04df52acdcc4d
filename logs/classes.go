package logs

import (
	"net/netip"
	"time"
)

// FlowKey is a class of observed flows: every flow of one client to one
// server port with the same protocol, application protocol and host name,
// at one firewall endpoint. The client's port is not part of the class
// (each connection has its own); ClassStats keeps the first one seen.
type FlowKey struct {
	Firewall, AZ   string
	Client, Server netip.Addr
	Port           uint16
	Proto          string // "TCP", "UDP", "ICMP", ...
	App            string // event.app_proto; "" when not logged
	SNI, HTTPHost  string
}

// AlertKey is a class of alerts: one signature and action on one class of
// flows.
type AlertKey struct {
	FlowKey
	SID       int64
	Action    string
	Signature string
}

// ClassStats counts a class's events and flows.
type ClassStats struct {
	Events int64
	// Flows is the number of distinct flows (flow_id) of the class, and
	// Blocked how many of them had a blocked alert.
	Flows, Blocked int64
	Bytes          int64 // netflow bytes, both directions
	// ClientPort is the lowest client port of the class's flows (a
	// deterministic representative).
	ClientPort  uint16
	First, Last time.Time
}

// Merge adds o's counts to c.
func (c *ClassStats) Merge(o *ClassStats) {
	if c.Events == 0 || o.ClientPort < c.ClientPort {
		c.ClientPort = o.ClientPort
	}
	c.Events += o.Events
	c.Flows += o.Flows
	c.Blocked += o.Blocked
	c.Bytes += o.Bytes
	if !o.First.IsZero() && (c.First.IsZero() || o.First.Before(c.First)) {
		c.First = o.First
	}
	if o.Last.After(c.Last) {
		c.Last = o.Last
	}
}

// flowRef identifies one flow at one firewall endpoint: Suricata's
// flow_id with the flow's addresses and ports (seen from the client).
type flowRef struct {
	firewall, az   string
	id             int64
	client, server netip.Addr
	cport, sport   uint16
	proto          string
}

// flowRec is what the logs say of one flow: its application facts (an
// alert on the ClientHello carries the SNI; the netflow records do not),
// whether a packet was blocked, and its alerts.
type flowRec struct {
	app, sni, host string
	events, bytes  int64
	blocked        bool
	first, last    time.Time
	alerts         []alertRec
}

type alertRec struct {
	sid               int64
	action, signature string
	events            int64
	first, last       time.Time
}

// Classifier is a Sink that joins the events of each flow (by flow_id and
// 5-tuple) and then groups flows into classes: the SNI or HTTP host any
// event of the flow logged, and a blocked alert on any packet, hold for
// the whole flow. At most MaxFlows flows are kept per Classifier;
// Truncated says when events fell outside them.
type Classifier struct {
	filter    Filter
	Filtered  int64
	flows     map[flowRef]*flowRec
	Truncated bool
}

// MaxFlows bounds the flows a Classifier holds.
const MaxFlows = 1_000_000

// NewClassifier returns an empty Classifier that keeps the events f keeps.
func NewClassifier(f Filter) *Classifier {
	return &Classifier{filter: f, flows: map[flowRef]*flowRec{}}
}

// Add records e with its flow.
func (c *Classifier) Add(e *Event) {
	if !c.filter.Keep(e) {
		c.Filtered++
		return
	}
	if e.Type != TypeAlert && e.Type != TypeNetflow && e.Type != TypeTLS {
		return
	}
	o := Orient(e)
	ref := flowRef{e.Firewall, e.AZ, e.FlowID, o.Client, o.Server, o.ClientPort, o.ServerPort, e.Proto}
	f := c.flows[ref]
	if f == nil {
		if len(c.flows) >= MaxFlows {
			c.Truncated = true
			return
		}
		f = &flowRec{}
		c.flows[ref] = f
	}
	f.add(e)
}

func (f *flowRec) add(e *Event) {
	f.events++
	f.bytes += e.Bytes
	f.first, f.last = widen(f.first, f.last, e.Time)
	f.app = firstNonEmpty(f.app, e.AppProto)
	f.sni = firstNonEmpty(f.sni, e.SNI)
	f.host = firstNonEmpty(f.host, e.HTTPHost)
	a := e.Alert
	if e.Type != TypeAlert || a == nil {
		return
	}
	f.blocked = f.blocked || a.Action == ActionBlocked
	for i := range f.alerts {
		r := &f.alerts[i]
		if r.sid == a.SID && r.action == a.Action && r.signature == a.Signature {
			r.events++
			r.first, r.last = widen(r.first, r.last, e.Time)
			return
		}
	}
	f.alerts = append(f.alerts, alertRec{sid: a.SID, action: a.Action, signature: a.Signature, events: 1, first: e.Time, last: e.Time})
}

func widen(first, last, t time.Time) (time.Time, time.Time) {
	if t.IsZero() {
		return first, last
	}
	if first.IsZero() || t.Before(first) {
		first = t
	}
	if t.After(last) {
		last = t
	}
	return first, last
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// Merge adds o's flows to c (a flow's events may reach several
// Classifiers).
func (c *Classifier) Merge(o *Classifier) {
	c.Filtered += o.Filtered
	c.Truncated = c.Truncated || o.Truncated
	for ref, of := range o.flows {
		f := c.flows[ref]
		if f == nil {
			c.flows[ref] = of
			continue
		}
		f.events += of.events
		f.bytes += of.bytes
		f.blocked = f.blocked || of.blocked
		f.first, f.last = widen(f.first, f.last, of.first)
		f.first, f.last = widen(f.first, f.last, of.last)
		f.app, f.sni, f.host = firstNonEmpty(f.app, of.app), firstNonEmpty(f.sni, of.sni), firstNonEmpty(f.host, of.host)
		for _, a := range of.alerts {
			f.mergeAlert(a)
		}
	}
}

func (f *flowRec) mergeAlert(a alertRec) {
	for i := range f.alerts {
		r := &f.alerts[i]
		if r.sid == a.sid && r.action == a.action && r.signature == a.signature {
			r.events += a.events
			r.first, r.last = widen(r.first, r.last, a.first)
			r.first, r.last = widen(r.first, r.last, a.last)
			return
		}
	}
	f.alerts = append(f.alerts, a)
}

// Classes groups the flows into classes: alerts by AlertKey, and every
// flow (alerted or not) by FlowKey. Call it after the last Merge.
func (c *Classifier) Classes() (alerts map[AlertKey]*ClassStats, flows map[FlowKey]*ClassStats) {
	alerts, flows = map[AlertKey]*ClassStats{}, map[FlowKey]*ClassStats{}
	for ref, f := range c.flows {
		k := FlowKey{ref.firewall, ref.az, ref.client, ref.server, ref.sport, ref.proto, f.app, f.sni, f.host}
		blocked := int64(0)
		if f.blocked {
			blocked = 1
		}
		cs := flows[k]
		if cs == nil {
			cs = &ClassStats{}
			flows[k] = cs
		}
		cs.Merge(&ClassStats{Events: f.events, Flows: 1, Blocked: blocked, Bytes: f.bytes, ClientPort: ref.cport, First: f.first, Last: f.last})
		for _, a := range f.alerts {
			ak := AlertKey{k, a.sid, a.action, a.signature}
			as := alerts[ak]
			if as == nil {
				as = &ClassStats{}
				alerts[ak] = as
			}
			as.Merge(&ClassStats{Events: a.events, Flows: 1, Blocked: blocked, ClientPort: ref.cport, First: a.first, Last: a.last})
		}
	}
	return alerts, flows
}
