package site

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/diag"
)

// outputKind is the name Hugo's outputs give the kind of p.
func outputKind(p *Page) string {
	switch p.Kind {
	case KindHome:
		return "home"
	case KindSection:
		return "section"
	case KindTags:
		return "taxonomy"
	case KindTag:
		return "term"
	}
	return "page"
}

// HasFeed reports whether p has an RSS feed: lists do (the home page, sections and
// terms), unless their outputs leave rss out: the front matter's outputs, else the
// site's [outputs] for their kind (home = ["html"] makes no home feed), as in Hugo.
func (p *Page) HasFeed() bool {
	if p.Kind != KindHome && p.Kind != KindSection && p.Kind != KindTag {
		return false
	}
	return !p.noFeed
}

// applyOutputs reads each page's outputs: the front matter's, else the site's for its
// kind. Formats briefs does not make (json, a theme's own such as txt) are named in
// one warning, at the first page that asks for one; those of the configuration are
// named by config.
func (s *Site) applyOutputs(errs *diag.List) {
	other := map[string][]string{} // format -> the files that ask for it
	var first *Page
	for _, p := range s.Pages {
		outs := s.Config.KindOutputs(outputKind(p))
		if p.File != nil && p.File.Front.Outputs != nil {
			outs = p.File.Front.Outputs
			for _, f := range outs {
				// A search page's json is its theme's search index, which briefs' own
				// search replaces (hugo-theme-stack's search page asks for it).
				if f = strings.ToLower(f); f != config.FormatHTML && f != config.FormatRSS && p.Kind != KindSearch {
					other[f] = append(other[f], p.File.Path)
					if first == nil {
						first = p
					}
				}
			}
		}
		if outs != nil {
			p.noFeed = !slices.ContainsFunc(outs, func(f string) bool { return strings.EqualFold(f, config.FormatRSS) })
		}
	}
	if first != nil {
		line, col := keyPos(first.File, "outputs")
		var parts []string
		for _, f := range slices.Sorted(maps.Keys(other)) {
			files := other[f]
			switch n := len(files); n {
			case 1:
				parts = append(parts, fmt.Sprintf("%s (%s)", f, files[0]))
			default:
				parts = append(parts, fmt.Sprintf("%s (%d pages, such as %s)", f, n, files[0]))
			}
		}
		errs.Add(diag.Warn(first.File.Path, line, col, "briefs makes html and rss outputs only; these need the theme's templates and are not made: %s",
			strings.Join(parts, ", ")))
	}
}
