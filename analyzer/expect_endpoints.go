package analyzer

import (
	"errors"
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/topology"
)

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
		var ee *EndpointError
		if errors.As(err, &ee) {
			attr := "from"
			subject = e.From.Range
			if ee.End == Destination {
				attr, subject = "to", e.To.Range
			}
			detail = fmt.Sprintf("The %s of %s, %s, cannot be an end of a path: %s.", attr, e.Addr(), ee.Spec, ee.Err)
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
