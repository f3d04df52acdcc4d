package render

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/vpcreach/vpcreach/analyzer"
)

// fixtureMatrixGroups has a source group of two subnets (whose cell with
// a destination group holding one of them leaves that pair out), single
// endpoints, and a cell whose only pair is an endpoint with itself.
func fixtureMatrixGroups(port bool) *analyzer.MatrixGroups {
	m := &analyzer.MatrixGroups{SchemaVersion: analyzer.SchemaVersion, Pairs: 9,
		Query:             analyzer.MatrixQueryInfo{By: "subnet", Protocol: "tcp", Internet: "203.0.113.50"},
		SourceGroups:      [][]string{{"subnet.a", "subnet.b"}, {"internet"}},
		DestinationGroups: [][]string{{"subnet.a", "subnet.c"}, {"internet"}}}
	cell := func(v analyzer.Verdict, reach, amb, by string) analyzer.MatrixAnswer {
		if port {
			reach, amb = "", ""
		}
		return analyzer.MatrixAnswer{Verdict: v, ReachablePorts: reach, AmbiguousPorts: amb, DecidedBy: by}
	}
	if port {
		m.Query.DestinationPort = ip(443)
	}
	setCells(m, []analyzer.MatrixAnswer{
		cell(analyzer.Reachable, "443,8000-8999", "", ""),
		cell(analyzer.Ambiguous, "80", "443", "FIREWALL_UNSUPPORTED_HIGHER_PRIORITY_RULES at firewall_endpoint.fw_a"),
		cell(analyzer.NotReachable, "none", "", "NO_ROUTE_TO_DESTINATION at internet_gateway.igw"),
		cell(analyzer.NotApplicable, "", "", "same endpoint"),
	})
	return m
}

// setCells sets m's answers and cells from one answer per cell, row by
// row.
func setCells(m *analyzer.MatrixGroups, cells []analyzer.MatrixAnswer) {
	index := map[analyzer.MatrixAnswer]uint32{}
	m.Answers, m.Cells = nil, nil
	for _, a := range cells {
		id, ok := index[a]
		if !ok {
			id = uint32(len(m.Answers))
			m.Answers = append(m.Answers, a)
			index[a] = id
		}
		m.Cells = append(m.Cells, id)
	}
}

// TestMatrixGroups renders the grouped fixtures against testdata.
func TestMatrixGroups(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name   string
		format Format
		port   bool
	}{{"matrix-groups-port.txt", Table, true}, {"matrix-groups-ports.txt", Table, false},
		{"matrix-groups-port.json", JSON, true}, {"matrix-groups-ports.json", JSON, false}} {
		var buf bytes.Buffer
		m := fixtureMatrixGroups(c.port)
		if err := (Formatter{Format: c.format}).MatrixGroups(&buf, m); err != nil {
			t.Fatal(err)
		}
		golden(t, c.name, buf.Bytes())
		if c.format == JSON { // written cell by cell: the document MatrixGroupsJSON builds
			var whole bytes.Buffer
			if err := WriteJSON(&whole, MatrixGroupsJSON(m)); err != nil || whole.String() != buf.String() {
				t.Errorf("%s: streamed JSON differs from MatrixGroupsJSON (%v):\n%s", c.name, err, whole.String())
			}
		}
	}
}

// TestMatrixGroupPairs checks the headline's pair counts: the pair of an
// endpoint with itself is left out of a group cell.
func TestMatrixGroupPairs(t *testing.T) {
	t.Parallel()
	pairs, reach := groupPairs(fixtureMatrixGroups(true))
	// S1 x D1: 4 pairs but a->a; S1 x D2: 2; S2 x D1: 2; S2 x D2: n/a.
	if pairs != 3+2+2 || reach != 3 {
		t.Errorf("%d pairs, %d reachable; want 7 and 3", pairs, reach)
	}
}

// TestMatrixStream checks that the streamed JSON is byte for byte the
// document Formatter.Matrix writes, that the streamed table lists every
// pair, and that an interrupted JSON stream stays unterminated.
func TestMatrixStream(t *testing.T) {
	t.Parallel()
	for _, port := range []bool{true, false} {
		m := fixtureMatrix(port)
		p := &analyzer.MatrixPlan{Query: m.Query, Sources: m.Sources, Destinations: m.Destinations}
		var whole bytes.Buffer
		if err := (Formatter{Format: JSON}).Matrix(&whole, m); err != nil {
			t.Fatal(err)
		}
		stream := func(f Format, complete bool) string {
			var buf bytes.Buffer
			s, err := Formatter{Format: f}.NewMatrixStream(&buf, p)
			if err != nil {
				t.Fatal(err)
			}
			cols := len(m.Destinations)
			for i := range m.Sources {
				if err := s.Row(analyzer.MatrixRow{Index: i, Source: m.Sources[i], Cells: m.Cells[i*cols : (i+1)*cols]}); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.Close(complete); err != nil {
				t.Fatal(err)
			}
			return buf.String()
		}
		if got := stream(JSON, true); got != whole.String() {
			t.Errorf("port %v: streamed JSON differs:\n%s\nwant:\n%s", port, got, whole.String())
		}
		if got := stream(JSON, false); got+"\n  ]\n}\n" != whole.String() {
			t.Errorf("port %v: interrupted JSON:\n%s", port, got)
		}
		name := map[bool]string{true: "matrix-expand-port.txt", false: "matrix-expand-ports.txt"}[port]
		golden(t, name, []byte(stream(Table, true)))
	}
	if _, err := (Formatter{Format: SARIF}).NewMatrixStream(&bytes.Buffer{}, &analyzer.MatrixPlan{}); err == nil {
		t.Error("SARIF matrix stream: no error")
	}
	fail := errors.New("disk full")
	s, err := Formatter{}.NewMatrixStream(failWrites{fail}, &analyzer.MatrixPlan{})
	if err != fail || s != nil && s.Close(true) != fail {
		t.Errorf("write error: %v", err)
	}
}

// failWrites fails every write with err.
type failWrites struct{ err error }

func (f failWrites) Write([]byte) (int, error) { return 0, f.err }

// TestMatrixGroupLists renders a grouped matrix too wide for a grid: each
// source group lists its answers with the destination groups that get them.
func TestMatrixGroupLists(t *testing.T) {
	t.Parallel()
	m := &analyzer.MatrixGroups{SchemaVersion: analyzer.SchemaVersion, Pairs: 2 * 15,
		Query:        analyzer.MatrixQueryInfo{By: "subnet", Protocol: "tcp", DestinationPort: ip(443), Internet: "203.0.113.50"},
		SourceGroups: [][]string{{"subnet.a", "subnet.b"}, {"internet"}}}
	for l := range maxGridColumns + 1 {
		g := []string{fmt.Sprintf("subnet.d%02d", l)}
		if l == 0 {
			g = append(g, "subnet.a")
		}
		m.DestinationGroups = append(m.DestinationGroups, g)
	}
	m.DestinationGroups = append(m.DestinationGroups, []string{"internet"})
	var cells []analyzer.MatrixAnswer
	for k := range m.SourceGroups {
		for l := range m.DestinationGroups {
			c := analyzer.MatrixAnswer{Verdict: analyzer.Reachable}
			switch {
			case k == 1 && l == len(m.DestinationGroups)-1:
				c.Verdict, c.DecidedBy = analyzer.NotApplicable, "same endpoint"
			case l%3 == 1 && l < len(m.DestinationGroups)-1:
				c.Verdict, c.DecidedBy = analyzer.NotReachable, fmt.Sprintf("SUBNET_ACL_RESTRICTION at subnet.d%02d", l)
			case l%3 == 2:
				c.Verdict, c.DecidedBy = analyzer.NotReachable, "NO_ROUTE_TO_DESTINATION at subnet.a"
			}
			cells = append(cells, c)
		}
	}
	setCells(m, cells)
	var buf bytes.Buffer
	if err := (Formatter{}).MatrixGroups(&buf, m); err != nil {
		t.Fatal(err)
	}
	golden(t, "matrix-groups-list.txt", buf.Bytes())
}
