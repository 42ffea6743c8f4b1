package server

import (
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/theme"
)

// themeParts are the folders of a Hugo theme that a build reads (its shortcodes and
// partials, i18n, assets, static and data files): an edit in one is a full rebuild,
// as a site layout's is. Its page layouts and configuration are never read.
var themeParts = []string{"layouts/shortcodes", "layouts/_shortcodes", "layouts/partials", "layouts/_partials",
	"i18n", "assets", "static", "data"}

// themeRoot is the folder of one of the site's Hugo themes.
type themeRoot struct {
	abs string // on disk, absolute
	rel string // relative to the site folder, slash-separated ("themes/book", "../..")
}

// themeRoots finds the site's Hugo themes as the build does, from its configuration
// cfg (none without one). A theme that is not there is left out (the build reports it).
func themeRoots(dir, themesDir string, cfg *config.Site) []themeRoot {
	if cfg == nil {
		return nil
	}
	comps, _, _ := theme.Find(theme.Where{Site: os.DirFS(dir), Dir: dir, ThemesDir: themesDir}, cfg)
	var out []themeRoot
	for _, c := range comps {
		abs, err := filepath.Abs(filepath.Join(dir, filepath.FromSlash(c.Dir)))
		if err == nil {
			out = append(out, themeRoot{abs: abs, rel: c.Dir})
		}
	}
	return out
}

// watchThemes watches the parts of each theme that the build reads, and the theme's
// folder and its layouts/ (not below), to see those parts created.
func watchThemes(w *watcher) {
	for _, root := range w.themes {
		for _, d := range []string{root.abs, filepath.Join(root.abs, "layouts")} {
			if w.Add(d) == nil {
				w.dirs[d] = true
			}
		}
		for _, part := range themeParts {
			addTree(w.Watcher, filepath.Join(root.abs, filepath.FromSlash(part)), w.dirs)
		}
	}
}

// inTheme turns the path of an event inside a theme's folder into a site path
// ("../../layouts/shortcodes/hint.html" for a theme two folders up), when it is in a
// part the build reads (or is a part's folder itself, or layouts/).
func inTheme(name string, themes []themeRoot) (string, bool) {
	abs, err := filepath.Abs(name)
	if err != nil {
		return "", false
	}
	for _, root := range themes {
		r, err := filepath.Rel(root.abs, abs)
		if err != nil || r == "." || strings.HasPrefix(r, "..") {
			continue
		}
		r = filepath.ToSlash(r)
		if r == "layouts" || readPart(r) {
			return path.Join(root.rel, r), true
		}
	}
	return "", false
}

// readPart reports whether a path inside a theme is in one of themeParts.
func readPart(r string) bool {
	for _, part := range themeParts {
		if r == part || strings.HasPrefix(r, part+"/") {
			return true
		}
	}
	return false
}
