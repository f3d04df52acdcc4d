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
// flow_id with the flow's addresses and ports (seen from the client) and
// its place (firewall, AZ and protocol, interned).
type flowRef struct {
	place          uint32
	cport, sport   uint16
	id             int64
	client, server netip.Addr
}

// flowRec is what the logs say of one flow: its application facts (an
// alert on the ClientHello carries the SNI; the netflow records do not),
// whether a packet was blocked, and its alerts. Strings are interned
// (indexes into Classifier.strs, 0 for none) and times are Unix
// nanoseconds (0 for none), to keep a flow small.
type flowRec struct {
	app, sni, host uint32
	blocked        bool
	events         int64
	bytes          int64
	first, last    int64
	alerts         *[]alertRec
}

type alertRec struct {
	sid               int64
	action, signature string
	events            int64
	first, last       int64
}

// place is a firewall endpoint and protocol.
type place struct{ firewall, az, proto string }

// Classifier is a Sink that joins the events of each flow (by flow_id and
// 5-tuple) and then groups flows into classes: the SNI or HTTP host any
// event of the flow logged, and a blocked alert on any packet, hold for
// the whole flow. It holds about 150 bytes per flow, at most MaxFlows
// flows; Truncated says when events fell outside them.
type Classifier struct {
	filter   Filter
	Filtered int64
	flows    map[flowRef]flowRec
	places   []place
	placeIdx map[place]uint32
	strs     []string
	strIdx   map[string]uint32
	// parts are the Classifiers merged into this one.
	parts     []*Classifier
	Truncated bool
}

// MaxFlows bounds the flows a Classifier holds.
const MaxFlows = 2_000_000

// NewClassifier returns an empty Classifier that keeps the events f keeps.
func NewClassifier(f Filter) *Classifier {
	return &Classifier{filter: f, flows: map[flowRef]flowRec{}, placeIdx: map[place]uint32{},
		strs: []string{""}, strIdx: map[string]uint32{"": 0}}
}

func (c *Classifier) placeOf(p place) uint32 {
	if i, ok := c.placeIdx[p]; ok {
		return i
	}
	i := uint32(len(c.places))
	c.places = append(c.places, p)
	c.placeIdx[p] = i
	return i
}

func (c *Classifier) str(s string) uint32 {
	if i, ok := c.strIdx[s]; ok {
		return i
	}
	i := uint32(len(c.strs))
	c.strs = append(c.strs, s)
	c.strIdx[s] = i
	return i
}

func nanos(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

func fromNanos(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
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
	ref := flowRef{c.placeOf(place{e.Firewall, e.AZ, e.Proto}), o.ClientPort, o.ServerPort, e.FlowID, o.Client, o.Server}
	f, ok := c.flows[ref]
	if !ok && len(c.flows) >= MaxFlows {
		c.Truncated = true
		return
	}
	f.events++
	f.bytes += e.Bytes
	t := nanos(e.Time)
	f.first, f.last = widen(f.first, f.last, t)
	if f.app == 0 && e.AppProto != "" {
		f.app = c.str(e.AppProto)
	}
	if f.sni == 0 && e.SNI != "" {
		f.sni = c.str(e.SNI)
	}
	if f.host == 0 && e.HTTPHost != "" {
		f.host = c.str(e.HTTPHost)
	}
	if a := e.Alert; e.Type == TypeAlert && a != nil {
		f.blocked = f.blocked || a.Action == ActionBlocked
		f.addAlert(alertRec{sid: a.SID, action: a.Action, signature: a.Signature, events: 1, first: t, last: t})
	}
	c.flows[ref] = f
}

// widen extends [first, last] (Unix nanoseconds, 0 for none) to t.
func widen(first, last, t int64) (int64, int64) {
	if t == 0 {
		return first, last
	}
	if first == 0 || t < first {
		first = t
	}
	if t > last {
		last = t
	}
	return first, last
}

func (f *flowRec) addAlert(a alertRec) {
	if f.alerts == nil {
		f.alerts = &[]alertRec{}
	}
	for i := range *f.alerts {
		r := &(*f.alerts)[i]
		if r.sid == a.sid && r.action == a.action && r.signature == a.signature {
			r.events += a.events
			r.first, r.last = widen(r.first, r.last, a.first)
			r.first, r.last = widen(r.first, r.last, a.last)
			return
		}
	}
	*f.alerts = append(*f.alerts, a)
}

// Merge joins o's flows to c's (a flow's events may reach several
// Classifiers). It copies nothing: Classes does the joining. o must not
// be used afterwards.
func (c *Classifier) Merge(o *Classifier) {
	c.Filtered += o.Filtered
	c.Truncated = c.Truncated || o.Truncated
	c.parts = append(c.parts, o)
	c.parts = append(c.parts, o.parts...)
	o.parts = nil
}

func firstSet(a, b uint32) uint32 {
	if a != 0 {
		return a
	}
	return b
}
