package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/internal/diag"
	"github.com/vpcreach/vpcreach/topology"
)

// loaded is a topology loaded and compiled, with every diagnostic.
type loaded struct {
	topo  *topology.Topology // nil when the topology could not be read
	net   *analyzer.Network  // nil when diags has errors
	diags hcl.Diagnostics
}

// load loads and compiles the topology of the -t sources, printing every diagnostic
// (errors and warnings, sorted) to stderr. It returns an exit-1 error when
// there are errors.
func (c *cli) load(paths topoPaths) (*topology.Topology, *analyzer.Network, error) {
	return c.loadWarn(paths, nil)
}

// loadWarn is load, adding the pitfall warnings of package lint (but those
// w's --no-warn names) when w is not nil.
func (c *cli) loadWarn(paths topoPaths, w *warnFlags) (*topology.Topology, *analyzer.Network, error) {
	l, err := c.loadLinted(paths, w)
	if err != nil {
		return nil, nil, err
	}
	if err := c.printDiagnostics(l); err != nil {
		return nil, nil, err
	}
	if l.diags.HasErrors() {
		return nil, nil, withCode(exitError, nil)
	}
	return l.topo, l.net, nil
}

// topologyUsage is the help of every command's -t flag.
const topologyUsage = "topology: a directory of *.hcl files (or one .hcl file), a terraform show -json file or a directory of AWS CLI describe output; repeat for the union (default: the current directory)"

// loadTopology loads and compiles the union of the topology sources
// (loadSources; the current directory when none is given) and returns it
// with its diagnostics, printing nothing. The error is for a -t that is
// empty or names a file that is not a topology.
func (c *cli) loadTopology(paths topoPaths) (loaded, error) {
	if len(paths) == 0 {
		paths = topoPaths{"."}
	}
	for _, p := range paths {
		if err := c.checkTopologyArg(p); err != nil {
			return loaded{}, withCode(exitError, err)
		}
	}
	var l loaded
	l.topo, l.diags = c.loadSources(paths)
	if !l.diags.HasErrors() {
		var cd hcl.Diagnostics
		l.net, cd = analyzer.Compile(l.topo)
		l.diags = append(l.diags, cd...)
	} else if l.topo != nil {
		// Report rule errors in the same run as the topology's.
		l.diags = append(l.diags, analyzer.CheckRules(l.topo)...)
	}
	return l, nil
}

// loadLinted is loadTopology, adding the pitfall warnings (but those w's
// --no-warn names) when w is not nil. An unknown --no-warn code is an
// exit-1 error, reported before anything is loaded.
func (c *cli) loadLinted(paths topoPaths, w *warnFlags) (loaded, error) {
	if w == nil {
		return c.loadTopology(paths)
	}
	skip, err := w.skip()
	if err != nil {
		return loaded{}, withCode(exitError, err)
	}
	l, err := c.loadTopology(paths)
	if err == nil {
		addWarnings(&l, skip)
	}
	return l, err
}

// printDiagnostics writes l's diagnostics to stderr as text, each with the
// offending source underlined.
func (c *cli) printDiagnostics(l loaded) error {
	if len(l.diags) == 0 {
		return nil
	}
	files := map[string]*hcl.File{}
	if l.topo != nil {
		files = l.topo.Files
	}
	if err := diag.Write(c.stderr, files, l.diags); err != nil {
		return withCode(exitError, err)
	}
	return nil
}

// checkTopologyArg refuses an empty -t and a -t that names a file other
// than a .hcl file or a .json file (terraform show -json or AWS CLI
// describe output): a README would otherwise be parsed as HCL and
// reported as syntax errors. A path that does not
// exist or is a directory is left to the loader, which reports it.
func (c *cli) checkTopologyArg(dir string) error {
	if dir == "" {
		return errors.New("-t is empty: give a directory of *.hcl files, one .hcl file, a terraform show -json file or a directory of AWS CLI describe output (the default is the current directory)")
	}
	var fi fs.FileInfo
	var err error
	if c.fsys != nil {
		fi, err = fs.Stat(c.fsys, path.Clean(dir))
	} else {
		fi, err = os.Stat(dir)
	}
	if ext := filepath.Ext(dir); err != nil || fi.IsDir() || strings.EqualFold(ext, ".hcl") || strings.EqualFold(ext, ".json") {
		return nil
	}
	return fmt.Errorf("-t %s: not a topology: give a directory of *.hcl files, one .hcl file, a terraform show -json file or a directory of AWS CLI describe output", dir)
}
