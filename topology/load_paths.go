package topology

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/hashicorp/hcl/v2"
)

// root is one source of a topology: a file system whose root is the
// topology root (nothing outside it is read), how that root is shown in
// file names (base), and the one file to read (only, shown as p) or ""
// for every *.hcl file of the root.
type root struct {
	fsys          fs.FS
	base, only, p string
}

// rootFile is a topology file's root and its path in the root's fsys.
type rootFile struct {
	root root
	rel  string
}

// LoadPaths is Load of several paths at once: the topology is the union
// of their files (a resource declared twice is a duplicate). Each path is
// a root of its own: its files (and the rules files they name) must lie
// inside it.
func LoadPaths(paths []string) (*Topology, hcl.Diagnostics) {
	return LoadPathsWith(paths, Options{})
}

// LoadPathsWith is LoadPaths with options (the file size limit).
func LoadPathsWith(paths []string, o Options) (*Topology, hcl.Diagnostics) {
	var roots []root
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return failLoad("Reading " + p + " failed: " + errText(err) + ".")
		}
		rootDir, base, only := p, filepath.ToSlash(p), ""
		if !st.IsDir() {
			rootDir, base, only = filepath.Dir(p), path.Dir(filepath.ToSlash(p)), filepath.Base(p)
		}
		r, err := os.OpenRoot(rootDir)
		if err != nil {
			return failLoad("Opening the directory " + rootDir + " failed: " + errText(err) + ".")
		}
		defer r.Close()
		roots = append(roots, root{fsys: rootFS{r}, base: base, only: only, p: p})
	}
	return load(roots, o)
}

// LoadFSPaths is LoadFS of several paths at once: the topology is the
// union of their files, each path a root of its own.
func LoadFSPaths(fsys fs.FS, paths []string) (*Topology, hcl.Diagnostics) {
	return LoadFSPathsWith(fsys, paths, Options{})
}

// LoadFSPathsWith is LoadFSPaths with options (the file size limit).
func LoadFSPathsWith(fsys fs.FS, paths []string, o Options) (*Topology, hcl.Diagnostics) {
	var roots []root
	for _, p := range paths {
		st, err := fs.Stat(fsys, p)
		if err != nil {
			return failLoad("Reading " + p + " failed: " + errText(err) + ".")
		}
		base, only := p, ""
		if !st.IsDir() {
			base, only = path.Dir(p), path.Base(p)
		}
		sub, err := fs.Sub(fsys, base)
		if err != nil {
			return failLoad("Reading " + p + " failed: " + errText(err) + ".")
		}
		roots = append(roots, root{fsys: sub, base: base, only: only, p: p})
	}
	return load(roots, o)
}
