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

	"github.com/briefs/briefs/internal/config"
)

// The watcher uses fsnotify (inotify on Linux, FSEvents on macOS, ReadDirectoryChanges
// on Windows) rather than polling: it learns of a save within milliseconds and costs
// nothing while idle, where polling a site of 20,000 files would stat all of them
// several times a second and still lag behind the editor.

// quiet is how long the watcher waits after the last event before it rebuilds:
// editors save with several events (write, chmod, rename of a temporary file), and one
// rebuild should take them all.
const quiet = 30 * time.Millisecond

// watchedDirs are the top-level folders of a site that affect its build, besides
// the languages' own content folders (Hugo's contentDir, such as content.en); the
// configuration files (config.Files) affect it too, and so do the parts of the site's
// Hugo themes that the build reads (themeParts). assets, i18n and data are read as a
// Hugo site's (and its themes') are.
var watchedDirs = []string{"content", "layouts", "static", "config", "assets", "i18n", "data"}

// watched reports whether the top-level entry top of a site folder, whose content
// folders start with tops, affects its build.
func watched(tops []string, top string) bool {
	return slices.Contains(watchedDirs, top) || slices.Contains(config.Files, top) || slices.Contains(tops, top)
}

// contentTops are the top-level folders of the languages' content folders in the
// site's configuration ("content.en" for contentDir = "content.en"); none without one.
func contentTops(cfg *config.Site) []string {
	if cfg == nil {
		return nil
	}
	var tops []string
	for _, d := range cfg.ContentDirs() {
		top, _, _ := strings.Cut(d, "/")
		tops = append(tops, top)
	}
	return tops
}

// Watch watches the site folder and rebuilds on every change until ctx is done: the
// changes heard within quiet of each other make one rebuild.
func (s *Server) Watch(ctx context.Context) error {
	w, err := s.watch()
	if err != nil {
		return err
	}
	defer w.Close()
	s.watchingOnce.Do(func() { close(s.watching) })
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if s.hear(w, ev) {
				timer = time.After(quiet)
			}
		case <-timer:
			s.Rebuild(slices.Sorted(maps.Keys(w.pending)))
			clear(w.pending)
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

// watcher is what Watch keeps between events.
type watcher struct {
	*fsnotify.Watcher
	tops    []string        // the top-level folders of the languages' content folders
	themes  []themeRoot     // the site's Hugo themes
	dirs    map[string]bool // every folder watched, to recognise their removal
	pending map[string]bool // the site paths changed since the last rebuild
}

// watch starts watching the site folder, and every folder below it that affects the
// build.
func (s *Server) watch() (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	if err := fw.Add(s.cfg.Dir); err != nil {
		fw.Close()
		return nil, err
	}
	// Read once, as it is now: a contentDir or theme changed in the configuration takes
	// a restart. A configuration that does not read watches the usual folders (the
	// build reports it).
	cfg, err := config.ReadEnv(os.DirFS(s.cfg.Dir), s.cfg.Build.Environment)
	if err != nil {
		cfg = nil
	}
	w := &watcher{Watcher: fw, tops: contentTops(cfg), dirs: map[string]bool{}, pending: map[string]bool{},
		themes: themeRoots(s.cfg.Dir, s.cfg.Build.ThemesDir, cfg)}
	for _, top := range append(slices.Clone(watchedDirs), w.tops...) {
		addTree(fw, filepath.Join(s.cfg.Dir, top), w.dirs)
	}
	watchThemes(w)
	return w, nil
}

// hear notes a file system event: a new folder is watched too, and a change that can
// affect the build is pending. It reports whether the event is pending.
func (s *Server) hear(w *watcher, ev fsnotify.Event) bool {
	rel, ok := s.relevant(ev.Name, w)
	if !ok {
		return false
	}
	info, statErr := os.Stat(ev.Name)
	isDir := statErr == nil && info.IsDir()
	if isDir && ev.Has(fsnotify.Create) {
		addTree(w.Watcher, ev.Name, w.dirs)
	}
	if !isDir && !wanted(rel) && !w.dirs[ev.Name] {
		return false // an editor's temporary file, or a file the build ignores
	}
	w.pending[rel] = true
	return true
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
// build: the output folder, hidden files and editors' temporary files. A path in one
// of the site's Hugo themes is relative to the site folder too ("../../i18n/en.toml").
func (s *Server) relevant(name string, w *watcher) (string, bool) {
	rel, ok := inTheme(name, w.themes)
	if !ok {
		r, err := filepath.Rel(s.cfg.Dir, name)
		if err != nil || strings.HasPrefix(r, "..") {
			return "", false
		}
		rel = filepath.ToSlash(r)
		top, _, _ := strings.Cut(rel, "/")
		if !watched(w.tops, top) {
			return "", false
		}
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

// wanted reports whether a changed file can affect the build: anything in content/
// (Markdown, and the files of page bundles), templates in layouts/, anything in
// static/ and the configuration.
func wanted(rel string) bool {
	top, _, _ := strings.Cut(rel, "/")
	switch top {
	case "layouts":
		return strings.HasSuffix(rel, ".html") || strings.HasSuffix(rel, ".md")
	}
	return true
}
