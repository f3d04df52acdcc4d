package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/vpcreach/vpcreach/logcheck"
)

// shownExamples is how many example classes a table shows per group.
const shownExamples = 3

// writeExplainTable prints the drift summary, then the drifted, ambiguous
// and agreeing alert classes and the netflow classes, top of each.
func writeExplainTable(w io.Writer, r *logcheck.ExplainReport, top int) error {
	writeInputLine(w, r.Input)
	s := r.Summary
	fmt.Fprintf(w, "\nDrift summary: %d alert classes and %d flow classes; %d agree, %d drift, %d ambiguous.\n",
		s.AlertClasses, s.FlowClasses, s.Agrees, s.Drifted, s.Ambiguous)
	fmt.Fprintln(w, "(A class is the flows of one client to one server port with the same protocol, app and host,\n"+
		"at one firewall endpoint; classes the model explains alike are grouped below.)")
	if len(s.ByKind) > 0 {
		rows := [][]string{}
		for _, k := range s.ByKind {
			rows = append(rows, []string{k.Kind, strconv.Itoa(k.Classes), itoa64(k.Events)})
		}
		if err := writeRows(w, []string{"Drift", "Classes", "Events"}, rows); err != nil {
			return err
		}
	}
	fmt.Fprintln(w, "\nAlerts:")
	if len(r.Alerts) == 0 {
		fmt.Fprintln(w, "  (none)")
	}
	for i, a := range r.Alerts {
		if top > 0 && i == top {
			fmt.Fprintf(w, "\n  ... %d more alert groups (--top 0 shows all)\n", len(r.Alerts)-top)
			break
		}
		writeAlertExplanation(w, a)
	}
	fmt.Fprintln(w, "\nFlows (every logged flow, with the model's verdict):")
	if len(r.Flows) == 0 {
		fmt.Fprintln(w, "  (none)")
	}
	for i, f := range r.Flows {
		if top > 0 && i == top {
			fmt.Fprintf(w, "\n  ... %d more flow groups (--top 0 shows all)\n", len(r.Flows)-top)
			break
		}
		writeFlowExplanation(w, f)
	}
	return nil
}

// classText renders a class's flow.
func classText(c logcheck.Class) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s -> %s:%d %s", c.Client, c.Server, c.Port, strings.ToLower(c.Protocol))
	if c.AppProtocol != "" {
		fmt.Fprintf(&b, " %s", c.AppProtocol)
	}
	if c.SNI != "" {
		fmt.Fprintf(&b, " sni=%s", c.SNI)
	}
	if c.HTTPHost != "" {
		fmt.Fprintf(&b, " host=%s", c.HTTPHost)
	}
	return b.String()
}

// groupCounts renders where and how much a group was logged.
func groupCounts(g logcheck.Group) string {
	return fmt.Sprintf("at %s/%s: %d events, %d flows (%d blocked) in %d classes",
		g.Firewall, g.AvailabilityZone, g.Events, g.Flows, g.BlockedFlows, g.Classes)
}

func writeExamples(w io.Writer, g logcheck.Group) {
	for i, c := range g.Examples {
		if i == shownExamples {
			break
		}
		fmt.Fprintf(w, "    e.g. %s (%d events)\n", classText(c), c.Events)
	}
	if g.Classes > shownExamples {
		fmt.Fprintf(w, "    ... and %d more classes\n", g.Classes-min(shownExamples, len(g.Examples)))
	}
}

func writeAlertExplanation(w io.Writer, a logcheck.AlertGroup) {
	fmt.Fprintf(w, "\n  [%s] sid %d %s %q %s\n", strings.ToUpper(a.Status), a.SID, a.Action, a.Signature, groupCounts(a.Group))
	writeExamples(w, a.Group)
	if a.Rule != nil {
		fmt.Fprintf(w, "    model rule: %s at %s: %s\n", a.Rule.RuleGroup, a.Rule.Location, a.Rule.Rule)
	}
	writeModel(w, a.Model)
	writeDrift(w, a.Drift, a.Reason)
}

func writeFlowExplanation(w io.Writer, f logcheck.FlowGroup) {
	fmt.Fprintf(w, "\n  [%s] %s\n", strings.ToUpper(f.Status), groupCounts(f.Group))
	writeExamples(w, f.Group)
	writeModel(w, f.Model)
	writeDrift(w, f.Drift, f.Reason)
}

func writeModel(w io.Writer, m logcheck.ModelAnswer) {
	if m.Verdict != "" {
		fmt.Fprintf(w, "    model: %s %s", m.Firewall, m.Verdict)
		if d := m.DecidedBy; d != nil {
			fmt.Fprintf(w, " (%s)", firewallText(d))
		}
		fmt.Fprintln(w)
	}
	if m.Firewall != "" {
		route := "no firewall endpoint"
		if len(m.Endpoints) > 0 {
			route = strings.Join(m.Endpoints, ", ")
		}
		fmt.Fprintf(w, "    routed via: %s\n", route)
	}
}

func writeDrift(w io.Writer, ds []logcheck.Drift, reason string) {
	for _, d := range ds {
		loc := ""
		if d.Location != nil {
			loc = fmt.Sprintf(" [%s:%d]", d.Location.File, d.Location.Line)
		}
		fmt.Fprintf(w, "    drift %s: %s%s\n", d.Kind, d.Message, loc)
	}
	if reason != "" {
		fmt.Fprintf(w, "    ambiguous: %s\n", reason)
	}
}
