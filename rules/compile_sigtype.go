package rules

import "strings"

// sigType is Suricata 7's signature type (SignatureSetType in
// detect-engine-build.c), as `suricata --engine-analysis` reports it. It
// decides whether a pass or drop applies to the packet or the whole flow,
// and whether a rule is inspected only on the first packet of each
// direction (ip_only).
type sigType uint8

// Signature types.
const (
	sigIPOnly sigType = iota + 1
	sigLikeIPOnly
	sigPDOnly
	sigDEOnly
	sigPkt
	sigPktStream
	sigStream
	sigAppLayer
	sigAppTx
)

// String returns the engine-analysis name of t.
func (t sigType) String() string {
	switch t {
	case sigIPOnly:
		return "ip_only"
	case sigLikeIPOnly:
		return "like_ip_only"
	case sigPDOnly:
		return "pd_only"
	case sigDEOnly:
		return "de_only"
	case sigPkt:
		return "pkt"
	case sigPktStream:
		return "pkt_stream"
	case sigStream:
		return "stream"
	case sigAppLayer:
		return "app_layer"
	case sigAppTx:
		return "app_tx"
	}
	return "invalid"
}

// latchesFlow reports whether a pass or drop of a rule of this type applies
// to the whole flow (SIG_PROP_FLOW_ACTION_FLOW). Stream types latch only when
// the match was on the reassembled stream (tcp is true for TCP flows).
func (t sigType) latchesFlow(tcp bool) bool {
	switch t {
	case sigIPOnly, sigLikeIPOnly, sigPDOnly, sigAppLayer, sigAppTx:
		return true
	case sigStream, sigPktStream:
		return tcp
	}
	return false
}

// sigShape collects what SignatureSetType looks at, gathered from a rule's
// header and options by the compiler.
type sigShape struct {
	appProto       bool // the rule protocol is an application protocol
	pmatch         bool // content/pcre/byte_* on the payload
	appBuffer      bool // an app-layer buffer or keyword (tls.sni, ssl_state, ...)
	pktBuffer      bool // a packet buffer (tcp.hdr, ...)
	match          bool // a non ip-only-compatible packet match (flow:established, dsize, ...)
	pdKeyword      bool // app-layer-protocol
	pdIncompatible bool // a match keyword that PD-only does not allow
	oneDirection   bool // the rule is restricted to one direction (flow:to_server, ...)
	negatedAddr    bool // an address contains a negation (incl. $EXTERNAL_NET)
	deEvent        bool // decode-event, stream-event, engine-event
	requirePacket  bool
	requireStream  bool
	tcp            bool // the rule's protocol set includes TCP
	contentDepth   bool // a payload content has depth or offset
}

// classify returns Suricata's signature type for s.
func (s sigShape) classify() sigType {
	if s.isPDOnly() {
		return sigPDOnly
	}
	if s.isIPOnly() {
		if s.negatedAddr {
			return sigLikeIPOnly
		}
		return sigIPOnly
	}
	if !s.appProto && !s.pmatch && !s.appBuffer && !s.pktBuffer && s.deEvent {
		return sigDEOnly
	}
	switch {
	case s.pktBuffer:
		return sigPkt
	case s.appBuffer:
		return sigAppTx
	case s.pmatch:
		pkt, stream := s.requirePacket, s.requireStream
		if s.tcp && !pkt && !stream {
			stream = true
			pkt = s.contentDepth
		}
		switch {
		case pkt && !stream:
			return sigPkt
		case stream && !pkt:
			return sigStream
		}
		return sigPktStream
	case s.match || s.pdKeyword || s.deEvent:
		return sigPkt
	case s.appProto:
		return sigAppLayer
	}
	return sigPkt
}

func (s sigShape) isPDOnly() bool {
	return !s.appProto && !s.pmatch && !s.appBuffer && !s.pktBuffer && s.pdKeyword && !s.pdIncompatible
}

func (s sigShape) isIPOnly() bool {
	return !s.appProto && !s.pmatch && !s.appBuffer && !s.pktBuffer && !s.match &&
		!s.pdKeyword && !s.oneDirection && !s.deEvent
}

// appKeywordPrefixes are prefixes of keywords that Suricata registers as
// app-layer inspection (a buffer or an app-layer match): any of them makes
// a rule app_tx.
var appKeywordPrefixes = []string{
	"tls", "ssl_", "ja3", "ja4", "http", "dns", "ssh", "smb", "krb5", "dcerpc", "dce_",
	"smtp", "ftp", "sip", "snmp", "mqtt", "modbus", "dnp3", "enip", "cip_", "ike", "nfs",
	"rfb", "quic", "file", "urilen", "app-layer-event", "tftp", "imap", "pop3", "rdp",
	"pgsql", "dhcp", "ntp", "bittorrent", "base64_data", "filename", "fileext", "filemagic",
	"filestore", "filesize", "filemd5", "filesha1", "filesha256", "websocket", "ldap",
	"template", "http2", "sni",
}

// pktBufferKeywords are the packet-engine buffers.
var pktBufferKeywords = map[string]bool{
	"tcp.hdr": true, "udp.hdr": true, "ipv4.hdr": true, "ipv6.hdr": true,
	"icmpv4.hdr": true, "icmpv6.hdr": true,
}

// isAppKeyword reports whether keyword name is an app-layer buffer or match.
func isAppKeyword(name string) bool {
	for _, p := range appKeywordPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// requirePacketKeywords set SIG_FLAG_REQUIRE_PACKET (and are packet matches).
var requirePacketKeywords = map[string]bool{
	"dsize": true, "flow.age": true, "fragbits": true, "fragoffset": true, "geoip": true,
	"icmp_id": true, "icode": true, "id": true, "ipopts": true, "itype": true, "icmp_seq": true,
}

// ipOnlyCompatKeywords may appear in ip-only rules (SIGMATCH_IPONLY_COMPAT);
// flowbits only with set/unset/toggle/noalert, checked separately.
var ipOnlyCompatKeywords = map[string]bool{
	"xbits": true, "hostbits": true, "tag": true, "threshold": true,
	"detection_filter": true, "iprep": true,
}
