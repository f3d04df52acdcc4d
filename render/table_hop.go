package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/vpcreach/vpcreach/analyzer"
)

// hopComponent renders a hop's component, with the side of a subnet hop.
func hopComponent(h *analyzer.Hop) string {
	if h.Direction != "" {
		return h.Component + " (" + h.Direction + ")"
	}
	return h.Component
}

// decidedBy renders the route, rule or translation that applied at a hop.
func decidedBy(h *analyzer.Hop) string {
	var parts []string
	if r := h.SecurityGroupRule; r != nil {
		peer := r.CIDR
		if r.ReferencedSecurityGroup != "" {
			peer = r.ReferencedSecurityGroup
		}
		if r.PrefixList != "" {
			peer = r.PrefixList
		}
		parts = append(parts, fmt.Sprintf("%s %s rule: %s %s %s", r.SecurityGroup, r.Direction,
			sgProto(r.Protocol, r.PortRange), map[string]string{"ingress": "from", "egress": "to"}[r.Direction], peer))
	}
	if r := h.ACLRule; r != nil {
		side := "ingress"
		if r.Egress {
			side = "egress"
		}
		num := fmt.Sprint(r.RuleNumber)
		if r.RuleNumber == 32767 {
			num = "*"
		}
		parts = append(parts, fmt.Sprintf("%s %s rule %s %s", r.NetworkACL, side, num, r.Action))
	}
	if r := h.Route; r != nil {
		dst := r.Destination
		if r.PrefixList != "" {
			dst = r.PrefixList + " " + dst
		}
		parts = append(parts, fmt.Sprintf("route %s -> %s (%s)", dst, r.Target, r.RouteTable))
	}
	if r := h.TGWRoute; r != nil {
		target := r.Attachment
		if r.Blackhole {
			target = "blackhole"
		}
		dst := r.Destination
		if r.PrefixList != "" {
			dst = r.PrefixList + " " + dst
		}
		parts = append(parts, fmt.Sprintf("route %s -> %s (%s, %s)", dst, target, r.Origin, r.RouteTable))
	}
	if f := h.FirewallRule; f != nil {
		parts = append(parts, firewallText(f))
	}
	if h.Translation != "" {
		parts = append(parts, h.Translation)
	}
	s := strings.Join(parts, "; ")
	switch {
	case h.Blocked && s == "":
		s = "BLOCKED (see the explanations)"
	case h.Blocked:
		s = "BLOCKED: " + s
	}
	return s
}

func sgProto(proto, ports string) string {
	if proto == "-1" {
		return "all traffic"
	}
	if ports == "any" {
		return proto
	}
	return proto + "/" + ports
}

// firewallText renders a firewall decision in one line (the rule's text and
// location are in the table's "Firewall rules" section).
func firewallText(f *analyzer.FirewallRuleInfo) string {
	var s string
	switch f.Engine {
	case "stateful":
		s = fmt.Sprintf("%s %s sid %d (%s)", f.Action, f.Protocol, f.SID, f.RuleGroup)
	case "default_action":
		if f.DefaultAction == "none" {
			s = "no rule matched, no default action: pass"
		} else {
			s = fmt.Sprintf("default %s: %s", f.DefaultAction, f.Action)
		}
	case "stateless":
		if f.DefaultAction != "" {
			s = fmt.Sprintf("stateless default %s: %s", f.DefaultAction, f.Action)
		} else {
			s = fmt.Sprintf("stateless rule priority %d (%s): %s", f.Priority, f.RuleGroup, f.Action)
		}
	case "stream_exception":
		s = fmt.Sprintf("stream exception policy %s: %s", f.DefaultAction, f.Action)
	}
	if f.Ambiguous {
		s = "AMBIGUOUS at " + f.Phase + " (without the undecidable rules: " + s + ")"
	} else if f.Phase != "" {
		s += " at " + f.Phase
	}
	if f.LatchedAt != "" {
		s += " (flow decided at " + f.LatchedAt + ")"
	}
	return s
}

// hopHeader shows the packet where it starts and wherever a hop rewrites
// it.
func hopHeader(h *analyzer.Hop, first bool) string {
	switch {
	case first && h.OutboundHeader != nil:
		return headerText(h.OutboundHeader)
	case h.InboundHeader != nil && h.OutboundHeader != nil &&
		headerText(h.InboundHeader) != headerText(h.OutboundHeader):
		return headerText(h.OutboundHeader)
	}
	return ""
}

func headerText(h *analyzer.Header) string {
	if h.SourcePort == nil {
		return fmt.Sprintf("%s -> %s %s", h.Source, h.Destination, h.Protocol)
	}
	return fmt.Sprintf("%s:%d -> %s:%d %s", h.Source, *h.SourcePort, h.Destination, *h.DestinationPort, h.Protocol)
}

// narrowWidth is the width under which hops and findings are listed
// rather than tabled.
const narrowWidth = 80

// notReached marks the hops a packet never reaches: they follow a hop that
// stops it, and are shown because they may stop it too.
const notReached = "not reached (shown to report further blockers)"

// firstBlocked is the index of the first hop that stops the packet, or -1.
func firstBlocked(hops []*analyzer.Hop) int {
	for i, h := range hops {
		if h.Blocked {
			return i
		}
	}
	return -1
}

// writeHops writes a path: a table, or a list when o is narrow. Hops
// after the first that stops the packet, and every hop when unreached (a
// reply to a request that was stopped), are marked as not reached.
func writeHops(w io.Writer, hops []*analyzer.Hop, unreached bool, o textOpts) error {
	from := firstBlocked(hops) + 1 // the first hop not reached
	if unreached {
		from = 0
	} else if from == 0 {
		from = len(hops)
	}
	if o.width < narrowWidth {
		writeHopList(w, hops, from, unreached, o)
		return nil
	}
	g := newGrid("#", "COMPONENT", "DECIDED BY", "HEADER")
	for i, h := range hops {
		if i == from && from < len(hops) {
			g.addNote(notReachedText(unreached), dim)
		}
		r := g.add(fmt.Sprint(h.Sequence), hopComponent(h), decidedBy(h), hopHeader(h, i == 0))
		if h.Blocked {
			r.style(2, bad)
		}
	}
	return g.render(w, o)
}

func notReachedText(reply bool) string {
	if reply {
		return "-- " + notReached + ": the request is stopped on the forward path --"
	}
	return "-- " + notReached + " --"
}

// writeHopList is the narrow layout of a path: each hop's number and
// component on a line, then what decided and the header, indented.
func writeHopList(w io.Writer, hops []*analyzer.Hop, from int, unreached bool, o textOpts) {
	for i, h := range hops {
		if i == from && from < len(hops) {
			writeWrapped(w, notReachedText(unreached), "  ", "  ", dim, o)
		}
		writeWrapped(w, hopComponent(h), fmt.Sprintf("%3d ", h.Sequence), "    ", plain, o)
		st := plain
		if h.Blocked {
			st = bad
		}
		if d := decidedBy(h); d != "" {
			writeWrapped(w, d, "      ", "      ", st, o)
		}
		if hd := hopHeader(h, i == 0); hd != "" {
			writeWrapped(w, hd, "      ", "      ", plain, o)
		}
	}
}

// writeRuleTexts lists the text of each stateful rule that decided at a
// hop, with where it is declared: a rule generated from a domain list or a
// stateful_rule block has no text of its own in the topology.
func writeRuleTexts(w io.Writer, a *analyzer.Analysis, o textOpts) {
	seen := map[string]bool{}
	first := true
	for _, hops := range [][]*analyzer.Hop{a.ForwardPath, a.ReturnPath} {
		for _, h := range hops {
			f := h.FirewallRule
			if f == nil || f.Engine != "stateful" || f.Rule == "" {
				continue
			}
			key := fmt.Sprintf("%s\x00%d", f.RuleGroup, f.SID)
			if seen[key] {
				continue
			}
			seen[key] = true
			if first {
				fmt.Fprintf(w, "\nFirewall rules\n")
				first = false
			}
			where := f.RuleGroup
			if f.Location != "" {
				where += ", " + f.Location
			}
			writeWrapped(w, fmt.Sprintf("sid %d (%s):", f.SID, where), "  ", "    ", plain, o)
			writeWrapped(w, f.Rule, "    ", "    ", plain, o)
		}
	}
}
