package diff

import (
	"fmt"
	"net/netip"
	"sort"
	"strings"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/ports"
	"github.com/vpcreach/vpcreach/topology"
)

// MaxFlowFilters is the most flow filters one StartFlowFlush or
// StartFlowCapture operation takes.
const MaxFlowFilters = 20

// endpointFlow is a flow as one firewall endpoint sees it: the client's
// and the server's address there (after any translation before it).
type endpointFlow struct {
	firewall, endpoint, az string
	client, server         netip.Addr
	streamException        string
}

// appendFlow records the flow a firewall endpoint hop sees, oriented
// client to server (a return-path hop carries the reply: its addresses
// are swapped). A hop whose header cannot be read is left out.
func appendFlow(seen []endpointFlow, t *topology.Topology, h *analyzer.Hop, reply bool) []endpointFlow {
	if h.InboundHeader == nil {
		return seen
	}
	src, err1 := netip.ParseAddr(h.InboundHeader.Source)
	dst, err2 := netip.ParseAddr(h.InboundHeader.Destination)
	if err1 != nil || err2 != nil {
		return seen
	}
	if reply {
		src, dst = dst, src
	}
	f := endpointFlow{endpoint: h.Component, az: h.AvailabilityZone, client: src, server: dst}
	if r, ok := t.Resource(h.Component); ok {
		if ep, ok := r.(*topology.FirewallEndpoint); ok && ep.Firewall != nil {
			f.firewall = ep.Firewall.Addr()
			if ep.Subnet != nil && f.az == "" {
				f.az = ep.Subnet.AZ
			}
			if p := ep.Firewall.Policy; p != nil {
				f.streamException = string(p.StreamExceptionPolicy)
			}
		}
	}
	for _, x := range seen {
		if x == f {
			return seen
		}
	}
	return append(seen, f)
}

// FlowFilter is one flow filter of a flow operation: the flows from
// Source to Destination on Protocol and DestinationPorts (every source
// port).
type FlowFilter struct {
	Source, Destination netip.Prefix
	Protocol            topology.Protocol
	// DestinationPorts is the destination port range; HasPorts is false
	// for ICMP.
	DestinationPorts ports.Range
	HasPorts         bool
}

// FlushOperation is one flow flush (and the capture to review it first)
// on one firewall in one Availability Zone: at most MaxFlowFilters
// filters; Part and Parts number the operations of one endpoint when its
// filters need several.
type FlushOperation struct {
	Firewall, Endpoint, AvailabilityZone string
	Part, Parts                          int
	Filters                              []FlowFilter
	// Flows names the changes the filters cover, one line each.
	Flows []string
	// Notes say where a filter flushes more than the flows that changed,
	// and what the stream exception policy does with flushed flows.
	Notes []string
}

// FlushPlan returns, for each firewall endpoint, the flows that were
// allowed (or AMBIGUOUS) before and are blocked after: established flows
// keep the old verdict until they end or are flushed. Each flow is
// filtered as the endpoint saw it on the before path (after any address
// translation before it). A subnet endpoint's address widens to the
// subnet's CIDR and the internet's to 0.0.0.0/0 (say so in the notes:
// the filter then covers addresses the diff did not answer for).
func (r *Report) FlushPlan(before *analyzer.Network) []*FlushOperation {
	byEndpoint := map[string]*FlushOperation{}
	var order []string
	internet := before.InternetAddr()
	for _, c := range r.Changes {
		if c.Kind != NewlyBlocked || c.Before.Verdict == analyzer.NotApplicable {
			continue
		}
		for _, f := range c.Before.seen {
			op := byEndpoint[f.endpoint]
			if op == nil {
				op = &FlushOperation{Firewall: f.firewall, Endpoint: f.endpoint, AvailabilityZone: f.az}
				op.Notes = append(op.Notes, streamNote(f.streamException))

				byEndpoint[f.endpoint] = op
				order = append(order, f.endpoint)
			}
			src, n1 := widen(before.Topology(), c.From, f.client, internet)
			dst, n2 := widen(before.Topology(), c.To, f.server, internet)
			op.Notes = appendNew(appendNew(op.Notes, n1), n2)
			if c.ServerName != "" || r.Query.SNI != "" || r.Query.HTTPHost != "" {
				op.Notes = appendNew(op.Notes, "flow filters cannot match a TLS server name or HTTP Host: "+
					"the filters flush every flow on their addresses, protocol and ports, also those to names the change leaves allowed "+
					"(which must then reconnect)")
			}
			op.Flows = append(op.Flows, flowLine(c))
			if c.Before.Verdict == analyzer.Ambiguous {
				op.Notes = appendNew(op.Notes, flowLine(c)+": AMBIGUOUS before, so possibly allowed; flushed all the same")
			}
			for _, pr := range filterRanges(c) {
				op.Filters = appendFilter(op.Filters, FlowFilter{Source: src, Destination: dst,
					Protocol: protocolOf(c.Protocol), DestinationPorts: pr, HasPorts: c.HasPorts})
			}
		}
	}
	sort.Strings(order)
	var out []*FlushOperation
	for _, ep := range order {
		out = append(out, split(byEndpoint[ep])...)
	}
	return out
}

// streamNote says what the stream exception policy does with the next
// packet of a flushed flow, which the engine then sees midstream.
func streamNote(policy string) string {
	switch strings.ToUpper(policy) {
	case "CONTINUE":
		return "stream_exception_policy CONTINUE: a flushed flow's next packet is inspected midstream and may continue; the flush may leave a flow alive"
	case "REJECT":
		return "stream_exception_policy REJECT: a flushed flow's next packet is rejected (TCP reset): the flow ends"
	}
	return "stream_exception_policy DROP: a flushed flow's next packet is dropped: the flow ends"
}

// widen returns the prefix a flow filter uses for the address a an
// endpoint had at the firewall: the subnet's CIDR for a subnet endpoint
// whose address it is, 0.0.0.0/0 for the internet's representative
// address, else a alone; and a note when it widens.
func widen(t *topology.Topology, name string, a netip.Addr, internet netip.Addr) (netip.Prefix, string) {
	if name == analyzer.MatrixInternet && a == internet {
		return netip.PrefixFrom(netip.IPv4Unspecified(), 0),
			"the internet is filtered as 0.0.0.0/0: flows to or from every internet address are flushed, including any the change leaves allowed"
	}
	if r, ok := t.Resource(name); ok {
		if s, ok := r.(*topology.Subnet); ok && s.CIDR.Contains(a) {
			return s.CIDR.Masked(), fmt.Sprintf("%s is filtered as its CIDR %s: every ENI of the subnet is covered, including any whose security groups already blocked the flow", name, s.CIDR.Masked())
		}
	}
	return netip.PrefixFrom(a, a.BitLen()), ""
}

func filterRanges(c *Change) []ports.Range {
	if !c.HasPorts {
		return []ports.Range{{}}
	}
	return c.Ports.Ranges()
}

func protocolOf(s string) topology.Protocol {
	p, err := analyzer.ParseProtocol(s)
	if err != nil {
		return topology.ProtocolAll
	}
	return p
}

func flowLine(c *Change) string {
	what := c.Protocol
	if c.HasPorts {
		what += " " + c.Ports.String()
	}
	if c.ServerName != "" {
		what += " to server name " + c.ServerName
	}
	return c.From + " -> " + c.To + " " + what
}

// appendFilter adds f unless an equal filter is there.
func appendFilter(fs []FlowFilter, f FlowFilter) []FlowFilter {
	for _, x := range fs {
		if x == f {
			return fs
		}
	}
	return append(fs, f)
}

// split cuts op into operations of at most MaxFlowFilters filters each.
func split(op *FlushOperation) []*FlushOperation {
	n := (len(op.Filters) + MaxFlowFilters - 1) / MaxFlowFilters
	out := make([]*FlushOperation, 0, n)
	for i := range n {
		part := *op
		part.Part, part.Parts = i+1, n
		part.Filters = op.Filters[i*MaxFlowFilters : min((i+1)*MaxFlowFilters, len(op.Filters))]
		out = append(out, &part)
	}
	return out
}
