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

// sarifSchemaFile is the OASIS SARIF 2.1.0 schema, kept with the render
// package's tests.
const sarifSchemaFile = "../../render/testdata/sarif-schema-2.1.0.json"

// TestCheckSARIFWithErrors runs `check --format sarif` on a topology with
// errors, from the file system: the log validates against the SARIF
// schema, has one result per error, located relative to the repository
// root (uriBaseId %SRCROOT%) at a file that exists there, and check exits 1.
func TestCheckSARIFWithErrors(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("testdata", "broken")
	var out, errb bytes.Buffer
	c := newCLI(&out, &errb)
	if code := c.run([]string{"check", "-t", dir, "--format", "sarif"}); code != exitError {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "CIDR block has host bits set") {
		t.Errorf("stderr lacks the text diagnostics:\n%s", errb.String())
	}
	validateSARIFFile(t, out.Bytes())
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Level     string `json:"level"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	root := c.sarifRoot(dir)
	results := log.Runs[0].Results
	if len(results) != 2 {
		t.Fatalf("%d results, want 2 (host bits, undeclared route table):\n%s", len(results), out.String())
	}
	for _, r := range results {
		a := r.Locations[0].PhysicalLocation.ArtifactLocation
		if r.Level != "error" || a.URIBaseID != "%SRCROOT%" || !strings.HasSuffix(a.URI, "testdata/broken/main.hcl") {
			t.Errorf("result %s: level %s, location %+v", r.RuleID, r.Level, a)
		}
		if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(a.URI))); err != nil {
			t.Errorf("result %s: %s is not a file under %s: %v", r.RuleID, a.URI, root, err)
		}
	}
}

func validateSARIFFile(t *testing.T, b []byte) {
	t.Helper()
	f, err := os.Open(sarifSchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	schema, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(sarifSchemaFile, schema); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(sarifSchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(doc); err != nil {
		t.Errorf("SARIF does not validate: %v", err)
	}
}

// TestSARIFRoot finds the repository root above the topology, or none for
// a CLI rooted at an fs.FS.
func TestSARIFRoot(t *testing.T) {
	t.Parallel()
	repo := t.TempDir()
	net := filepath.Join(repo, "infra", "net")
	if err := os.MkdirAll(net, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(repo, ".git"), []byte("gitdir: elsewhere\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(net, "main.hcl")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	c := newCLI(&bytes.Buffer{}, &bytes.Buffer{})
	for _, p := range []string{net, file, filepath.Join(repo, "infra")} {
		if got := c.sarifRoot(p); got != repo {
			t.Errorf("sarifRoot(%s) = %s, want %s", p, got, repo)
		}
	}
	c.fsys = os.DirFS(repo)
	if got := c.sarifRoot("infra/net"); got != "" {
		t.Errorf("rooted at an fs.FS: %q, want none", got)
	}
}
