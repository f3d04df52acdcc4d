package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/agext/levenshtein"
	"github.com/spf13/cobra"

	"github.com/vpcreach/vpcreach/docs"
)

// explainCmd is `vpcreach explain [CODE]`: the entry of an explanation
// code from docs/codes.md, or the list of codes.
func (c *cli) explainCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "explain [CODE]",
		Short: "Explain an explanation code (what it means, what to do)",
		Long: "explain prints the reference entry of an explanation code, such as\n" +
			"FIREWALL_RULES_RESTRICTION: what it means, where it appears and what to do. Without a\n" +
			"code it lists every code. The entries are those of docs/codes.md.",
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return c.listCodes()
			}
			e, ok := docs.Lookup(args[0])
			if !ok {
				return withCode(exitError, unknownCode(args[0]))
			}
			fmt.Fprintln(c.stdout, plainEntry(e))
			return nil
		},
	}
}

// plainEntry renders an entry for a terminal: the heading as the bare
// code, bold markers removed; the rest of the Markdown is plain enough.
func plainEntry(e docs.Entry) string {
	_, body, _ := strings.Cut(e.Text, "\n")
	return e.Code + "\n" + strings.ReplaceAll(body, "**", "")
}

// listCodes prints every code with the first sentence of its entry's
// kind line ("Blocking.", "Informational.").
func (c *cli) listCodes() error {
	entries := docs.Entries()
	width := 0
	for _, e := range entries {
		width = max(width, len(e.Code))
	}
	for _, e := range entries {
		fmt.Fprintf(c.stdout, "%-*s  %s\n", width, e.Code, kindOf(e.Text))
	}
	fmt.Fprintf(c.stdout, "\n%d codes. Run 'vpcreach explain CODE' for one of them.\n", len(entries))
	return nil
}

// kindOf returns "blocking", "informational" or "blocking or
// informational" from an entry's first bold line.
func kindOf(text string) string {
	b := strings.Index(text, "**Blocking")
	i := strings.Index(text, "**Informational")
	switch {
	case b >= 0 && (i < 0 || b < i):
		if strings.Contains(text[b:], "**informational**") {
			return "blocking or informational"
		}
		return "blocking"
	case i >= 0:
		return "informational"
	}
	return ""
}

// unknownCode is the error for a code codes.md does not hold, with the
// nearest codes as suggestions.
func unknownCode(code string) error {
	const list = "run 'vpcreach explain' for the list of codes"
	if s := suggestCodes(code); len(s) > 0 {
		return fmt.Errorf("unknown explanation code %q: did you mean %s? Or %s", code, strings.Join(s, " or "), list)
	}
	return fmt.Errorf("unknown explanation code %q: %s", code, list)
}

// suggestCodes returns up to three codes near given: those containing it
// (at least 3 characters, case-insensitive), else those within an edit
// distance of a quarter of the code's length (at least 2).
func suggestCodes(given string) []string {
	up := strings.ToUpper(strings.TrimSpace(given))
	type cand struct {
		code string
		dist int
	}
	var cands []cand
	for _, e := range docs.Entries() {
		switch {
		case len(up) >= 3 && strings.Contains(e.Code, up):
			cands = append(cands, cand{e.Code, 0})
		default:
			if d := levenshtein.Distance(up, e.Code, nil); d <= max(2, len(e.Code)/4) {
				cands = append(cands, cand{e.Code, d})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].dist < cands[j].dist })
	var out []string
	for _, c := range cands[:min(3, len(cands))] {
		out = append(out, c.code)
	}
	return out
}
