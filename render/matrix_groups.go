package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/render/jsonwire"
)

// MatrixGroupFormats are the formats of a grouped matrix:
// AnalysisFormats and an HTML heatmap.
func MatrixGroupFormats() []Format { return []Format{Table, JSON, HTML} }

// MatrixGroups writes a grouped reachability matrix to w: a table, the
// jsonwire.MatrixGroups document or an HTML heatmap. It returns the first
// write error.
func (f Formatter) MatrixGroups(w io.Writer, m *analyzer.MatrixGroups) error {
	return f.write(w, MatrixGroupFormats(), func(w io.Writer) error {
		switch f.format() {
		case JSON:
			return writeMatrixGroupsJSON(w, m)
		case HTML:
			return writeMatrixHTML(w, m)
		}
		return writeMatrixGroupsTable(w, m)
	})
}

// groupID names group k: S1, S2, ... (prefix "S") or D1, D2, ...
func groupID(prefix string, k int) string { return fmt.Sprintf("%s%d", prefix, k+1) }

// MatrixGroupsJSON converts a grouped matrix into its JSON document.
// Formatter.MatrixGroups writes the same document cell by cell, without
// building it.
func MatrixGroupsJSON(m *analyzer.MatrixGroups) *jsonwire.MatrixGroups {
	if m == nil {
		return nil
	}
	doc := matrixGroupsHead(m)
	for k := range m.SourceGroups {
		for l := range m.DestinationGroups {
			doc.Cells = append(doc.Cells, groupCellJSON(m, k, l))
		}
	}
	return doc
}

// matrixGroupsHead is the document without its cells (an empty list).
func matrixGroupsHead(m *analyzer.MatrixGroups) *jsonwire.MatrixGroups {
	groups := func(prefix string, gs [][]string) []*jsonwire.MatrixGroup {
		out := make([]*jsonwire.MatrixGroup, len(gs))
		for k, g := range gs {
			out[k] = &jsonwire.MatrixGroup{ID: groupID(prefix, k), Members: cloneStrings(g)}
		}
		return out
	}
	return &jsonwire.MatrixGroups{
		SchemaVersion:     m.SchemaVersion,
		Query:             matrixQueryJSON(m.Query),
		Pairs:             m.Pairs,
		SourceGroups:      groups("S", m.SourceGroups),
		DestinationGroups: groups("D", m.DestinationGroups),
		Cells:             []*jsonwire.MatrixGroupCell{},
	}
}

func groupCellJSON(m *analyzer.MatrixGroups, k, l int) *jsonwire.MatrixGroupCell {
	a := m.Cell(k, l)
	return &jsonwire.MatrixGroupCell{FromGroup: groupID("S", k), ToGroup: groupID("D", l),
		Verdict: string(a.Verdict), ReachablePorts: a.ReachablePorts, AmbiguousPorts: a.AmbiguousPorts,
		DecidedBy: a.DecidedBy}
}

// writeMatrixGroupsJSON writes MatrixGroupsJSON(m) as WriteJSON would,
// one cell at a time, so that memory does not grow with the cells.
func writeMatrixGroupsJSON(w io.Writer, m *analyzer.MatrixGroups) error {
	var head bytes.Buffer
	if err := WriteJSON(&head, matrixGroupsHead(m)); err != nil {
		return err
	}
	if len(m.Cells) == 0 {
		_, err := w.Write(head.Bytes())
		return err
	}
	_, _ = w.Write(bytes.TrimSuffix(head.Bytes(), []byte("[]\n}\n")))
	_, _ = io.WriteString(w, "[")
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	for k := range m.SourceGroups {
		for l := range m.DestinationGroups {
			b.Reset()
			if k+l > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n    ")
			if err := enc.Encode(groupCellJSON(m, k, l)); err != nil {
				return err
			}
			if _, err := w.Write(bytes.TrimSuffix(b.Bytes(), []byte("\n"))); err != nil {
				return err
			}
		}
	}
	_, err := io.WriteString(w, "\n  ]\n}\n")
	return err
}

func matrixQueryJSON(q analyzer.MatrixQueryInfo) jsonwire.MatrixQuery {
	return jsonwire.MatrixQuery{By: q.By, Protocol: q.Protocol, DestinationPort: intPtr(q.DestinationPort), Internet: q.Internet}
}

// maxGridColumns is the most destination groups a grouped matrix shows as
// a grid; with more, each source group lists its answers (writeGroupLists).
const maxGridColumns = 12

// groupLabel shows a group of one endpoint by its name, a larger one as
// "S2 (40)".
func groupLabel(prefix string, k int, g []string) string {
	if len(g) == 1 {
		return g[0]
	}
	return fmt.Sprintf("%s (%d)", groupID(prefix, k), len(g))
}

// writeMatrixGroupsTable prints a grouped matrix for a person: a headline,
// one row per source group and one column per destination group (a group
// of one endpoint is shown by its name; with more than maxGridColumns
// destination groups, a list per source group instead), the members of
// the larger groups and a legend.
func writeMatrixGroupsTable(w io.Writer, m *analyzer.MatrixGroups) error {
	fmt.Fprintln(w, matrixGroupsHeadline(m))
	fmt.Fprintln(w)
	if len(m.DestinationGroups) > maxGridColumns {
		writeGroupLists(w, m)
	} else if err := writeGroupGrid(w, m); err != nil {
		return err
	}
	writeGroupMembers(w, "S", m.SourceGroups)
	writeGroupMembers(w, "D", m.DestinationGroups)
	fmt.Fprintln(w, matrixLegend(&analyzer.Matrix{Query: m.Query}))
	if merged(m.SourceGroups) || merged(m.DestinationGroups) {
		fmt.Fprintln(w, "A group's cell is the answer of every pair of its members but an endpoint with itself;\n"+
			"--expand lists every pair.")
	}
	return nil
}

// writeGroupLists prints, for each source group, its distinct answers,
// each with what decided it and the destination groups that get it.
func writeGroupLists(w io.Writer, m *analyzer.MatrixGroups) {
	for k, g := range m.SourceGroups {
		fmt.Fprintf(w, "FROM %s\n", groupLabel("S", k, g))
		type answer struct{ text, by string }
		var order []answer
		dsts := map[answer][]string{}
		for l, dg := range m.DestinationGroups {
			c := m.Cell(k, l)
			a := answer{cellText(&analyzer.MatrixCell{Verdict: c.Verdict, ReachablePorts: c.ReachablePorts,
				AmbiguousPorts: c.AmbiguousPorts}), c.DecidedBy}
			if _, ok := dsts[a]; !ok {
				order = append(order, a)
			}
			dsts[a] = append(dsts[a], groupLabel("D", l, dg))
		}
		for _, a := range order {
			by := ""
			if a.by != "" {
				by = " (" + a.by + ")"
			}
			fmt.Fprintf(w, "  %s%s: %s\n", a.text, by, strings.Join(dsts[a], ", "))
		}
	}
}

// writeGroupGrid prints one row per source group and one column per
// destination group.
func writeGroupGrid(w io.Writer, m *analyzer.MatrixGroups) error {
	label := groupLabel
	header := []string{`FROM \ TO`}
	for k, g := range m.DestinationGroups {
		header = append(header, label("D", k, g))
	}
	g := newGrid(header...)
	cols := len(m.DestinationGroups)
	for k, sg := range m.SourceGroups {
		row := []string{label("S", k, sg)}
		for l := range cols {
			c := m.Cell(k, l)
			row = append(row, cellText(&analyzer.MatrixCell{Verdict: c.Verdict,
				ReachablePorts: c.ReachablePorts, AmbiguousPorts: c.AmbiguousPorts}))
		}
		g.add(row...)
	}
	return g.render(w, textOpts{width: max(DefaultWidth, g.naturalWidth())})
}

// writeGroupMembers lists the members of each group of more than one.
func writeGroupMembers(w io.Writer, prefix string, groups [][]string) {
	for k, g := range groups {
		if len(g) > 1 {
			fmt.Fprintf(w, "%s: %s\n", groupID(prefix, k), strings.Join(g, ", "))
		}
	}
}

// matrixGroupsHeadline says what was asked, how many pairs are reachable
// and how many groups hold them.
func matrixGroupsHeadline(m *analyzer.MatrixGroups) string {
	what := queryWhat(m.Query)
	pairs, reach := groupPairs(m)
	return fmt.Sprintf("Reachability by %s (%s): %d of %d pairs reachable, in %d x %d groups; internet = %s",
		m.Query.By, what, reach, pairs, len(m.SourceGroups), len(m.DestinationGroups), m.Query.Internet)
}

// groupPairs counts the pairs the cells answer (not NOT_APPLICABLE, an
// endpoint with itself left out) and the reachable ones among them.
func groupPairs(m *analyzer.MatrixGroups) (pairs, reach int) {
	dstGroup := map[string]int{}
	for l, g := range m.DestinationGroups {
		for _, d := range g {
			dstGroup[d] = l
		}
	}
	self := map[[2]int]int{} // endpoints in both a source and a destination group
	for k, g := range m.SourceGroups {
		for _, s := range g {
			if l, ok := dstGroup[s]; ok {
				self[[2]int{k, l}]++
			}
		}
	}
	for k, sg := range m.SourceGroups {
		for l, dg := range m.DestinationGroups {
			v := m.Cell(k, l).Verdict
			if v == analyzer.NotApplicable {
				continue
			}
			n := len(sg)*len(dg) - self[[2]int{k, l}]
			pairs += n
			if v == analyzer.Reachable {
				reach += n
			}
		}
	}
	return pairs, reach
}

// merged reports whether some group has more than one member.
func merged(groups [][]string) bool {
	for _, g := range groups {
		if len(g) > 1 {
			return true
		}
	}
	return false
}
