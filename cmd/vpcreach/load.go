package main

import (
	"errors"

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
	l, err := c.loadTopology(paths)
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

// loadTopology loads and compiles the union of the topology sources
// (loadSources) and returns it with its diagnostics, printing nothing.
// The error is for a missing -t only.
func (c *cli) loadTopology(paths topoPaths) (loaded, error) {
	if len(paths) == 0 {
		return loaded{}, withCode(exitError, errors.New("no topology given: pass -t DIR"))
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
