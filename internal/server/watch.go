package server

import (
	"context"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// The watcher uses fsnotify (inotify on Linux, FSEvents on macOS, ReadDirectoryChanges
// on Windows) rather than polling: it learns of a save within milliseconds and costs
// nothing while idle, where polling a site of 20,000 files would stat all of them
// several times a second and still lag behind the editor.

// quiet is how long the watcher waits after the last event before it rebuilds:
// editors save with several events (write, chmod, rename of a temporary file), and one
// rebuild should take them all.
const quiet = 30 * time.Millisecond

// watched are the top-level entries of a site that affect its build.
var watched = []string{"content", "layouts", "static", "site.toml"}

// Watch watches the site folder and rebuilds on every change until ctx is done.
func (s *Server) Watch(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	if err := w.Add(s.cfg.Dir); err != nil {
		return err
	}
	dirs := map[string]bool{} // every folder watched, to recognise their removal
	for _, top := range watched[:3] {
		addTree(w, filepath.Join(s.cfg.Dir, top), dirs)
	}
	pending := map[string]bool{}
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			rel, ok := s.relevant(ev.Name)
			if !ok {
				continue
			}
			info, statErr := os.Stat(ev.Name)
			isDir := statErr == nil && info.IsDir()
			if isDir && ev.Has(fsnotify.Create) {
				addTree(w, ev.Name, dirs)
			}
			if !isDir && !wanted(rel) && !dirs[ev.Name] {
				continue // an editor's temporary file, or a file the build ignores
			}
			pending[rel] = true
			timer = time.After(quiet)
		case <-timer:
			s.Rebuild(slices.Sorted(maps.Keys(pending)))
			clear(pending)
			timer = nil
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			if s.cfg.OnRebuild != nil {
				s.cfg.OnRebuild(Rebuild{Changed: []string{"(watcher)"}, Err: err})
			}
		}
	}
}

// addTree watches a folder and every folder below it, skipping hidden ones.
func addTree(w *fsnotify.Watcher, root string, dirs map[string]bool) {
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") && p != root {
			return filepath.SkipDir
		}
		if w.Add(p) == nil {
			dirs[p] = true
		}
		return nil
	})
}

// relevant turns an event's path into a site path, dropping what cannot affect the
// build: the output folder, hidden files and editors' temporary files.
func (s *Server) relevant(name string) (string, bool) {
	rel, err := filepath.Rel(s.cfg.Dir, name)
	if err != nil || strings.HasPrefix(rel, "..") {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	top, _, _ := strings.Cut(rel, "/")
	if !slices.Contains(watched, top) {
		return "", false
	}
	base := filepath.Base(name)
	switch {
	case strings.HasPrefix(base, "."), strings.HasPrefix(base, "#"),
		strings.HasSuffix(base, "~"), strings.HasSuffix(base, ".swp"), strings.HasSuffix(base, ".swx"),
		strings.HasSuffix(base, ".tmp"), base == "4913":
		return "", false
	}
	return rel, true
}

// wanted reports whether a changed file can affect the build: Markdown and chart data
// (.csv, .toml) in content/, templates in layouts/, anything in static/ and data/, and
// site.toml.
func wanted(rel string) bool {
	top, _, _ := strings.Cut(rel, "/")
	switch top {
	case "content":
		return strings.HasSuffix(rel, ".md") || strings.HasSuffix(rel, ".csv") || strings.HasSuffix(rel, ".toml")
	case "layouts":
		return strings.HasSuffix(rel, ".html") || strings.HasSuffix(rel, ".md")
	}
	return true
}
