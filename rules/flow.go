package rules

import (
	"net/netip"
	"strconv"
)

// L4 is a transport protocol by IANA number.
type L4 uint8

// Transport protocols a flow can use.
const (
	ICMP L4 = 1
	TCP  L4 = 6
	UDP  L4 = 17
)

// String returns "tcp", "udp" or "icmp".
func (p L4) String() string {
	switch p {
	case TCP:
		return "tcp"
	case UDP:
		return "udp"
	case ICMP:
		return "icmp"
	}
	return "proto-" + strconv.Itoa(int(p))
}

// Value is an application-layer fact of a flow (a TLS SNI, an HTTP Host, a
// DNS query name) that the query may or may not state.
type Value struct {
	// Known is false when the query does not state the value: rules that
	// test it are then may-match.
	Known bool
	// Value is the stated value; "" with Known means the field is absent
	// from the traffic (for example a ClientHello without SNI).
	Value string
}

// Known returns a stated Value.
func Known(v string) Value { return Value{Known: true, Value: v} }

// Visibility tells which directions of a flow pass through the firewall
// endpoint being evaluated.
type Visibility uint8

// Visibilities.
const (
	SeesBoth       Visibility = iota // symmetric routing
	SeesClientOnly                   // the reply bypasses the endpoint
	SeesServerOnly                   // the request bypasses the endpoint
)

// Flow is one flow as a firewall endpoint sees it: the client opens it,
// the server answers.
type Flow struct {
	Protocol   L4
	Client     netip.Addr
	Server     netip.Addr
	ClientPort uint16 // 0 for ICMP
	ServerPort uint16 // 0 for ICMP
	// App is the application protocol carried by the payload: "tls",
	// "http", "dns", "ssh", "smtp", ...; "raw" for payload of no protocol
	// Suricata recognises.
	App      string
	SNI      Value // TLS server name (app "tls")
	HTTPHost Value // HTTP Host header (app "http")
	DNSQuery Value // DNS query name (app "dns")
	// Visibility is which directions the endpoint sees.
	Visibility Visibility
}

// Phase is one packet (or group of like packets) of a flow.
type Phase uint8

// Phases. A TCP flow is SYN, SYN-ACK, ACK, client data, server data; a UDP
// or ICMP flow is request then reply.
const (
	PhaseSYN Phase = iota + 1
	PhaseSYNACK
	PhaseACK
	PhaseClientData
	PhaseServerData
	PhaseRequest
	PhaseReply
)

// String returns the phase's name as the CLI shows it ("SYN", "client
// data", ...).
func (p Phase) String() string {
	switch p {
	case PhaseSYN:
		return "SYN"
	case PhaseSYNACK:
		return "SYN-ACK"
	case PhaseACK:
		return "ACK"
	case PhaseClientData:
		return "client data"
	case PhaseServerData:
		return "server data"
	case PhaseRequest:
		return "request"
	case PhaseReply:
		return "reply"
	}
	return "invalid"
}

// ToServer reports whether the phase's packets travel client to server.
func (p Phase) ToServer() bool {
	switch p {
	case PhaseSYN, PhaseACK, PhaseClientData, PhaseRequest:
		return true
	}
	return false
}

// Phases returns the phases of a flow of protocol p, in order.
func Phases(p L4) []Phase {
	if p == TCP {
		return []Phase{PhaseSYN, PhaseSYNACK, PhaseACK, PhaseClientData, PhaseServerData}
	}
	return []Phase{PhaseRequest, PhaseReply}
}

// Outcome is what happens to a phase's packets, or to a whole flow.
type Outcome uint8

// Outcomes.
const (
	Pass      Outcome = iota + 1
	Drop              // dropped or rejected
	Ambiguous         // depends on something the configuration cannot decide
)

// String returns "pass", "drop" or "ambiguous".
func (o Outcome) String() string {
	switch o {
	case Pass:
		return "pass"
	case Drop:
		return "drop"
	case Ambiguous:
		return "ambiguous"
	}
	return "invalid"
}

// DecisionKind tells what decided a phase.
type DecisionKind uint8

// Decision kinds.
const (
	// DecidedByRule: a stateful rule matched this packet (Rule, Action).
	DecidedByRule DecisionKind = iota + 1
	// DecidedByLatch: an earlier packet's rule decided the whole flow
	// (Rule, Action, LatchedAt).
	DecidedByLatch
	// DecidedByDefault: a stateful default action (DefaultAction).
	DecidedByDefault
	// DecidedByNoMatch: no stateful rule decided the packet and no default
	// action dropped it; the packet passes. DefaultAction names the
	// policy's default actions that did not act on it ("" for none).
	DecidedByNoMatch
	// DecidedByStateless: a stateless rule with aws:pass or aws:drop
	// (StatelessGroup, StatelessPriority, Action).
	DecidedByStateless
	// DecidedByStatelessDefault: the stateless default action
	// (DefaultAction).
	DecidedByStatelessDefault
	// DecidedByStreamException: the endpoint saw a TCP flow's server
	// packets without its start (StreamExceptionPolicy DROP or REJECT).
	DecidedByStreamException
)

// Decision is what decided one phase.
type Decision struct {
	Kind DecisionKind
	// Outcome is Pass or Drop.
	Outcome Outcome
	// Action of the rule (stateful kinds), or ActionPass/ActionDrop for
	// stateless ones.
	Action Action
	// Rule is the stateful rule (DecidedByRule, DecidedByLatch).
	Rule *Rule
	// LatchedAt is the phase whose packet latched the flow decision.
	LatchedAt Phase
	// DefaultAction names the default, such as "aws:drop_established" or
	// "aws:forward_to_sfe".
	DefaultAction string
	// StatelessGroup and StatelessPriority name a stateless rule.
	StatelessGroup    string
	StatelessPriority int
	// Unsupported lists the options of Rule that the engine could not
	// decide and assumed to match (metadata never appears here).
	Unsupported []string
}

// PhaseResult is the outcome of one phase.
type PhaseResult struct {
	Phase   Phase
	Outcome Outcome
	// Decision is what decided the phase in the baseline world (every
	// may-match rule taken as not matching).
	Decision Decision
	// Alternatives are deciders in other worlds that give a different
	// outcome (set when Outcome is Ambiguous).
	Alternatives []Decision
}

// Result is the firewall's verdict on a flow.
type Result struct {
	// Verdict is Pass when every phase passes in every world, Drop when a
	// phase drops in every world, Ambiguous otherwise.
	Verdict Outcome
	// Phases in flow order; phases the endpoint does not see are left out.
	Phases []PhaseResult
	// MayMatch are the rules with undecidable options that could match
	// ahead of the deciding rule. When Verdict is Ambiguous they include
	// the rules that change the outcome (ChangesOutcome).
	MayMatch []MayMatch
	// Notes are informational remarks (for example a fail-open asymmetric
	// flow), for the CLI's additional details.
	Notes []string
}

// MayMatch is a rule the engine could not decide.
type MayMatch struct {
	Rule *Rule
	// Options the engine could not decide.
	Options []string
	// ChangesOutcome is true when the rule matching or not changes the
	// flow's verdict.
	ChangesOutcome bool
}
