// Package theme combines a site's own layouts/ and static/ with the default theme built
// into the binary. A site file overrides the default of the same name, so a site can
// replace one partial or one stylesheet and keep the rest; a site with no layouts at all
// builds with the defaults.
package theme

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// Theme is the union of a site's files and the defaults, by name.
type Theme struct {
	site, defaults fs.FS
	// components are the site's Hugo themes, the first winning (components.go).
	components []Component
}

// New combines site (the site folder) with defaults (a folder holding the default
// layouts/ and static/; may be nil).
func New(site, defaults fs.FS) *Theme { return &Theme{site: site, defaults: defaults} }

// defaultSuffix marks the built-in theme's files in messages.
const defaultSuffix = " (default theme)"

// File is one theme file and where it came from.
type File struct {
	// Name is the path below layouts/ or static/ ("partials/head.html").
	Name string
	// Path is the path shown in messages: "layouts/x.html" for a site file,
	// "layouts/x.html (default theme)" for a built-in one.
	Path string
	// Default is true for a file of the built-in theme, which has no place in the
	// site folder that a message could point at.
	Default bool
	// Component names the Hugo theme the file is from, or is "" for the site's own
	// and the default theme's.
	Component string
	// FS and FullPath read the file.
	FS       fs.FS
	FullPath string
}

// Read returns the file's bytes.
func (f File) Read() ([]byte, error) { return fs.ReadFile(f.FS, f.FullPath) }

// Files lists the files under dir ("layouts" or "static"), the site's winning over the
// defaults of the same name, sorted by name. Hidden files are skipped.
func (t *Theme) Files(dir string) ([]File, error) {
	byName := map[string]File{}
	for _, src := range t.sources(dir, true) {
		if src.fsys == nil {
			continue
		}
		err := src.walk(dir, func(name, p string) {
			byName[name] = src.file(name, p)
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]File, 0, len(byName))
	for _, f := range byName {
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b File) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// walk calls visit with each regular file under dir of src (its name relative to dir,
// and its full path), in lexical order. A missing dir is empty; hidden files and
// folders are skipped, and symbolic links are never followed, since they could reach
// outside the site.
func (src source) walk(dir string, visit func(name, p string)) error {
	return fs.WalkDir(src.fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && p != dir {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || d.Type()&fs.ModeSymlink != 0 {
			return nil
		}
		visit(strings.TrimPrefix(p, dir+"/"), p)
		return nil
	})
}

// Lookup returns the winning file at name below dir.
func (t *Theme) Lookup(dir, name string) (File, bool) {
	for _, src := range t.sources(dir, false) {
		if src.fsys == nil {
			continue
		}
		p := path.Join(dir, name)
		if info, err := fs.Stat(src.fsys, p); err == nil && info.Mode().IsRegular() {
			return src.file(name, p), true
		}
	}
	return File{}, false
}
