package importer

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// Skip is one input resource (or part of one) that was not imported, or
// imported with an assumption.
type Skip struct {
	// Resource is the AWS id or Terraform address of what was skipped.
	Resource string `json:"resource"`
	// Type is the AWS or Terraform type ("RouteTables", "aws_vpc_endpoint").
	Type string `json:"type"`
	// Reason says why, in a sentence.
	Reason string `json:"reason"`
	// Warning is true when what was skipped could change an answer (a
	// route to a target that is not modelled, a security group rule whose
	// prefix list is unknown): the imported model may then be wrong for
	// paths through it.
	Warning bool `json:"warning,omitempty"`
	// Where is the input file it came from.
	Where string `json:"where,omitempty"`
}

// Report is what an import left out or assumed.
type Report struct {
	Skipped []Skip `json:"skipped"`
	// Assumed lists the values not known until apply that the import
	// replaced by placeholders.
	Assumed []Skip `json:"assumed"`
}

// skip records a skipped resource.
func (r *Report) skip(s Skip) { r.Skipped = append(r.Skipped, s) }

// Skip records that res (of type typ, from where) was not imported, and why.
func (m *Model) Skip(res, typ, where, reason string, warning bool) {
	m.Report.skip(Skip{Resource: res, Type: typ, Reason: reason, Warning: warning, Where: where})
}

// Assume records that an attribute of res holds a placeholder.
func (m *Model) Assume(res, typ, where, reason string) {
	m.Report.Assumed = append(m.Report.Assumed, Skip{Resource: res, Type: typ, Reason: reason, Where: where})
}

// sort orders the report by where, resource and reason, and removes
// duplicates, so that it is deterministic.
func (r *Report) sort() {
	r.Skipped = sortSkips(r.Skipped)
	r.Assumed = sortSkips(r.Assumed)
}

func sortSkips(s []Skip) []Skip {
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.Where != b.Where {
			return a.Where < b.Where
		}
		if a.Resource != b.Resource {
			return a.Resource < b.Resource
		}
		return a.Reason < b.Reason
	})
	out := s[:0]
	for i, x := range s {
		if i > 0 && x == s[i-1] {
			continue
		}
		out = append(out, x)
	}
	if out == nil {
		out = []Skip{}
	}
	return out
}

// Warnings counts the skipped entries that could change an answer.
func (r *Report) Warnings() int {
	n := 0
	for _, s := range r.Skipped {
		if s.Warning {
			n++
		}
	}
	return n
}

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	r.sort()
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteTable writes the report as a table: one line per entry, warnings
// first marked, then a count.
func (r *Report) WriteTable(w io.Writer) error {
	r.sort()
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	if len(r.Skipped) > 0 {
		fmt.Fprintln(tw, "NOT IMPORTED\tTYPE\tWHY")
		for _, s := range r.Skipped {
			res := s.Resource
			if s.Warning {
				res += " (warning)"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\n", oneLine(res), oneLine(s.Type), oneLine(s.Reason))
		}
	}
	if len(r.Assumed) > 0 {
		if len(r.Skipped) > 0 {
			fmt.Fprintln(tw)
		}
		fmt.Fprintln(tw, "ASSUMED\tTYPE\tWHAT")
		for _, s := range r.Assumed {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", oneLine(s.Resource), oneLine(s.Type), oneLine(s.Reason))
		}
	}
	fmt.Fprintf(tw, "%d not imported (%d could change an answer), %d assumed\n",
		len(r.Skipped), r.Warnings(), len(r.Assumed))
	return tw.Flush()
}

// Printable bounds and escapes text from the input (a resource id, a
// reason naming it) for a terminal: one line, at most 200 bytes, control
// characters escaped.
func Printable(s string) string { return oneLine(s) }

// oneLine bounds and escapes text from the input for a table cell.
func oneLine(s string) string {
	const max = 200
	if len(s) > max {
		s = s[:max] + "..."
	}
	q := fmt.Sprintf("%q", s)
	q = q[1 : len(q)-1]
	return strings.ReplaceAll(q, `\"`, `"`)
}
