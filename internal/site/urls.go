package site

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/briefs/briefs/internal/content"
)

// collect lists every page in a fixed order: language, then home, sections, tags, briefs.
func (s *Site) collect() {
	for _, l := range s.Languages {
		s.Pages = append(s.Pages, l.Home)
		s.Pages = append(s.Pages, l.sortedSections(newOrder(l.Locale))...)
		for _, tax := range l.Taxonomies {
			s.Pages = append(s.Pages, tax)
			s.Pages = append(s.Pages, tax.Sections...)
		}
		s.Pages = append(s.Pages, l.Briefs...)
		if l.Search != nil {
			s.Pages = append(s.Pages, l.Search)
		}
	}
	for i, p := range s.Pages {
		p.at = i + 1
		slices.SortStableFunc(p.Translations, func(a, b *Page) int { return s.langIndex(a) - s.langIndex(b) })
	}
}

func (s *Site) langIndex(p *Page) int {
	return slices.IndexFunc(s.Languages, func(l *Lang) bool { return l.Code == p.Lang.Code })
}

// Pagers is the number of pages a list page is split into (at least 1).
func (s *Site) Pagers(p *Page) int {
	if p.Kind != KindSection && p.Kind != KindTag {
		return 1
	}
	return max(1, (len(p.Pages)+s.Config.PageSize-1)/s.Config.PageSize)
}

// PagerPath is the URL path of page n (from 1) of a paginated list.
func PagerPath(p *Page, n int) string {
	if n <= 1 {
		return p.Path
	}
	return fmt.Sprintf("%spage/%d/", p.Path, n)
}

// Place is where a page's URL comes from, for errors about it: a brief's file (at its
// slug, when it has one), a list page's _index file, the folder of a section that has
// none, or the first brief that names a tag. File is "" for the built-in home and tags
// pages without an _index file; Line is 0 for a folder.
func (p *Page) Place() (file string, line, col int) {
	switch {
	case (p.Kind == KindBrief || p.Kind == KindSearch) && p.File != nil && p.File.Front.Slug != "":
		line, col = keyPos(p.File, "slug")
		return p.File.Path, line, col
	case p.File != nil:
		return p.File.Path, 1, 1
	case p.Kind == KindSection:
		return path.Join(p.Lang.ContentDir, p.group), 0, 0
	case p.Kind == KindTag && len(p.Pages) > 0:
		f, plural := p.Pages[0].File, p.Taxonomy()
		for _, name := range termsOf(f, plural) {
			if strings.HasSuffix(p.Path, "/"+content.PathSegment(name)+"/") || p.group == plural+"/"+TagSlug(name) {
				line, col = ValuePos(f, plural, name)
				return f.Path, line, col
			}
		}
		line, col = keyPos(f, plural)
		return f.Path, line, col
	}
	return "", 0, 0
}

// ValuePos finds where a string value of a front matter key, such as one of its
// aliases, is written: at its opening quote, or at the key when it cannot be found.
func ValuePos(f *content.File, key, value string) (line, col int) {
	if f == nil {
		return 0, 0
	}
	return f.ItemPos(key, value)
}

// keyPos finds a front matter key in a file, for pointing an error at it.
func keyPos(f *content.File, key string) (int, int) {
	if f == nil {
		return 0, 0
	}
	return f.KeyPos(key)
}

// AliasFile is the output file that redirects from an alias: "/old/x/" writes
// old/x/index.html, "/old/x.html" writes old/x.html.
func AliasFile(alias string) string {
	p := strings.TrimPrefix(path.Clean("/"+alias), "/")
	if strings.HasSuffix(p, ".html") {
		return p
	}
	return p + "/index.html"
}
