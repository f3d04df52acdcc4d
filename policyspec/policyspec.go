// Package policyspec holds the declarations of AWS Network Firewall rule
// groups and policies that both package topology (which reads them from
// HCL) and package rules (which compiles them) use: variables, standard
// 5-tuple rules, domain lists, stateless rules, rule text, rule order.
// Values are kept as written (validation is the compiler's); every type
// carries the hcl.Range its diagnostics point at.
//
// It is a leaf: it imports no package of this module but ports.
package policyspec

import (
	"net/netip"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/ports"
)

// RuleOrder is a stateful rule order, as AWS spells it. The zero value
// means "not declared" (AWS's default, DefaultActionOrder).
type RuleOrder string

// Stateful rule orders.
const (
	StrictOrder        RuleOrder = "STRICT_ORDER"
	DefaultActionOrder RuleOrder = "DEFAULT_ACTION_ORDER"
)

// StreamExceptionPolicy is what the stateful engine does with a TCP flow
// it sees without its start (midstream), as AWS spells it. The zero value
// means "not declared" (AWS's default, StreamDrop).
type StreamExceptionPolicy string

// Stream exception policies.
const (
	StreamDrop     StreamExceptionPolicy = "DROP"
	StreamContinue StreamExceptionPolicy = "CONTINUE"
	StreamReject   StreamExceptionPolicy = "REJECT"
)

// IPSet is an address variable of a rule group: an ip_set ($NAME in
// rules) or an ip_set_reference (@NAME, with the referenced prefix list's
// CIDRs given offline).
type IPSet struct {
	Name     string
	Prefixes []netip.Prefix
	Range    hcl.Range
}

// PortSet is a port_set variable of a rule group ($NAME in rules).
type PortSet struct {
	Name  string
	Ports ports.Set
	Range hcl.Range
}

// Text is Suricata rule text with the position of each of its lines in the
// source file, so rule errors point at the right file, line and column.
type Text struct {
	// Filename is the file that holds the text: the .hcl file for inline
	// rules, the rules file for rules_file.
	Filename string
	Text     string
	// LineStarts[i] is the position in Filename of the first byte of line
	// i (0-based) of Text. Missing entries continue from the last one (the
	// next line, column 1); nil means Text starts at line 1, column 1.
	LineStarts []hcl.Pos
}

// StandardRule is a standard 5-tuple stateful rule (stateful_rule block),
// with its values as written.
type StandardRule struct {
	Action          string // PASS | DROP | REJECT | ALERT
	Protocol        string // IP, TCP, UDP, ICMP, HTTP, TLS, DNS, ...
	Source          string // CIDR, ANY or a variable
	SourcePort      string // port, range, ANY or a variable
	Direction       string // FORWARD | ANY
	Destination     string
	DestinationPort string
	Options         []StandardOption
	Range           hcl.Range
	// AttrRanges maps attribute names ("source", ...) to value ranges.
	AttrRanges map[string]hcl.Range
}

// StandardOption is a rule_option block of a standard rule.
type StandardOption struct {
	Keyword  string
	Settings []string
	Range    hcl.Range
}

// DomainList is a domain_list rule source.
type DomainList struct {
	Targets     []string
	TargetTypes []string // TLS_SNI, HTTP_HOST
	Type        string   // ALLOWLIST | DENYLIST | REJECTLIST | ALERTLIST
	Range       hcl.Range
	// AttrRanges maps attribute names ("targets", ...) to their ranges.
	AttrRanges map[string]hcl.Range
}

// StatelessRule is one stateless rule. An empty match field (no prefixes,
// an empty port set, no protocols) places no condition, so it matches any
// packet: that is the rule's meaning in AWS, not a set meaning "all".
type StatelessRule struct {
	Priority         int
	Actions          []string // aws:pass | aws:drop | aws:forward_to_sfe (plus custom)
	Sources          []netip.Prefix
	Destinations     []netip.Prefix
	SourcePorts      ports.Set
	DestinationPorts ports.Set
	Protocols        []int // IANA numbers
	// TCPFlags is nil when the rule has no tcp_flags block.
	TCPFlags *TCPFlags
	Range    hcl.Range
}

// TCPFlags matches packets whose flags, masked by Masks, equal Flags.
// Names: FIN SYN RST PSH ACK URG ECE CWR.
type TCPFlags struct {
	Flags []string
	Masks []string
}
