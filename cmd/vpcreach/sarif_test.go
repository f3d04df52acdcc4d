package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

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

// TestSARIFValidatesAgainstSchema runs `check --format sarif` on every
// example (including the one with a failing expectation) and validates the
// output against the SARIF 2.1.0 schema; it also requires one result per
// failing expectation, located at its expect block.
func TestSARIFValidatesAgainstSchema(t *testing.T) {
	t.Parallel()
	sch := compileSARIFSchema(t)
	dirs, err := filepath.Glob(filepath.Join(examplesDir, "*", "queries.txt"))
	if err != nil || len(dirs) == 0 {
		t.Fatal("no examples")
	}
	failing := 0
	for _, qf := range dirs {
		dir := filepath.Dir(qf)
		var out, errb bytes.Buffer
		code := newCLI(&out, &errb).run([]string{"check", "-t", dir, "--format", "sarif"})
		if code != exitOK && code != exitViolated {
			t.Fatalf("%s: exit %d: %s", dir, code, errb.String())
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(out.Bytes()))
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		if err := sch.Validate(doc); err != nil {
			t.Errorf("%s: SARIF does not validate: %v", dir, err)
		}
		var log sarifLog
		if err := json.Unmarshal(out.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		results := log.Runs[0].Results
		if (code == exitViolated) != (len(results) > 0) {
			t.Errorf("%s: exit %d with %d results", dir, code, len(results))
		}
		for _, r := range results {
			failing++
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
	}
	if failing == 0 {
		t.Error("no example has a failing expectation: the SARIF results were not exercised")
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
