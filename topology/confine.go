package topology

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"syscall"

	"github.com/hashicorp/hcl/v2"
)

// DefaultMaxFileSize is the largest file (a topology file or a rules
// file) Load and LoadFS read unless Options say otherwise: 64 MiB.
const DefaultMaxFileSize int64 = 64 << 20

// Options tune LoadWith and LoadFSWith. The zero value means the defaults.
type Options struct {
	// MaxFileSize is the largest file read, in bytes; 0 or less means
	// DefaultMaxFileSize. A larger file is refused with a diagnostic.
	MaxFileSize int64
}

func (o Options) maxFileSize() int64 {
	if o.MaxFileSize <= 0 {
		return DefaultMaxFileSize
	}
	return o.MaxFileSize
}

// rootFS is an fs.FS over an os.Root: no name resolves outside the root,
// not through "..", an absolute path or a symbolic link (os.Root checks
// every component), and files are opened non-blocking, so that opening a
// named pipe returns at once (readConfined then refuses it).
type rootFS struct{ root *os.Root }

func (r rootFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, err := r.root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// Stat follows symbolic links inside the root only.
func (r rootFS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	return r.root.Stat(name)
}

// readConfined reads the file name of fsys (a path fs.ValidPath accepts,
// so inside fsys's root) if it is a regular file of at most limit bytes.
// It checks the file twice: by name before opening it (so that a named
// pipe or device is never opened through a file system that would block),
// and on the opened file itself (fstat, so that a file swapped in between
// is caught); it then reads at most limit+1 bytes. Its errors never hold
// the file's content.
func readConfined(fsys fs.FS, name string, limit int64) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, errOutsideRoot
	}
	if _, confined := fsys.(rootFS); !confined {
		var err error
		if name, err = resolveLinks(fsys, name); err != nil {
			return nil, err
		}
	}
	st, err := fs.Lstat(fsys, name) // name has no link left (rootFS: Stat)
	if err != nil {
		return nil, err
	}
	if err := checkRegular(st, limit); err != nil {
		return nil, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := checkRegular(st, limit); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.Grow(int(min(st.Size(), limit) + 1))
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, err
	}
	if int64(buf.Len()) > limit {
		return nil, tooLarge(limit)
	}
	return buf.Bytes(), nil
}

// maxLinks is the most symbolic links resolveLinks follows for one path.
const maxLinks = 40

// resolveLinks resolves the symbolic links of name (a valid path of
// fsys) one component at a time, as the kernel would, and returns the
// path without links; a link that is absolute or leads above the root of
// fsys is errOutsideRoot. This confines a file system (such as a Sub of
// os.DirFS or of (*os.Root).FS) that follows links on its own; fs.FS
// implementations without links (fstest.MapFS) pass unchanged.
func resolveLinks(fsys fs.FS, name string) (string, error) {
	parts := strings.Split(name, "/")
	resolved, links := ".", 0
	for len(parts) > 0 {
		p := parts[0]
		parts = parts[1:]
		switch p {
		case "", ".":
			continue
		case "..":
			if resolved == "." {
				return "", errOutsideRoot
			}
			resolved = path.Dir(resolved)
			continue
		}
		next := path.Join(resolved, p)
		st, err := fs.Lstat(fsys, next)
		if err != nil {
			return "", err
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			resolved = next
			continue
		}
		if links++; links > maxLinks {
			return "", errors.New("too many levels of symbolic links")
		}
		target, err := fs.ReadLink(fsys, next)
		if err != nil {
			return "", err
		}
		if path.IsAbs(target) {
			return "", errOutsideRoot
		}
		parts = append(strings.Split(target, "/"), parts...)
	}
	return resolved, nil
}

// errOutsideRoot is the error for a path that leaves the topology root.
var errOutsideRoot = errors.New("the path leads outside the topology directory")

// checkRegular refuses anything but a regular file of at most limit
// bytes.
func checkRegular(st fs.FileInfo, limit int64) error {
	m := st.Mode()
	switch {
	case m.IsDir():
		return errors.New("it is a directory, not a file")
	case m&fs.ModeNamedPipe != 0:
		return errors.New("it is a named pipe (FIFO), not a regular file")
	case m&fs.ModeSocket != 0:
		return errors.New("it is a socket, not a regular file")
	case m&fs.ModeDevice != 0:
		return errors.New("it is a device, not a regular file")
	case !m.IsRegular():
		return errors.New("it is not a regular file")
	case st.Size() > limit:
		return tooLarge(limit)
	}
	return nil
}

func tooLarge(limit int64) error {
	return fmt.Errorf("it is larger than the limit of %d bytes (vpcreach --max-file-size raises it)", limit)
}

// readErrText renders an error of readConfined for a diagnostic: without
// the path (the diagnostic names it), and in words for a path that
// escapes the root.
func readErrText(err error) string {
	if errors.Is(err, errOutsideRoot) || strings.Contains(errText(err), "escapes from parent") {
		return errOutsideRoot.Error() + " (every file a topology reads must lie inside the directory given with -t, after symbolic links)"
	}
	return errText(err)
}

// fileSubject is the subject of a diagnostic about a whole file that
// cannot be read: its first position.
func fileSubject(name string) *hcl.Range {
	return &hcl.Range{Filename: name, Start: hcl.InitialPos, End: hcl.InitialPos}
}

// relPath is the path, relative to the topology root, of the file name
// refers to when written in the file named from (itself relative to the
// root); ok is false when it is absolute or leaves the root.
func relPath(from, name string) (string, bool) {
	if name == "" || path.IsAbs(name) || strings.HasPrefix(name, `\`) || (len(name) > 1 && name[1] == ':') {
		return "", false
	}
	rel := path.Join(path.Dir(from), name)
	return rel, fs.ValidPath(rel)
}
