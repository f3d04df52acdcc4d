package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/render/jsonwire"
)

// MatrixStream writes every pair of a matrix as its rows are answered
// (`analyze matrix --expand`), so that nothing waits for the whole matrix:
// a table lists one pair per line; JSON is the jsonwire.Matrix document,
// byte for byte what Formatter.Matrix writes for the complete matrix.
// Call Row for each row in order, then Close.
type MatrixStream struct {
	w                *errWriter
	json             bool
	fromW, toW       int
	cells            int
	pairs, reachable int
}

// NewMatrixStream checks the format and writes the beginning of the
// output for plan p.
func (f Formatter) NewMatrixStream(w io.Writer, p *analyzer.MatrixPlan) (*MatrixStream, error) {
	if err := checkFormat(f.format(), AnalysisFormats()); err != nil {
		return nil, err
	}
	s := &MatrixStream{w: &errWriter{w: w}, json: f.format() == JSON}
	if s.json {
		var head bytes.Buffer
		doc := &jsonwire.Matrix{SchemaVersion: analyzer.SchemaVersion, Query: matrixQueryJSON(p.Query),
			Sources: cloneStrings(p.Sources), Destinations: cloneStrings(p.Destinations), Cells: []*jsonwire.MatrixCell{}}
		if err := WriteJSON(&head, doc); err != nil {
			return nil, err
		}
		b := bytes.TrimSuffix(head.Bytes(), []byte("[]\n}\n"))
		_, _ = s.w.Write(b)
		_, _ = io.WriteString(s.w, "[")
		return s, s.w.err
	}
	for _, n := range p.Sources {
		s.fromW = max(s.fromW, len(n))
	}
	for _, n := range p.Destinations {
		s.toW = max(s.toW, len(n))
	}
	fmt.Fprintf(s.w, "Reachability by %s (%s): %d sources x %d destinations; internet = %s\n\n",
		p.Query.By, queryWhat(p.Query), len(p.Sources), len(p.Destinations), p.Query.Internet)
	fmt.Fprintf(s.w, "%-*s  %-*s  %-8s  %s\n", s.fromW, "FROM", s.toW, "TO", "ANSWER", "DECIDED BY")
	return s, s.w.err
}

// queryWhat is "tcp/443", "tcp, every port" or "icmp".
func queryWhat(q analyzer.MatrixQueryInfo) string {
	what := q.Protocol
	if p := q.DestinationPort; p != nil {
		what += fmt.Sprintf("/%d", *p)
	} else if q.Protocol == "tcp" || q.Protocol == "udp" {
		what += ", every port"
	}
	return what
}

// Row writes the pairs of one row. It returns the first write error.
func (s *MatrixStream) Row(r analyzer.MatrixRow) error {
	for _, c := range r.Cells {
		if s.json {
			s.jsonCell(c)
			continue
		}
		if c.Verdict != analyzer.NotApplicable {
			s.pairs++
			if c.Verdict == analyzer.Reachable {
				s.reachable++
			}
		}
		line := fmt.Sprintf("%-*s  %-*s  %-8s  %s", s.fromW, c.From, s.toW, c.To, cellText(c), c.DecidedBy)
		fmt.Fprintln(s.w, strings.TrimRight(line, " "))
	}
	return s.w.err
}

func (s *MatrixStream) jsonCell(c *analyzer.MatrixCell) {
	var b bytes.Buffer
	if s.cells > 0 {
		b.WriteString(",")
	}
	b.WriteString("\n    ")
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	_ = enc.Encode(&jsonwire.MatrixCell{From: c.From, To: c.To, Verdict: string(c.Verdict),
		ReachablePorts: c.ReachablePorts, AmbiguousPorts: c.AmbiguousPorts, DecidedBy: c.DecidedBy})
	_, _ = s.w.Write(bytes.TrimSuffix(b.Bytes(), []byte("\n"))) // one write per cell
	s.cells++
}

// Close ends the output: the JSON document's end, or the table's count of
// reachable pairs. When complete is false (the matrix was interrupted) it
// writes nothing more: a JSON document stays unterminated, so that it
// cannot be taken for a whole matrix. It returns the first write error.
func (s *MatrixStream) Close(complete bool) error {
	switch {
	case !complete:
	case s.json && s.cells == 0:
		_, _ = io.WriteString(s.w, "]\n}\n")
	case s.json:
		_, _ = io.WriteString(s.w, "\n  ]\n}\n")
	default:
		fmt.Fprintf(s.w, "\n%d of %d pairs reachable.\n", s.reachable, s.pairs)
	}
	return s.w.err
}
