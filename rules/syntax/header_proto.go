package syntax

import "strings"

// packetProtocols are the network and transport protocols Suricata 7
// accepts in a rule header, in any case.
var packetProtocols = map[string]bool{
	"ip": true, "pkthdr": true, "ipv4": true, "ip4": true, "ipv6": true, "ip6": true,
	"tcp": true, "tcp-pkt": true, "tcp-stream": true, "udp": true, "sctp": true,
	"icmp": true, "icmpv4": true, "icmpv6": true,
}

// appProtocols are the application-layer protocols a rule header may name:
// those AWS Network Firewall lists for standard rules and those Suricata 7
// knows. Suricata matches these names case-sensitively.
var appProtocols = map[string]bool{
	// AWS's list (StatefulRule Header.Protocol).
	"http": true, "ftp": true, "tls": true, "smb": true, "dns": true, "dcerpc": true,
	"ssh": true, "smtp": true, "imap": true, "msn": true, "krb5": true, "ikev2": true,
	"tftp": true, "ntp": true, "dhcp": true, "http2": true, "quic": true,
	// Suricata 7 (including parsers disabled in the default configuration).
	"http1": true, "ftp-data": true, "ike": true, "nfs": true, "snmp": true, "sip": true,
	"rfb": true, "mqtt": true, "telnet": true, "rdp": true, "bittorrent-dht": true,
	"modbus": true, "dnp3": true, "enip": true, "pgsql": true,
	// Suricata 8, listed by AWS for TLS inspection.
	"websocket": true,
}

// parseProtocol sets r.Protocol, lower-cased.
func (p *ruleParser) parseProtocol(r *Rule, f span) {
	word := p.s[f.lo:f.hi]
	r.ProtocolRange = p.m.rng(f.lo, f.hi)
	if appProtocols[word] {
		r.Protocol = word
		return
	}
	lower := strings.ToLower(word)
	if packetProtocols[lower] {
		r.Protocol = lower
		return
	}
	if appProtocols[lower] {
		p.errorf(f.lo, f.hi, "Invalid rule protocol",
			"Suricata matches application protocol names case-sensitively and rejects %q; write %q.", word, lower)
		return
	}
	p.errorf(f.lo, f.hi, "Invalid rule protocol",
		"%q is not a protocol Suricata accepts in a rule header; expected ip, tcp, udp, icmp or an application protocol such as %s.",
		Clip(word), "tls, http, dns, ssh, smtp, ftp, http2 or quic")
}
