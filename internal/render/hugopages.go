package render

import (
	"strings"
	"time"

	"github.com/briefs/briefs/internal/site"
)

// listedPage is a page another page's .Pages lists, with what a shortcode or partial
// shows of it in a list: its title, URLs, dates and params. Not its summary or
// description: a one-shot build knows those before the body is rendered, the dev
// server after.
type listedPage struct {
	Title, LinkTitle           string
	Permalink, RelPermalink    string
	Date, Lastmod, PublishDate time.Time
	Params                     map[string]any
	Kind, Section, Type        string
	Weight                     int
	Draft                      bool
}

// Pages are a section's (or the home page's) own regular pages, or a term's pages,
// in Hugo's default order (weight, then newest first, then link title, then path);
// none for a regular page. Subsections are not among them, as they are in Hugo's.
func (p *shortcodePage) Pages() []*listedPage {
	sp, ok := p.c.Page.Data.(*site.Page)
	if !ok || p.cfg == nil || sp.Kind != site.KindHome && sp.Kind != site.KindSection && sp.Kind != site.KindTag {
		return nil
	}
	var out []*listedPage
	for _, q := range sp.Pages { // a section's briefs, and those below it, in that order
		if sp.Kind != site.KindTag && q.Section != sp && !(sp.Kind == site.KindHome && q.Section == nil) {
			continue
		}
		l := &listedPage{Title: q.Title, LinkTitle: q.LinkTitle(), Permalink: p.cfg.AbsURL(q.Path), RelPermalink: p.cfg.URL(q.Path),
			Date: q.Date, Lastmod: q.Lastmod, PublishDate: q.PublishDate, Params: q.Params, Kind: "page", Weight: q.Weight, Draft: q.Draft}
		if q.File != nil {
			l.Section = strings.SplitN(q.File.Section, "/", 2)[0]
			l.Type = l.Section
		}
		out = append(out, l)
	}
	return out
}

// RegularPages are Pages, which are regular pages only.
func (p *shortcodePage) RegularPages() []*listedPage { return p.Pages() }
