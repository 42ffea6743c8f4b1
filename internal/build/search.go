package build

import (
	"strings"
	"sync"

	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/render"
	"github.com/briefs/briefs/internal/search"
	"github.com/briefs/briefs/internal/site"
)

// streamedPages holds the search pages of the briefs a one-shot build reads
// while it writes them, and then lets their bodies go.
type streamedPages struct {
	mu    sync.Mutex
	pages map[*site.Page]*search.Page
}

// keep reads p for the search index from shown (p with its body), while its
// body is still at hand.
func (sp *streamedPages) keep(e *env, p, shown *site.Page) {
	if !e.cfg.SearchOn() || !searchable(p) {
		return
	}
	page := e.searchTok.Prepare(e.searchDoc(shown))
	sp.mu.Lock()
	defer sp.mu.Unlock()
	if sp.pages == nil {
		sp.pages = map[*site.Page]*search.Page{}
	}
	sp.pages[p] = page
}

// page is the search page kept for p; sp may be nil, for a live state, which
// streams no bodies.
func (sp *streamedPages) page(p *site.Page) *search.Page {
	if sp == nil {
		return nil
	}
	sp.mu.Lock()
	defer sp.mu.Unlock()
	return sp.pages[p]
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
	shown := joinLines([]string{search.PlainText(string(p.Content)), p.Summary})
	d.Text = shown + joinLines(append([]string{p.Source, d.Section, d.Date}, d.Tags...))
	d.Shown = len(shown)
	return d
}

func joinLines(parts []string) string {
	var b strings.Builder
	n := 0
	for _, p := range parts {
		n += len(p) + 1
	}
	b.Grow(n)
	for _, p := range parts {
		if p != "" {
			b.WriteString(p)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// writeSearch writes the search pages and each language's index, from the
// briefs among st's pages, and returns st's search state. In a one-shot build
// the briefs are read as they were streamed (those streamed holds; the others
// from their pages) and each index is built whole. A live state makes each
// index from prev's (search.Update; prev is nil after a full build), reads
// again only the briefs whose key changed, and writes only the indexes that
// changed; prev is not changed.
func (st *state) writeSearch(prev *state, w render.Writer, errs *diag.List, streamed *streamedPages) searchState {
	if !st.cfg.SearchOn() {
		return searchState{}
	}
	var last searchState
	if prev != nil {
		last = prev.search
	}
	names, err := st.r.Search(w)
	errs.Add(err)
	next := searchState{pages: names, briefs: st.searchBriefs(prev)}
	read, byLang := st.readBriefs(prev, next.briefs, streamed)
	kept := false
	for k, code := range st.cfg.Order {
		was := last.lang(code)
		ix, keep := st.mode.index(st.searchTok, was.index, byLang[k])
		l := langIndex{code: code, files: was.files}
		if ix != was.index || was.index == nil { // else nothing changed: its files stay
			l.files = writeIndex(ix, "search/"+code, w, errs)
		}
		if keep { // for the next state; a one-shot build lets it go
			l.index, l.pages, kept = ix, byLang[k], true
		}
		next.langs = append(next.langs, l)
	}
	if kept {
		next.read = read
	} else {
		next.briefs = nil
	}
	return next
}

// writeIndex writes an index's files below dir and returns their names. An
// output that can keep the index's bytes (adopter) is given them, not copies:
// the index never changes them.
func writeIndex(ix *search.Index, dir string, w render.Writer, errs *diag.List) []string {
	put := w.WriteFile
	if a, ok := w.(adopter); ok {
		put = a.Adopt
	}
	files := ix.Files(dir)
	names := make([]string, len(files))
	for i, f := range files {
		errs.Add(put(f.Name, f.Data))
		names[i] = f.Name
	}
	return names
}

// adopter is an output that keeps the bytes it is given rather than a copy
// (output.Memory): the dev server's, where a 10,000-pair site's index files,
// over 100 MB, move to a new folder after every edit.
type adopter interface {
	Adopt(name string, data []byte) error
}
