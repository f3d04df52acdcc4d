package render

import (
	"html/template"
	"io"

	"github.com/vpcreach/vpcreach/analyzer"
)

// htmlPage is what the path page's template shows.
type htmlPage struct {
	Title, Verdict, VerdictClass, Headline string
	// Blocking is the component of the hop that stopped the packet and
	// BlockingPath the path it is on; both empty when nothing stopped it.
	Blocking, BlockingPath string
	// Rule is the deciding rule's text (or the route or rule that applied
	// at the deciding hop).
	Rule         string
	Ranges       []string
	Drawing      svgDrawing
	Explanations []htmlFinding
	Details      []htmlFinding
}

type htmlFinding struct{ Code, Direction, Component, Message string }

// writeHTML writes a's answer as one self-contained HTML page: the
// verdict, the blocking hop and the deciding rule in words, both paths as
// an inline SVG drawing (see html_svg.go), and the findings. It loads
// nothing (a Content-Security-Policy forbids every fetch; there is no
// script), and html/template escapes every text from the topology.
func writeHTML(w io.Writer, a *analyzer.Analysis) error {
	paths := diagramPaths(a)
	p := htmlPage{
		Title:        "vpcreach: " + clip(describeQuery(a.Query)),
		Verdict:      string(a.Verdict),
		VerdictClass: map[analyzer.Verdict]string{analyzer.Reachable: "ok", analyzer.NotReachable: "bad"}[a.Verdict],
		Headline:     clip(headline(a)),
		Rule:         decidingRule(paths),
		Drawing:      layoutPaths(paths),
		Explanations: htmlFindings(a.Explanations),
		Details:      htmlFindings(a.AdditionalDetails),
	}
	if p.VerdictClass == "" {
		p.VerdictClass = "ambiguous"
	}
	p.Blocking, p.BlockingPath = blockingHop(paths)
	for _, m := range mergeRanges(a.PortRanges) {
		p.Ranges = append(p.Ranges, clip("ports "+m.ports()+": "+string(m.verdict)+": "+m.decider))
	}
	for _, r := range a.AddressRanges {
		p.Ranges = append(p.Ranges, clip(addrSpan(r.From, r.To)+": "+string(r.Verdict)+": "+
			rangeDecider(&analyzer.PortRangeResult{Answer: r.Answer})))
	}
	return pathPage.Execute(w, p)
}

func htmlFindings(fs []*analyzer.Finding) []htmlFinding {
	out := make([]htmlFinding, 0, len(fs))
	for _, f := range fs {
		out = append(out, htmlFinding{clip(f.Code), clip(f.Direction), clip(f.Component), clip(f.Message)})
	}
	return out
}

// htmlHead is the start of every page: no script, and a policy that
// forbids loading anything.
const htmlHead = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5em; color: #1a1a1a; }
.verdict { display: inline-block; padding: .2em .6em; border-radius: 4px; font-weight: bold; }
.verdict.ok { background: #dff5e1; color: #0a5c1a; }
.verdict.bad { background: #ffe0e0; color: #a00000; }
.verdict.ambiguous { background: #fff3c4; color: #6b5300; }
code { background: #f4f4f4; padding: .1em .3em; word-break: break-all; }
table { border-collapse: collapse; }
td, th { border: 1px solid #ccc; padding: .25em .5em; text-align: left; vertical-align: top; }
td.cell { text-align: center; font-family: ui-monospace, monospace; }
td.ok { background: #9fdfa8; }
td.partial { background: #d8f3da; }
td.bad { background: #f6b3b3; }
td.ambiguous { background: #ffe08a; }
td.na { background: #e6e6e6; color: #777777; }
svg text { font-family: system-ui, sans-serif; font-size: 12px; }
svg .title { font-weight: bold; font-size: 13px; }
svg .pathtitle { font-weight: bold; font-size: 16px; }
svg .vpc { fill: #f3f7ff; stroke: #6a8fd0; }
svg .zone { fill: #eef7ee; stroke: #6aa96a; stroke-dasharray: 5 3; }
svg .boxlabel { fill: #33508a; font-size: 11px; }
svg .hop { fill: #ffffff; stroke: #555555; }
svg .hop.blocked { fill: #ffe0e0; stroke: #c00000; }
svg .hop.decider { stroke: #0050a0; stroke-width: 3px; fill: #e0f0ff; }
svg .hop.decider.blocked { stroke: #c00000; fill: #ffe0e0; }
svg .hop.decider.undecided { stroke: #a07800; fill: #fff3c4; }
svg .hop.unreached { fill: #f4f4f4; stroke: #999999; stroke-dasharray: 4 3; }
svg .edge { stroke: #333333; stroke-width: 1.5px; marker-end: url(#arrow); }
svg .edge.unreached { stroke: #999999; stroke-dasharray: 4 3; }
svg .header { fill: #444444; font-size: 11px; font-family: ui-monospace, monospace; }
</style>
</head>
`

var pathPage = template.Must(template.New("path").Parse(htmlHead + `<body>
<h1>{{.Title}}</h1>
<p>Verdict: <span id="verdict" class="verdict {{.VerdictClass}}">{{.Verdict}}</span></p>
<p id="headline">{{.Headline}}</p>
{{if .Blocking}}<p id="blocking">Blocked at <strong>{{.Blocking}}</strong> on the {{.BlockingPath}}.</p>{{end}}
{{if .Rule}}<p id="rule">Decided by: <code>{{.Rule}}</code></p>{{end}}
{{if .Ranges}}<h2>Ranges</h2>
<ul id="ranges">{{range .Ranges}}<li>{{.}}</li>{{end}}</ul>{{end}}
<h2>Paths</h2>
<svg id="paths" xmlns="http://www.w3.org/2000/svg" width="{{.Drawing.Width}}" height="{{.Drawing.Height}}" viewBox="0 0 {{.Drawing.Width}} {{.Drawing.Height}}" role="img" aria-label="forward and return paths">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#333333"/></marker></defs>
{{range .Drawing.Titles}}<text class="pathtitle" x="{{.X}}" y="{{.Y}}">{{.Text}}</text>
{{end}}{{range .Drawing.Boxes}}<rect class="{{if .Zone}}zone{{else}}vpc{{end}}" x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" rx="8"/><text class="boxlabel" x="{{.X}}" dx="8" y="{{.Y}}" dy="14">{{.Label}}</text>
{{end}}{{range .Drawing.Edges}}<line class="{{.Class}}" x1="{{.X}}" y1="{{.Y1}}" x2="{{.X}}" y2="{{.Y2}}"/>{{if .Label.Text}}<text class="header" x="{{.Label.X}}" y="{{.Label.Y}}">{{.Label.Text}}</text>{{end}}
{{end}}{{range .Drawing.Nodes}}<g id="{{.ID}}"><rect class="{{.Class}}" x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" rx="6"/><text class="title" x="{{.Title.X}}" y="{{.Title.Y}}">{{.Title.Text}}</text>{{range .Lines}}<text x="{{.X}}" y="{{.Y}}">{{.Text}}</text>{{end}}</g>
{{end}}</svg>
{{template "findings" .}}
</body>
</html>
{{define "findings"}}{{if .Explanations}}<h2>Explanations</h2>
<table id="explanations"><tr><th>Code</th><th>Direction</th><th>Component</th><th>Message</th></tr>
{{range .Explanations}}<tr><td>{{.Code}}</td><td>{{.Direction}}</td><td>{{.Component}}</td><td>{{.Message}}</td></tr>
{{end}}</table>{{end}}{{if .Details}}<h2>Additional details</h2>
<table id="details"><tr><th>Code</th><th>Direction</th><th>Component</th><th>Message</th></tr>
{{range .Details}}<tr><td>{{.Code}}</td><td>{{.Direction}}</td><td>{{.Component}}</td><td>{{.Message}}</td></tr>
{{end}}</table>{{end}}{{end}}`))
