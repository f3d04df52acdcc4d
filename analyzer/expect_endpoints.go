package analyzer

import (
	"errors"
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/topology"
)

// endpointError is an end of a query (end: "from" or "to") that cannot
// be resolved. Its message names the CLI flag, as analyze path shows it;
// expect blocks report err alone, at the attribute.
type endpointError struct {
	end string
	err error
}

func (e *endpointError) Error() string { return "--" + e.end + ": " + e.err.Error() }
func (e *endpointError) Unwrap() error { return e.err }

// expectQuery is the query an expect block asks.
func expectQuery(e *topology.Expect) Query {
	return Query{From: e.From.String(), To: e.To.String(), Protocol: e.Protocol, Port: e.Port,
		HasPort: e.HasPort, App: e.App, SNI: e.SNI, HTTPHost: e.HTTPHost}
}

// checkExpectEndpoints resolves the query of every expect block as check
// would and reports each that cannot be asked (an end that resolves to
// nothing: a reserved address, an address in a VPC but no subnet, a NAT
// gateway as source, two internet ends, ...) as an error located at the
// from or to attribute (at the block for the rest): an expectation that
// cannot be asked is an error of the topology, found by validate, not a
// failed check. Compile calls it, so that it runs before any query.
func (n *Network) checkExpectEndpoints() hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, e := range n.topo.Expects {
		_, _, _, _, err := n.resolve(expectQuery(e))
		if err == nil {
			continue
		}
		subject, detail := e.Range, fmt.Sprintf("The query of %s cannot be asked: %s.", e.Addr(), err)
		var ee *endpointError
		if errors.As(err, &ee) {
			subject = e.From.Range
			if ee.end == "to" {
				subject = e.To.Range
			}
			detail = fmt.Sprintf("The %s of %s, %s, cannot be an end of a path: %s.", ee.end, e.Addr(), endpointName(e, ee.end), ee.err)
		}
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Unresolvable expect endpoint",
			Detail:   detail,
			Subject:  subject.Ptr(),
		})
	}
	return diags
}

func endpointName(e *topology.Expect, end string) string {
	if end == "to" {
		return e.To.String()
	}
	return e.From.String()
}
