package importer

import (
	"path"
	"testing/fstest"
)

// MapFS holds the rendered files in memory under dir ("." for the root),
// so that topology.LoadFS reads an import without writing it to disk.
func MapFS(files []File, dir string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range files {
		fsys[path.Join(dir, f.Name)] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return fsys
}
