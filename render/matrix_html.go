package render

import (
	"html/template"
	"io"
	"strings"

	"github.com/vpcreach/vpcreach/analyzer"
)

// matrixPage is what the heatmap's template shows.
type matrixPage struct {
	Title, Headline, Legend string
	Columns                 []heatGroup
	Rows                    []heatRow
}

// heatGroup is a row or column header: "S2 (40)" or an endpoint's name,
// with the group's members.
type heatGroup struct {
	Label, Members string
	Many           bool // more than one member
}

type heatRow struct {
	heatGroup
	Cells []heatCell
}

// heatCell is one cell: its text (as in the table), its class (the
// colour) and what decided it.
type heatCell struct{ Text, Class, Title string }

// writeMatrixHTML writes a grouped matrix as one self-contained HTML page
// (no script, nothing loaded): a heatmap with one row per source group
// and one column per destination group (a group of one endpoint shown by
// its name, a larger one as "S2 (40)"), each cell coloured by its verdict
// (green reachable, light green reachable on some ports, red not
// reachable, amber ambiguous, grey not applicable), what decided it as
// the cell's tooltip, and the members of the larger groups below.
func writeMatrixHTML(w io.Writer, m *analyzer.MatrixGroups) error {
	p := matrixPage{
		Title:    "vpcreach: reachability by " + clip(m.Query.By),
		Headline: clip(matrixGroupsHeadline(m)),
		Legend:   matrixLegend(&analyzer.Matrix{Query: m.Query}),
	}
	for l, g := range m.DestinationGroups {
		p.Columns = append(p.Columns, heatGroup{clip(groupLabel("D", l, g)), membersText(g), len(g) > 1})
	}
	for k, g := range m.SourceGroups {
		row := heatRow{heatGroup: heatGroup{clip(groupLabel("S", k, g)), membersText(g), len(g) > 1}}
		for l := range m.DestinationGroups {
			a := m.Cell(k, l)
			c := &analyzer.MatrixCell{Verdict: a.Verdict, ReachablePorts: a.ReachablePorts, AmbiguousPorts: a.AmbiguousPorts}
			row.Cells = append(row.Cells, heatCell{Text: clip(cellText(c)), Class: heatClass(c), Title: clip(a.DecidedBy)})
		}
		p.Rows = append(p.Rows, row)
	}
	return matrixHTML.Execute(w, p)
}

// heatClass is a cell's colour class.
func heatClass(c *analyzer.MatrixCell) string {
	switch {
	case c.Verdict == analyzer.NotApplicable:
		return "na"
	case c.AmbiguousPorts != "" && c.AmbiguousPorts != "none" || c.Verdict == analyzer.Ambiguous:
		return "ambiguous"
	case c.ReachablePorts != "" && c.ReachablePorts != "any" && c.ReachablePorts != "none":
		return "partial"
	case c.Verdict == analyzer.Reachable:
		return "ok"
	}
	return "bad"
}

// membersText lists a group's members, each clipped, the list cut after
// 200 names.
func membersText(g []string) string {
	const most = 200
	names := make([]string, 0, min(len(g), most+1))
	for i, n := range g {
		if i == most {
			names = append(names, "…")
			break
		}
		names = append(names, clip(n))
	}
	return strings.Join(names, ", ")
}

var matrixHTML = template.Must(template.New("matrix").Parse(htmlHead + `<body>
<h1>{{.Title}}</h1>
<p id="headline">{{.Headline}}</p>
<table id="heatmap">
<tr><th>from \ to</th>{{range .Columns}}<th title="{{.Members}}">{{.Label}}</th>{{end}}</tr>
{{range .Rows}}<tr><th title="{{.Members}}">{{.Label}}</th>{{range .Cells}}<td class="cell {{.Class}}" title="{{.Title}}">{{.Text}}</td>{{end}}</tr>
{{end}}</table>
<p id="legend">{{.Legend}} Colours: green reachable, light green reachable on some ports, red not
reachable, amber ambiguous, grey the same endpoint. A cell's tooltip says what decided it.</p>
<h2>Groups</h2>
<p>A group's cell is the answer of every pair of its members but an endpoint with itself.</p>
<table id="groups"><tr><th>Group</th><th>Members</th></tr>
{{range .Rows}}{{if .Many}}<tr><td>{{.Label}}</td><td>{{.Members}}</td></tr>
{{end}}{{end}}{{range .Columns}}{{if .Many}}<tr><td>{{.Label}}</td><td>{{.Members}}</td></tr>
{{end}}{{end}}</table>
</body>
</html>
`))
