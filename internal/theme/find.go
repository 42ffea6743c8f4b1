package theme

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/diag"
)

// Where tells Find where a site's folder is.
type Where struct {
	// Site is the site folder.
	Site fs.FS
	// Dir is the site folder on disk, so that a themesDir outside it ("../..", as a
	// theme's exampleSite has it) can be read; "" reads themes inside Site only.
	Dir string
	// ThemesDir, when set, replaces the configuration's themesDir (Hugo's --themesDir).
	ThemesDir string
}

// Find opens the Hugo themes cfg names (theme, and a Hugo configuration's
// [[module.imports]]), in order. A theme is the folder THEMESDIR/NAME; a module
// import is the local folder a replace line of the site's go.mod gives its path,
// else THEMESDIR/PATH (briefs never downloads one). A theme that is not there is an
// error at the line that names it.
func Find(w Where, cfg *config.Site) ([]Component, error) {
	if len(cfg.Themes) == 0 {
		return nil, nil
	}
	dir := cfg.ThemesDir
	if w.ThemesDir != "" {
		dir = w.ThemesDir
	}
	dir = filepath.ToSlash(dir)
	replaces := goModReplaces(w.Site)
	var errs diag.List
	var out []Component
	for _, ref := range cfg.Themes {
		rel := path.Join(dir, ref.Name)
		if r, ok := replaces[ref.Name]; ok && ref.Module {
			rel = r
		}
		fsys, ok := openDir(w, rel)
		if !ok {
			what := "theme"
			if ref.Module {
				what = "module import"
			}
			hint := "put the theme there, or set themesDir"
			if dir == config.DefaultThemesDir {
				hint += " (a theme's exampleSite builds with --themes-dir ../..)"
			}
			if ref.Module {
				hint += "; briefs does not download modules: a go.mod replace line may name a local folder"
			}
			errs.Add(diag.At(ref.File, ref.Line, ref.Col, "%s %q: no folder %s; %s", what, ref.Name, rel, hint))
			continue
		}
		out = append(out, Component{Name: ref.Name, Dir: rel, FS: fsys})
	}
	return out, errs.Err()
}

// openDir opens the folder rel, relative to the site folder.
func openDir(w Where, rel string) (fs.FS, bool) {
	if w.Dir != "" {
		full := filepath.Join(w.Dir, filepath.FromSlash(rel))
		if info, err := os.Stat(full); err == nil && info.IsDir() {
			return os.DirFS(full), true
		}
		return nil, false
	}
	clean := path.Clean(rel)
	if !fs.ValidPath(clean) {
		return nil, false
	}
	if info, err := fs.Stat(w.Site, clean); err != nil || !info.IsDir() {
		return nil, false
	}
	sub, err := fs.Sub(w.Site, clean)
	return sub, err == nil
}

// goModReplaces reads the replace lines of the site's go.mod that name local folders:
// module path to folder, relative to the site.
func goModReplaces(site fs.FS) map[string]string {
	src, err := fs.ReadFile(site, "go.mod")
	if err != nil {
		return nil
	}
	out := map[string]string{}
	block := false
	sc := bufio.NewScanner(bytes.NewReader(src))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if i := strings.Index(line, "//"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		switch {
		case line == "replace (":
			block = true
			continue
		case block && line == ")":
			block = false
			continue
		case strings.HasPrefix(line, "replace "):
			line = strings.TrimPrefix(line, "replace ")
		case !block:
			continue
		}
		from, to, ok := strings.Cut(line, "=>")
		if !ok {
			continue
		}
		mod := strings.Fields(from)
		target := strings.Fields(to)
		if len(mod) == 0 || len(target) != 1 {
			continue // a replacement by another module version: not a folder
		}
		if t := target[0]; strings.HasPrefix(t, "./") || strings.HasPrefix(t, "../") || t == "." || t == ".." {
			out[mod[0]] = path.Clean(t)
		}
	}
	return out
}
