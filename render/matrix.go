package render

import (
	"fmt"
	"io"

	"github.com/vpcreach/vpcreach/analyzer"
)

// writeMatrixTable prints a matrix for a person: a headline, one row per
// source and one column per destination, and a legend. When the columns
// named in full do not fit o.width, they are numbered, with the names
// listed above the table, and the table loses its borders if it must; when
// even that does not fit, or for a brief answer, the matrix is written as
// one line per pair.
func writeMatrixTable(w io.Writer, m *analyzer.Matrix, o textOpts, brief bool) error {
	writeHeadline(w, matrixHeadline(m), o)
	fmt.Fprintln(w)
	if brief {
		writeMatrixList(w, m, o, true)
		return nil
	}
	g := matrixGrid(m, m.Destinations)
	if g.naturalWidth() > o.width {
		numbered := make([]string, len(m.Destinations))
		for i := range numbered {
			numbered[i] = fmt.Sprint(i + 1)
		}
		g = matrixGrid(m, numbered)
		if g.plainWidth() > o.width {
			writeMatrixList(w, m, o, false)
			writeWrapped(w, matrixLegend(m), "", "", plain, o)
			return nil
		}
		fmt.Fprintln(w, "Destinations:")
		for i, d := range m.Destinations {
			writeWrapped(w, d, fmt.Sprintf("%4d  ", i+1), "      ", plain, o)
		}
		fmt.Fprintln(w)
	}
	render := g.render
	if g.naturalWidth() > o.width {
		render = g.renderPlain
	}
	if err := render(w, o); err != nil {
		return err
	}
	writeWrapped(w, matrixLegend(m), "", "", plain, o)
	return nil
}

// matrixGrid is the matrix as a grid with the given column headers.
func matrixGrid(m *analyzer.Matrix, headers []string) *grid {
	g := newGrid(append([]string{`FROM \ TO`}, headers...)...)
	cols := len(m.Destinations)
	for i, src := range m.Sources {
		row := make([]string, 0, cols+1)
		row = append(row, src)
		cells := m.Cells[i*cols : (i+1)*cols]
		for _, c := range cells {
			row = append(row, cellText(c))
		}
		r := g.add(row...)
		for j, c := range cells {
			r.style(j+1, verdictStyle(c.Verdict))
		}
	}
	return g
}

// writeMatrixList writes one line per pair that asks a question:
// "FROM -> TO: CELL" and, for a pair not reachable, what decided; wrapped
// to the width unless brief (one line per answer).
func writeMatrixList(w io.Writer, m *analyzer.Matrix, o textOpts, brief bool) {
	for _, c := range m.Cells {
		if c.Verdict == analyzer.NotApplicable {
			continue
		}
		line := fmt.Sprintf("%s -> %s: %s", c.From, c.To, o.paint(cellText(c), verdictStyle(c.Verdict)))
		if c.DecidedBy != "" {
			line += " (" + c.DecidedBy + ")"
		}
		if brief {
			fmt.Fprintln(w, line)
		} else {
			writeWrapped(w, line, "", "    ", plain, o)
		}
	}
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
