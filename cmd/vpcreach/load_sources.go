package main

import (
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

// Set implements pflag.Value; each -t adds a source.
func (p *topoPaths) Set(s string) error {
	if s == "" {
		return fmt.Errorf("empty topology path")
	}
	*p = append(*p, s)
	return nil
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
	hasJSON := false
	for _, e := range entries {
		name := strings.ToLower(e.Name())
		if strings.HasSuffix(name, ".hcl") {
			return sourceHCL
		}
		hasJSON = hasJSON || strings.HasSuffix(name, ".json") || e.IsDir()
	}
	if hasJSON {
		return sourceAWS
	}
	return sourceHCL
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
