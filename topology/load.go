package topology

import (
	"fmt"
	"io/fs"
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
// Every file read (the *.hcl files and the rules files they name) must
// lie inside the topology root, after symbolic links: the directory p,
// or the directory holding p when p is a file. It must be a regular
// file of at most DefaultMaxFileSize bytes (see LoadWith). Anything else
// is a diagnostic that never shows the file's content.
//
// Load always returns a non-nil *Topology whose Files hold every file read,
// so that the diagnostics can be rendered. When the diagnostics have
// errors, the rest of the model may be incomplete (unresolved references
// are nil) and must not be analysed. The diagnostics are sorted by
// file, line, column and summary.
func Load(p string) (*Topology, hcl.Diagnostics) {
	return LoadWith(p, Options{})
}

// LoadWith is Load with options (the file size limit).
func LoadWith(p string, o Options) (*Topology, hcl.Diagnostics) {
	return LoadPathsWith([]string{p}, o)
}

// LoadFS is Load on the file system fsys, where p is a path as fsys
// understands it ("." for the root of an fstest.MapFS). Rules files named
// by rules_file are read from fsys too, inside the topology root (p or
// its directory). Files must be regular and within the size limit; a
// file system that opens named pipes blocking (os.DirFS) is protected by
// a check before opening only, so prefer (*os.Root).FS. Files are read
// from several goroutines at once, so fsys must allow concurrent reads
// (os.DirFS and fstest.MapFS do).
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
	return LoadFSWith(fsys, p, Options{})
}

// LoadFSWith is LoadFS with options (the file size limit).
func LoadFSWith(fsys fs.FS, p string, o Options) (*Topology, hcl.Diagnostics) {
	return LoadFSPathsWith(fsys, []string{p}, o)
}

// load loads the topology that is the union of roots: of each, the file
// only (shown as p) when set, else every *.hcl file of the root. A
// resource declared in two roots is a duplicate.
func load(roots []root, o Options) (*Topology, hcl.Diagnostics) {
	l := newLoader(o.maxFileSize())
	var bodies []hcl.Body
	for _, r := range roots {
		bodies = append(bodies, l.parse(r)...)
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

// failLoad is the result of a Load whose topology path cannot be read.
func failLoad(detail string) (*Topology, hcl.Diagnostics) {
	return &Topology{Files: map[string]*hcl.File{}}, hcl.Diagnostics{{
		Severity: hcl.DiagError, Summary: "Cannot read topology", Detail: detail,
	}}
}

// loader holds the state of one Load call.
type loader struct {
	// files maps each topology file's shown name to its root and its
	// path in that root's file system (rules files are read relative to
	// the .hcl file that names them, inside the same root).
	files   map[string]rootFile
	maxSize int64
	topo    *Topology
	ctx     *hcl.EvalContext
	syms    symbols
	diags   hcl.Diagnostics
	// localNames are the declared local values, with their name ranges;
	// sortedLocals their names, sorted, once needed, for suggestions
	// (localSuggestions so far).
	localNames       map[string]hcl.Range
	sortedLocals     []string
	localSuggestions int

	// Source information that validation needs and the model does not
	// keep, filled by resolve.
	routeSrc    map[*Route]*routeBlock
	tgwRouteSrc map[*TGWRoute]*tgwRouteBlock
	attachSrc   map[*TGWAttachment]attachInfo
	// origins indexes resources by aws_id and terraform_address, built on
	// first use (origin.go).
	origins map[string]Resource
}

func newLoader(maxSize int64) *loader {
	return &loader{
		files:   map[string]rootFile{},
		maxSize: maxSize,
		topo:    &Topology{Files: map[string]*hcl.File{}},
		ctx:     &hcl.EvalContext{Variables: map[string]cty.Value{"local": cty.EmptyObjectVal}},
		syms:    symbols{},

		localNames: map[string]hcl.Range{},
	}
}

// parse reads and parses the topology files of root r (r.only, shown as
// r.p, or every *.hcl file of the root) and returns their bodies in file
// name order. Files are read and parsed concurrently (each on its own);
// the results are gathered in name order.
func (l *loader) parse(r root) []hcl.Body {
	rels, ok := l.topologyFiles(r)
	if !ok {
		return nil
	}
	names := make([]string, len(rels))
	for i, rel := range rels {
		names[i] = path.Join(r.base, rel)
		if r.only != "" {
			names[i] = r.p
		}
		l.files[names[i]] = rootFile{root: r, rel: rel}
	}
	results := make([]parsedFile, len(names))
	par.Do(len(names), func(i int) { results[i] = parseFile(r.fsys, rels[i], names[i], l.maxSize) })
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

// parseFile reads (readConfined) and parses the topology file rel of
// fsys, shown as name. It touches nothing but its result, so files can be
// parsed concurrently.
func parseFile(fsys fs.FS, rel, name string, limit int64) parsedFile {
	src, err := readConfined(fsys, rel, limit)
	if err != nil {
		return parsedFile{diags: hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Cannot read topology file",
			Detail:   "The topology file " + name + " cannot be read: " + readErrText(err) + ".",
			Subject:  fileSubject(name),
		}}}
	}
	if d := checkNesting(src, name); d != nil {
		return parsedFile{file: &hcl.File{Bytes: src}, diags: hcl.Diagnostics{d}}
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

// topologyFiles lists the files to parse, relative to the root: only
// when set, else the *.hcl files of the root, sorted.
func (l *loader) topologyFiles(r root) ([]string, bool) {
	fail := func(detail string) ([]string, bool) {
		l.diags = append(l.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError, Summary: "Cannot read topology", Detail: detail,
		})
		return nil, false
	}
	if r.only != "" {
		return []string{r.only}, true
	}
	entries, err := fs.ReadDir(r.fsys, ".")
	if err != nil {
		return fail("Reading directory " + r.base + " failed: " + errText(err) + ".")
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".hcl") {
			continue
		}
		names = append(names, e.Name())
	}
	sort.Strings(names)
	if len(names) == 0 {
		return fail("The directory " + r.base + " holds no *.hcl file; a topology is a directory of .hcl files or one .hcl file.")
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
