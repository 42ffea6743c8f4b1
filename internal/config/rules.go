package config

import (
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/briefs/briefs/internal/diag"
)

// fillRules sets the URL and content rules that site.toml and a Hugo configuration
// default differently (see DefaultLanguageInSubdir, DisablePathToLower, Taxonomies),
// and checks each language's content folder and the taxonomies' names.
func (s *Site) fillRules(file string, at func(...string) (int, int), errs *diag.List) {
	if s.DefaultLanguageInSubdir == nil {
		s.DefaultLanguageInSubdir = ptr(!s.Hugo)
	}
	if s.DisablePathToLower == nil {
		s.DisablePathToLower = ptr(!s.Hugo)
	}
	if s.Taxonomies == nil {
		s.Taxonomies = map[string]string{"tag": "tags"}
		if s.Hugo {
			s.Taxonomies["category"] = "categories"
		}
	}
	for _, single := range slices.Sorted(maps.Keys(s.Taxonomies)) {
		plural := s.Taxonomies[single]
		if plural == "" || strings.ContainsAny(plural, "/\\. ") || plural != strings.ToLower(plural) {
			line, col := at("taxonomies", single)
			errs.Add(diag.At(file, line, col, "taxonomy %s = %q: give a plural in lowercase letters, such as \"tags\"; it is a front matter key and a URL folder", single, plural))
			continue
		}
		if !slices.Contains(s.TaxonomyOrder, plural) {
			s.TaxonomyOrder = append(s.TaxonomyOrder, plural)
		}
	}
	slices.Sort(s.TaxonomyOrder)
	for _, code := range s.Order {
		l := s.Languages[code]
		dir, ok := contentDir(l.ContentDir)
		if !ok {
			line, col := at("languages", code, "contentDir")
			errs.Add(diag.At(file, line, col, "languages.%s.contentDir %q: give a folder inside the site, such as \"content/%s\"", code, l.ContentDir, code))
		}
		l.ContentDir = dir
	}
}

// contentDir cleans a language's content folder: "" and "content/" are "content".
func contentDir(dir string) (string, bool) {
	if dir == "" {
		return "content", true
	}
	clean := path.Clean(strings.ReplaceAll(dir, `\`, "/"))
	if clean == "." || clean == ".." || strings.HasPrefix(clean, "../") || path.IsAbs(clean) {
		return "content", false
	}
	return clean, true
}

// ContentDirs lists the languages' content folders, each once, in language order.
func (s *Site) ContentDirs() []string {
	var dirs []string
	for _, code := range s.Order {
		if d := s.Languages[code].ContentDir; !slices.Contains(dirs, d) {
			dirs = append(dirs, d)
		}
	}
	return dirs
}

// IsTaxonomy reports whether plural names one of the site's taxonomies ("tags").
func (s *Site) IsTaxonomy(plural string) bool { return slices.Contains(s.TaxonomyOrder, plural) }

func ptr[T any](v T) *T { return &v }
