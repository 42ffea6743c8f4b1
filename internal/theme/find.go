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
// error at the line that names it, but for a theme's exampleSite: a site folder named
// exampleSite inside a theme's folder (one with theme.toml) takes that folder, with a
// warning, as Hugo does with --themesDir ../.. (warnings are returned with the themes).
func Find(w Where, cfg *config.Site) ([]Component, []*diag.Error, error) {
	if len(cfg.Themes) == 0 {
		return nil, nil, nil
	}
	var warnings []*diag.Error
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
		if !ok && !ref.Module && w.ThemesDir == "" {
			if fsys, ok = enclosingTheme(w); ok {
				rel = ".."
				warnings = append(warnings, diag.Warn(ref.File, ref.Line, ref.Col,
					"theme %q: no folder %s; using the theme this exampleSite is in (..), as hugo --themesDir ../.. does; pass --themes-dir to choose", ref.Name, path.Join(dir, ref.Name)))
			}
		}
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
	return out, warnings, errs.Err()
}

// enclosingTheme is the theme folder a site folder named exampleSite is in: its
// parent, when that has a theme.toml.
func enclosingTheme(w Where) (fs.FS, bool) {
	if w.Dir == "" {
		return nil, false
	}
	abs, err := filepath.Abs(w.Dir)
	if err != nil || filepath.Base(abs) != "exampleSite" {
		return nil, false
	}
	parent := filepath.Dir(abs)
	if info, err := os.Stat(filepath.Join(parent, "theme.toml")); err != nil || !info.Mode().IsRegular() {
		return nil, false
	}
	return os.DirFS(parent), true
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
