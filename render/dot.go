package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/vpcreach/vpcreach/analyzer"
)

// writeDot writes a's paths as a Graphviz digraph: one cluster per
// direction, VPCs and availability zones as nested clusters, hops as
// nodes in order, headers on the edges, the blocking hop filled red and
// the deciding hop drawn bold with its rule. Every label is a quoted DOT
// string escaped by dotText, so no topology name can end it or use DOT's
// escape sequences.
func writeDot(w io.Writer, a *analyzer.Analysis) error {
	paths := diagramPaths(a)
	fmt.Fprintln(w, "digraph vpcreach {")
	fmt.Fprintf(w, "  label=\"%s\";\n  labelloc=t;\n", dotText(clip(headline(a))))
	fmt.Fprintln(w, "  rankdir=TB;")
	fmt.Fprintln(w, "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\"];")
	fmt.Fprintln(w, "  edge [fontname=\"Helvetica\", fontsize=10];")
	for _, p := range paths {
		if len(p.hops) == 0 {
			continue
		}
		fmt.Fprintf(w, "  subgraph cluster_%s {\n    label=\"%s\";\n", p.id, dotText(p.title))
		writeDotNodes(w, p)
		fmt.Fprintln(w, "  }")
	}
	for _, p := range paths {
		for i := 0; i+1 < len(p.hops); i++ {
			h, next := p.hops[i], p.hops[i+1]
			var attrs []string
			if h.header != "" {
				attrs = append(attrs, fmt.Sprintf("label=\"%s\"", dotText(h.header)))
			}
			if next.unreached {
				attrs = append(attrs, "style=dashed", "color=\"#999999\"")
			}
			fmt.Fprintf(w, "  %s -> %s", h.id, next.id)
			if len(attrs) > 0 {
				fmt.Fprintf(w, " [%s]", strings.Join(attrs, ", "))
			}
			fmt.Fprintln(w, ";")
		}
	}
	fmt.Fprintln(w, "}")
	return nil
}

// writeDotNodes writes p's hops inside clusters for their VPC and zone.
func writeDotNodes(w io.Writer, p diagramPath) {
	for i, run := range clusterRuns(p.hops) {
		indent := "    "
		if run.vpc != "" {
			fmt.Fprintf(w, "%ssubgraph cluster_%s_v%d {\n%s  label=\"%s\";\n", indent, p.id, i+1, indent, dotText(run.vpc))
			indent += "  "
		}
		for j, z := range run.zones {
			in := indent
			if z.az != "" {
				fmt.Fprintf(w, "%ssubgraph cluster_%s_v%d_z%d {\n%s  label=\"%s\";\n", in, p.id, i+1, j+1, in, dotText(z.az))
				in += "  "
			}
			for _, h := range z.hops {
				fmt.Fprintf(w, "%s%s [label=\"%s\"%s];\n", in, h.id, dotLabel(h), dotStyle(h))
			}
			if z.az != "" {
				fmt.Fprintf(w, "%s}\n", indent)
			}
		}
		if run.vpc != "" {
			fmt.Fprintln(w, "    }")
		}
	}
}

func dotLabel(h diagramHop) string {
	parts := []string{dotText(h.component)}
	if h.kind != "" {
		parts = append(parts, dotText("("+h.kind+")"))
	}
	if h.detail != "" {
		parts = append(parts, dotText(h.detail))
	}
	if h.decider && h.rule != "" {
		parts = append(parts, dotText("rule: "+h.rule))
	}
	if h.why != "" {
		parts = append(parts, dotText("why: "+h.why))
	}
	if h.unreached {
		parts = append(parts, "not reached")
	}
	return strings.Join(parts, `\n`)
}

func dotStyle(h diagramHop) string {
	switch {
	case h.decider && h.blocked:
		return `, fillcolor="#ffe0e0", color="#c00000", penwidth=3`
	case h.decider && h.undecided:
		return `, fillcolor="#fff3c4", color="#a07800", penwidth=3`
	case h.decider:
		return `, fillcolor="#e0f0ff", color="#0050a0", penwidth=3`
	case h.blocked && !h.unreached:
		return `, fillcolor="#ffe0e0", color="#c00000"`
	case h.unreached:
		return `, style="rounded,filled,dashed", fillcolor="#f4f4f4", fontcolor="#777777"`
	}
	return ""
}

// dotText escapes s for a double-quoted DOT string: a backslash (which
// would start an escape such as \N or \l) and a double quote are escaped;
// clip has already removed line breaks and control characters.
func dotText(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s)
}
