package rules

import (
	"strings"

	"go4.org/netipx"

	"github.com/vpcreach/vpcreach/ports"
	"github.com/vpcreach/vpcreach/rules/syntax"
)

// protoMask is a set of transport protocols a rule can match.
type protoMask uint8

const (
	maskTCP protoMask = 1 << iota
	maskUDP
	maskICMP
	maskOther
	maskAll = maskTCP | maskUDP | maskICMP | maskOther
)

// maskOf returns the bit of transport p.
func maskOf(p L4) protoMask {
	switch p {
	case TCP:
		return maskTCP
	case UDP:
		return maskUDP
	case ICMP:
		return maskICMP
	}
	return maskOther
}

// flowCond is the "flow" keyword.
type flowCond struct {
	established, notEstablished, stateless bool
	toServer, toClient                     bool
	onlyStream, noStream, onlyFrag         bool
}

// sslStateCond is the "ssl_state" keyword: (flags & current) ^ mask != 0.
type sslStateCond struct {
	flags, mask uint8
}

// SSL handshake states as ssl_state names them.
const (
	sslClientHello = syntax.SSLClientHello
	sslServerHello = syntax.SSLServerHello
	sslClientKeyx  = syntax.SSLClientKeyx
	sslServerKeyx  = syntax.SSLServerKeyx
	sslUnknown     = syntax.SSLUnknown
)

// appProtoCond is one "app-layer-protocol" keyword.
type appProtoCond struct {
	proto   string
	negated bool
}

// compiledRule is a rule with its options turned into decidable
// conditions, in evaluation order. It never changes after compilation.
type compiledRule struct {
	rule   *Rule
	pos    int // evaluation position
	action Action
	typ    sigType
	// def names the default action this rule emulates ("" for user rules).
	def string

	protos         protoMask
	app            string // app protocol the rule protocol requires ("" none)
	src, dst       *netipx.IPSet
	sports, dports ports.Set
	bidir          bool
	// srcID, dstID number the address sets for the index's cache (0: any).
	srcID, dstID int32

	flow      flowCond
	appProtos []appProtoCond
	ssl       *sslStateCond
	bufs      []*bufferCond
	flags     *flagsCond
	itype     *intCond
	icode     *intCond
	dsize     *intCond
	// payload: the rule inspects payload bytes, so it never matches an
	// empty packet.
	payload bool
	// toServerOnly: a to-server buffer (tls.sni, http.host, dns.query)
	// restricts the rule to client-to-server packets.
	toServerOnly bool
	// unsupported names the options the engine cannot decide; the rule is
	// may-match when its decidable conditions hold.
	unsupported []string

	priority int // Suricata priority (DEFAULT_ACTION_ORDER)
	bitsRole int // flowbits-style ordering role (DEFAULT_ACTION_ORDER)
}

// ruleAppProtocol maps a rule protocol keyword to the application protocol
// (Flow.App) it requires.
var ruleAppProtocol = map[string]string{
	"tls": "tls", "ssl": "tls", "http": "http", "http1": "http", "http2": "http2",
	"dns": "dns", "ssh": "ssh", "smtp": "smtp", "ftp": "ftp", "ftp-data": "ftp-data",
	"imap": "imap", "pop3": "pop3", "smb": "smb", "dcerpc": "dcerpc", "krb5": "krb5",
	"nfs": "nfs", "tftp": "tftp", "ntp": "ntp", "dhcp": "dhcp", "snmp": "snmp", "sip": "sip",
	"rfb": "rfb", "mqtt": "mqtt", "ike": "ike", "ikev2": "ike", "quic": "quic", "rdp": "rdp",
	"pgsql": "pgsql", "modbus": "modbus", "dnp3": "dnp3", "enip": "enip", "telnet": "telnet",
	"bittorrent-dht": "bittorrent-dht", "websocket": "websocket", "ldap": "ldap", "msn": "msn",
}

// headerProtos returns the transports and app protocol of a rule protocol.
func headerProtos(proto string) (protoMask, string, bool) {
	switch strings.ToLower(proto) {
	case "ip", "ipv4", "ipv6", "ip4", "ip6", "pkthdr", "any":
		return maskAll, "", true
	case "tcp", "tcp-pkt", "tcp-stream":
		return maskTCP, "", true
	case "udp":
		return maskUDP, "", true
	case "icmp", "icmpv4", "icmpv6":
		return maskICMP, "", true
	case "sctp":
		return maskOther, "", true
	}
	if app, ok := ruleAppProtocol[strings.ToLower(proto)]; ok {
		return maskTCP | maskUDP, app, true
	}
	return 0, "", false
}

// compileRule turns r into a compiledRule. negVars names the address
// variables whose Suricata definition contains a negation (EXTERNAL_NET is
// "!$HOME_NET" unless the group defines it); they make a header-only rule
// like_ip_only.
func compileRule(r *Rule, negVars map[string]bool) *compiledRule {
	c := &compiledRule{
		rule: r, action: r.Action, src: nilIfUniverse(r.Src), dst: nilIfUniverse(r.Dst),
		sports: r.SrcPorts, dports: r.DstPorts, bidir: r.Bidirectional,
		priority: defaultPriority, bitsRole: 8*roleNotUsed + roleNotUsed,
	}
	if c.sports.IsEmpty() && r.SourcePort.Kind == 0 {
		c.sports = ports.AllSet()
	}
	if c.dports.IsEmpty() && r.DestinationPort.Kind == 0 {
		c.dports = ports.AllSet()
	}
	mask, app, ok := headerProtos(r.Protocol)
	if !ok {
		mask = maskAll
		c.addUnsupported("protocol " + r.Protocol)
	}
	c.protos, c.app = mask, app
	shape := sigShape{
		appProto:    app != "",
		tcp:         mask&maskTCP != 0,
		negatedAddr: addrNegated(r.Source, negVars) || addrNegated(r.Destination, negVars),
	}
	switch strings.ToLower(r.Protocol) {
	case "tcp-pkt":
		shape.requirePacket = true
	case "tcp-stream":
		shape.requireStream = true
	}
	w := optionWalker{c: c, shape: &shape}
	w.walk(r.Options)
	c.typ = shape.classify()
	return c
}

// addUnsupported records an undecidable option name once.
func (c *compiledRule) addUnsupported(name string) {
	for _, n := range c.unsupported {
		if n == name {
			return
		}
	}
	c.unsupported = append(c.unsupported, name)
}

// addrNegated reports whether an address expression contains a negation,
// counting the variables of negVars.
func addrNegated(e syntax.AddrExpr, negVars map[string]bool) bool {
	if e.Negated {
		return true
	}
	switch e.Kind {
	case syntax.AddrVar:
		return negVars[e.Name]
	case syntax.AddrGroup:
		for _, el := range e.Elems {
			if addrNegated(el, negVars) {
				return true
			}
		}
	}
	return false
}
