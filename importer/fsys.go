package importer

import (
	"io/fs"
	"path"

	"github.com/vpcreach/vpcreach/internal/memfs"
)

// MapFS holds the rendered files in memory under dir ("." for the root),
// so that topology.LoadFS reads an import without writing it to disk.
func MapFS(files []File, dir string) fs.FS {
	fsys := memfs.FS{}
	for _, f := range files {
		fsys[path.Join(dir, f.Name)] = f.Data
	}
	return fsys
}
