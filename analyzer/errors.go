package analyzer

import (
	"errors"
	"fmt"
)

// End names an end of a path query.
type End uint8

// Query ends.
const (
	Source End = iota + 1
	Destination
)

// String returns "source" or "destination".
func (e End) String() string {
	switch e {
	case Source:
		return "source"
	case Destination:
		return "destination"
	}
	return "invalid end"
}

// EndpointError reports a query end that names nothing a path can start or
// end at: an unknown resource (with a suggestion), an address in no subnet,
// a NAT gateway as a source, an address AWS reserves, ... Err says why, in
// a sentence that quotes Spec.
type EndpointError struct {
	End  End
	Spec string // the end as given in the query
	Err  error
}

// Error returns "source: WHY" or "destination: WHY".
func (e *EndpointError) Error() string { return e.End.String() + ": " + e.Err.Error() }

// Unwrap returns Err.
func (e *EndpointError) Unwrap() error { return e.Err }

// ProtocolError reports a protocol the analyzer does not model: it knows
// tcp, udp and icmp. Known tells a protocol with a name and number that is
// not supported from a name nothing knows.
type ProtocolError struct {
	Protocol string
	Known    bool
}

// Error says what the protocol is and which ones to use.
func (e *ProtocolError) Error() string {
	if e.Known {
		return fmt.Sprintf("protocol %s is not supported; use tcp, udp or icmp", e.Protocol)
	}
	return fmt.Sprintf("unknown protocol %q: use tcp, udp or icmp", e.Protocol)
}

// ErrBothInternet is the error of a query whose two ends are on the
// internet: the path never enters the topology.
var ErrBothInternet = errors.New("both ends are on the internet: the path never enters the topology")

// queryText renders a query error in the wording check and matrix results
// have always shown, which names the CLI's flags (--from, --to). It is
// kept so that their output stays the same; errors themselves carry no
// CLI wording.
func queryText(err error) string {
	var ee *EndpointError
	if !errors.As(err, &ee) {
		return err.Error()
	}
	flag := "--from"
	if ee.End == Destination {
		flag = "--to"
	}
	return flag + ": " + ee.Err.Error()
}
