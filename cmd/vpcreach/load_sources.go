package main

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/importer"
	"github.com/vpcreach/vpcreach/importer/awscli"
	"github.com/vpcreach/vpcreach/importer/tfjson"
	"github.com/vpcreach/vpcreach/internal/memfs"
	"github.com/vpcreach/vpcreach/topology"
)

// topoPaths is the repeatable -t flag: topology sources whose union is
// the topology.
type topoPaths []string

func (p topoPaths) String() string { return strings.Join(p, ", ") }

// Set implements pflag.Value; each -t adds a source (an empty one is
// refused with the other bad sources, by checkTopologyArg).
func (p *topoPaths) Set(s string) error {
	*p = append(*p, s)
	return nil
}

// shown names the sources for a person: "." when none was given (the
// default, the current directory).
func (p topoPaths) shown() string {
	if len(p) == 0 {
		return "."
	}
	return p.String()
}

// Type implements pflag.Value.
func (p *topoPaths) Type() string { return "path" }

// sourceKind is what a -t path holds.
type sourceKind int

const (
	sourceHCL       sourceKind = iota // .hcl files
	sourceTerraform                   // terraform show -json output
	sourceAWS                         // AWS CLI describe output (a file or a directory of them)
)

// sourceKindOf tells what path p of fsys holds: a .json file is Terraform JSON
// when it has Terraform's top-level keys, else AWS CLI output; a
// directory without .hcl files but with .json files is AWS CLI output;
// anything else is HCL (topology.Load reports what is wrong with it).
func sourceKindOf(fsys fs.FS, p string) sourceKind {
	st, err := fs.Stat(fsys, p)
	if err != nil {
		return sourceHCL
	}
	if !st.IsDir() {
		if !strings.HasSuffix(strings.ToLower(p), ".json") {
			return sourceHCL
		}
		if isTerraformJSON(fsys, p) {
			return sourceTerraform
		}
		return sourceAWS
	}
	entries, err := fs.ReadDir(fsys, p)
	if err != nil {
		return sourceHCL
	}
	for _, e := range entries {
		if strings.HasSuffix(strings.ToLower(e.Name()), ".hcl") {
			return sourceHCL
		}
	}
	if holdsJSON(fsys, p) {
		return sourceAWS
	}
	return sourceHCL
}

// holdsJSON reports whether directory p holds a .json file, at any depth
// (the AWS CLI output may be in per-region or per-account folders). It
// stops at the first one.
func holdsJSON(fsys fs.FS, p string) bool {
	found := errors.New("found")
	err := fs.WalkDir(fsys, p, func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(strings.ToLower(name), ".json") {
			return found
		}
		return nil
	})
	return err == found
}

// isTerraformJSON reports whether the JSON file p starts like terraform
// show -json output (its first member is format_version).
func isTerraformJSON(fsys fs.FS, p string) bool {
	f, err := fsys.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	buf := make([]byte, 512)
	n, _ := f.Read(buf)
	head := string(buf[:n])
	for _, key := range []string{`"format_version"`, `"planned_values"`, `"terraform_version"`} {
		if strings.Contains(head, key) {
			return true
		}
	}
	return false
}

// loadSources loads the union of the -t sources. HCL sources load as
// they are; Terraform and AWS CLI sources are imported in memory (as
// vpcreach import would write them) under a virtual directory named
// after them, and the import's warnings are printed to stderr.
func (c *cli) loadSources(paths topoPaths) (*topology.Topology, hcl.Diagnostics) {
	base := c.inputFS()
	opts := topology.Options{MaxFileSize: c.maxFileSize}
	allHCL := true
	for _, p := range paths {
		allHCL = allHCL && sourceKindOf(base, p) == sourceHCL
	}
	if allHCL {
		if c.fsys != nil {
			return topology.LoadFSPathsWith(c.fsys, paths, opts)
		}
		return topology.LoadPathsWith(paths, opts)
	}
	mem := memfs.FS{}
	var dirs []string
	var diags hcl.Diagnostics
	files := map[string]*hcl.File{}
	for i, p := range paths {
		kind := sourceKindOf(base, p)
		if kind == sourceHCL {
			dirs = append(dirs, p)
			continue
		}
		var m *importer.Model
		switch kind {
		case sourceTerraform:
			res := tfjson.Read(base, p, tfjson.StateAfter)
			m, diags = res.Model, append(diags, res.Diags...)
			for k, v := range res.Files {
				files[k] = v
			}
		default:
			res := awscli.Read(base, []string{p})
			m, diags = res.Model, append(diags, res.Diags...)
			for k, v := range res.Files {
				files[k] = v
			}
		}
		if diags.HasErrors() {
			continue
		}
		if diags = append(diags, m.Resolve()...); diags.HasErrors() {
			continue
		}
		dir := fmt.Sprintf("vpcreach-import-%d", i+1)
		for _, f := range importer.Render(m) {
			mem[path.Join(dir, f.Name)] = f.Data
		}
		dirs = append(dirs, dir)
		c.importSummary(p, dir, m)
	}
	if diags.HasErrors() {
		topo := &topology.Topology{Files: files}
		return topo, diags
	}
	var fsys fs.FS = overlay{base: base, mem: mem}
	topo, ld := topology.LoadFSPathsWith(fsys, dirs, opts)
	for k, v := range files {
		topo.Files[k] = v
	}
	return topo, append(diags, ld...)
}

// importSummary tells on stderr what an import given to -t left out that
// could change an answer.
func (c *cli) importSummary(src, dir string, m *importer.Model) {
	r := m.Report
	if r.Warnings() == 0 && len(r.Assumed) == 0 {
		return
	}
	var ws []importer.Skip
	for _, s := range r.Skipped {
		if s.Warning {
			ws = append(ws, s)
		}
	}
	fmt.Fprintf(c.stderr, "Warning: %s is imported as %s: %d not imported (%d could change an answer), %d assumed; run vpcreach import for the list\n",
		src, dir, len(r.Skipped), len(ws), len(r.Assumed))
	for _, s := range ws {
		fmt.Fprintf(c.stderr, "  %s: %s\n", importer.Printable(s.Resource), importer.Printable(s.Reason))
	}
}

// overlay reads the imported files from mem (their paths start with
// vpcreach-import-) and everything else from base.
type overlay struct {
	base fs.FS
	mem  memfs.FS
}

func (o overlay) Open(name string) (fs.File, error) {
	if strings.HasPrefix(name, "vpcreach-import-") {
		return o.mem.Open(name)
	}
	return o.base.Open(name)
}
