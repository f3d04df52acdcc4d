package analyzer

import (
	"fmt"
	"strings"

	"github.com/vpcreach/vpcreach/topology"
)

// DefaultSourcePort is the client's ephemeral port when a query gives none.
const DefaultSourcePort = 49152

// Query is one path question, as the CLI and expect blocks ask it.
type Query struct {
	// From and To are resource addresses ("instance.web", "subnet.app_a",
	// "internet_gateway.igw", "nat_gateway.nat_a") or IP addresses.
	From, To string
	// Protocol is TCP (the default when zero), UDP or ICMP.
	Protocol topology.Protocol
	// SourcePort is the client's port; 0 means DefaultSourcePort.
	SourcePort uint16
	// Port is the destination port when HasPort; otherwise the answer
	// covers every port as ranges.
	Port    uint16
	HasPort bool
	// App is the application protocol ("tls", "http", "dns", ..., or
	// "none"/"raw" for no known protocol); "" infers it from the port.
	App string
	// SNI and HTTPHost state the TLS server name and HTTP Host; "" means
	// not stated (rules that test them are then undecidable).
	SNI      string
	HTTPHost string
}

// normalize fills defaults and checks the protocol.
func (q Query) normalize() (Query, error) {
	if q.Protocol == 0 {
		q.Protocol = topology.ProtocolTCP
	}
	switch q.Protocol {
	case topology.ProtocolTCP, topology.ProtocolUDP:
		if q.SourcePort == 0 {
			q.SourcePort = DefaultSourcePort
		}
	case topology.ProtocolICMP:
		q.SourcePort, q.Port, q.HasPort = 0, 0, true
	default:
		return q, &ProtocolError{Protocol: q.Protocol.String(), Known: true}
	}
	if q.App != "" {
		app, ok := topology.CanonicalAppProtocol(q.App)
		if !ok {
			return q, &AppError{App: q.App, Suggestion: app}
		}
		q.App = app
	}
	if q.App == "none" {
		q.App = "raw"
	}
	return q, nil
}

// AppError reports an application protocol the analyzer does not know
// (a typo would otherwise be answered as a protocol no rule matches).
type AppError struct {
	App string
	// Suggestion is the nearest known name, or "".
	Suggestion string
}

// Error names the protocol, the nearest known one and where the list is.
func (e *AppError) Error() string {
	msg := fmt.Sprintf("unknown application protocol %q", e.App)
	if e.Suggestion != "" {
		msg += fmt.Sprintf("; did you mean %q?", e.Suggestion)
	}
	return msg + " (known: " + strings.Join(topology.AppProtocols(), ", ") + ")"
}

// ParseProtocol parses "tcp", "udp" or "icmp" (any case; "" is tcp). The
// error is a *ProtocolError.
func ParseProtocol(s string) (topology.Protocol, error) {
	switch strings.ToLower(s) {
	case "", "tcp":
		return topology.ProtocolTCP, nil
	case "udp":
		return topology.ProtocolUDP, nil
	case "icmp":
		return topology.ProtocolICMP, nil
	}
	return 0, &ProtocolError{Protocol: s}
}
