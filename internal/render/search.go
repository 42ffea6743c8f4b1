package render

import (
	"github.com/briefs/briefs/internal/site"
)

// SearchPath is the path of a language's search page: search/ below its home.
func SearchPath(l *site.Lang) string { return l.Home.Path + "search/" }

// Search writes each language's search page, <lang>/search/index.html, with the
// layout search.html; its language switch leads to the other languages' search
// pages. A theme without search.html has no search page, and none is written.
// It returns the names of the files it wrote.
func (r *Renderer) Search(w Writer) ([]string, error) {
	var names []string
	for _, l := range r.site.Languages {
		p := &site.Page{Kind: site.KindSearch, Lang: l.Language, Title: String(r.cfg, l.Code, "search"), Path: SearchPath(l)}
		t, _ := r.lookup(p)
		if t == nil {
			return nil, nil
		}
		d := &Data{Page: p, Lang: l, Site: r.site, Config: r.cfg, Path: p.Path, Permalink: r.cfg.AbsURL(p.Path), OGLocale: ogLocale(l.Language)}
		for _, o := range r.site.Languages {
			path := SearchPath(o)
			d.Switch = append(d.Switch, SwitchEntry{Lang: o.Language, Path: path, Permalink: r.cfg.AbsURL(path),
				OGLocale: ogLocale(o.Language), Current: o == l, Exists: true, Default: o.Code == r.cfg.DefaultLanguage})
		}
		name := p.Path + "index.html"
		if err := r.execute(t, "baseof.html", d, name, w); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, nil
}
