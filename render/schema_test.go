package render

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	pathpkg "path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// repoRoot is the module root, relative to this package.
const repoRoot = ".."

// Minimum numbers of JSON goldens the schema test must find in each place;
// raise them when goldens are added, never lower them to make a test pass.
const (
	minExampleGoldens = 20 // examples/*/expected/*.json
	minRenderGoldens  = 9  // render/testdata/*.json
	minScriptGoldens  = 1  // JSON files inside cmd/vpcreach/testdata/script/*.txtar
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSONSchema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(SchemaID, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(SchemaID)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// jsonGolden is one JSON document checked in as expected output.
type jsonGolden struct {
	name string // where it is, for messages
	data []byte
}

// findGoldens returns every JSON golden of the repository by place. The
// *.json files of examples/*/expected and render/testdata (JSON Schema
// files excepted) are all goldens; elsewhere, a *.json file or a member of
// a testscript archive is one when it is a JSON object with a
// schema_version (other JSON, such as an importer's input, is not
// vpcreach's output).
func findGoldens(t *testing.T) map[string][]jsonGolden {
	t.Helper()
	out := map[string][]jsonGolden{}
	add := func(place, name string, data []byte, strict bool) {
		if strict || isVpcreachDocument(data) {
			out[place] = append(out[place], jsonGolden{name, data})
		}
	}
	err := filepath.WalkDir(repoRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && path != repoRoot {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(repoRoot, path)
		rel = filepath.ToSlash(rel)
		switch {
		case strings.HasPrefix(pathpkg.Base(rel), "logs_"):
			// The `vpcreach logs` reports (schema_version 1 too) are not in
			// the schema yet; docs/json.md describes them field by field.
			return nil
		case strings.HasSuffix(rel, ".json") && !strings.Contains(pathpkg.Base(rel), "schema"):
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			place := goldenPlace(rel)
			add(place, rel, b, place != "other")
		case strings.HasSuffix(rel, ".txtar"):
			a, err := txtar.ParseFile(path)
			if err != nil {
				return err
			}
			for _, f := range a.Files {
				add("txtar", rel+":"+f.Name, f.Data, false)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// isVpcreachDocument reports whether data is a JSON object with a
// schema_version.
func isVpcreachDocument(data []byte) bool {
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return false
	}
	_, ok := top["schema_version"]
	return ok
}

// goldenPlace is "examples" for examples/*/expected, "render" for
// render/testdata, "other" elsewhere.
func goldenPlace(rel string) string {
	switch {
	case strings.HasPrefix(rel, "examples/") && strings.Contains(rel, "/expected/"):
		return "examples"
	case strings.HasPrefix(rel, "render/testdata/"):
		return "render"
	}
	return "other"
}

// TestGoldensValidateAgainstSchema validates every JSON golden of the
// repository against the schema and requires the minimum count of each
// place, so a moved or renamed golden directory cannot make it pass
// without checking.
func TestGoldensValidateAgainstSchema(t *testing.T) {
	t.Parallel()
	sch := compileSchema(t)
	goldens := findGoldens(t)
	for place, min := range map[string]int{"examples": minExampleGoldens, "render": minRenderGoldens, "txtar": minScriptGoldens} {
		if n := len(goldens[place]); n < min {
			t.Errorf("found %d JSON goldens in %s, want at least %d", n, place, min)
		}
	}
	checked := 0
	for _, gs := range goldens {
		for _, g := range gs {
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(g.data))
			if err != nil {
				t.Errorf("%s: %v", g.name, err)
				continue
			}
			if err := sch.Validate(doc); err != nil {
				t.Errorf("%s does not validate: %v", g.name, err)
				continue
			}
			checked++
		}
	}
	if want := minExampleGoldens + minRenderGoldens + minScriptGoldens; checked < want {
		t.Errorf("validated %d JSON goldens, want at least %d", checked, want)
	}
	t.Logf("validated %d JSON goldens", checked)
}

// TestSchemaPropertiesAllUsed requires every property the schema declares
// to occur in some golden, so the schema describes what vpcreach writes
// and not an imagined format.
func TestSchemaPropertiesAllUsed(t *testing.T) {
	t.Parallel()
	var schema struct {
		Defs map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(JSONSchema(), &schema); err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, gs := range findGoldens(t) {
		for _, g := range gs {
			var v any
			if err := json.Unmarshal(g.data, &v); err != nil {
				t.Fatalf("%s: %v", g.name, err)
			}
			collectKeys(v, used)
		}
	}
	var missing []string
	declared := 0
	for def, d := range schema.Defs {
		for p := range d.Properties {
			declared++
			if !used[p] {
				missing = append(missing, def+"."+p)
			}
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("schema properties that no golden uses: %v", missing)
	}
	if declared < 100 {
		t.Errorf("the schema declares %d properties, want at least 100", declared)
	}
}

func collectKeys(v any, keys map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			keys[k] = true
			collectKeys(e, keys)
		}
	case []any:
		for _, e := range x {
			collectKeys(e, keys)
		}
	}
}

// TestSchemaRejects makes sure the schema can fail: each document is a
// valid golden with one mistake.
func TestSchemaRejects(t *testing.T) {
	t.Parallel()
	sch := compileSchema(t)
	ok, err := os.ReadFile("testdata/matrix-ports.json")
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		"unknown field":       strings.Replace(string(ok), `"cells": [`, `"extra": 1, "cells": [`, 1),
		"schema_version 2":    strings.Replace(string(ok), `"schema_version": 1`, `"schema_version": 2`, 1),
		"bad verdict":         strings.Replace(string(ok), `"verdict": "REACHABLE"`, `"verdict": "YES"`, 1),
		"bad port set":        strings.Replace(string(ok), `"reachable_ports": "any"`, `"reachable_ports": "all"`, 1),
		"missing cells":       `{"schema_version": 1, "query": {"by": "subnet", "protocol": "tcp", "internet": "x"}, "sources": [], "destinations": []}`,
		"analysis no verdict": `{"schema_version": 1, "query": {"source": "a", "destination": "b", "protocol": "tcp"}}`,
		"check bad expect":    `{"schema_version": 1, "results": [{"expect": "x", "holds": true, "analysis": null}]}`,
		"empty object":        `{}`,
		"validate no valid":   `{"schema_version": 1, "diagnostics": []}`,
		"bad severity":        `{"schema_version": 1, "valid": true, "diagnostics": [{"severity": "info", "summary": "x"}]}`,
		"range without start": `{"schema_version": 1, "valid": false, "diagnostics": [{"severity": "error", "summary": "x", "range": {"filename": "a", "end": {"line": 1, "column": 1, "byte": 0}}}]}`,
	}
	for name, doc := range cases {
		if doc == string(ok) {
			t.Fatalf("%s: the mutation did not apply", name)
		}
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := sch.Validate(v); err == nil {
			t.Errorf("%s: validated", name)
		}
	}
}
