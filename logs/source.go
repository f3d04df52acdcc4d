package logs

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Stdin is the input name that reads standard input.
const Stdin = "-"

// input is one file to read (or standard input).
type input struct {
	name string
	size int64 // bytes on disk; 0 for stdin
}

// expand turns the command line's paths into regular files: a directory is
// walked recursively in lexical order (as S3's dated folders sort by
// time); files and directories whose names start with "." are skipped,
// and so are symbolic links, devices, pipes and sockets inside
// directories. A named path that is not a regular file or directory is an
// error, except Stdin.
func expand(paths []string) ([]input, error) {
	var out []input
	for _, p := range paths {
		if p == Stdin {
			out = append(out, input{name: Stdin})
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		switch {
		case fi.Mode().IsRegular():
			out = append(out, input{name: p, size: fi.Size()})
		case fi.IsDir():
			files, err := walk(p)
			if err != nil {
				return nil, err
			}
			out = append(out, files...)
		default:
			return nil, fmt.Errorf("%s is not a regular file or a directory", p)
		}
	}
	return out, nil
}

func walk(root string) ([]input, error) {
	var out []input
	err := filepath.WalkDir(root, func(path string, de fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != root && strings.HasPrefix(de.Name(), ".") {
			if de.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !de.Type().IsRegular() {
			return nil
		}
		fi, err := de.Info()
		if err != nil {
			return err
		}
		out = append(out, input{name: path, size: fi.Size()})
		return nil
	})
	return out, err
}

// open opens in for reading, decompressing gzip (detected by its magic
// bytes, whatever the file's name). counter, when set, receives the bytes
// read from disk.
func open(in input, stdin io.Reader, counter func(int64)) (io.ReadCloser, error) {
	var raw io.ReadCloser
	if in.name == Stdin {
		raw = io.NopCloser(stdin)
	} else {
		f, err := os.Open(in.name)
		if err != nil {
			return nil, err
		}
		raw = f
	}
	var r io.Reader = raw
	if counter != nil {
		r = &countingReader{r: raw, add: counter}
	}
	br := bufio.NewReaderSize(r, 1<<16)
	magic, _ := br.Peek(2)
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			raw.Close()
			return nil, fmt.Errorf("%s: %w", in.name, err)
		}
		return readCloser{zr, raw}, nil
	}
	return readCloser{br, raw}, nil
}

type readCloser struct {
	io.Reader
	c io.Closer
}

func (r readCloser) Close() error { return r.c.Close() }

type countingReader struct {
	r   io.Reader
	add func(int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.add(int64(n))
	return n, err
}
