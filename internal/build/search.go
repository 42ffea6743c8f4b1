package build

import (
	"slices"
	"sync"

	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/render"
	"github.com/briefs/briefs/internal/search"
	"github.com/briefs/briefs/internal/site"
)

// searchDocs holds the search documents of briefs whose body a one-shot build
// lets go as soon as their page is written.
type searchDocs struct {
	mu   sync.Mutex
	docs map[*site.Page]search.Doc
}

// keep records the search document of p, from shown (p with its body), while its
// body is still at hand.
func (sd *searchDocs) keep(e *env, p, shown *site.Page) {
	if !e.cfg.SearchOn() || !searchable(p) {
		return
	}
	d := e.searchDoc(shown)
	sd.mu.Lock()
	defer sd.mu.Unlock()
	if sd.docs == nil {
		sd.docs = map[*site.Page]search.Doc{}
	}
	sd.docs[p] = d
}

// doc is the document kept for p; docs may be nil, for a live state, which streams
// no bodies.
func (sd *searchDocs) doc(p *site.Page) (search.Doc, bool) {
	if sd == nil {
		return search.Doc{}, false
	}
	d, ok := sd.docs[p]
	return d, ok
}

func searchable(p *site.Page) bool {
	return p.Kind == site.KindBrief && (p.File == nil || !p.File.Front.NoSearch)
}

// searchDoc is what the index holds of a brief: the text its page shows.
func (e *env) searchDoc(p *site.Page) search.Doc {
	d := search.Doc{URL: p.Path, Title: p.Title, Summary: p.Summary}
	if p.Section != nil {
		d.Section = p.Section.Title
	}
	if !p.Date.IsZero() {
		d.Date = p.Date.In(e.cfg.Location).Format("2006-01-02")
	}
	for _, t := range p.Tags {
		d.Tags = append(d.Tags, t.Title)
	}
	text := []string{search.PlainText(string(p.Content)), p.Summary, p.Source, d.Section, d.Date}
	d.Text = joinLines(append(text, d.Tags...))
	return d
}

func joinLines(parts []string) string {
	out := ""
	for _, p := range parts {
		if p != "" {
			out += p + "\n"
		}
	}
	return out
}

// writeSearch writes the search pages and each language's index, from the
// briefs among st's pages (those docs kept, the others from their pages), and
// returns the names of the files it wrote.
func (st *state) writeSearch(w render.Writer, errs *diag.List, docs *searchDocs) []string {
	if !st.cfg.SearchOn() {
		return nil
	}
	names, err := st.r.Search(w)
	errs.Add(err)
	byLang := map[string][]search.Doc{}
	seen := map[*site.Page]bool{}
	for _, o := range st.owner {
		p := o.page
		if seen[p] || !searchable(p) {
			continue
		}
		seen[p] = true
		d, ok := docs.doc(p)
		if !ok {
			d = st.searchDoc(p)
		}
		byLang[p.Lang.Code] = append(byLang[p.Lang.Code], d)
	}
	tok := search.NewTokenizer(st.cfg.UnitSet.Words())
	for _, code := range st.cfg.Order {
		for _, f := range search.New(tok, byLang[code]).Files("search/" + code) {
			errs.Add(w.WriteFile(f.Name, f.Data))
			names = append(names, f.Name)
		}
	}
	slices.Sort(names)
	return names
}
