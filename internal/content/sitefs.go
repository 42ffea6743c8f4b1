package content

import (
	"io/fs"
	"os"
)

// SiteFS is the site folder dir as an fs.FS, for a build: os.DirFS(dir), whose
// ReadFile makes fewer system calls on Unix. A build reads every content file twice
// (once for the page graph, once when it writes the page: see LoadLean), and
// os.ReadFile asks the file's flags and registers it with Go's network poller, which
// refuses regular files: eleven system calls a file on Linux, where open, fstat, read
// to the end and close are five.
func SiteFS(dir string) fs.FS { return siteFS{dir: dir, FS: os.DirFS(dir)} }

// siteFS delegates all but ReadFile to os.DirFS, whose other interfaces it keeps, so
// that fs.Stat, fs.ReadDir and fs.Lstat cost what they cost there.
type siteFS struct {
	dir string
	fs.FS
}

func (s siteFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(s.FS, name) }

func (s siteFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(s.FS, name) }

func (s siteFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(s.FS, name) }

func (s siteFS) ReadLink(name string) (string, error) { return fs.ReadLink(s.FS, name) }

// ReadFile reads the file name as os.DirFS's ReadFile does, with the same errors.
func (s siteFS) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return fs.ReadFile(s.FS, name) // os.DirFS's own error
	}
	b, err := readFile(s.dir + "/" + name)
	if pe, ok := err.(*fs.PathError); ok {
		pe.Path = name
	}
	return b, err
}

// readContent reads a content file that is no link and at most max bytes. It returns
// ok false when it cannot tell a link at once (not a SiteFS, a link or a loop, another
// system): then Read asks lstat. A file larger than max gives its size and no data.
func readContent(fsys fs.FS, name string, max int64) (data []byte, size int64, ok bool, err error) {
	s, isSite := fsys.(siteFS)
	if !isSite || !fs.ValidPath(name) {
		return nil, 0, false, nil
	}
	data, size, ok, err = readUnlinked(s.dir+"/"+name, max)
	if pe, isPath := err.(*fs.PathError); isPath {
		pe.Path = name
	}
	return data, size, ok, err
}
