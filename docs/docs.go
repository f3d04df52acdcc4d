// Package docs holds vpcreach's user documentation (the Markdown files of
// this directory) and gives the commands access to the parts they print:
// the explanation code reference of codes.md, which `vpcreach explain`
// shows entry by entry.
//
// codes.md is parsed by a fixed convention: every explanation code has one
// entry, a level-3 heading that is exactly the code in backquotes
// ("### `FIREWALL_RULES_RESTRICTION`"), and the entry runs to the next
// heading of level 1 to 3 (outside fenced code blocks). Other headings are prose and are ignored.
package docs

import (
	_ "embed"
	"regexp"
	"strings"
)

//go:embed codes.md
var codesMD string

// Entry is one explanation code's section of codes.md.
type Entry struct {
	// Code is the explanation code, such as "FIREWALL_RULES_RESTRICTION".
	Code string
	// Text is the entry's Markdown, its heading included, without
	// trailing blank lines.
	Text string
	// Line is the 1-based line of the heading in codes.md.
	Line int
}

// codeHeading matches an entry heading: "### `CODE`".
var codeHeading = regexp.MustCompile("^### `([A-Z][A-Z0-9_]*)`\\s*$")

// CodesMarkdown returns codes.md as embedded in the binary.
func CodesMarkdown() string { return codesMD }

// Entries returns the entries of codes.md in file order.
func Entries() []Entry { return parseEntries(codesMD) }

// Lookup returns the entry of code, matched case-insensitively.
func Lookup(code string) (Entry, bool) {
	for _, e := range Entries() {
		if strings.EqualFold(e.Code, code) {
			return e, true
		}
	}
	return Entry{}, false
}

// parseEntries splits md into code entries (see the package comment).
func parseEntries(md string) []Entry {
	lines := strings.Split(md, "\n")
	var out []Entry
	var cur *Entry
	var body []string
	flush := func() {
		if cur != nil {
			cur.Text = strings.TrimRight(strings.Join(body, "\n"), "\n ")
			out = append(out, *cur)
		}
		cur, body = nil, nil
	}
	fenced := false
	for i, ln := range lines {
		if strings.HasPrefix(ln, "```") {
			fenced = !fenced
		}
		if !fenced && isHeading(ln) {
			flush()
			if m := codeHeading.FindStringSubmatch(ln); m != nil {
				cur = &Entry{Code: m[1], Line: i + 1}
			}
		}
		if cur != nil {
			body = append(body, ln)
		}
	}
	flush()
	return out
}

// isHeading reports whether ln is a Markdown heading of level 1 to 3.
func isHeading(ln string) bool {
	return strings.HasPrefix(ln, "# ") || strings.HasPrefix(ln, "## ") || strings.HasPrefix(ln, "### ")
}
