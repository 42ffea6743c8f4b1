package site

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
)

// translate links pages that are versions of each other: briefs by translation group,
// sections by folder, and the home and tags pages of every language.
func (s *Site) translate(errs *diag.List) {
	groups := map[string][]*Page{}
	var keys []string
	add := func(key string, p *Page) {
		if _, ok := groups[key]; !ok {
			keys = append(keys, key)
		}
		groups[key] = append(groups[key], p)
	}
	for _, l := range s.Languages {
		add("home", l.Home)
		add("tags", l.TagsPage)
		for _, sec := range l.sections {
			add("section:"+sec.group, sec)
		}
		for _, p := range l.Briefs {
			add("brief:"+p.group, p)
		}
	}
	for _, key := range keys {
		pages := groups[key]
		if strings.HasPrefix(key, "brief:") && !s.uniqueLangs(pages, errs) {
			continue
		}
		for _, p := range pages {
			for _, q := range pages {
				if q != p {
					p.Translations = append(p.Translations, q)
				}
			}
			if p.Kind == KindBrief {
				p.Missing = s.missing(pages)
				p.OutdatedFrom = s.outdatedFrom(p, pages)
			}
		}
	}
}

// uniqueLangs reports an error when two files in one language claim the same translation group.
func (s *Site) uniqueLangs(pages []*Page, errs *diag.List) bool {
	seen := map[string]*Page{}
	ok := true
	for _, p := range pages {
		if q := seen[p.Lang.Code]; q != nil {
			line, col := keyPos(p.File, "translationKey")
			errs.Add(diag.At(p.File.Path, line, col, "translationKey %q is also used by %s in the same language; each language may have one version of a brief",
				p.File.Front.TranslationKey, q.File.Path))
			ok = false
		}
		seen[p.Lang.Code] = p
	}
	return ok
}

// outdatedFrom returns p's original when p records a version of it that has changed.
func (s *Site) outdatedFrom(p *Page, pages []*Page) *Page {
	if p.File.Front.TranslationOf == "" || p.Lang.Code == s.Config.DefaultLanguage {
		return nil
	}
	for _, q := range pages {
		if q.Lang.Code == s.Config.DefaultLanguage && q.File.BodyHash() != p.File.Front.TranslationOf {
			return q
		}
	}
	return nil
}

func (s *Site) missing(pages []*Page) (out []*config.Language) {
	for _, l := range s.Languages {
		if !slices.ContainsFunc(pages, func(p *Page) bool { return p.Lang.Code == l.Code }) {
			out = append(out, l.Language)
		}
	}
	return out
}

// collect lists every page in a fixed order: language, then home, sections, tags, briefs.
func (s *Site) collect() {
	for _, l := range s.Languages {
		s.Pages = append(s.Pages, l.Home)
		s.Pages = append(s.Pages, l.sortedSections(newOrder(l.Locale))...)
		s.Pages = append(s.Pages, l.TagsPage)
		s.Pages = append(s.Pages, l.TagsPage.Sections...)
		s.Pages = append(s.Pages, l.Briefs...)
	}
	for _, p := range s.Pages {
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

// checkURLs makes sure no two pages, pagers or aliases write the same file.
func (s *Site) checkURLs(cfg *config.Site, errs *diag.List) {
	owner := map[string]*Page{}
	claim := func(url string, p *Page, key string) {
		if q := owner[url]; q != nil && q != p {
			where := func(p *Page) string {
				if p.File != nil {
					return p.File.Path
				}
				return "the " + p.Kind.String() + " page " + p.Title
			}
			file, line, col := "", 0, 0
			if p.File != nil {
				file = p.File.Path
				line, col = keyPos(p.File, key)
			}
			errs.Add(diag.At(file, line, col, "URL /%s is also used by %s; change the slug or move the file",
				strings.TrimSuffix(url, "index.html"), where(q)))
			return
		}
		owner[url] = p
	}
	for _, p := range s.Pages {
		for n := 1; n <= s.Pagers(p); n++ {
			claim(PagerPath(p, n)+"index.html", p, "slug")
		}
	}
	for _, p := range s.Pages {
		for _, a := range p.Aliases {
			claim(AliasFile(a), p, "aliases")
		}
	}
}

// keyPos finds a front matter key in a file, for pointing an error at it.
func keyPos(f *content.File, key string) (int, int) {
	if f == nil {
		return 0, 0
	}
	line, col := diag.TOMLKeyPos(f.Src, []string{key})
	if line == 0 {
		return 1, 1
	}
	return line, col
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
