package render

import (
	"fmt"
	"io"

	"github.com/vpcreach/vpcreach/analyzer"
)

// writeMatrixTable prints a matrix for a person: a headline, one row per
// source and one column per destination, and a legend.
func writeMatrixTable(w io.Writer, m *analyzer.Matrix) error {
	fmt.Fprintln(w, matrixHeadline(m))
	fmt.Fprintln(w)
	t := newTable(w, append([]string{`FROM \ TO`}, m.Destinations...)...)
	cols := len(m.Destinations)
	for i, src := range m.Sources {
		row := make([]string, 0, cols+1)
		row = append(row, src)
		for _, c := range m.Cells[i*cols : (i+1)*cols] {
			row = append(row, cellText(c))
		}
		if err := t.Append(row); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	fmt.Fprintln(w, matrixLegend(m))
	return nil
}

// matrixHeadline says what was asked and how many pairs are reachable.
func matrixHeadline(m *analyzer.Matrix) string {
	what := m.Query.Protocol
	if p := m.Query.DestinationPort; p != nil {
		what += fmt.Sprintf("/%d", *p)
	} else if hasPortSets(m) {
		what += ", every port"
	}
	pairs, reach := 0, 0
	for _, c := range m.Cells {
		if c.Verdict == analyzer.NotApplicable {
			continue
		}
		pairs++
		if c.Verdict == analyzer.Reachable {
			reach++
		}
	}
	return fmt.Sprintf("Reachability by %s (%s): %d of %d pairs reachable; internet = %s",
		m.Query.By, what, reach, pairs, m.Query.Internet)
}

// hasPortSets reports whether the cells carry port sets (no port given,
// tcp or udp).
func hasPortSets(m *analyzer.Matrix) bool {
	return m.Query.DestinationPort == nil && (m.Query.Protocol == "tcp" || m.Query.Protocol == "udp")
}

func matrixLegend(m *analyzer.Matrix) string {
	if hasPortSets(m) {
		return "Cells: the reachable destination ports (all, - for none); ?PORTS: ambiguous ports; n/a: same endpoint.\n" +
			"`vpcreach analyze path --from A --to B` explains a cell."
	}
	return "Cells: yes (REACHABLE), no (NOT_REACHABLE), ? (AMBIGUOUS), n/a (same endpoint).\n" +
		"`vpcreach analyze path --from A --to B` explains a cell."
}

// cellText renders a cell compactly: yes/no/? for a single port, the
// reachable port set (and ?ambiguous ports) otherwise.
func cellText(c *analyzer.MatrixCell) string {
	if c.Verdict == analyzer.NotApplicable {
		return "n/a"
	}
	if c.ReachablePorts == "" {
		return map[analyzer.Verdict]string{analyzer.Reachable: "yes", analyzer.NotReachable: "no", analyzer.Ambiguous: "?"}[c.Verdict]
	}
	s := portsText(c.ReachablePorts)
	if c.AmbiguousPorts != "" {
		if s == "-" {
			return "?" + portsText(c.AmbiguousPorts)
		}
		s += " ?" + portsText(c.AmbiguousPorts)
	}
	return s
}

// portsText renders a port set string ("any", "none", "80,443") for a
// table cell: "all", "-", "80,443".
func portsText(s string) string {
	switch s {
	case "any":
		return "all"
	case "none":
		return "-"
	}
	return s
}
