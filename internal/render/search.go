package render

import (
	"github.com/briefs/briefs/internal/site"
)

// SearchPath is the path of a language's search page: search/ below its home, or
// the URL of the content page that took its place (site.Lang.SearchPath).
func SearchPath(l *site.Lang) string { return l.SearchPath() }

// Search writes the built-in search page of each language that has no content page
// for it (site.Lang.Search, rendered as any page), <lang>/search/index.html, with
// the layout search.html; its language switch leads to the other languages' search
// pages. A theme without search.html has no search page, and none is written.
// It returns the names of the files it wrote.
func (r *Renderer) Search(w Writer) ([]string, error) {
	var names []string
	for _, l := range r.site.Languages {
		if l.Search != nil {
			continue
		}
		p := &site.Page{Kind: site.KindSearch, Lang: l.Language, Title: String(r.cfg, l.Code, "search"), Path: SearchPath(l)}
		t, _ := r.lookup(p)
		if t == nil {
			return nil, nil
		}
		d := &Data{Page: p, Lang: l, Site: r.site, Config: r.cfg, Path: p.Path, Permalink: r.cfg.AbsURL(p.Path), OGLocale: ogLocale(l.Language)}
		d.Switch = r.searchSwitch(l)
		for i := range d.Switch {
			d.Switch[i].Permalink, d.Switch[i].OGLocale = r.cfg.AbsURL(d.Switch[i].Path), ogLocale(d.Switch[i].Lang)
		}
		name := p.Path + "index.html"
		if err := r.execute(t, "baseof.html", d, name, w); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, nil
}

// searchSwitch is the language switch of l's search page: every language's search page.
func (r *Renderer) searchSwitch(l *site.Lang) []SwitchEntry {
	var out []SwitchEntry
	for _, o := range r.site.Languages {
		out = append(out, SwitchEntry{Lang: o.Language, Path: o.SearchPath(), Current: o == l, Exists: true,
			Default: o.Code == r.cfg.DefaultLanguage})
	}
	return out
}
