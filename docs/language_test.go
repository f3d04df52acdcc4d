package docs

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/internal/diag"
	"github.com/vpcreach/vpcreach/topology"
)

// example is a fenced code block of a Markdown file.
type example struct {
	line     int    // line of the opening fence
	info     string // the info string: "hcl", "hcl fragment", "text file=x.rules"
	body     string
	files    map[string]string // files that follow it ("text file=NAME" blocks)
	fragment bool
}

// hclExamples returns the ```hcl blocks of md. A block whose info string is
// "hcl fragment" is a fragment; a block whose info string holds
// file=NAME is a file of the preceding hcl example.
func hclExamples(md string) []*example {
	var out []*example
	var cur *example
	var body []string
	for i, ln := range strings.Split(md, "\n") {
		if cur == nil {
			if info, ok := strings.CutPrefix(ln, "```"); ok && info != "" {
				cur, body = &example{line: i + 1, info: strings.TrimSpace(info)}, nil
			}
			continue
		}
		if strings.TrimSpace(ln) == "```" {
			cur.body = strings.Join(body, "\n") + "\n"
			out = appendExample(out, cur)
			cur = nil
			continue
		}
		body = append(body, ln)
	}
	return out
}

var fileInfo = regexp.MustCompile(`\bfile=(\S+)`)

func appendExample(out []*example, e *example) []*example {
	fields := strings.Fields(e.info)
	if m := fileInfo.FindStringSubmatch(e.info); m != nil && len(out) > 0 {
		prev := out[len(out)-1]
		prev.files[m[1]] = e.body
		return out
	}
	if fields[0] != "hcl" {
		return out
	}
	e.fragment = len(fields) > 1 && fields[1] == "fragment"
	e.files = map[string]string{}
	return append(out, e)
}

// minCompleteExamples is the number of complete examples language.md had
// when this test was written.
const minCompleteExamples = 20

// TestLanguageExamples loads every complete ```hcl example of
// language.md with topology.LoadFS and analyzer.Compile: each must load
// without any diagnostic, and its expect blocks must hold. Fragments must
// parse as HCL.
func TestLanguageExamples(t *testing.T) {
	t.Parallel()
	md := readDoc(t, "language.md")
	examples := hclExamples(md)
	complete, fragments := 0, 0
	for _, e := range examples {
		if e.fragment {
			fragments++
			if _, d := hclsyntax.ParseConfig([]byte(e.body), "language.md", hcl.Pos{Line: e.line + 1, Column: 1}); d.HasErrors() {
				t.Errorf("language.md:%d: fragment does not parse: %v", e.line, d)
			}
			continue
		}
		complete++
		t.Run(fmt.Sprintf("line%d", e.line), func(t *testing.T) {
			t.Parallel()
			loadExample(t, e)
		})
	}
	t.Logf("language.md: %d complete examples loaded, %d fragments parsed", complete, fragments)
	if complete < minCompleteExamples {
		t.Errorf("language.md has %d complete examples, want at least %d", complete, minCompleteExamples)
	}
}

func loadExample(t *testing.T, e *example) {
	fsys := fstest.MapFS{"main.hcl": {Data: []byte(e.body)}}
	for name, body := range e.files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	topo, diags := topology.LoadFS(fsys, ".")
	if !diags.HasErrors() {
		_, cd := analyzer.Compile(topo)
		diags = append(diags, cd...)
	}
	if len(diags) > 0 {
		var b strings.Builder
		_ = diag.Write(&b, topo.Files, diags)
		t.Fatalf("language.md:%d: the example does not load cleanly:\n%s", e.line, b.String())
	}
	net, _ := analyzer.Compile(topo)
	results, err := net.Check(context.Background())
	if err != nil {
		t.Fatalf("language.md:%d: check: %v", e.line, err)
	}
	for _, r := range results {
		if !r.Holds {
			t.Errorf("language.md:%d: %s does not hold: %s", e.line, r.Expect, r.Reason)
		}
	}
}

// TestLanguageCoverage checks that every block type and attribute the
// topology decoder accepts appears in at least one complete example of
// language.md, and that every block type has a heading of its own.
func TestLanguageCoverage(t *testing.T) {
	t.Parallel()
	md := readDoc(t, "language.md")
	var all strings.Builder
	for _, e := range hclExamples(md) {
		if !e.fragment {
			all.WriteString(e.body)
		}
	}
	text := all.String()
	names := decoderNames(t)
	if len(names) < 90 {
		t.Fatalf("found %d attribute and block names in topology/decode*.go, want at least 90", len(names))
	}
	checked := 0
	for _, n := range names {
		checked++
		re := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(n.name) + `\s*(=|\{|")`)
		if !re.MatchString(text) {
			t.Errorf("%s %q (%s) appears in no complete example of language.md", n.kind, n.name, n.where)
		}
		if n.kind == "block" && n.top && !strings.Contains(md, "### `"+n.name+"`") {
			t.Errorf("block type %q has no heading \"### `%s`\" in language.md", n.name, n.name)
		}
	}
	if !strings.Contains(text, "locals {") {
		t.Error("no complete example of language.md uses locals")
	}
	t.Logf("checked %d decoder names against language.md", checked)
}

type declName struct {
	name, kind, where string
	top               bool // a top-level block type
}

// decoderNames returns the hcl struct tags of topology/decode*.go: every
// attribute and block name the decoder accepts.
func decoderNames(t *testing.T) []declName {
	t.Helper()
	paths, err := filepath.Glob("../topology/decode*.go")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no decoder files: %v", err)
	}
	seen := map[string]bool{}
	var out []declName
	fset := token.NewFileSet()
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				return false
			}
			for _, fld := range st.Fields.List {
				if fld.Tag == nil {
					continue
				}
				tag := reflect.StructTag(strings.Trim(fld.Tag.Value, "`")).Get("hcl")
				name, kind, _ := strings.Cut(tag, ",")
				if name == "" || (kind != "" && kind != "block" && kind != "optional") {
					continue
				}
				k := "attribute"
				if kind == "block" {
					k = "block"
				}
				key := k + " " + name
				if seen[key] {
					continue
				}
				seen[key] = true
				out = append(out, declName{name: name, kind: k, where: filepath.Base(p) + " " + ts.Name.Name,
					top: ts.Name.Name == "config"})
			}
			return false
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

func readDoc(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
