package site

import (
	"strings"

	"github.com/briefs/briefs/internal/diag"
)

// SearchPath is the URL path of the language's search page: the content page that
// took its place (Search), else search/ below its home.
func (l *Lang) SearchPath() string {
	if l.Search != nil {
		return l.Search.Path
	}
	return l.Home.Path + "search/"
}

// takeSearch makes p the language's search page when its front matter says
// layout = "search" or, on a Hugo site, when it is at the search page's URL (Hugo's
// themes make their search page so: hugo-theme-stack's content/page/search/ has
// slug "search" and layout "search"). Such a page is shown with the search layout,
// its title and body above the search form, at its own URL, and the built-in search
// page of its language is not made; it is not a brief (not listed, not searched).
// It reports whether p was taken; a second one in a language is an error at its
// place. A brief at the search URL of a briefs site stays a clash (see claims).
func (l *Lang) takeSearch(p *Page, errs *diag.List) bool {
	f := p.File
	if !l.cfg.SearchOn() || !strings.EqualFold(f.Front.Layout, "search") && !(l.cfg.Hugo && p.Path == l.Home.Path+"search/") {
		return false
	}
	if l.Search != nil {
		line, col := keyPos(f, "layout")
		if line == 0 {
			line, col = 1, 1
		}
		errs.Add(diag.At(f.Path, line, col, "a second search page in %s: %s is already its search page (/%s); remove layout = \"search\" from one, or move it",
			l.Code, l.Search.File.Path, l.Search.Path))
		return true
	}
	p.Kind, l.Search = KindSearch, p
	return true
}

// linkSearchPages makes the content search pages of the languages translations of
// one another: each language has one search page, and they are the same page.
func (s *Site) linkSearchPages() {
	var pages []*Page
	for _, l := range s.Languages {
		if l.Search != nil {
			pages = append(pages, l.Search)
		}
	}
	link(pages)
}
