package logs

import (
	"net/netip"
	"time"
)

// Filter selects events by time and firewall. The zero Filter selects all.
type Filter struct {
	// Since and Until bound the event time (Since inclusive, Until
	// exclusive); zero means unbounded. An event without a time is
	// dropped when either bound is set.
	Since, Until time.Time
	// Firewall, when set, is the only firewall_name kept.
	Firewall string
}

// Keep reports whether e passes the filter.
func (f Filter) Keep(e *Event) bool {
	if f.Firewall != "" && e.Firewall != f.Firewall {
		return false
	}
	if f.Since.IsZero() && f.Until.IsZero() {
		return true
	}
	if e.Time.IsZero() {
		return false
	}
	if !f.Since.IsZero() && e.Time.Before(f.Since) {
		return false
	}
	return f.Until.IsZero() || e.Time.Before(f.Until)
}

// Oriented is an event's flow seen from its client: Network Firewall's
// flow log records each direction of a flow as its own netflow event, the
// reply with source and destination swapped.
type Oriented struct {
	Client, Server netip.Addr
	ClientPort     uint16
	ServerPort     uint16
	// Reply is true when the event records the server-to-client
	// direction.
	Reply bool
}

// Orient returns e's flow from its client. A netflow event is taken as a
// reply when its source port is a well-known port (below 1024) and its
// destination port is not: the logs do not say which side opened the
// flow, and this is how the services firewalls usually guard look.
// An alert on a packet from the server (direction "to_client") is turned
// around; other alert and TLS events are taken as logged.
func Orient(e *Event) Oriented {
	o := Oriented{Client: e.Src, Server: e.Dst, ClientPort: e.SrcPort, ServerPort: e.DstPort}
	reply := e.Direction == "to_client"
	if e.Type == TypeNetflow {
		reply = e.SrcPort != 0 && e.SrcPort < 1024 && e.DstPort >= 1024
	}
	if reply {
		o = Oriented{Client: e.Dst, Server: e.Src, ClientPort: e.DstPort, ServerPort: e.SrcPort, Reply: true}
	}
	return o
}
