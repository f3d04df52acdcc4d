package topology

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/policyspec"
)

// tcpFlagNames are the TCP flag names of stateless rules. Read-only.
var tcpFlagNames = []string{"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"}

func (l *loader) resolveStatelessGroup(b *statelessGroupBlock, g *StatelessRuleGroup) {
	seen := map[int]hcl.Range{}
	for _, rb := range b.Rules {
		r := l.statelessRule(rb, g)
		if r == nil {
			continue
		}
		if first, dup := seen[r.Priority]; dup {
			l.errorf(rb.Priority.Range(), "Duplicate rule priority",
				"Priority %d of %s is already used at %s; stateless rules need unique priorities.", r.Priority, g.Addr(), where(first))
			continue
		}
		seen[r.Priority] = rb.Priority.Range()
		g.Rules = append(g.Rules, *r)
	}
}

// statelessRule evaluates one rule; nil when its priority is unusable.
func (l *loader) statelessRule(b *statelessRuleBlock, g *StatelessRuleGroup) *policyspec.StatelessRule {
	what := func(a string) string { return a + " of a rule of " + g.Addr() }
	r := &policyspec.StatelessRule{Range: blockRange(b.DefRange, b.Body)}
	prio, ok := l.integer(b.Priority, what("priority"))
	if ok && (prio < 1 || prio > 65535) {
		l.errorf(b.Priority.Range(), "Priority out of range",
			"The priority %d of a rule of %s must be between 1 and 65535.", prio, g.Addr())
		ok = false
	}
	r.Priority = prio
	actions, _ := l.strs(b.Actions, what("actions"))
	r.Actions = l.standardActions(actions, b.Actions.Range(), what("actions"))
	if present(b.Sources) {
		items, _ := l.prefixes(b.Sources, what("sources"))
		r.Sources = prefixValues(items)
	}
	if present(b.Destinations) {
		items, _ := l.prefixes(b.Destinations, what("destinations"))
		r.Destinations = prefixValues(items)
	}
	if present(b.SourcePorts) {
		r.SourcePorts, _ = l.portList(b.SourcePorts, what("source_ports"))
	}
	if present(b.DestinationPorts) {
		r.DestinationPorts, _ = l.portList(b.DestinationPorts, what("destination_ports"))
	}
	r.Protocols = l.protocolNumbers(b.Protocols, what("protocols"))
	for i, fb := range b.TCPFlags {
		if i > 0 {
			l.errorf(fb.DefRange, "More than one tcp_flags block",
				"A rule of %s has more than one tcp_flags block; list all flags in one block.", g.Addr())
			break
		}
		r.TCPFlags = &policyspec.TCPFlags{
			Flags: l.flagNames(fb.Flags, what("tcp_flags flags")),
			Masks: l.flagNames(fb.Masks, what("tcp_flags masks")),
		}
	}
	if !ok {
		return nil
	}
	return r
}

// protocolNumbers evaluates a list of IANA protocol numbers (0-255).
func (l *loader) protocolNumbers(expr hcl.Expression, what string) []int {
	items, _ := l.list(expr, what)
	var out []int
	for _, it := range items {
		n, ok := l.asInt(it.v, it.rng, "element of the "+what)
		if !ok {
			continue
		}
		if n < 0 || n > 255 {
			l.errorf(it.rng, "Invalid protocol number",
				"The protocol %d in the %s is not an IP protocol number; use 0-255, such as 6 for TCP or 17 for UDP.", n, what)
			continue
		}
		out = append(out, n)
	}
	return out
}

// flagNames evaluates a list of TCP flag names.
func (l *loader) flagNames(expr hcl.Expression, what string) []string {
	items, _ := l.strs(expr, what)
	var out []string
	for _, it := range items {
		if s, ok := l.checkOneOf(it.s, it.rng, "flag in the "+what, tcpFlagNames...); ok {
			out = append(out, s)
		}
	}
	return out
}
