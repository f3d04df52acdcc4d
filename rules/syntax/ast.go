// Package syntax is the Suricata rule language of AWS Network Firewall as
// text: the lexer (lines, '\' continuations, comments, positions), the
// parser (header and options) into a syntax tree with hcl.Range positions,
// and the checks of option values against Suricata 7's grammars. It knows
// nothing of variables, rule groups or evaluation (package rules).
//
// Entry points: ParseText (a rules file), ParseRule (one rule), Generator
// (the rule AWS writes for a standard rule or a domain list).
//
// All values are immutable after construction and safe for concurrent use.
package syntax

import (
	"net/netip"
	"strconv"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/policyspec"
	"github.com/vpcreach/vpcreach/ports"
)

// Action is a stateful rule action.
type Action uint8

// Stateful rule actions.
const (
	ActionPass Action = iota + 1
	ActionDrop
	ActionReject
	ActionAlert
)

// String returns "pass", "drop", "reject" or "alert".
func (a Action) String() string {
	switch a {
	case ActionPass:
		return "pass"
	case ActionDrop:
		return "drop"
	case ActionReject:
		return "reject"
	case ActionAlert:
		return "alert"
	}
	return "invalid"
}

// Terminal reports whether the action ends the rule walk for a packet
// (pass, drop, reject). Alert logs and continues.
func (a Action) Terminal() bool { return a != ActionAlert }

// Format tells where a rule came from.
type Format uint8

// Rule formats.
const (
	FormatSuricata   Format = iota + 1 // a Suricata rule string (rules, rules_file)
	FormatStandard                     // a standard 5-tuple stateful_rule block
	FormatDomainList                   // generated from a domain_list
)

// Rule is one parsed stateful rule: its syntax tree with positions. What
// it means (its header resolved against variables, its group) is
// rules.Rule's.
type Rule struct {
	Action   Action
	Protocol string // lower case, as written: "ip", "tcp", "tls", "http", ...
	// ProtocolRange covers the protocol field (added by the parser so that
	// protocol-level diagnostics can point at it).
	ProtocolRange hcl.Range

	Source          AddrExpr
	SourcePort      PortExpr
	Bidirectional   bool // "<>" (standard rules: direction ANY)
	Destination     AddrExpr
	DestinationPort PortExpr

	// Options in written order, metadata included.
	Options []Option

	// Values of common options, extracted while parsing. SID is required.
	SID int64
	Rev int64
	Msg string

	// Text is the rule as Suricata would read it (for standard rules and
	// domain lists, the generated rule string).
	Text string
	// Range covers the rule text in its source file: for a standard rule
	// the stateful_rule block, for a domain list the domain_list block.
	Range  hcl.Range
	Format Format
}

// Location returns "FILE:LINE" of the rule's start, as the CLI shows it.
func (r *Rule) Location() string {
	return r.Range.Filename + ":" + strconv.Itoa(r.Range.Start.Line)
}

// Option is one rule option, "name" or "name:value;".
type Option struct {
	Name string
	// Value is the text between ':' and the terminating ';', with
	// surrounding whitespace trimmed and escapes kept as written (use
	// Unquote for the unescaped value). HasValue is false for bare options
	// such as "nocase;".
	Value    string
	HasValue bool
	// Range covers the whole option, ValueRange only its value.
	Range      hcl.Range
	ValueRange hcl.Range
}

// AddrKind is the kind of an address expression node.
type AddrKind uint8

// Address expression kinds.
const (
	AddrAny    AddrKind = iota + 1 // any
	AddrPrefix                     // a CIDR or a single address (as /32 or /128)
	AddrRange                      // first-last address range
	AddrVar                        // $NAME
	AddrRef                        // @NAME (ip_set_reference)
	AddrGroup                      // [a, b, ...]
)

// AddrExpr is a Suricata address expression.
type AddrExpr struct {
	Kind    AddrKind
	Negated bool
	Prefix  netip.Prefix // AddrPrefix
	First   netip.Addr   // AddrRange
	Last    netip.Addr   // AddrRange
	Name    string       // AddrVar, AddrRef (without $ or @)
	Elems   []AddrExpr   // AddrGroup
	Range   hcl.Range
}

// PortKind is the kind of a port expression node.
type PortKind uint8

// Port expression kinds.
const (
	PortAny   PortKind = iota + 1 // any
	PortRange                     // 443, 1024:65535, 1024:, :1023
	PortVar                       // $NAME
	PortGroup                     // [a, b, ...]
)

// PortExpr is a Suricata port expression.
type PortExpr struct {
	Kind    PortKind
	Negated bool
	Ports   ports.Range // PortRange
	Name    string      // PortVar
	Elems   []PortExpr  // PortGroup
	Range   hcl.Range
}

// Text is Suricata rule text with the position of each of its lines in the
// source file. It is the parser's input.
type Text = policyspec.Text
