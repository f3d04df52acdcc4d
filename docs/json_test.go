package docs

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// jsonTag matches the name of a json struct tag.
var jsonTag = regexp.MustCompile("json:\"([a-z_]+)[,\"]")

// TestJSONFieldsDocumented checks that every field of the JSON documents
// is described in json.md: the json tags of the module's Go types (SARIF's
// own types excepted) and every key of the JSON goldens under
// examples/*/expected.
func TestJSONFieldsDocumented(t *testing.T) {
	t.Parallel()
	md := readDoc(t, "json.md")
	fields := map[string]string{}
	goTags(t, fields)
	nGo := len(fields)
	goldenKeys(t, fields)
	if nGo < 60 {
		t.Fatalf("found %d json tags in Go, want at least 60: the scan missed the JSON types", nGo)
	}
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if !strings.Contains(md, "`"+k+"`") && !strings.Contains(md, "."+k+"`") {
			t.Errorf("json.md does not describe the field %q (%s)", k, fields[k])
		}
	}
	t.Logf("checked %d JSON fields (%d from Go tags) against json.md", len(fields), nGo)
}

// goTags adds the json tag names of every non-test Go file of the module,
// except the SARIF types.
func goTags(t *testing.T, out map[string]string) {
	t.Helper()
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "testdata" || d.Name() == ".git" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || strings.Contains(path, "sarif") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range jsonTag.FindAllStringSubmatch(string(b), -1) {
			out[m[1]] = path
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// goldenKeys adds every object key of the JSON goldens.
func goldenKeys(t *testing.T, out map[string]string) {
	t.Helper()
	paths, err := filepath.Glob("../examples/*/expected/*.json")
	if err != nil || len(paths) < 10 {
		t.Fatalf("found %d JSON goldens, want at least 10 (%v)", len(paths), err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		walkKeys(v, func(k string) { out[k] = p })
	}
}

func walkKeys(v any, f func(string)) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			f(k)
			walkKeys(x, f)
		}
	case []any:
		for _, x := range v {
			walkKeys(x, f)
		}
	}
}
