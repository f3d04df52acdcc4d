package docs

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// pendingTargets are link targets other work adds; a link to them is not
// checked yet. Empty: every link is checked.
var pendingTargets = map[string]bool{}

// mdLink matches an inline Markdown link's target.
var mdLink = regexp.MustCompile(`\]\(([^)\s]+)\)`)

// TestLinks checks the relative links of README.md, ARCHITECTURE.md and docs/*.md:
// every file exists, every #anchor names a heading of its page. It also
// checks that no page sends readers to ../shared, which a clone lacks.
func TestLinks(t *testing.T) {
	t.Parallel()
	pages, err := filepath.Glob("*.md")
	if err != nil {
		t.Fatal(err)
	}
	pages = append(pages, "../README.md", "../ARCHITECTURE.md")
	links := 0
	for _, page := range pages {
		md := readDoc(t, page)
		if strings.Contains(md, "../shared") || strings.Contains(md, "/work/shared") {
			t.Errorf("%s refers to ../shared, which users do not have", page)
		}
		for _, m := range mdLink.FindAllStringSubmatch(stripCode(md), -1) {
			target := m[1]
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			links++
			checkLink(t, page, target)
		}
	}
	t.Logf("checked %d relative links in %d pages", links, len(pages))
	if links < 40 {
		t.Errorf("checked %d links, want at least 40: the link pattern missed some", links)
	}
}

func checkLink(t *testing.T, page, target string) {
	file, anchor, _ := strings.Cut(target, "#")
	path := page
	if file != "" {
		path = filepath.Join(filepath.Dir(page), file)
	}
	root, _ := filepath.Abs("..")
	abs, _ := filepath.Abs(path)
	if rel, err := filepath.Rel(root, abs); err == nil && pendingTargets[filepath.ToSlash(rel)] {
		return
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("%s: link %q: %v", page, target, err)
		return
	}
	if anchor == "" || !strings.HasSuffix(path, ".md") {
		return
	}
	if !anchors(readDoc(t, path))[anchor] {
		t.Errorf("%s: link %q: %s has no heading with the anchor #%s", page, target, path, anchor)
	}
}

// anchors returns the GitHub anchors of md's headings.
func anchors(md string) map[string]bool {
	out := map[string]bool{}
	count := map[string]int{}
	for _, ln := range strings.Split(stripCode(md), "\n") {
		if !strings.HasPrefix(ln, "#") {
			continue
		}
		text := strings.TrimLeft(ln, "#")
		if !strings.HasPrefix(text, " ") {
			continue
		}
		s := slug(text)
		if n := count[s]; n > 0 {
			out[s+"-"+strconv.Itoa(n)] = true
		} else {
			out[s] = true
		}
		count[s]++
	}
	return out
}

// slug is GitHub's heading anchor: lower case, punctuation removed,
// spaces as hyphens.
func slug(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteRune('-')
		}
	}
	return b.String()
}

// stripCode blanks fenced code blocks, whose text is not Markdown.
func stripCode(md string) string {
	lines := strings.Split(md, "\n")
	fenced := false
	for i, ln := range lines {
		if strings.HasPrefix(ln, "```") {
			fenced = !fenced
			lines[i] = ""
			continue
		}
		if fenced {
			lines[i] = ""
		}
	}
	return strings.Join(lines, "\n")
}

func TestSlug(t *testing.T) {
	t.Parallel()
	for give, want := range map[string]string{
		" `vpcreach analyze path`":                    "vpcreach-analyze-path",
		" The return path and asymmetric routing":     "the-return-path-and-asymmetric-routing",
		" Latching: a decision for the packet or for": "latching-a-decision-for-the-packet-or-for",
		" `stateful_rule` blocks":                     "stateful_rule-blocks",
	} {
		if got := slug(give); got != want {
			t.Errorf("slug(%q) = %q, want %q", give, got, want)
		}
	}
}
