package topology

import (
	"slices"
	"strings"
)

// AppProtocols returns the application protocols a query (`--app`, the
// `app` of an expect block) may state, lower case and sorted: those the
// firewall's rules can require, and "none" (no protocol Suricata
// recognises). A fresh slice each call. CanonicalAppProtocol also takes
// the aliases "ssl" (tls), "ikev2" (ike) and "raw" (none).
func AppProtocols() []string {
	return []string{
		"bittorrent-dht", "dcerpc", "dhcp", "dnp3", "dns", "enip", "ftp", "ftp-data", "http", "http1",
		"http2", "ike", "imap", "krb5", "ldap", "modbus", "mqtt", "msn", "nfs", "none", "ntp",
		"pgsql", "pop3", "quic", "rdp", "rfb", "sip", "smb", "smtp", "snmp", "ssh",
		"telnet", "tftp", "tls", "websocket",
	}
}

// appAliases maps other names of an application protocol to the one
// AppProtocols lists. Read-only.
var appAliases = map[string]string{"ssl": "tls", "ikev2": "ike", "raw": "none"}

// CanonicalAppProtocol returns s (any case) as AppProtocols names it, and
// false (with the nearest name, or "", as the suggestion) when s is none
// of them.
func CanonicalAppProtocol(s string) (name string, ok bool) {
	s = strings.ToLower(s)
	if a, ok := appAliases[s]; ok {
		return a, true
	}
	known := AppProtocols()
	if _, ok := slices.BinarySearch(known, s); ok {
		return s, true
	}
	return suggest(s, known), false
}
