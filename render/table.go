package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/vpcreach/vpcreach/analyzer"
)

// newTable returns a plain-ASCII table (deterministic for golden files)
// whose cells wrap at a readable width.
func newTable(w io.Writer, headers ...string) *tablewriter.Table {
	t := tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleASCII)})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithRowMaxWidth(64),
	)
	t.Header(toAny(headers)...)
	return t
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// writeAnalysisTable prints an analysis for a person: the verdict in
// words, the hops of both paths with what decided at each, and the
// findings.
func writeAnalysisTable(w io.Writer, a *analyzer.Analysis) error {
	fmt.Fprintln(w, headline(a))
	if len(a.PortRanges) > 0 {
		fmt.Fprintln(w)
		if err := writeRanges(w, a.PortRanges); err != nil {
			return err
		}
	}
	if len(a.AddressRanges) > 0 {
		fmt.Fprintln(w)
		if err := writeAddressRanges(w, a.AddressRanges); err != nil {
			return err
		}
	}
	for _, sec := range []struct {
		title string
		hops  []*analyzer.Hop
	}{{"Forward path", a.ForwardPath}, {"Return path", a.ReturnPath}} {
		if len(sec.hops) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s\n", sec.title)
		if err := writeHops(w, sec.hops); err != nil {
			return err
		}
	}
	if err := writeFindings(w, "Explanations", a.Explanations); err != nil {
		return err
	}
	return writeFindings(w, "Additional details", a.AdditionalDetails)
}

// headline states the verdict in words.
func headline(a *analyzer.Analysis) string {
	desc := describeQuery(a.Query)
	switch a.Verdict {
	case analyzer.Reachable:
		if len(a.AddressRanges) > 0 {
			return fmt.Sprintf("REACHABLE: %s for part of the range (see the address ranges below)", desc)
		}
		if len(a.PortRanges) > 0 {
			return fmt.Sprintf("REACHABLE: %s on %s (see the port ranges below)", desc, reachablePorts(a.PortRanges))
		}
		return fmt.Sprintf("REACHABLE: %s: the request and the reply get through", desc)
	case analyzer.Ambiguous:
		return fmt.Sprintf("AMBIGUOUS: %s: %s", desc, firstMessage(a.AdditionalDetails, analyzer.CodeHopLimitExceeded,
			analyzer.CodeFirewallUnsupportedHigherPriority, analyzer.CodeSubnetACLRestriction))
	}
	msg := "no path"
	if len(a.Explanations) > 0 {
		msg = a.Explanations[0].Message
		if n := len(a.Explanations) - 1; n > 0 {
			msg += fmt.Sprintf(" (and %d more finding%s below)", n, map[bool]string{true: "", false: "s"}[n == 1])
		}
	}
	return fmt.Sprintf("NOT REACHABLE: %s: %s", desc, msg)
}

func firstMessage(fs []*analyzer.Finding, codes ...string) string {
	for _, code := range codes {
		for _, f := range fs {
			if f.Code == code {
				return f.Message
			}
		}
	}
	return "the answer depends on something the configuration cannot decide"
}

func reachablePorts(rs []*analyzer.PortRangeResult) string {
	var parts []string
	for _, r := range rs {
		if r.Verdict == analyzer.Reachable {
			parts = append(parts, portSpan(r.From, r.To))
		}
	}
	return "ports " + strings.Join(parts, ", ")
}

func portSpan(from, to int) string {
	if from == to {
		return fmt.Sprint(from)
	}
	return fmt.Sprintf("%d-%d", from, to)
}

// describeQuery renders "instance.web -> 93.184.216.34 tcp/443 (tls, sni
// www.example.com)".
func describeQuery(q analyzer.QueryInfo) string {
	s := q.Source + " -> " + q.Destination + " " + q.Protocol
	if q.DestinationPort != nil {
		s += fmt.Sprintf("/%d", *q.DestinationPort)
	}
	var extra []string
	if q.AppProtocol != "" {
		extra = append(extra, q.AppProtocol)
	}
	if q.SNI != "" {
		extra = append(extra, "sni "+q.SNI)
	}
	if q.HTTPHost != "" {
		extra = append(extra, "host "+q.HTTPHost)
	}
	if len(extra) > 0 {
		s += " (" + strings.Join(extra, ", ") + ")"
	}
	return s
}

func writeHops(w io.Writer, hops []*analyzer.Hop) error {
	t := newTable(w, "#", "COMPONENT", "DECIDED BY", "HEADER")
	for i, h := range hops {
		if err := t.Append([]string{fmt.Sprint(h.Sequence), hopComponent(h), decidedBy(h), hopHeader(h, i == 0)}); err != nil {
			return err
		}
	}
	return t.Render()
}

func writeFindings(w io.Writer, title string, fs []*analyzer.Finding) error {
	if len(fs) == 0 {
		return nil
	}
	fmt.Fprintf(w, "\n%s\n", title)
	t := newTable(w, "CODE", "DIRECTION", "COMPONENT", "MESSAGE")
	for _, f := range fs {
		if err := t.Append([]string{f.Code, f.Direction, f.Component, f.Message}); err != nil {
			return err
		}
	}
	return t.Render()
}

func writeRanges(w io.Writer, rs []*analyzer.PortRangeResult) error {
	t := newTable(w, "PORTS", "VERDICT", "APP", "DECIDED BY")
	for _, r := range rs {
		if err := t.Append([]string{portSpan(r.From, r.To), string(r.Verdict), r.AppProtocol, rangeDecider(r)}); err != nil {
			return err
		}
	}
	return t.Render()
}

func writeAddressRanges(w io.Writer, rs []*analyzer.AddressRangeResult) error {
	t := newTable(w, "ADDRESSES", "DESTINATION", "VERDICT", "DECIDED BY")
	for _, r := range rs {
		verdict := string(r.Verdict)
		if len(r.PortRanges) > 0 && r.Verdict == analyzer.Reachable {
			verdict += " on " + reachablePorts(r.PortRanges)
		}
		pr := &analyzer.PortRangeResult{Answer: r.Answer}
		if err := t.Append([]string{addrSpan(r.From, r.To), r.Destination, verdict, rangeDecider(pr)}); err != nil {
			return err
		}
	}
	return t.Render()
}

func addrSpan(from, to string) string {
	if from == to {
		return from
	}
	return from + "-" + to
}

// rangeDecider names what decided a port range: its first blocking
// finding, or the firewall rule that passed it.
func rangeDecider(r *analyzer.PortRangeResult) string {
	if len(r.Explanations) > 0 {
		f := r.Explanations[0]
		if f.Component == "" {
			return f.Message
		}
		return f.Component + ": " + f.Message
	}
	for _, h := range r.ForwardPath {
		if h.FirewallRule != nil {
			return h.Component + ": " + firewallText(h.FirewallRule)
		}
	}
	if r.Verdict == analyzer.Ambiguous {
		return firstMessage(r.AdditionalDetails, analyzer.CodeFirewallUnsupportedHigherPriority, analyzer.CodeSubnetACLRestriction)
	}
	return "routes, security groups and network ACLs allow it"
}
