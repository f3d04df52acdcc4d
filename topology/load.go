package topology

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/vpcreach/vpcreach/internal/par"
)

// Load reads the topology at p: a directory (every *.hcl file in it, not
// recursive) or a single file. File names in diagnostics and in
// Topology.Files are p joined with each file's base name.
//
// Load always returns a non-nil *Topology whose Files hold every file read,
// so that the diagnostics can be rendered. When the diagnostics have
// errors, the rest of the model may be incomplete (unresolved references
// are nil) and must not be analysed. The diagnostics are sorted by
// file, line, column and summary.
func Load(p string) (*Topology, hcl.Diagnostics) {
	return LoadFS(osFS{}, p)
}

// LoadFS is Load on the file system fsys, where p is a path as fsys
// understands it ("." for the root of an fstest.MapFS). Rules files named
// by rules_file are read from fsys too. Files are read from several
// goroutines at once, so fsys must allow concurrent reads (os.DirFS and
// fstest.MapFS do).
//
// The phases: parse every file (files concurrently); evaluate the locals
// blocks in dependency order (the only values an expression may use);
// decode the blocks as gohcl would (decode_plan.go; files concurrently),
// keeping attributes as expressions; declare every resource in a
// symbol table (names, duplicates); resolve references statically and
// evaluate values into the model, checking each block on its own; build
// the implicit resources, defaults, back-references, sorted slices and
// materialized routes; validate what involves several resources; index.
func LoadFS(fsys fs.FS, p string) (*Topology, hcl.Diagnostics) {
	return LoadFSPaths(fsys, []string{p})
}

// LoadFSPaths is LoadFS of several paths at once: the topology is the
// union of their files (a resource declared in two of them is a
// duplicate).
func LoadFSPaths(fsys fs.FS, paths []string) (*Topology, hcl.Diagnostics) {
	l := newLoader(fsys)
	var bodies []hcl.Body
	for _, p := range paths {
		bodies = append(bodies, l.parse(p)...)
	}
	bodies = l.locals(bodies)
	cfg := l.decode(bodies)
	d := l.declare(cfg)
	l.resolve(d)
	l.build(d)
	l.validate(d)
	l.topo.BuildIndex()
	SortDiagnostics(l.diags)
	return l.topo, l.diags
}

// osFS opens files of the operating system by their paths as given,
// relative or absolute. Unlike os.DirFS it has no root; it is used only by
// Load, whose paths are the user's.
type osFS struct{}

func (osFS) Open(name string) (fs.File, error) { return os.Open(name) }

// loader holds the state of one Load call.
type loader struct {
	fsys  fs.FS
	topo  *Topology
	ctx   *hcl.EvalContext
	syms  symbols
	diags hcl.Diagnostics
	// localNames are the declared local values, with their name ranges.
	localNames map[string]hcl.Range

	// Source information that validation needs and the model does not
	// keep, filled by resolve.
	routeSrc    map[*Route]*routeBlock
	tgwRouteSrc map[*TGWRoute]*tgwRouteBlock
	attachSrc   map[*TGWAttachment]attachInfo
	// origins indexes resources by aws_id and terraform_address, built on
	// first use (origin.go).
	origins map[string]Resource
}

func newLoader(fsys fs.FS) *loader {
	return &loader{
		fsys: fsys,
		topo: &Topology{Files: map[string]*hcl.File{}},
		ctx:  &hcl.EvalContext{Variables: map[string]cty.Value{"local": cty.EmptyObjectVal}},
		syms: symbols{},

		localNames: map[string]hcl.Range{},
	}
}

// parse reads and parses the topology files and returns their bodies in
// file name order. Files are read and parsed concurrently (each on its
// own); the results are gathered in name order.
func (l *loader) parse(p string) []hcl.Body {
	names, ok := l.topologyFiles(p)
	if !ok {
		return nil
	}
	results := make([]parsedFile, len(names))
	par.Do(len(names), func(i int) { results[i] = parseFile(l.fsys, names[i]) })
	var bodies []hcl.Body
	for i, r := range results {
		l.diags = append(l.diags, r.diags...)
		if r.file == nil {
			continue
		}
		l.topo.Files[names[i]] = r.file
		if r.file.Body != nil {
			bodies = append(bodies, r.file.Body)
		}
	}
	return bodies
}

// parsedFile is one topology file as parseFile returns it.
type parsedFile struct {
	file  *hcl.File // nil when the file cannot be read or parsed at all
	diags hcl.Diagnostics
}

// parseFile reads and parses the topology file name of fsys. It touches
// nothing but its result, so files can be parsed concurrently.
func parseFile(fsys fs.FS, name string) parsedFile {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return parsedFile{diags: hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Cannot read topology file",
			Detail:   "Reading " + name + " failed: " + errText(err) + ".",
		}}}
	}
	f, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	if f != nil {
		if b, ok := f.Body.(*hclsyntax.Body); ok {
			diags = append(diags, guardNumbers(b, f.Bytes)...)
		}
	}
	return parsedFile{file: f, diags: diags}
}

// guardNumbers reports number literals beyond ±2^200 (or nearer zero than
// 2^-200) in body (parsed from src) and makes them unknown: converting
// such a number to a string takes as many digits as its exponent, which
// would stall the loader.
func guardNumbers(body *hclsyntax.Body, src []byte) hcl.Diagnostics {
	var diags hcl.Diagnostics
	_ = hclsyntax.VisitAll(body, func(n hclsyntax.Node) hcl.Diagnostics {
		lit, ok := n.(*hclsyntax.LiteralValueExpr)
		if !ok || lit.Val.Type() != cty.Number || !lit.Val.IsKnown() || lit.Val.IsNull() {
			return nil
		}
		bf := lit.Val.AsBigFloat()
		if bf.IsInf() {
			return nil
		}
		if exp := bf.MantExp(nil); bf.Sign() != 0 && (exp > 200 || exp < -200) {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Number out of range",
				Detail: fmt.Sprintf("The number %s is too large or too small for a topology; use a number such as a port or a priority.",
					lit.SrcRange.SliceBytes(src)),
				Subject: lit.SrcRange.Ptr(),
			})
			lit.Val = cty.UnknownVal(cty.Number)
		}
		return nil
	})
	return diags
}

// topologyFiles lists the files to parse: p itself, or the *.hcl files of
// directory p, sorted.
func (l *loader) topologyFiles(p string) ([]string, bool) {
	fail := func(detail string) ([]string, bool) {
		l.diags = append(l.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError, Summary: "Cannot read topology", Detail: detail,
		})
		return nil, false
	}
	st, err := fs.Stat(l.fsys, p)
	if err != nil {
		return fail("Reading " + p + " failed: " + errText(err) + ".")
	}
	if !st.IsDir() {
		return []string{p}, true
	}
	entries, err := fs.ReadDir(l.fsys, p)
	if err != nil {
		return fail("Reading directory " + p + " failed: " + errText(err) + ".")
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".hcl") {
			continue
		}
		names = append(names, path.Join(p, e.Name()))
	}
	sort.Strings(names)
	if len(names) == 0 {
		return fail("The directory " + p + " holds no *.hcl file; a topology is a directory of .hcl files or one .hcl file.")
	}
	return names, true
}

// errText renders a file system error without repeating the path.
func errText(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}
