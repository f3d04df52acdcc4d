package analyzer

import (
	"context"
	"fmt"
	"strings"

	"github.com/vpcreach/vpcreach/ports"
	"github.com/vpcreach/vpcreach/topology"
)

// CheckResult is the outcome of one expect block (`vpcreach check`).
type CheckResult struct {
	// Expect is the expectation's address, "expect.NAME".
	Expect string `json:"expect"`
	Holds  bool   `json:"holds"`
	// Reason says, in one sentence, why the expectation fails.
	Reason string `json:"reason,omitempty"`
	// DecidedBy names the component or rule that decided the verdict.
	DecidedBy string    `json:"decided_by,omitempty"`
	Analysis  *Analysis `json:"analysis"`
	// Error is set when the expectation's query cannot be asked.
	Error string `json:"error,omitempty"`

	// Block is the expect block, for locating results (SARIF).
	Block *topology.Expect `json:"-"`
}

// Check evaluates every expect block of the topology, in name order. When
// ctx is done before every block is evaluated, it returns ctx's error.
func (n *Network) Check(ctx context.Context) ([]*CheckResult, error) {
	out := make([]*CheckResult, 0, len(n.topo.Expects))
	for _, e := range n.topo.Expects {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		out = append(out, n.CheckExpect(e))
	}
	return out, nil
}

// CheckExpect evaluates one expect block: its query, the reachability it
// states (with a "ports" set, exactly those ports must be reachable), and
// the components the forward path must or must not traverse. An AMBIGUOUS
// verdict never satisfies an expectation.
func (n *Network) CheckExpect(e *topology.Expect) *CheckResult {
	r := &CheckResult{Expect: e.Addr(), Block: e}
	q := Query{From: e.From.String(), To: e.To.String(), Protocol: e.Protocol, Port: e.Port,
		HasPort: e.HasPort, App: e.App, SNI: e.SNI, HTTPHost: e.HTTPHost}
	a, err := n.AnalyzePath(q)
	if err != nil {
		r.Error = queryText(err)
		r.Reason = r.Error
		return r
	}
	r.Analysis = a
	r.DecidedBy = decidedBy(a)
	var reasons []string
	if why := reachabilityMismatch(e, a); why != "" {
		reasons = append(reasons, why)
	}
	reasons = append(reasons, n.traversalMismatch(e, a)...)
	r.Holds = len(reasons) == 0
	r.Reason = strings.Join(reasons, "; ")
	return r
}

// reachabilityMismatch returns why a's verdict contradicts e, or "".
func reachabilityMismatch(e *topology.Expect, a *Analysis) string {
	if e.HasPorts && (len(a.PortRanges) > 0 || len(a.AddressRanges) > 0) {
		got := reachableSet(a.PortRanges)
		for _, ar := range a.AddressRanges {
			got = got.Union(reachableSet(ar.PortRanges))
		}
		if e.Reachable && !got.Equal(e.Ports) {
			return fmt.Sprintf("expected exactly ports %s reachable, got %s", e.Ports, got)
		}
		if !e.Reachable && !got.Intersect(e.Ports).IsEmpty() {
			return fmt.Sprintf("expected ports %s unreachable, but %s are reachable", e.Ports, got.Intersect(e.Ports))
		}
		return ambiguousRanges(a.PortRanges, e.Ports)
	}
	switch {
	case e.Reachable && a.Verdict != Reachable:
		return fmt.Sprintf("expected reachable, got %s: %s", a.Verdict, verdictReason(a))
	case !e.Reachable && a.Verdict != NotReachable:
		return fmt.Sprintf("expected unreachable, got %s", a.Verdict) + reachableDetail(a)
	}
	return ""
}

func ambiguousRanges(rs []*PortRangeResult, within ports.Set) string {
	for _, r := range rs {
		set := ports.NewSet(ports.Range{Lo: uint16(r.From), Hi: uint16(r.To)})
		if r.Verdict == Ambiguous && !set.Intersect(within).IsEmpty() {
			return fmt.Sprintf("ports %s are AMBIGUOUS", set.Intersect(within))
		}
	}
	return ""
}

func reachableDetail(a *Analysis) string {
	if len(a.PortRanges) == 0 {
		return ""
	}
	return fmt.Sprintf(" (reachable on %s)", reachableSet(a.PortRanges))
}

// reachableSet is the set of ports whose class is REACHABLE.
func reachableSet(rs []*PortRangeResult) ports.Set {
	var out []ports.Range
	for _, r := range rs {
		if r.Verdict == Reachable {
			out = append(out, ports.Range{Lo: uint16(r.From), Hi: uint16(r.To)})
		}
	}
	return ports.NewSet(out...)
}

// verdictReason is the first blocking finding, or the ambiguity.
func verdictReason(a *Analysis) string {
	if len(a.Explanations) > 0 {
		f := a.Explanations[0]
		return fmt.Sprintf("%s at %s: %s", f.Code, f.Component, f.Message)
	}
	for _, f := range a.AdditionalDetails {
		if f.Code == CodeFirewallUnsupportedHigherPriority || f.Code == CodeSubnetACLRestriction {
			return f.Message
		}
	}
	return "no path"
}

// decidedBy names what decided a's verdict: the first blocking finding's
// component and code, else the firewall rule that passed the flow.
func decidedBy(a *Analysis) string {
	if len(a.Explanations) > 0 {
		f := a.Explanations[0]
		return f.Code + " at " + f.Component
	}
	for _, h := range a.ForwardPath {
		if f := h.FirewallRule; f != nil {
			if f.Engine == EngineStateful {
				return fmt.Sprintf("%s sid %d (%s %s) in %s", h.Component, f.SID, f.Action, f.Protocol, f.RuleGroup)
			}
			return fmt.Sprintf("%s %s %s", h.Component, f.Engine, f.DefaultAction)
		}
	}
	return ""
}

// traversalMismatch checks the through and not_through lists against the
// forward path.
func (n *Network) traversalMismatch(e *topology.Expect, a *Analysis) []string {
	seen := n.traversed(a.ForwardPath)
	var out []string
	for _, r := range e.Through {
		if !seen[r.Addr()] {
			out = append(out, fmt.Sprintf("the forward path does not traverse %s", r.Addr()))
		}
	}
	for _, r := range e.NotThrough {
		if seen[r.Addr()] {
			out = append(out, fmt.Sprintf("the forward path traverses %s", r.Addr()))
		}
	}
	return out
}

// traversed is every resource a path passes: its hops' components and
// what they name (VPCs, subnets, route tables, ACLs, security groups,
// firewalls, rule groups and policies).
func (n *Network) traversed(path []*Hop) map[string]bool {
	seen := map[string]bool{}
	add := func(ss ...string) {
		for _, s := range ss {
			if s != "" {
				seen[s] = true
			}
		}
	}
	for _, h := range path {
		add(h.Component, h.VPC, h.Subnet)
		if r, ok := n.topo.Resource(h.Component); ok {
			if ep, ok := r.(*topology.FirewallEndpoint); ok {
				add(ep.Firewall.Addr(), ep.Firewall.Policy.Addr())
			}
		}
		if h.Route != nil {
			add(h.Route.RouteTable)
		}
		if h.TGWRoute != nil {
			add(h.TGWRoute.RouteTable, h.TGWRoute.Attachment)
		}
		if h.ACLRule != nil {
			add(h.ACLRule.NetworkACL)
		}
		if h.SecurityGroupRule != nil {
			add(h.SecurityGroupRule.SecurityGroup)
		}
		if f := h.FirewallRule; f != nil {
			add(f.Firewall, f.RuleGroup, f.Policy)
		}
	}
	return seen
}
