package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/vpcreach/vpcreach/analyzer"
)

// writeAnalysisTable prints an analysis for a person: the verdict in
// words, the port or address ranges, the hops of both paths with what
// decided at each, the firewall rules that decided, and the findings, all
// fitted to o.width.
func writeAnalysisTable(w io.Writer, a *analyzer.Analysis, o textOpts) error {
	writeHeadline(w, headline(a), o)
	if len(a.PortRanges) > 0 {
		fmt.Fprintln(w)
		if err := writeRanges(w, a.PortRanges, o); err != nil {
			return err
		}
	}
	if len(a.AddressRanges) > 0 {
		fmt.Fprintln(w)
		if err := writeAddressRanges(w, a.AddressRanges, o); err != nil {
			return err
		}
	}
	forwardBlocked := firstBlocked(a.ForwardPath) >= 0
	for _, sec := range []struct {
		title     string
		hops      []*analyzer.Hop
		unreached bool
	}{{"Forward path", a.ForwardPath, false}, {"Return path", a.ReturnPath, forwardBlocked}} {
		if len(sec.hops) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s\n", sec.title)
		if err := writeHops(w, sec.hops, sec.unreached, o); err != nil {
			return err
		}
	}
	writeRuleTexts(w, a, o)
	if err := writeFindings(w, "Explanations", a.Explanations, o); err != nil {
		return err
	}
	return writeFindings(w, "Additional details", a.AdditionalDetails, o)
}

// verdictStyle is the colour of a verdict.
func verdictStyle(v analyzer.Verdict) style {
	switch v {
	case analyzer.Reachable:
		return good
	case analyzer.NotReachable:
		return bad
	case analyzer.Ambiguous:
		return warn
	}
	return plain
}

// writeHeadline writes a headline wrapped to the width, its verdict (the
// text before the first ':') coloured.
func writeHeadline(w io.Writer, h string, o textOpts) {
	st := plain
	switch {
	case strings.HasPrefix(h, "REACHABLE"):
		st = good
	case strings.HasPrefix(h, "NOT REACHABLE"):
		st = bad
	case strings.HasPrefix(h, "AMBIGUOUS"):
		st = warn
	}
	for i, line := range wrap(h, max(o.width-2, 10)) {
		if i > 0 {
			line = "  " + line
		} else if verdict, rest, ok := strings.Cut(line, ":"); ok {
			line = o.paint(verdict, st) + ":" + rest
		}
		fmt.Fprintln(w, line)
	}
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

func writeFindings(w io.Writer, title string, fs []*analyzer.Finding, o textOpts) error {
	if len(fs) == 0 {
		return nil
	}
	fmt.Fprintf(w, "\n%s\n", title)
	if o.width < narrowWidth {
		for _, f := range fs {
			head := f.Code
			if f.Direction != "" {
				head += " (" + f.Direction + ")"
			}
			if f.Component != "" {
				head += " at " + f.Component
			}
			writeWrapped(w, head, "  ", "    ", plain, o)
			writeWrapped(w, f.Message, "    ", "    ", plain, o)
		}
		return nil
	}
	g := newGrid("CODE", "DIRECTION", "COMPONENT", "MESSAGE")
	for _, f := range fs {
		g.add(f.Code, f.Direction, f.Component, f.Message)
	}
	return g.render(w, o)
}

func writeAddressRanges(w io.Writer, rs []*analyzer.AddressRangeResult, o textOpts) error {
	g := newGrid("ADDRESSES", "DESTINATION", "VERDICT", "DECIDED BY")
	for _, r := range rs {
		verdict := string(r.Verdict)
		if len(r.PortRanges) > 0 && r.Verdict == analyzer.Reachable {
			verdict += " on " + reachablePorts(r.PortRanges)
		}
		pr := &analyzer.PortRangeResult{Answer: r.Answer}
		g.add(addrSpan(r.From, r.To), r.Destination, verdict, rangeDecider(pr)).style(2, verdictStyle(r.Verdict))
	}
	return g.render(w, o)
}

func addrSpan(from, to string) string {
	if from == to {
		return from
	}
	return from + "-" + to
}
