package docs

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// codeValue is the shape of an explanation code.
var codeValue = regexp.MustCompile(`^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$`)

// definedCodes returns every explanation code the module defines: the
// string constants named Code* whose value looks like a code, and the
// code-shaped literals given as a Code field, in every non-test Go file
// outside docs/ and testdata/, with where each is defined. Scanning the whole module keeps the test right when codes move
// between packages.
func definedCodes(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "testdata", "docs", ".git":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for name, v := range codeConsts(f) {
			out[v] = path + ": " + name
		}
		for _, v := range codeLiterals(f) {
			out[v] = path + ": a Code: literal"
		}
		return nil
	})
	if err != nil {
		t.Fatalf("scanning the module: %v", err)
	}
	return out
}

// codeConsts returns the constants of f named Code* with a code-shaped
// string literal value.
func codeConsts(f *ast.File) map[string]string {
	out := map[string]string{}
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, n := range vs.Names {
				if !strings.HasPrefix(n.Name, "Code") || i >= len(vs.Values) {
					continue
				}
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				if s, err := strconv.Unquote(lit.Value); err == nil && codeValue.MatchString(s) {
					out[n.Name] = s
				}
			}
		}
	}
	return out
}

// codeLiterals returns the code-shaped string literals given as the Code
// field of a composite literal (Finding{Code: "X"}), codes emitted without a
// constant.
func codeLiterals(f *ast.File) []string {
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		kv, ok := n.(*ast.KeyValueExpr)
		if !ok {
			return true
		}
		key, ok := kv.Key.(*ast.Ident)
		lit, isLit := kv.Value.(*ast.BasicLit)
		if !ok || !isLit || key.Name != "Code" || lit.Kind != token.STRING {
			return true
		}
		if s, err := strconv.Unquote(lit.Value); err == nil && codeValue.MatchString(s) {
			out = append(out, s)
		}
		return true
	})
	return out
}

// minDefinedCodes is the number of codes analyzer/codes.go defined when
// this test was written; fewer means the scan missed them.
const minDefinedCodes = 27

// TestCodesDocumented checks that codes.md has exactly one entry for
// every code the module defines and no entry for an unknown code.
func TestCodesDocumented(t *testing.T) {
	t.Parallel()
	defined := definedCodes(t)
	if len(defined) < minDefinedCodes {
		t.Fatalf("found %d defined codes, want at least %d: the scan of the module missed some", len(defined), minDefinedCodes)
	}
	entries := Entries()
	seen := map[string]int{}
	for _, e := range entries {
		seen[e.Code]++
		if seen[e.Code] == 2 {
			t.Errorf("codes.md:%d: second entry for %s", e.Line, e.Code)
		}
		if _, ok := defined[e.Code]; !ok {
			t.Errorf("codes.md:%d: entry for %s, which no Go constant defines", e.Line, e.Code)
		}
	}
	var missing []string
	for code, where := range defined {
		if seen[code] == 0 {
			missing = append(missing, code+" ("+where+")")
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("codes.md has no entry for %s", m)
	}
	t.Logf("compared %d defined codes with %d entries", len(defined), len(entries))
	if len(entries) != len(defined) {
		t.Errorf("codes.md has %d entries for %d defined codes", len(entries), len(defined))
	}
}

// TestEntriesShape checks that every entry says whether it blocks, where it
// appears and what to do.
func TestEntriesShape(t *testing.T) {
	t.Parallel()
	entries := Entries()
	if len(entries) < minDefinedCodes {
		t.Fatalf("parsed %d entries, want at least %d", len(entries), minDefinedCodes)
	}
	for _, e := range entries {
		for _, want := range []string{"Where:", "What to do:"} {
			if !strings.Contains(e.Text, want) {
				t.Errorf("codes.md:%d: entry %s has no %q", e.Line, e.Code, want)
			}
		}
		if !strings.Contains(e.Text, "**Blocking") && !strings.Contains(e.Text, "**Informational") {
			t.Errorf("codes.md:%d: entry %s says neither Blocking nor Informational", e.Line, e.Code)
		}
	}
}

func TestLookup(t *testing.T) {
	t.Parallel()
	tests := []struct {
		give, want string
		ok         bool
	}{
		{"FIREWALL_RULES_RESTRICTION", "FIREWALL_RULES_RESTRICTION", true},
		{"firewall_rules_restriction", "FIREWALL_RULES_RESTRICTION", true},
		{"NO_SUCH_CODE", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		e, ok := Lookup(tt.give)
		if ok != tt.ok || e.Code != tt.want {
			t.Errorf("Lookup(%q) = %q, %v; want %q, %v", tt.give, e.Code, ok, tt.want, tt.ok)
		}
		if ok && !strings.HasPrefix(e.Text, "### `"+tt.want+"`") {
			t.Errorf("Lookup(%q).Text starts %q", tt.give, e.Text[:min(40, len(e.Text))])
		}
	}
}

func TestParseEntries(t *testing.T) {
	t.Parallel()
	md := "# Title\n\nintro\n\n## Blocking\n\n### `A_B`\n\ntext a\n\n```sh\n# not a heading\n```\n\n### Not a code\n\nprose\n\n### `C_D`\ntext c\n\n\n## End\n"
	got := parseEntries(md)
	want := []Entry{
		{Code: "A_B", Line: 7, Text: "### `A_B`\n\ntext a\n\n```sh\n# not a heading\n```"},
		{Code: "C_D", Line: 19, Text: "### `C_D`\ntext c"},
	}
	if len(got) != len(want) {
		t.Fatalf("parsed %d entries, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

// TestEmbeddedMatchesFile guards against a stale embed (it cannot be, but
// the file on disk is what users read on GitHub).
func TestEmbeddedMatchesFile(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("codes.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != CodesMarkdown() {
		t.Error("embedded codes.md differs from the file")
	}
}

// exampleMessage matches an entry's example message.
var exampleMessage = regexp.MustCompile(`(?m)^Example message: "(.*)"\.$`)

// TestExampleMessagesReal checks that every example message of codes.md
// is a message vpcreach really prints: one of the findings of the JSON
// goldens under examples/*/expected, under the same code.
func TestExampleMessagesReal(t *testing.T) {
	t.Parallel()
	printed := map[string]bool{}
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
		collectMessages(v, printed)
	}
	checked := 0
	for _, e := range Entries() {
		for _, m := range exampleMessage.FindAllStringSubmatch(e.Text, -1) {
			checked++
			if !printed[e.Code+"\x00"+m[1]] {
				t.Errorf("codes.md:%d: the example message of %s is not in the goldens: %q", e.Line, e.Code, m[1])
			}
		}
	}
	t.Logf("checked %d example messages", checked)
	if checked < 5 {
		t.Errorf("checked %d example messages, want at least 5", checked)
	}
}

// collectMessages adds "CODE\x00message" for every finding in v.
func collectMessages(v any, out map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		code, _ := v["code"].(string)
		msg, _ := v["message"].(string)
		if code != "" && msg != "" {
			out[code+"\x00"+msg] = true
		}
		for _, x := range v {
			collectMessages(x, out)
		}
	case []any:
		for _, x := range v {
			collectMessages(x, out)
		}
	}
}
