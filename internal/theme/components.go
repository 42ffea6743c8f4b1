package theme

import (
	"io/fs"
	"slices"
	"strings"
)

// Component is one of a site's Hugo themes (theme = "hugo-book" in its configuration).
// Content written for Hugo relies on its theme's shortcodes, partials, i18n, assets,
// static and data files, so briefs uses those; its page layouts are never used (pages
// are rendered by briefs' own theme or the site's layouts/).
type Component struct {
	// Name is the theme as the configuration names it.
	Name string
	// Dir is the theme's folder as messages show it ("themes/hugo-book",
	// "../../hugo-book"): a file's Path is Dir/layouts/….
	Dir string
	// FS is the theme's folder.
	FS fs.FS
}

// WithComponents returns t with the site's Hugo themes, the first winning over the
// later ones; the site's own files win over them all.
func (t *Theme) WithComponents(cs []Component) *Theme {
	u := *t
	u.components = slices.Clone(cs)
	return &u
}

// Components returns the site's Hugo themes, the first winning.
func (t *Theme) Components() []Component { return t.components }

// source is one folder a Theme reads, and how its files are named in messages.
type source struct {
	fsys      fs.FS
	suffix    string // " (default theme)" for the built-in theme
	prefix    string // the component's Dir
	component string
}

func (s source) file(name, p string) File {
	shown := p + s.suffix
	if s.prefix != "" {
		shown = s.prefix + "/" + p
	}
	return File{Name: name, Path: shown, Default: s.suffix != "", Component: s.component, FS: s.fsys, FullPath: p}
}

// sources lists the folders dir is read from, the lowest first when lowFirst, else the
// winning first. The site wins, then the default theme, then the components in their
// order: for static/ only, the components' files are under the default theme's, which
// its pages need as they are; their layouts/ are never pages' (ComponentFiles reads them).
func (t *Theme) sources(dir string, lowFirst bool) []source {
	out := []source{{fsys: t.site}, {fsys: t.defaults, suffix: defaultSuffix}}
	if dir == "static" {
		for _, c := range t.components {
			out = append(out, source{fsys: c.FS, prefix: c.Dir, component: c.Name})
		}
	}
	if lowFirst {
		slices.Reverse(out)
	}
	return out
}

// ComponentFiles lists the files under dir ("layouts", "i18n", "assets", "data") of
// the site and of its Hugo themes, by name, the site's winning, then the first theme's;
// the default theme's are not among them. Sorted by name; hidden files are skipped.
func (t *Theme) ComponentFiles(dir string) ([]File, error) {
	all, err := t.AllComponentFiles(dir)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	out := all[:0:0]
	for _, f := range all {
		if !seen[f.Name] {
			seen[f.Name] = true
			out = append(out, f)
		}
	}
	slices.SortStableFunc(out, func(a, b File) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// AllComponentFiles lists every file under dir of the site and its Hugo themes, the
// same name once per folder that has it: the site's first, then each theme's in order
// (i18n files are merged key by key, the first folder's winning).
func (t *Theme) AllComponentFiles(dir string) ([]File, error) {
	srcs := []source{{fsys: t.site}}
	for _, c := range t.components {
		srcs = append(srcs, source{fsys: c.FS, prefix: c.Dir, component: c.Name})
	}
	var out []File
	for _, src := range srcs {
		if src.fsys == nil {
			continue
		}
		err := src.walk(dir, func(name, p string) {
			out = append(out, src.file(name, p))
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
