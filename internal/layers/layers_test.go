package layers

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/vpcreach/vpcreach/"

// allowed lists, for each package of the module (relative to its root),
// the module packages its non-test files may import. A package missing
// from the table fails the test, so that a new package states its place.
var allowed = map[string][]string{
	"cmd/vpcreach": {"analyzer", "topology", "rules", "ports", "render", "docs", "importer", "importer/awscli",
		"importer/tfjson", "logs", "logcheck", "diff", "lint", "internal/diag", "internal/memfs"},
	"render":              {"analyzer", "render/jsonwire", "logs", "logcheck", "diff", "internal/diag"},
	"render/jsonwire":     {},
	"diff":                {"analyzer", "topology", "ports", "rules/syntax"},
	"internal/randtopo":   {},
	"docs":                {},
	"lint":                {"analyzer", "topology", "rules", "rules/syntax", "policyspec", "ports"},
	"importer":            {"internal/memfs"},
	"importer/awscli":     {"importer"},
	"importer/tfjson":     {"importer"},
	"logs":                {},
	"logcheck":            {"analyzer", "logs", "rules", "topology", "internal/par"},
	"bench/gonidsparse":   {},
	"internal/memfs":      {},
	"internal/loggen":     {},
	"cmd/vpcgen":          {"internal/gen"},
	"analyzer":            {"topology", "rules", "rules/syntax", "policyspec", "ports", "internal/diag", "internal/par"},
	"topology":            {"policyspec", "ports", "internal/diag", "internal/par"},
	"rules":               {"rules/syntax", "policyspec", "ports", "internal/diag", "internal/par"},
	"rules/syntax":        {"policyspec", "ports"},
	"policyspec":          {"ports"},
	"ports":               {},
	"internal/diag":       {},
	"internal/par":        {},
	"internal/gen":        {"rules", "policyspec", "ports"},
	"internal/testcorpus": {},
	"internal/golden":     {"internal/diag", "ports"},
	"internal/layers":     {},
	"examples":            {},
}

// forbiddenStd are standard packages no non-test file may import.
var forbiddenStd = []string{"testing/fstest"}

// TestImports checks every package's non-test imports against allowed.
func TestImports(t *testing.T) {
	t.Parallel()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	imports := moduleImports(t, root)
	for pkg := range allowed {
		if _, ok := imports[pkg]; !ok {
			t.Errorf("%s: listed in allowed but not found", pkg)
		}
	}
	checked := 0
	for pkg, deps := range imports {
		ok, listed := allowed[pkg]
		if !listed {
			t.Errorf("%s: not in the allowed table; add it with the packages it may import", pkg)
			continue
		}
		for _, d := range deps {
			switch {
			case strings.HasPrefix(d, module) && !slices.Contains(ok, strings.TrimPrefix(d, module)):
				t.Errorf("%s imports %s, which ARCHITECTURE.md's layering forbids", pkg, strings.TrimPrefix(d, module))
			case slices.Contains(forbiddenStd, d):
				t.Errorf("%s imports %s outside tests", pkg, d)
			}
		}
		checked++
	}
	if checked < len(allowed) {
		t.Errorf("checked %d packages, want at least %d", checked, len(allowed))
	}
}

// moduleImports returns, for each directory under root holding non-test Go
// files (relative, slash-separated), the packages those files import.
func moduleImports(t *testing.T, root string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, filepath.Dir(path))
		if err != nil {
			return err
		}
		pkg := filepath.ToSlash(rel)
		if _, ok := out[pkg]; !ok {
			out[pkg] = nil
		}
		for _, im := range f.Imports {
			p, err := strconv.Unquote(im.Path.Value)
			if err != nil {
				return err
			}
			out[pkg] = append(out[pkg], p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
