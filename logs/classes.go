package logs

import (
	"net/netip"
	"time"
)

// FlowKey is a class of observed flows: every event of one client to one
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

// ClassStats counts a class's events.
type ClassStats struct {
	Events      int64
	Bytes       int64 // netflow bytes, both directions
	ClientPort  uint16
	First, Last time.Time
}

func (c *ClassStats) add(e *Event, o Oriented) {
	if c.Events == 0 {
		c.ClientPort = o.ClientPort
	}
	c.Events++
	c.Bytes += e.Bytes
	if !e.Time.IsZero() {
		if c.First.IsZero() || e.Time.Before(c.First) {
			c.First = e.Time
		}
		if e.Time.After(c.Last) {
			c.Last = e.Time
		}
	}
}

func (c *ClassStats) merge(o *ClassStats) {
	if c.Events == 0 {
		c.ClientPort = o.ClientPort
	}
	c.Events += o.Events
	c.Bytes += o.Bytes
	if !o.First.IsZero() && (c.First.IsZero() || o.First.Before(c.First)) {
		c.First = o.First
	}
	if o.Last.After(c.Last) {
		c.Last = o.Last
	}
}

// Classifier is a Sink that groups events into classes: alerts by
// AlertKey, netflow and TLS events by FlowKey (a netflow reply is counted
// with its request's class). At most MaxKeys classes of each kind are
// kept; Truncated says when events fell outside them.
type Classifier struct {
	filter    Filter
	Filtered  int64
	Alerts    map[AlertKey]*ClassStats
	Flows     map[FlowKey]*ClassStats
	Truncated bool
}

// NewClassifier returns an empty Classifier that keeps the events f keeps.
func NewClassifier(f Filter) *Classifier {
	return &Classifier{filter: f, Alerts: map[AlertKey]*ClassStats{}, Flows: map[FlowKey]*ClassStats{}}
}

// Add classifies e.
func (c *Classifier) Add(e *Event) {
	if !c.filter.Keep(e) {
		c.Filtered++
		return
	}
	o := Orient(e)
	fk := FlowKey{e.Firewall, e.AZ, o.Client, o.Server, o.ServerPort, e.Proto, e.AppProto, e.SNI, e.HTTPHost}
	switch {
	case e.Type == TypeAlert && e.Alert != nil:
		k := AlertKey{fk, e.Alert.SID, e.Alert.Action, e.Alert.Signature}
		c.Truncated = addClass(c.Alerts, k, e, o) || c.Truncated
	case e.Type == TypeNetflow || e.Type == TypeTLS:
		c.Truncated = addClass(c.Flows, fk, e, o) || c.Truncated
	}
}

func addClass[K comparable](m map[K]*ClassStats, k K, e *Event, o Oriented) bool {
	cs := m[k]
	if cs == nil {
		if len(m) >= MaxKeys {
			return true
		}
		cs = &ClassStats{}
		m[k] = cs
	}
	cs.add(e, o)
	return false
}

// Merge adds o's classes to c.
func (c *Classifier) Merge(o *Classifier) {
	c.Filtered += o.Filtered
	c.Truncated = c.Truncated || o.Truncated
	mergeClasses(c.Alerts, o.Alerts)
	mergeClasses(c.Flows, o.Flows)
}

func mergeClasses[K comparable](dst, src map[K]*ClassStats) {
	for k, v := range src {
		if d := dst[k]; d != nil {
			d.merge(v)
		} else {
			dst[k] = v
		}
	}
}
