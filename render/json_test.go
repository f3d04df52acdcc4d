package render

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/render/jsonwire"
)

// jsonGoldens renders every fixture as JSON; the names are those of
// testdata/*.json.
func jsonGoldens(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	render := func(name string, f func(*bytes.Buffer) error) {
		var buf bytes.Buffer
		if err := f(&buf); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = buf.Bytes()
	}
	fm := Formatter{Format: JSON}
	for name, a := range map[string]*analyzer.Analysis{
		"analysis.json": fixtureAnalysis(), "ports.json": fixturePorts(), "addresses.json": fixtureAddresses(),
	} {
		render(name, func(b *bytes.Buffer) error { return fm.Analysis(b, a) })
	}
	render("matrix-port.json", func(b *bytes.Buffer) error { return fm.Matrix(b, fixtureMatrix(true)) })
	render("matrix-ports.json", func(b *bytes.Buffer) error { return fm.Matrix(b, fixtureMatrix(false)) })
	render("check.json", func(b *bytes.Buffer) error { return fm.Check(b, nil, fixtureCheck()) })
	render("check-diagnostics.json", func(b *bytes.Buffer) error { return fm.Check(b, fixtureDiagnostics(), nil) })
	render("validate.json", func(b *bytes.Buffer) error { return fm.Diagnostics(b, fixtureDiagnostics()) })
	render("validate-valid.json", func(b *bytes.Buffer) error { return fm.Diagnostics(b, nil) })
	return out
}

// TestJSON renders the fixtures as JSON against testdata/*.json.
func TestJSON(t *testing.T) {
	t.Parallel()
	docs := jsonGoldens(t)
	if len(docs) != 9 {
		t.Fatalf("%d JSON documents, want 9", len(docs))
	}
	for name, got := range docs {
		golden(t, name, got)
		if bytes.Contains(got, []byte(`\u003e`)) {
			t.Errorf("%s: HTML escaping", name)
		}
	}
}

// TestJSONRoundTrip decodes each document into its jsonwire type with
// unknown fields refused and encodes it again: the bytes must not change,
// so the wire types describe the output completely.
func TestJSONRoundTrip(t *testing.T) {
	t.Parallel()
	n := 0
	for name, b := range jsonGoldens(t) {
		var v any = &jsonwire.Analysis{}
		switch {
		case strings.HasPrefix(name, "matrix"):
			v = &jsonwire.Matrix{}
		case strings.HasPrefix(name, "check"):
			v = &jsonwire.CheckReport{}
		case strings.HasPrefix(name, "validate"):
			v = &jsonwire.ValidateReport{}
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var again bytes.Buffer
		if err := WriteJSON(&again, v); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again.Bytes(), b) {
			t.Errorf("%s: not the same after a round trip", name)
		}
		n++
	}
	if n != 9 {
		t.Errorf("round-tripped %d documents, want 9", n)
	}
}

// TestJSONNilAndEmpty: a nil list stays null and an empty one [] (the
// analyzer decides which; the wire format keeps it).
func TestJSONNilAndEmpty(t *testing.T) {
	t.Parallel()
	a := fixturePorts()
	a.PortRanges = nil
	a.ForwardPath, a.ReturnPath = nil, []*analyzer.Hop{}
	var buf bytes.Buffer
	if err := (Formatter{Format: JSON}).Analysis(&buf, a); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, s := range []string{`"forward_path": null`, `"return_path": []`} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %s:\n%s", s, out)
		}
	}
	if strings.Contains(out, "port_ranges") {
		t.Error("port_ranges not omitted when nil")
	}
	if AnalysisJSON(nil) != nil || MatrixJSON(nil) != nil {
		t.Error("nil does not convert to nil")
	}
	if r := CheckJSON(nil); r.Results == nil || r.SchemaVersion != jsonwire.SchemaVersion {
		t.Errorf("CheckJSON(nil) = %+v, want an empty list at schema version 1", r)
	}
}

// TestWireTypesCoverResults requires every field of the analyzer's result
// types to have a wire field of the same name, so a field added to a
// result cannot be left out of the JSON unnoticed (CheckResult.Block, the
// expect block for locating SARIF results, is the one exception).
func TestWireTypesCoverResults(t *testing.T) {
	t.Parallel()
	pairs := []struct{ res, wire any }{
		{analyzer.Analysis{}, jsonwire.Analysis{}}, {analyzer.Answer{}, jsonwire.Answer{}},
		{analyzer.QueryInfo{}, jsonwire.Query{}}, {analyzer.Header{}, jsonwire.Header{}},
		{analyzer.Hop{}, jsonwire.Hop{}}, {analyzer.RouteInfo{}, jsonwire.Route{}},
		{analyzer.TGWRouteInfo{}, jsonwire.TGWRoute{}}, {analyzer.ACLRuleInfo{}, jsonwire.ACLRule{}},
		{analyzer.SGRuleInfo{}, jsonwire.SGRule{}}, {analyzer.FirewallRuleInfo{}, jsonwire.FirewallRule{}},
		{analyzer.Finding{}, jsonwire.Finding{}}, {analyzer.PortRangeResult{}, jsonwire.PortRange{}},
		{analyzer.AddressRangeResult{}, jsonwire.AddressRange{}}, {analyzer.Matrix{}, jsonwire.Matrix{}},
		{analyzer.MatrixQueryInfo{}, jsonwire.MatrixQuery{}}, {analyzer.MatrixCell{}, jsonwire.MatrixCell{}},
		{analyzer.CheckResult{}, jsonwire.CheckResult{}},
	}
	fields := 0
	for _, p := range pairs {
		rt, wt := reflect.TypeOf(p.res), reflect.TypeOf(p.wire)
		for i := range rt.NumField() {
			f := rt.Field(i)
			if !f.IsExported() || (rt.Name() == "CheckResult" && f.Name == "Block") {
				continue
			}
			fields++
			if _, ok := wt.FieldByName(f.Name); !ok {
				t.Errorf("analyzer.%s.%s has no field in jsonwire.%s", rt.Name(), f.Name, wt.Name())
			}
		}
	}
	if fields < 100 {
		t.Errorf("compared %d fields, want at least 100", fields)
	}
}
