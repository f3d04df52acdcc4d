package render

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// sarifSchemaFile is the OASIS SARIF 2.1.0 (errata01) JSON schema,
// https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json.
const sarifSchemaFile = "testdata/sarif-schema-2.1.0.json"

func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(sarifSchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(sarifSchemaFile, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(sarifSchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validateSARIF(t *testing.T, sch *jsonschema.Schema, name string, b []byte) {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := sch.Validate(doc); err != nil {
		t.Errorf("%s: SARIF does not validate: %v", name, err)
	}
}

// TestSARIF renders the check fixture against testdata/check.sarif and
// validates it: one rule and one result per failing expectation.
func TestSARIF(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := (Formatter{Format: SARIF, ToolVersion: "1.2.3"}).Check(&buf, nil, fixtureCheck()); err != nil {
		t.Fatal(err)
	}
	golden(t, "check.sarif", buf.Bytes())
	validateSARIF(t, compileSARIFSchema(t), "fixture", buf.Bytes())
	var log sarifLog
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Results) != 2 || len(run.Tool.Driver.Rules) != 2 || run.Tool.Driver.Version != "1.2.3" {
		t.Errorf("%d results, %d rules, version %q; want 2, 2, 1.2.3", len(run.Results), len(run.Tool.Driver.Rules), run.Tool.Driver.Version)
	}
}

// TestSARIFExamples checks every example: the SARIF of its check
// validates, has one result per failing expectation located at its expect
// block, and the checked-in expected/check.sarif validates too.
func TestSARIFExamples(t *testing.T) {
	t.Parallel()
	sch := compileSARIFSchema(t)
	failing, goldens := 0, 0
	for _, dir := range exampleDirs(t) {
		results, err := compileExample(t, dir).Check(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := (Formatter{Format: SARIF}).Check(&buf, nil, results); err != nil {
			t.Fatal(err)
		}
		validateSARIF(t, sch, dir, buf.Bytes())
		var log sarifLog
		if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		fails := 0
		for _, r := range results {
			if !r.Holds {
				fails++
			}
		}
		if got := len(log.Runs[0].Results); got != fails {
			t.Errorf("%s: %d results for %d failing expectations", dir, got, fails)
		}
		for _, r := range log.Runs[0].Results {
			failing++
			checkSARIFLocation(t, dir, r)
		}
		b, err := os.ReadFile(filepath.Join(dir, "expected", "check.sarif"))
		if err != nil {
			t.Fatal(err)
		}
		validateSARIF(t, sch, dir+"/expected/check.sarif", b)
		goldens++
	}
	if failing == 0 {
		t.Error("no example has a failing expectation: the SARIF results were not exercised")
	}
	if goldens < 4 {
		t.Errorf("validated %d checked-in SARIF goldens, want at least 4", goldens)
	}
}

// checkSARIFLocation requires r to point at its expect block's first line.
func checkSARIFLocation(t *testing.T, dir string, r sarifResult) {
	t.Helper()
	loc := r.Locations[0].PhysicalLocation
	src, err := os.ReadFile(loc.ArtifactLocation.URI)
	if err != nil {
		t.Fatalf("%s: location %s: %v", dir, loc.ArtifactLocation.URI, err)
	}
	line := strings.Split(string(src), "\n")[loc.Region.StartLine-1]
	if !strings.HasPrefix(line, "expect \""+strings.TrimPrefix(r.RuleID, "expect.")+"\"") {
		t.Errorf("%s: result %s located at %q, not its expect block", dir, r.RuleID, line)
	}
}

// TestSARIFSchemaRejectsInvalid makes sure the schema check can fail.
func TestSARIFSchemaRejectsInvalid(t *testing.T) {
	t.Parallel()
	sch := compileSARIFSchema(t)
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(`{"version":"2.1.0","runs":[{"results":[]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(doc); err == nil {
		t.Error("a run without a tool validated")
	}
}

// TestSARIFDiagnostics: located diagnostics become results (errors and
// warnings, duplicates dropped), one rule per summary, located relative to
// the root with uriBaseId; a diagnostic without a subject becomes a
// notification of a failed invocation. The log
// validates, for check (diagnostics and failing expectations) and validate
// (diagnostics only).
func TestSARIFDiagnostics(t *testing.T) {
	t.Parallel()
	root, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	sch := compileSARIFSchema(t)
	fm := Formatter{Format: SARIF, ToolVersion: "1.2.3", SARIFRoot: root}
	for _, c := range []struct {
		name    string
		results int
		write   func(*bytes.Buffer) error
	}{
		{"diagnostics.sarif", 3, func(b *bytes.Buffer) error { return fm.Diagnostics(b, fixtureDiagnostics()) }},
		{"check-diagnostics.sarif", 5, func(b *bytes.Buffer) error { return fm.Check(b, fixtureDiagnostics(), fixtureCheck()) }},
	} {
		var buf bytes.Buffer
		if err := c.write(&buf); err != nil {
			t.Fatal(err)
		}
		golden(t, c.name, buf.Bytes())
		validateSARIF(t, sch, c.name, buf.Bytes())
		var log sarifLog
		if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		run := log.Runs[0]
		if len(run.Results) != c.results {
			t.Errorf("%s: %d results, want %d", c.name, len(run.Results), c.results)
		}
		located := 0
		for _, r := range run.Results {
			if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
				t.Errorf("%s: result %s has the index of rule %s", c.name, r.RuleID, run.Tool.Driver.Rules[r.RuleIndex].ID)
			}
			for _, l := range r.Locations {
				located++
				a := l.PhysicalLocation.ArtifactLocation
				if a.URIBaseID != "%SRCROOT%" || !strings.HasPrefix(a.URI, "net/") {
					t.Errorf("%s: location %+v, want net/... relative to %%SRCROOT%%", c.name, a)
				}
			}
		}
		if located != c.results {
			t.Errorf("%s: %d located results, want %d", c.name, located, c.results)
		}
		if len(run.Invocations) != 1 || run.Invocations[0].ExecutionSuccessful || len(run.Invocations[0].Notifications) != 1 {
			t.Errorf("%s: invocations %+v, want one failed, with the unlocated error", c.name, run.Invocations)
		}
	}
}

func TestSARIFArtifact(t *testing.T) {
	t.Parallel()
	root, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	outside, err := filepath.Abs("x y.hcl")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		root, name string
		want       sarifArtifact
	}{
		{"", "../examples/a/expect.hcl", sarifArtifact{URI: "../examples/a/expect.hcl"}},
		{root, "testdata/net/a b.hcl", sarifArtifact{URI: "net/a%20b.hcl", URIBaseID: "%SRCROOT%"}},
		{root, filepath.Join(root, "c.hcl"), sarifArtifact{URI: "c.hcl", URIBaseID: "%SRCROOT%"}},
		{root, "x y.hcl", sarifArtifact{URI: "file://" + filepath.ToSlash(outside)[:len(filepath.ToSlash(outside))-len("x y.hcl")] + "x%20y.hcl"}},
		{root, "testdata/..x/d.hcl", sarifArtifact{URI: "..x/d.hcl", URIBaseID: "%SRCROOT%"}},
	}
	for _, c := range cases {
		if got := (Formatter{SARIFRoot: c.root}).sarifArtifact(c.name); got != c.want {
			t.Errorf("root %q, %q: %+v, want %+v", c.root, c.name, got, c.want)
		}
	}
}

func TestDiagnosticRuleID(t *testing.T) {
	t.Parallel()
	for summary, want := range map[string]string{
		"Undeclared resource":           "topology/undeclared-resource",
		"CIDR block has host bits set":  "topology/cidr-block-has-host-bits-set",
		"  Missing `;` -- after option": "topology/missing-after-option",
		"???":                           "topology/diagnostic",
	} {
		if got := diagnosticRuleID(&hcl.Diagnostic{Summary: summary}); got != want {
			t.Errorf("%q: %q, want %q", summary, got, want)
		}
	}
}

// testCode is a diagnostic Extra naming a code, as lint.Finding does.
type testCode string

func (c testCode) DiagnosticCode() string { return string(c) }

func TestDiagnosticRuleIDOfCode(t *testing.T) {
	t.Parallel()
	d := &hcl.Diagnostic{Summary: "rule sid 2 can never decide (shadowed_rule)", Extra: testCode("shadowed_rule")}
	if got, want := diagnosticRuleID(d), "lint/shadowed_rule"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	d.Extra = testCode("")
	if got, want := diagnosticRuleID(d), "topology/rule-sid-2-can-never-decide-shadowed-rule"; got != want {
		t.Errorf("empty code: got %q, want %q", got, want)
	}
}
