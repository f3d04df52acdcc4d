package render

import (
	"fmt"
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

// firewallText renders a firewall decision in one line.
func firewallText(f *analyzer.FirewallRuleInfo) string {
	var s string
	switch f.Engine {
	case "stateful":
		s = fmt.Sprintf("%s %s sid %d (%s)", f.Action, f.Protocol, f.SID, f.RuleGroup)
		if f.Location != "" {
			s += " " + f.Location
		}
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
