// Package tfjson reads the JSON that `terraform show -json` prints for a
// saved plan (prior_state and planned_values) or for a state, with
// github.com/hashicorp/terraform-json, into an importer.Model. Resources
// are read at any module depth. A value known only after apply (an id,
// an address) is replaced: a reference by the resource it names, found
// through the plan's configuration section; an address by a placeholder
// the report lists.
package tfjson

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"

	"github.com/hashicorp/hcl/v2"
	tfj "github.com/hashicorp/terraform-json"

	"github.com/vpcreach/vpcreach/importer"
)

// maxFileSize bounds the JSON read (a plan of a few thousand resources
// is tens of MB).
const maxFileSize = 1 << 30

// Which state of a plan to import.
const (
	StateAfter  = "after"  // planned_values: the network once the plan is applied
	StateBefore = "before" // prior_state: the network as it is now
)

// Result is what Read returns.
type Result struct {
	Model *importer.Model
	Files map[string]*hcl.File
	Diags hcl.Diagnostics
}

// Read reads the Terraform JSON file p of fsys; which is StateAfter or
// StateBefore (for a plan; a state file has one state).
func Read(fsys fs.FS, p, which string) *Result {
	res := &Result{Model: &importer.Model{}, Files: map[string]*hcl.File{}}
	errorf := func(summary, format string, args ...any) *Result {
		res.Diags = append(res.Diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: fmt.Sprintf(format, args...)})
		return res
	}
	st, err := fs.Stat(fsys, p)
	switch {
	case err != nil:
		return errorf("Cannot read input", "Reading %s failed: %s.", p, errText(err))
	case !st.Mode().IsRegular():
		return errorf("Not a regular file", "%s is not a regular file; give the output of terraform show -json saved to a file.", p)
	case st.Size() > maxFileSize:
		return errorf("Input file too large", "%s is %d bytes; at most %d bytes are read.", p, st.Size(), int64(maxFileSize))
	}
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return errorf("Cannot read input", "Reading %s failed: %s.", p, errText(err))
	}
	f := &importer.JSONFile{Name: path.Clean(p), Data: data}
	res.Files[f.Name] = f.HCLFile()
	values, cfg, changes, d := decode(f, which)
	if d != nil {
		res.Diags = append(res.Diags, d)
		return res
	}
	r := newReader(f, res.Model, cfg, changes)
	r.collect(values)
	r.build()
	res.Diags = append(res.Diags, r.diags...)
	return res
}

// decode decodes a plan or a state and returns the values to import, the
// configuration (nil for a state) and the resource changes by address.
func decode(f *importer.JSONFile, which string) (*tfj.StateValues, *tfj.Config, map[string]*tfj.ResourceChange, *hcl.Diagnostic) {
	members, d := f.Members()
	if d != nil {
		return nil, nil, nil, d
	}
	keys := map[string]importer.Member{}
	for _, m := range members {
		keys[m.Key] = m
	}
	switch {
	case keys["planned_values"].Value != nil || keys["prior_state"].Value != nil || keys["resource_changes"].Value != nil:
		var p tfj.Plan
		if err := json.Unmarshal(f.Data, &p); err != nil {
			return nil, nil, nil, f.DecodeError(0, err)
		}
		changes := map[string]*tfj.ResourceChange{}
		for _, c := range p.ResourceChanges {
			changes[c.Address] = c
		}
		if which == StateBefore {
			if p.PriorState == nil || p.PriorState.Values == nil {
				return &tfj.StateValues{RootModule: &tfj.StateModule{}}, p.Config, nil, nil
			}
			return p.PriorState.Values, p.Config, nil, nil
		}
		if p.PlannedValues == nil {
			return nil, nil, nil, f.Errorf(0, "Plan without planned values", "%s is a Terraform plan without planned_values.", f.Name)
		}
		return p.PlannedValues, p.Config, changes, nil
	case keys["values"].Value != nil || keys["format_version"].Value != nil:
		var s tfj.State
		if err := json.Unmarshal(f.Data, &s); err != nil {
			return nil, nil, nil, f.DecodeError(0, err)
		}
		if s.Values == nil {
			return &tfj.StateValues{RootModule: &tfj.StateModule{}}, nil, nil, nil
		}
		return s.Values, nil, nil, nil
	}
	return nil, nil, nil, f.Errorf(0, "Not Terraform JSON",
		"%s holds neither a plan (planned_values) nor a state (values); give the output of terraform show -json.", f.Name)
}

// errText renders a file system error without repeating the path.
func errText(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}
