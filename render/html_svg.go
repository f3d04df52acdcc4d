package render

import "slices"

// html_svg.go lays out the paths of an analysis as an SVG drawing for
// html.go: the forward and return paths side by side, hops top to bottom,
// each run of hops in a VPC inside a box, each run in an availability
// zone inside a nested box, an arrow from each hop to the next with the
// header it carries. Coordinates are computed here; html.go's template
// writes them, escaping every text.

// Layout constants, in SVG user units (pixels).
const (
	svgColumn    = 600 // the width of one path's column, gaps included
	svgBoxWidth  = 460 // the VPC box
	svgInset     = 14  // from a box to what it holds
	svgLine      = 15  // the height of a line of text
	svgGap       = 40  // between one hop and the next
	svgLabel     = 20  // a box's label
	svgWrap      = 58  // characters per line of a hop's detail
	svgMaxLines  = 5   // lines of detail (and of rule) at most
	svgTitle     = 30  // the path titles above the columns
	svgNodeWidth = svgBoxWidth - 4*svgInset
)

// svgDrawing is what the template draws.
type svgDrawing struct {
	Width, Height int
	Titles        []svgText
	Boxes         []svgBox
	Nodes         []svgNode
	Edges         []svgEdge
}

type svgText struct {
	X, Y int
	Text string
}

// svgBox is a VPC or availability zone box.
type svgBox struct {
	X, Y, W, H int
	Label      string
	Zone       bool
}

// svgNode is a hop: a box with lines of text; Class is one of "hop",
// "hop blocked", "hop decider blocked", "hop decider undecided",
// "hop decider", "hop unreached".
type svgNode struct {
	ID         string
	X, Y, W, H int
	Class      string
	Title      svgText
	Lines      []svgText
}

// svgEdge is an arrow from one hop to the next with its header.
type svgEdge struct {
	X, Y1, Y2 int
	Label     svgText
	Class     string
}

// layoutPaths draws paths in columns, left to right.
func layoutPaths(paths []diagramPath) svgDrawing {
	var d svgDrawing
	for i, p := range paths {
		x := 10 + i*svgColumn
		d.Titles = append(d.Titles, svgText{X: x, Y: 22, Text: p.title})
		if len(p.hops) == 0 {
			d.Titles[i].Text += " (none)"
			continue
		}
		bottom := layoutColumn(&d, p, x, svgTitle+10)
		d.Height = max(d.Height, bottom+20)
	}
	d.Width = 10 + len(paths)*svgColumn
	d.Height = max(d.Height, svgTitle+20)
	return d
}

// layoutColumn lays out one path from (x, y) down and returns its bottom.
func layoutColumn(d *svgDrawing, p diagramPath, x, y int) int {
	prevBottom := -1
	var prev *diagramHop
	first := true
	for _, run := range clusterRuns(p.hops) {
		if !first {
			y += svgGap
		}
		vpcTop, zones := y, len(d.Boxes)
		if run.vpc != "" {
			y += svgLabel
		}
		for j, z := range run.zones {
			if j > 0 {
				y += svgGap / 2
			}
			zoneTop := y
			if z.az != "" {
				y += svgLabel
			}
			for k, h := range z.hops {
				if k > 0 {
					y += svgGap
				}
				n := layoutNode(h, x+2*svgInset, y)
				if prev != nil {
					d.Edges = append(d.Edges, hopEdge(*prev, h, x+2*svgInset+svgNodeWidth/2, prevBottom, y))
				}
				d.Nodes = append(d.Nodes, n)
				y += n.H
				prevBottom, prev = y, &h
			}
			if z.az != "" {
				y += svgInset / 2
				d.Boxes = append(d.Boxes, svgBox{X: x + svgInset, Y: zoneTop, W: svgBoxWidth - 2*svgInset,
					H: y - zoneTop, Label: z.az, Zone: true})
			}
		}
		if run.vpc != "" {
			y += svgInset / 2
			// The VPC's box goes before its zones' so that they are drawn on it.
			d.Boxes = slices.Insert(d.Boxes, zones, svgBox{X: x, Y: vpcTop, W: svgBoxWidth, H: y - vpcTop, Label: run.vpc})
		}
		first = false
	}
	return y
}

// hopEdge is the arrow from one hop's bottom to the next one's top, with
// the header from sends on.
func hopEdge(from, to diagramHop, cx, y1, y2 int) svgEdge {
	e := svgEdge{X: cx, Y1: y1, Y2: y2, Class: "edge"}
	if to.unreached {
		e.Class = "edge unreached"
	}
	if from.header != "" {
		e.Label = svgText{X: cx + 8, Y: y1 + 14, Text: from.header}
	}
	return e
}

// layoutNode is the box of one hop at (x, y): its component in bold, its
// type, what decided there and, for the deciding hop, the rule's text.
func layoutNode(h diagramHop, x, y int) svgNode {
	n := svgNode{ID: h.id, X: x, Y: y, W: svgNodeWidth, Class: nodeClass(h)}
	n.Title = svgText{X: x + 10, Y: y + svgLine + 2, Text: h.component}
	var lines []string
	if h.kind != "" {
		lines = append(lines, h.kind)
	}
	lines = append(lines, wrapMax(h.detail, svgWrap, svgMaxLines)...)
	if h.decider && h.rule != "" {
		lines = append(lines, wrapMax("rule: "+h.rule, svgWrap, svgMaxLines)...)
	}
	if h.why != "" {
		lines = append(lines, wrapMax("why: "+h.why, svgWrap, svgMaxLines)...)
	}
	if h.unreached {
		lines = append(lines, "not reached (shown to report further blockers)")
	}
	ly := n.Title.Y
	for _, l := range lines {
		ly += svgLine
		n.Lines = append(n.Lines, svgText{X: x + 10, Y: ly, Text: l})
	}
	n.H = ly - y + 9
	return n
}

func nodeClass(h diagramHop) string {
	switch {
	case h.decider && h.blocked:
		return "hop decider blocked"
	case h.decider && h.undecided:
		return "hop decider undecided"
	case h.decider:
		return "hop decider"
	case h.blocked && !h.unreached:
		return "hop blocked"
	case h.unreached:
		return "hop unreached"
	}
	return "hop"
}

// wrapMax wraps s into lines of width characters, at most n of them (the
// last ending in "…" when s is cut).
func wrapMax(s string, width, n int) []string {
	if s == "" {
		return nil
	}
	lines := wrap(s, width)
	if len(lines) > n {
		lines = lines[:n]
		lines[n-1] += " …"
	}
	return lines
}
