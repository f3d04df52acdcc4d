package main

import (
	"errors"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/analyzer"
	"github.com/vpcreach/vpcreach/internal/diag"
	"github.com/vpcreach/vpcreach/topology"
)

// load loads and compiles the topology at dir, printing every diagnostic
// (errors and warnings, sorted) to stderr. It returns an exit-1 error when
// there are errors.
func (c *cli) load(paths topoPaths) (*topology.Topology, *analyzer.Network, error) {
	if len(paths) == 0 {
		return nil, nil, withCode(exitError, errors.New("no topology given: pass -t DIR"))
	}
	topo, diags := c.loadSources(paths)
	var net *analyzer.Network
	if !diags.HasErrors() {
		var cd hcl.Diagnostics
		net, cd = analyzer.Compile(topo)
		diags = append(diags, cd...)
	} else if topo != nil {
		// Report rule errors in the same run as the topology's.
		diags = append(diags, analyzer.CheckRules(topo)...)
	}
	if len(diags) > 0 {
		files := map[string]*hcl.File{}
		if topo != nil {
			files = topo.Files
		}
		if err := diag.Write(c.stderr, files, diags); err != nil {
			return nil, nil, withCode(exitError, err)
		}
	}
	if diags.HasErrors() {
		return nil, nil, withCode(exitError, nil)
	}
	return topo, net, nil
}
