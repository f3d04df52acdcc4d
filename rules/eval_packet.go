package rules

import "net/netip"

// packet is one phase's packet as the firewall sees it.
type packet struct {
	phase        Phase
	l4           L4
	src, dst     netip.Addr
	sport, dport uint16
	// fromClient is the real direction (client to server).
	fromClient bool
	tcpFlags   uint8
	icmpType   int

	// Stateful view, set by statefulView for forwarded packets.
	toServer    bool // direction from Suricata's flow (its first packet's sender)
	established bool
	first       bool // first packet of its direction: ip_only rules run
	payload     bool
	app         string // application protocol detected ("" none)
	appBuffers  bool   // to-server app buffers (tls.sni, http.host, dns.query)
	ssl         uint8  // ssl_state of the record in this packet
}

// flowPackets returns the packets of f's phases, in order, with their
// real addresses and directions.
func flowPackets(f *Flow) []packet {
	phases := Phases(f.Protocol)
	out := make([]packet, len(phases))
	for i, ph := range phases {
		pk := packet{phase: ph, l4: f.Protocol, fromClient: ph.ToServer()}
		if pk.fromClient {
			pk.src, pk.dst, pk.sport, pk.dport = f.Client, f.Server, f.ClientPort, f.ServerPort
		} else {
			pk.src, pk.dst, pk.sport, pk.dport = f.Server, f.Client, f.ServerPort, f.ClientPort
		}
		switch ph {
		case PhaseSYN:
			pk.tcpFlags = tcpSYN
		case PhaseSYNACK:
			pk.tcpFlags = tcpSYN | tcpACK
		case PhaseACK:
			pk.tcpFlags = tcpACK
		case PhaseClientData, PhaseServerData:
			pk.tcpFlags = tcpPSH | tcpACK
			pk.payload = true
		case PhaseRequest:
			pk.icmpType = 8
			pk.payload = true
		case PhaseReply:
			pk.icmpType = 0
			pk.payload = true
		}
		out[i] = pk
	}
	return out
}

// seen reports whether an endpoint with visibility v sees pk.
func (pk *packet) seen(v Visibility) bool {
	switch v {
	case SeesClientOnly:
		return pk.fromClient
	case SeesServerOnly:
		return !pk.fromClient
	}
	return true
}

// flowApp returns the flow's application protocol as Suricata detects it
// ("" for raw payload).
func flowApp(f *Flow) string {
	switch f.App {
	case "", "raw", "none", "failed", "unknown":
		return ""
	}
	return f.App
}

// statefulMode is how the stateful engine sees a flow.
type statefulMode uint8

const (
	modeBoth       statefulMode = iota + 1 // the flow from its start, both directions
	modeClientOnly                         // TCP from the SYN, server packets never seen
	modeMidstream                          // TCP without the SYN: stream exception policy
	modeOneWay                             // UDP/ICMP from its first seen packet, one direction
)

// statefulView sets the stateful fields of the forwarded packets pks (in
// flow order) and returns the mode.
func statefulView(f *Flow, pks []*packet) statefulMode {
	if len(pks) == 0 {
		return modeBoth
	}
	mode := modeBoth
	sawClient, sawServer := false, false
	for _, pk := range pks {
		sawClient = sawClient || pk.fromClient
		sawServer = sawServer || !pk.fromClient
	}
	firstFromClient := pks[0].fromClient
	switch {
	case f.Protocol == TCP && pks[0].phase != PhaseSYN:
		mode = modeMidstream
	case f.Protocol == TCP && !sawServer:
		mode = modeClientOnly
	case f.Protocol != TCP && !(sawClient && sawServer):
		mode = modeOneWay
	}
	app := flowApp(f)
	seenDir := map[bool]bool{}
	for _, pk := range pks {
		pk.toServer = pk.fromClient == firstFromClient
		pk.first = !seenDir[pk.toServer]
		seenDir[pk.toServer] = true
		pk.established, pk.app = false, ""
		switch mode {
		case modeBoth:
			pk.established = f.Protocol == TCP && pk.payload || f.Protocol != TCP && !pk.toServer
			if pk.payload {
				pk.app = app
			}
		case modeOneWay:
			if pk.payload && pk.fromClient {
				pk.app = app // a request is parsed on its own
			}
		}
		pk.appBuffers = pk.app != "" && pk.fromClient && pk.toServer
		if pk.app == "tls" {
			if pk.fromClient {
				pk.ssl = sslClientHello
			} else {
				pk.ssl = sslServerHello
			}
		}
	}
	return mode
}
