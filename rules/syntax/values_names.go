package syntax

// Name tables of the option value checks (values.go). Read only.

// ipProtoNames are the protocol names ip_proto accepts: Suricata resolves
// them with getprotobyname, so they are the names and aliases of the
// standard /etc/protocols (netbase).
var ipProtoNames = setOf("AX.25", "CPHB", "DCCP", "DDP", "EGP", "EIGRP", "ENCAP", "ETHERIP", "Ethernet", "FC",
	"GGP", "GRE", "HIP", "HMP", "HOPOPT", "ICMP", "IDPR-CMTP", "IDRP", "IGMP", "IGP", "IP", "IP-ENCAP", "IPCOMP",
	"IPIP", "IPSEC-AH", "IPSEC-ESP", "IPv6", "IPv6-Frag", "IPv6-ICMP", "IPv6-NoNxt", "IPv6-Opts", "IPv6-Route",
	"ISIS", "ISO-TP4", "L2TP", "MPLS-in-IP", "MPTCP", "Mobility-Header", "OSPFIGP", "PIM", "PUP", "RDP", "ROHC",
	"RSPF", "RSVP", "SCTP", "SKIP", "ST", "Shim6", "TCP", "UDP", "UDPLite", "VMTP", "VRRP", "WESP", "XNS-IDP",
	"XTP", "ah", "ax.25", "dccp", "ddp", "egp", "eigrp", "encap", "esp", "etherip", "ethernet", "fc", "ggp",
	"gre", "hip", "hmp", "hopopt", "icmp", "idpr-cmtp", "idrp", "igmp", "igp", "ip", "ipcomp", "ipencap", "ipip",
	"ipv6", "ipv6-frag", "ipv6-icmp", "ipv6-nonxt", "ipv6-opts", "ipv6-route", "isis", "iso-tp4", "l2tp", "manet",
	"mobility-header", "mpls-in-ip", "mptcp", "ospf", "pim", "pup", "rdp", "rohc", "rspf", "rsvp", "sctp",
	"shim6", "skip", "st", "tcp", "udp", "udplite", "vmtp", "vrrp", "wesp", "xns-idp", "xtp")

// ipRuleProtocols are the rule protocols ip_proto may be used with.
var ipRuleProtocols = setOf("ip", "ipv4", "ipv6", "ip4", "ip6", "pkthdr", "any")

// appLayerNames are the application protocols app-layer-protocol accepts:
// those Suricata 7.0 has a parser for, and "failed". modbus, enip, dnp3
// and pgsql are real parsers that the stock configuration leaves
// disabled; AWS does not publish its configuration, so they are accepted.
var appLayerNames = setOf("http", "http1", "http2", "ftp", "ftp-data", "smtp", "tls", "ssh", "imap", "smb",
	"dcerpc", "dns", "nfs", "ntp", "tftp", "ike", "ikev2", "krb5", "quic", "dhcp", "snmp", "sip", "rfb", "mqtt",
	"telnet", "rdp", "bittorrent-dht", "failed", "modbus", "enip", "dnp3", "pgsql")

// SSL handshake states as ssl_state names them.
const (
	SSLClientHello uint8 = 1 << iota
	SSLServerHello
	SSLClientKeyx
	SSLServerKeyx
	SSLUnknown
)

// sslStateBits are the ssl_state names (case sensitive) and the handshake
// states they stand for.
var sslStateBits = map[string]uint8{
	"client_hello": SSLClientHello, "server_hello": SSLServerHello,
	"client_keyx": SSLClientKeyx, "server_keyx": SSLServerKeyx, "unknown": SSLUnknown,
}

// SSLStateBit returns the handshake state an ssl_state name (case
// sensitive) stands for.
func SSLStateBit(name string) (uint8, bool) {
	b, ok := sslStateBits[name]
	return b, ok
}

// sslVersions are the ssl_version names (case insensitive).
var sslVersions = setOf("sslv2", "sslv3", "tls1.0", "tls1.1", "tls1.2", "tls1.3")

// flowGroups are the flow keyword's options, by group (flowGroupNames): a
// rule may use one option of each group.
var flowGroups = map[string]int{
	"to_server": 0, "from_client": 0, "to_client": 0, "from_server": 0,
	"established": 1, "not_established": 1, "stateless": 1,
	"only_stream": 2, "no_stream": 2, "only_frag": 3, "no_frag": 3,
}

// flowGroupNames name the groups of flowGroups.
var flowGroupNames = [4]string{"direction", "state", "stream", "frag"}

// stickyBuffers are the sticky-buffer keywords the checks know: each
// switches the buffer that later content and pcre options inspect, and
// needs at least one match of its own.
var stickyBuffers = setOf("tls.sni", "tls_sni", "tls.cert_subject", "tls.cert_issuer", "tls.cert_serial",
	"tls.cert_fingerprint", "tls.certs", "tls.subjectaltname", "ja3.hash", "ja3_hash", "ja3.string", "ja3_string",
	"ja3s.hash", "ja3s.string", "ja4.hash", "ja4_hash", "http.host", "http.host.raw", "http.uri", "http.uri.raw",
	"http.method", "http.header", "http.header.raw", "http.cookie", "http.user_agent", "http.request_body",
	"http.response_body", "http.stat_code", "http.stat_msg", "http.server", "http.location", "http.referer",
	"http.content_type", "http.content_len", "http.accept", "http.accept_enc", "http.accept_lang",
	"http.connection", "http.protocol", "http.start", "http.request_line", "http.response_line",
	"http.header_names", "dns.query", "dns_query", "file.data", "file_data", "ssh.proto", "ssh_proto",
	"ssh.software", "ssh_software", "quic.sni", "quic.ua", "krb5.cname", "krb5.sname", "smb.named_pipe",
	"smb.share", "snmp.community", "snmp.usm", "rfb.name", "sip.method", "sip.uri")

// bufferMatches are the options that count as a match of the buffer they
// follow.
var bufferMatches = setOf("content", "uricontent", "pcre", "bsize", "byte_test", "byte_jump", "byte_extract", "byte_math",
	"isdataat", "dataset", "datarep", "base64_decode", "urilen")

// contentModifierNames are the content modifiers the checks know, which
// apply to the previous content of the same buffer; their order numbers
// them in a modSet.
var contentModifierNames = []string{"nocase", "rawbytes", "depth", "offset", "distance", "within", "fast_pattern",
	"startswith", "endswith"}

// noValueKeywords take no value.
var noValueKeywords = setOf("nocase", "rawbytes", "startswith", "endswith", "dotprefix", "noalert")

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}
