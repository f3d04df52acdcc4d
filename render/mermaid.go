package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/vpcreach/vpcreach/analyzer"
)

// writeMermaid writes a's paths as a Mermaid flowchart: one subgraph per
// direction, VPCs and availability zones as nested subgraphs, hops as
// nodes in order, headers on the edges, the blocking hop and the deciding
// hop highlighted by class. Every label is escaped with Mermaid's entity
// codes (mermaidText), so no topology name can end a label or add markup.
func writeMermaid(w io.Writer, a *analyzer.Analysis) error {
	paths := diagramPaths(a)
	fmt.Fprintf(w, "%%%% %s\n", mermaidComment(headline(a)))
	fmt.Fprintln(w, "flowchart TB")
	for _, p := range paths {
		if len(p.hops) == 0 {
			continue
		}
		fmt.Fprintf(w, "  subgraph %s[\"%s\"]\n    direction TB\n", p.id, mermaidText(p.title))
		writeMermaidNodes(w, p)
		fmt.Fprintln(w, "  end")
	}
	for _, p := range paths {
		for i := 0; i+1 < len(p.hops); i++ {
			h := p.hops[i]
			arrow := "-->"
			if p.hops[i+1].unreached {
				arrow = "-.->"
			}
			if h.header != "" {
				fmt.Fprintf(w, "  %s %s|\"%s\"| %s\n", h.id, arrow, mermaidText(h.header), p.hops[i+1].id)
			} else {
				fmt.Fprintf(w, "  %s %s %s\n", h.id, arrow, p.hops[i+1].id)
			}
		}
	}
	writeMermaidClasses(w, paths)
	return nil
}

// writeMermaidNodes writes p's hops, each run of hops in one VPC (and
// availability zone) inside a subgraph of that name.
func writeMermaidNodes(w io.Writer, p diagramPath) {
	for i, run := range clusterRuns(p.hops) {
		indent := "    "
		if run.vpc != "" {
			fmt.Fprintf(w, "%ssubgraph %s_v%d[\"%s\"]\n", indent, p.id, i+1, mermaidText(run.vpc))
			indent += "  "
		}
		for j, z := range run.zones {
			in := indent
			if z.az != "" {
				fmt.Fprintf(w, "%ssubgraph %s_v%d_z%d[\"%s\"]\n", in, p.id, i+1, j+1, mermaidText(z.az))
				in += "  "
			}
			for _, h := range z.hops {
				fmt.Fprintf(w, "%s%s[\"%s\"]\n", in, h.id, mermaidLabel(h))
			}
			if z.az != "" {
				fmt.Fprintf(w, "%send\n", indent)
			}
		}
		if run.vpc != "" {
			fmt.Fprintln(w, "    end")
		}
	}
}

func mermaidLabel(h diagramHop) string {
	parts := []string{"<b>" + mermaidText(h.component) + "</b>"}
	if h.kind != "" {
		parts = append(parts, "<i>"+mermaidText(h.kind)+"</i>")
	}
	if h.detail != "" {
		parts = append(parts, mermaidText(h.detail))
	}
	if h.decider && h.rule != "" {
		parts = append(parts, "rule: "+mermaidText(h.rule))
	}
	if h.why != "" {
		parts = append(parts, "why: "+mermaidText(h.why))
	}
	if h.unreached {
		parts = append(parts, "<i>not reached</i>")
	}
	return strings.Join(parts, "<br/>")
}

// mermaidClasses are the classes of highlighted hops, in the order they
// are written, with their styles.
var mermaidClasses = [][2]string{
	{"blocking", "fill:#ffe0e0,stroke:#c00000,stroke-width:3px"},
	{"undecided", "fill:#fff3c4,stroke:#a07800,stroke-width:3px"},
	{"allowing", "fill:#e0f0ff,stroke:#0050a0,stroke-width:3px"},
	{"blocked", "fill:#ffe0e0,stroke:#c00000"},
	{"unreached", "fill:#f4f4f4,stroke:#999999,stroke-dasharray:4 3,color:#777777"},
}

// writeMermaidClasses styles the deciding hop (blocking, undecided or
// allowing), the
// other hops that block, and the hops not reached.
func writeMermaidClasses(w io.Writer, paths []diagramPath) {
	members := map[string][]string{}
	for _, p := range paths {
		for _, h := range p.hops {
			if c := mermaidClass(h); c != "" {
				members[c] = append(members[c], h.id)
			}
		}
	}
	for _, c := range mermaidClasses {
		if len(members[c[0]]) > 0 {
			fmt.Fprintf(w, "  classDef %s %s\n", c[0], c[1])
			fmt.Fprintf(w, "  class %s %s\n", strings.Join(members[c[0]], ","), c[0])
		}
	}
}

func mermaidClass(h diagramHop) string {
	switch {
	case h.decider && h.blocked:
		return "blocking"
	case h.decider && h.undecided:
		return "undecided"
	case h.decider:
		return "allowing"
	case h.blocked && !h.unreached:
		return "blocked"
	case h.unreached:
		return "unreached"
	}
	return ""
}

// mermaidText escapes s for a quoted Mermaid label. Inside the quotes
// Mermaid takes every character as text but these, which become entity
// codes (https://mermaid.js.org/syntax/flowchart.html#entity-codes-to-escape-characters):
// the double quote (it would end the label), < and & (HTML markup and
// entities), # (Mermaid's own entity codes), the backquote (a Markdown
// label) and % (Mermaid finds %%{...}%% directives anywhere in the text,
// inside labels too). Everything else stays as it is, so labels read as
// they are.
func mermaidText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '"', '<', '&', '#', '`', '%':
			fmt.Fprintf(&b, "#%d;", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mermaidComment makes s safe in a %% comment line: no line break, and
// none of the characters of a %%{...}%% directive.
func mermaidComment(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '%' || r == '{' || r == '}' {
			return ' '
		}
		return r
	}, clip(s))
}

// vpcRun is a run of consecutive hops in one VPC (or outside every VPC,
// vpc ""), split into runs of consecutive hops in one availability zone.
type vpcRun struct {
	vpc   string
	zones []zoneRun
}

// zoneRun is a run of consecutive hops in one availability zone (or in
// none known, az "").
type zoneRun struct {
	az   string
	hops []diagramHop
}

// clusterRuns splits hops into runs by VPC, and each into runs by zone.
func clusterRuns(hops []diagramHop) []vpcRun {
	var runs []vpcRun
	for _, h := range hops {
		n := len(runs)
		if n == 0 || runs[n-1].vpc != h.vpc || h.vpc == "" {
			runs = append(runs, vpcRun{vpc: h.vpc})
			n++
		}
		r := &runs[n-1]
		if z := len(r.zones); z > 0 && r.zones[z-1].az == h.az {
			r.zones[z-1].hops = append(r.zones[z-1].hops, h)
			continue
		}
		r.zones = append(r.zones, zoneRun{az: h.az, hops: []diagramHop{h}})
	}
	return runs
}
