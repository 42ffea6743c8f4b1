package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Site is what a build reads, which its output must never be, hold, or be inside.
type Site struct {
	// Dir is the site folder.
	Dir string
	// Reads are the files and folders below Dir that a build reads, such as "site.toml"
	// and "content".
	Reads []string
}

// RefusedError says why briefs will not write a site to an output folder, and what to
// do instead. Nothing has been written or removed when it is returned.
type RefusedError struct {
	Out    string // the output as the user named it
	Reason string
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("refusing to write the site to %s: %s", e.Out, e.Reason)
}

// target is an output folder: where the user named it and where it really is.
type target struct {
	given  string      // as the user gave it
	name   string      // for messages: as given, and where it leads when that differs
	path   string      // absolute, links and ".." resolved: the folder that is replaced
	exists bool        // a folder is there now
	mode   fs.FileMode // its permissions, which the new output keeps
}

// findTarget resolves out and refuses it when it is a place no build may replace.
// It reads the disk and writes nothing.
func findTarget(out string, s Site) (*target, error) {
	path, err := resolve(out)
	if errors.Is(err, syscall.ENOTDIR) {
		return nil, &RefusedError{Out: out, Reason: "a folder in its path is a file; choose another -o"}
	}
	if err != nil {
		return nil, &RefusedError{Out: out, Reason: err.Error()}
	}
	t := &target{given: out, name: out, path: path}
	if abs, err := filepath.Abs(out); err == nil && abs != path {
		// Say where a link leads, since that is the folder a build replaces.
		t.name = fmt.Sprintf("%s (which is %s)", out, path)
	}
	if filepath.Dir(path) == path {
		return nil, t.refuse("it is the root folder; choose a folder of its own, such as %s", suggestion(s))
	}
	if err := t.checkSite(s); err != nil {
		return nil, err
	}
	return t, nil
}

// checkSite refuses an output that is the site, holds it, or overlaps what it reads.
func (t *target) checkSite(s Site) error {
	site, err := resolve(s.Dir)
	if err != nil {
		return err
	}
	switch {
	case t.path == site:
		return t.refuse("it is the site folder, and replacing it would delete the site; choose a folder of its own, such as %s", suggestion(s))
	case within(site, t.path):
		return t.refuse("it holds the site folder %s, and replacing it would delete the site; choose a folder of its own, such as %s", s.Dir, suggestion(s))
	}
	for _, r := range s.Reads {
		p, err := resolve(filepath.Join(site, r))
		if err != nil {
			return err
		}
		switch {
		case t.path == p:
			return t.refuse("it is the site's %s, which the build reads; choose a folder of its own, such as %s", r, suggestion(s))
		case within(t.path, p):
			return t.refuse("it is inside the site's %s, which the build reads; choose a folder outside it, such as %s", r, suggestion(s))
		case within(p, t.path):
			return t.refuse("it holds %s, which the site reads; choose a folder of its own, such as %s", p, suggestion(s))
		}
	}
	return nil
}

// inspect looks at what is at the target now. A file, or a folder that holds files but
// no marker, is refused: it is not briefs' to replace. It returns whether the folder
// is briefs' own (false for an empty one).
func (t *target) inspect() (ours bool, err error) {
	info, err := os.Stat(t.path)
	if errors.Is(err, fs.ErrNotExist) {
		t.exists = false
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if !info.IsDir() {
		return false, t.refuse("it is a file, not a folder; choose another -o")
	}
	t.exists, t.mode = true, info.Mode().Perm()
	if marked(t.path) {
		return true, nil
	}
	empty, err := isEmpty(t.path)
	if err != nil {
		return false, err
	}
	if !empty {
		return false, t.refuse("it is a folder that briefs did not make (it has files but no %s file); choose another -o, or empty or remove that folder yourself", Marker)
	}
	return false, nil
}

func (t *target) refuse(format string, args ...any) error {
	return &RefusedError{Out: t.name, Reason: fmt.Sprintf(format, args...)}
}

// suggestion is an output folder to propose instead of a refused one.
func suggestion(s Site) string { return filepath.Join(s.Dir, "public") }

// within reports whether path is strictly inside dir; both are resolved.
func within(path, dir string) bool {
	if filepath.Dir(dir) == dir { // the root holds everything else
		return path != dir
	}
	return strings.HasPrefix(path, dir+string(filepath.Separator))
}

// marked reports whether dir holds briefs' marker file.
func marked(dir string) bool {
	info, err := os.Lstat(filepath.Join(dir, Marker))
	return err == nil && info.Mode().IsRegular()
}

func isEmpty(dir string) (bool, error) {
	f, err := os.Open(dir)
	if err != nil {
		return false, err
	}
	defer f.Close()
	_, err = f.Readdirnames(1)
	if errors.Is(err, io.EOF) {
		return true, nil
	}
	return false, err
}

// resolve makes p absolute and resolves every symbolic link and ".." in it, so that two
// names of one folder compare equal ("site/content/../public" after a link is followed
// is not what it looks like). The part of p that does not exist yet is kept as written.
// A link to something missing is an error: writing there would replace the link.
func resolve(p string) (string, error) {
	if !filepath.IsAbs(p) {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		p = wd + string(filepath.Separator) + p // not Join: ".." must apply after links
	}
	var tail []string
	for {
		real, err := filepath.EvalSymlinks(p)
		if err == nil {
			return filepath.Join(append([]string{real}, tail...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		if info, err := os.Lstat(p); err == nil && info.Mode()&fs.ModeSymlink != 0 {
			dest, _ := os.Readlink(p)
			return "", fmt.Errorf("%s is a symbolic link to %s, which does not exist; create that folder or remove the link", p, dest)
		}
		dir, base := split(p)
		if dir == p {
			return "", err
		}
		p, tail = dir, append([]string{base}, tail...)
	}
}

// split cuts p at its last separator without cleaning it, unlike filepath.Split and
// filepath.Dir, which would apply ".." before the links before it are resolved.
func split(p string) (dir, base string) {
	trimmed := strings.TrimRightFunc(p, isSeparator)
	i := strings.LastIndexFunc(trimmed, isSeparator)
	if trimmed == "" || i < 0 {
		return p, ""
	}
	if i == 0 {
		return trimmed[:1], trimmed[1:]
	}
	return trimmed[:i], trimmed[i+1:]
}

func isSeparator(r rune) bool { return r == '/' || r == filepath.Separator }
