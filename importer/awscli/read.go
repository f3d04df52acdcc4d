// Package awscli reads the JSON the AWS CLI v2 prints for the EC2 and
// Network Firewall describe calls (one file per call, or Batfish's
// snapshot layout aws_configs/[accounts/ID/]REGION/*.json) into an
// importer.Model. Files are recognised by their top-level keys, not by
// their names; several regions and accounts are one model.
package awscli

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/importer"
)

// Limits on the input: a describe dump of 1,000 VPCs is about 60 MB.
const (
	maxFileSize  = 512 << 20
	maxTotalSize = 2 << 30
	maxFiles     = 100000
)

// Result is what Read returns: the model, the files read (for rendering
// diagnostics), and the diagnostics.
type Result struct {
	Model *importer.Model
	Files map[string]*hcl.File
	Diags hcl.Diagnostics
}

// Read reads every path of fsys: a JSON file, or a directory whose *.json
// files (recursively, in name order) are read. Regular files only;
// symbolic links and special files are left out. Errors (unreadable
// files, JSON that is not valid, values of the wrong type, addresses that
// do not parse) are located diagnostics; when there are any, the model
// must not be used.
func Read(fsys fs.FS, paths []string) *Result {
	r := &reader{fsys: fsys, res: &Result{Model: &importer.Model{}, Files: map[string]*hcl.File{}}, c: newCollection()}
	for _, p := range paths {
		r.readPath(p)
	}
	if !r.res.Diags.HasErrors() {
		r.c.build(r.res.Model)
	}
	r.res.Diags = append(r.res.Diags, r.c.diags...)
	return r.res
}

type reader struct {
	fsys  fs.FS
	res   *Result
	c     *collection
	total int64
	count int
}

func (r *reader) errorf(summary, format string, args ...any) {
	r.res.Diags = append(r.res.Diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: fmt.Sprintf(format, args...)})
}

func (r *reader) readPath(p string) {
	st, err := fs.Stat(r.fsys, p)
	if err != nil {
		r.errorf("Cannot read input", "Reading %s failed: %s.", p, errText(err))
		return
	}
	if !st.IsDir() {
		r.readFile(p, st)
		return
	}
	var names []string
	err = fs.WalkDir(r.fsys, p, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && strings.HasSuffix(strings.ToLower(d.Name()), ".json") {
			names = append(names, name)
		}
		return nil
	})
	if err != nil {
		r.errorf("Cannot read input", "Reading directory %s failed: %s.", p, errText(err))
		return
	}
	sort.Strings(names)
	if len(names) == 0 {
		r.errorf("No AWS CLI output", "The directory %s holds no *.json file; give the directory the AWS CLI describe output was saved in.", p)
	}
	for _, n := range names {
		st, err := fs.Stat(r.fsys, n)
		if err != nil {
			r.errorf("Cannot read input", "Reading %s failed: %s.", n, errText(err))
			continue
		}
		r.readFile(n, st)
	}
}

// readFile reads one JSON file (which must be a regular file).
func (r *reader) readFile(name string, st fs.FileInfo) {
	if !st.Mode().IsRegular() {
		r.errorf("Not a regular file", "%s is not a regular file; give a JSON file or a directory.", name)
		return
	}
	r.count++
	r.total += st.Size()
	switch {
	case st.Size() > maxFileSize:
		r.errorf("Input file too large", "%s is %d bytes; at most %d bytes are read from one file.", name, st.Size(), int64(maxFileSize))
		return
	case r.total > maxTotalSize || r.count > maxFiles:
		r.errorf("Input too large", "The input holds more than %d files or %d bytes; import fewer accounts or regions at once.", maxFiles, int64(maxTotalSize))
		return
	}
	data, err := fs.ReadFile(r.fsys, name)
	if err != nil {
		r.errorf("Cannot read input", "Reading %s failed: %s.", name, errText(err))
		return
	}
	f := &importer.JSONFile{Name: path.Clean(name), Data: data}
	r.res.Files[f.Name] = f.HCLFile()
	r.c.file(f)
}

// errText renders a file system error without repeating the path.
func errText(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}
