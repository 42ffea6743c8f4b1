package config

import (
	"fmt"
	"strings"

	"github.com/briefs/briefs/internal/diag"
)

// This file reads the keys that name a site's Hugo theme components: theme (a name or
// a list of names), themesDir, a Hugo configuration's [[module.imports]] (each path a
// theme found through the site's go.mod replace lines or in themesDir), and
// enableInlineShortcodes. Package build finds the folders; a theme's page layouts are
// never used (briefs renders pages with its own theme), only what content relies on.

// DefaultThemesDir is where themes are looked for, as in Hugo.
const DefaultThemesDir = "themes"

// ThemeRef is one theme component the configuration names, where it names it.
type ThemeRef struct {
	// Name is the theme's folder name in ThemesDir, or a module's import path.
	Name string
	// Module is set for a [[module.imports]] path.
	Module bool
	// File, Line and Col are where the configuration names it.
	File      string
	Line, Col int
}

// fillThemes reads Theme into Themes, before any module imports a Hugo configuration
// added, and defaults ThemesDir.
func (s *Site) fillThemes(file string, at func(...string) (int, int), errs *diag.List) {
	if s.ThemesDir == "" {
		s.ThemesDir = DefaultThemesDir
	}
	var names []string
	switch t := s.Theme.(type) {
	case nil:
	case string:
		names = []string{t}
	case []any:
		for _, v := range t {
			n, ok := v.(string)
			if !ok {
				line, col := at("theme")
				errs.Add(diag.At(file, line, col, "theme must be a name or a list of names, such as theme = [\"book\", \"extras\"]"))
				return
			}
			names = append(names, n)
		}
	case []string:
		names = t
	default:
		line, col := at("theme")
		errs.Add(diag.At(file, line, col, "theme must be a name or a list of names, such as theme = \"hugo-book\""))
		return
	}
	line, col := at("theme")
	var refs []ThemeRef
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			refs = append(refs, ThemeRef{Name: n, File: file, Line: line, Col: col})
		}
	}
	s.Themes = append(refs, s.Themes...)
}

// themeKeys are the Hugo keys of this file, by their lower case.
var themeKeys = []string{"theme", "themesdir", "enableinlineshortcodes"}

// themeKey reports whether k (a top-level key in lower case) is read here: one of
// themeKeys, or module when it holds imports only.
func (h *hugoReader) themeKey(top map[string]any, k string) bool {
	for _, t := range themeKeys {
		if k == t {
			return true
		}
	}
	if k != "module" {
		return false
	}
	m, _ := top[k].(map[string]any)
	for key := range m {
		if !strings.EqualFold(key, "imports") {
			return false
		}
	}
	return true
}

// themes reads the theme keys of a Hugo configuration's top level.
func (h *hugoReader) themes(top map[string]any) {
	s := h.s
	s.Theme = top["theme"]
	s.ThemesDir = h.str(top, "themesdir")
	if f := h.flag(top, "enableinlineshortcodes"); f != nil {
		s.EnableInlineShortcodes = *f
	}
	m, _ := top["module"].(map[string]any)
	for key, v := range m {
		if !strings.EqualFold(key, "imports") {
			continue
		}
		list, _ := v.([]any)
		if imp, ok := v.([]map[string]any); ok {
			for _, x := range imp {
				list = append(list, x)
			}
		}
		for _, x := range list {
			im, _ := x.(map[string]any)
			p := ""
			for k, v := range im {
				if strings.EqualFold(k, "path") {
					p = fmt.Sprint(v)
				}
			}
			if p == "" {
				line, col := h.at("module", "imports")
				h.errs.Add(diag.At(h.file, line, col, "module.imports: an import has no path"))
				continue
			}
			line, col := h.at("module", "imports", "path")
			if line == 0 {
				line, col = h.at("imports")
			}
			s.Themes = append(s.Themes, ThemeRef{Name: p, Module: true, File: h.file, Line: line, Col: col})
		}
	}
}
