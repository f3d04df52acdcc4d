package analyzer

import (
	"maps"
	"net/netip"
	"slices"

	"github.com/vpcreach/vpcreach/topology"
)

// header is a packet header during a walk. Ports are 0 for ICMP.
type header struct {
	src, dst     netip.Addr
	proto        topology.Protocol
	sport, dport uint16
	// sportNAT (dportNAT) is set when the source (destination) port is one
	// a NAT gateway chose from 1024-65535: sport (dport) then stands for
	// any port of that range.
	sportNAT, dportNAT bool
}

// reply returns the header of the reply to h.
func (h header) reply() header {
	return header{src: h.dst, dst: h.src, proto: h.proto, sport: h.dport, dport: h.sport,
		sportNAT: h.dportNAT, dportNAT: h.sportNAT}
}

// json renders h for output.
func (h header) json() *Header {
	out := &Header{Source: h.src.String(), Destination: h.dst.String(), Protocol: h.proto.String()}
	if h.proto.HasPorts() {
		sp, dp := int(h.sport), int(h.dport)
		out.SourcePort, out.DestinationPort = &sp, &dp
	}
	return out
}

// String renders h as "10.1.1.10:49152 -> 93.184.216.34:443 tcp".
func (h header) String() string {
	if !h.proto.HasPorts() {
		return h.src.String() + " -> " + h.dst.String() + " " + h.proto.String()
	}
	return netip.AddrPortFrom(h.src, h.sport).String() + " -> " +
		netip.AddrPortFrom(h.dst, h.dport).String() + " " + h.proto.String()
}

// appByPort maps well-known destination ports to the application protocol
// Suricata would detect on them, per L4 protocol.
func appByPort(proto topology.Protocol, port uint16) (string, bool) {
	switch proto {
	case topology.ProtocolTCP:
		app, ok := tcpApps[port]
		return app, ok
	case topology.ProtocolUDP:
		app, ok := udpApps[port]
		return app, ok
	}
	return "", false
}

// tcpApps and udpApps are read-only lookup tables.
var tcpApps = map[uint16]string{
	21: "ftp", 22: "ssh", 25: "smtp", 53: "dns", 80: "http", 88: "krb5",
	139: "smb", 143: "imap", 443: "tls", 445: "smb", 465: "tls", 587: "smtp",
	993: "tls", 995: "tls", 1883: "mqtt", 3389: "rdp", 5432: "pgsql", 5900: "rfb",
	8080: "http", 8443: "tls",
}

var udpApps = map[uint16]string{
	53: "dns", 67: "dhcp", 68: "dhcp", 69: "tftp", 88: "krb5", 123: "ntp",
	161: "snmp", 443: "quic", 500: "ikev2", 5060: "sip",
}

// appPorts returns every port with an inferred application protocol for
// proto, so port classes can keep them apart.
func appPorts(proto topology.Protocol) []uint16 {
	return slices.Collect(maps.Keys(appsOf(proto)))
}

// rangeApp returns the application protocol the query infers for every
// port of lo-hi (chooseApp), or "" when they differ.
func rangeApp(q Query, lo, hi uint16) string {
	q.Port = lo
	app, _ := chooseApp(q)
	if q.App != "" {
		return app
	}
	known := 0
	for p, a := range appsOf(q.Protocol) {
		if lo <= p && p <= hi {
			if a != app {
				return ""
			}
			known++
		}
	}
	if known > 0 && known < int(hi)-int(lo)+1 {
		return "" // well-known ports and others
	}
	return app
}

// appsOf returns the well-known ports of proto and their application
// protocols.
func appsOf(proto topology.Protocol) map[uint16]string {
	switch proto {
	case topology.ProtocolTCP:
		return tcpApps
	case topology.ProtocolUDP:
		return udpApps
	}
	return nil
}
