package render

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/analyzer"
)

// The compact format: one line per problem, as compilers, editors and CI
// problem matchers read them,
//
//	FILE:LINE:COLUMN: SEVERITY: MESSAGE
//
// for each diagnostic (sorted, duplicates dropped) and then each failing
// expectation, located at its expect block. A diagnostic with no location
// is "vpcreach: SEVERITY: MESSAGE". Nothing is written when there is no
// problem.

// maxCompactMessage bounds a message, in bytes, before escaping.
const maxCompactMessage = 2000

func writeCompact(w io.Writer, diags hcl.Diagnostics, results []*analyzer.CheckResult) error {
	for _, d := range sortedDiagnostics(diags) {
		if _, err := fmt.Fprintf(w, "%s: %s: %s\n", compactPlace(d.Subject), severity(d), diagnosticMessage(d)); err != nil {
			return err
		}
	}
	for _, r := range results {
		if r.Holds {
			continue
		}
		var at *hcl.Range
		if r.Block != nil {
			at = &r.Block.Range
		}
		msg := oneLine(fmt.Sprintf("%s fails: %s", r.Expect, r.Reason))
		if _, err := fmt.Fprintf(w, "%s: error: %s\n", compactPlace(at), msg); err != nil {
			return err
		}
	}
	return nil
}

// compactPlace is FILE:LINE:COLUMN, FILE without a line, or "vpcreach".
func compactPlace(rng *hcl.Range) string {
	switch {
	case rng == nil || rng.Filename == "":
		return "vpcreach"
	case rng.Start.Line <= 0:
		return oneLine(rng.Filename)
	}
	return fmt.Sprintf("%s:%d:%d", oneLine(rng.Filename), rng.Start.Line, max(rng.Start.Column, 1))
}

// diagnosticMessage is the summary and the detail on one line.
func diagnosticMessage(d *hcl.Diagnostic) string {
	if d.Detail == "" {
		return oneLine(d.Summary)
	}
	return oneLine(d.Summary + ": " + d.Detail)
}

// oneLine makes s safe for one line of a terminal or a log: line breaks
// and tabs become spaces, runs of spaces one space, other control
// characters and invalid bytes \xNN or \uNNNN escapes, and more than
// maxCompactMessage bytes are cut with "...".
func oneLine(s string) string {
	cut := false
	if len(s) > maxCompactMessage {
		s, cut = s[:maxCompactMessage], true
	}
	var b strings.Builder
	space := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n' || r == '\r' || r == '\t' || r == ' ':
			if !space {
				b.WriteByte(' ')
			}
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r >= 0x80 && r <= 0x9f:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		space = r == '\n' || r == '\r' || r == '\t' || r == ' '
		i += n
	}
	out := strings.TrimSpace(b.String())
	if cut {
		out += "..."
	}
	return out
}
