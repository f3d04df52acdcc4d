package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/vpcreach/vpcreach/diff"
)

// writeDiffTable prints a diff for a reviewer: a headline, the changed
// blocks with their locations, then one paragraph per change, most
// severe kind first: what changed, each side's verdict, decider and
// firewalls, and the changed blocks that cause it.
func writeDiffTable(w io.Writer, r *diff.Report) error {
	fmt.Fprintln(w, diffHeadline(r))
	for _, n := range r.Notes {
		fmt.Fprintf(w, "Note: %s\n", n)
	}
	if len(r.Blocks) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Changed blocks:")
		g := newGrid("CHANGE", "BLOCK", "BEFORE", "AFTER")
		for _, b := range r.Blocks {
			g.add(b.Change, b.Addr, orDash(location(b.Before)), orDash(location(b.After)))
		}
		if err := g.render(w, textOpts{width: max(DefaultWidth, g.naturalWidth())}); err != nil {
			return err
		}
	}
	for _, k := range diff.Kinds() {
		for _, c := range r.Changes {
			if c.Kind == k {
				fmt.Fprintln(w)
				writeDiffChange(w, c)
			}
		}
	}
	return nil
}

// diffHeadline says what was compared and how much changed, per kind.
func diffHeadline(r *diff.Report) string {
	what := strings.Join(r.Query.Protocols, ", ")
	if p := r.Query.DestinationPort; p != nil {
		what += fmt.Sprintf("; port %d", *p)
	} else {
		what += "; every port"
	}
	for _, s := range []struct{ name, v string }{{"from", r.Query.From}, {"to", r.Query.To},
		{"sni", r.Query.SNI}, {"http host", r.Query.HTTPHost}} {
		if s.v != "" {
			what += "; " + s.name + " " + s.v
		}
	}
	counts := map[diff.Kind]int{}
	for _, c := range r.Changes {
		counts[c.Kind]++
	}
	var parts []string
	for _, k := range diff.Kinds() {
		if counts[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[k], k))
		}
	}
	summary := "none"
	if len(parts) > 0 {
		summary = strings.Join(parts, ", ")
	}
	return fmt.Sprintf("Diff by %s (%s): pairs compared: %d; changed blocks: %d; changes: %s",
		r.Query.By, what, r.Pairs, len(r.Blocks), summary)
}

// changeWhat is a change's traffic: "tcp 443", "tcp 443 to server
// name github.com", "icmp".
func changeWhat(c *diff.Change) string {
	what := c.Protocol
	if c.HasPorts {
		what += " " + c.Ports.String()
	}
	if c.ServerName != "" {
		what += " to server name " + c.ServerName
	}
	return what
}

// writeDiffChange prints one change as a paragraph.
func writeDiffChange(w io.Writer, c *diff.Change) {
	what := changeWhat(c)
	fmt.Fprintf(w, "[%s] %s -> %s %s: %s\n", c.Kind, c.From, c.To, what, c.Detail)
	writeDiffSide(w, "before", c.Before)
	writeDiffSide(w, "after", c.After)
	fmt.Fprintf(w, "  cause:  %s\n", orText(strings.Join(c.Causes, ", "), "no changed block on these paths"))
}

func writeDiffSide(w io.Writer, name string, s diff.Side) {
	line := fmt.Sprintf("  %-7s %s", name+":", s.Verdict)
	if s.DecidedBy != "" {
		line += ", " + sideVerb(s) + " " + s.DecidedBy
	}
	fmt.Fprintln(w, line)
	fmt.Fprintf(w, "          firewalls: %s\n", orText(strings.Join(s.Firewalls, "; "), "none"))
}

// sideVerb introduces a side's DecidedBy.
func sideVerb(s diff.Side) string {
	switch s.Verdict {
	case "REACHABLE":
		return "allowed by"
	case "NOT_APPLICABLE":
		return "because"
	}
	return "decided by"
}

func orDash(s string) string { return orText(s, "-") }

func orText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}
