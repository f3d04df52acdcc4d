// Package logs reads AWS Network Firewall logs (alert, flow and TLS logs:
// Suricata EVE JSON events inside AWS's envelope of firewall_name,
// availability_zone, event_timestamp and event) as Network Firewall
// delivers them to CloudWatch Logs (exported), S3 (gzipped JSON lines in
// dated folders) and Firehose. It streams any amount of input in constant
// memory, decodes only the fields vpcreach uses, summarises the events and
// groups them into flow classes. It knows nothing of topologies or rules.
package logs

import (
	"net/netip"
	"time"
)

// Event types of the EVE "event_type" field that Network Firewall logs.
const (
	TypeAlert   = "alert"
	TypeNetflow = "netflow"
	TypeTLS     = "tls"
)

// Alert actions as Network Firewall logs them.
const (
	ActionAllowed = "allowed"
	ActionBlocked = "blocked"
)

// Event is one decoded log record. Strings are empty and numbers zero when
// the record does not carry the field.
type Event struct {
	// Firewall and AZ are the envelope's firewall_name and
	// availability_zone.
	Firewall, AZ string
	// Time is event.timestamp, or the envelope's event_timestamp (epoch
	// seconds) when the event has none; zero when neither parses.
	Time time.Time
	// Type is event.event_type: "alert", "netflow", "tls", ...
	Type   string
	FlowID int64
	Src    netip.Addr
	Dst    netip.Addr
	// SrcPort and DstPort are 0 for ICMP.
	SrcPort, DstPort uint16
	// Proto is event.proto in upper case: "TCP", "UDP", "ICMP", ...
	Proto string
	// Direction is event.direction of an alert: "to_server" or
	// "to_client" (the packet's direction within its flow).
	Direction string
	// AppProto is event.app_proto ("tls", "http", "dns", "failed", ...).
	AppProto string
	// Alert is set for alert events.
	Alert *Alert
	// SNI is tls.sni; HTTPHost is http.hostname.
	SNI, HTTPHost string
	// Pkts and Bytes are netflow.pkts and netflow.bytes.
	Pkts, Bytes int64
}

// Alert is the "alert" object of an alert event.
type Alert struct {
	// Action is "allowed" or "blocked" (Network Firewall's words for
	// Suricata's "allowed" and "blocked").
	Action    string
	SID       int64
	Rev       int64
	Signature string
	Category  string
	Severity  int64
}

// Blocked reports whether the event records a blocked packet.
func (e *Event) Blocked() bool { return e.Alert != nil && e.Alert.Action == ActionBlocked }

// Host returns the TLS SNI or, when there is none, the HTTP host.
func (e *Event) Host() string {
	if e.SNI != "" {
		return e.SNI
	}
	return e.HTTPHost
}
