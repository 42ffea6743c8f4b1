package build

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/pool"
	"github.com/briefs/briefs/internal/render"
	"github.com/briefs/briefs/internal/search"
	"github.com/briefs/briefs/internal/site"
)

// searchState is a state's search index: the files written and, in a live
// state, what the next state's index is made from. writeSearch makes it for
// a new state from the previous state's, which it only reads.
type searchState struct {
	files []string                 // the search pages and index files written
	index map[string]*search.Index // by language code; live states only
	// pages are the briefs as the index read them, by path, with what they
	// were read from (live states only): the next state reads again only the
	// briefs whose key changed.
	pages map[string]searchPage
}

type searchPage struct {
	key  searchKey
	page *search.Page
}

// searchKey is everything a brief's search document is made from; content is
// the hash of its rendered body.
type searchKey struct {
	title, summary, source, section, date, tags string
	content                                     uint64
}

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
	text := []string{search.PlainText(string(p.Content)), p.Summary, p.Source, d.Section, d.Date}
	d.Text = joinLines(append(text, d.Tags...))
	return d
}

// searchKeyOf is p's searchKey; its fields are those searchDoc reads.
func (e *env) searchKeyOf(p *site.Page) searchKey {
	k := searchKey{title: p.Title, summary: p.Summary, source: p.Source, content: p.ContentHash}
	if p.Section != nil {
		k.section = p.Section.Title
	}
	if !p.Date.IsZero() {
		k.date = p.Date.In(e.cfg.Location).Format("2006-01-02")
	}
	tags := make([]string, len(p.Tags))
	for i, t := range p.Tags {
		tags[i] = t.Title
	}
	k.tags = strings.Join(tags, "\n")
	return k
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
// index from prev's (search.Update; prev is nil after a full build) and reads
// again only the briefs whose key changed; prev is not changed.
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
	var briefs []*site.Page
	seen := map[*site.Page]bool{}
	for _, o := range st.owner {
		if p := st.page(o); !seen[p] && searchable(p) {
			seen[p] = true
			briefs = append(briefs, p)
		}
	}
	slices.SortFunc(briefs, func(a, b *site.Page) int { return cmp.Compare(a.Path, b.Path) })
	read := make([]searchPage, len(briefs))
	pool.Each(len(briefs), func(i int) { read[i] = st.searchPageOf(briefs[i], last, streamed) })
	next := searchState{index: map[string]*search.Index{}, pages: make(map[string]searchPage, len(briefs))}
	byLang := map[string][]*search.Page{}
	for i, p := range briefs {
		byLang[p.Lang.Code] = append(byLang[p.Lang.Code], read[i].page)
		if read[i].key != (searchKey{}) { // what the next state's index is made from
			next.pages[p.Path] = read[i]
		}
	}
	for _, code := range st.cfg.Order {
		ix, keep := st.mode.index(st.searchTok, last.index[code], byLang[code])
		if keep { // for the next state; a one-shot build lets it go
			next.index[code] = ix
		}
		for _, f := range ix.Files("search/" + code) {
			errs.Add(w.WriteFile(f.Name, f.Data))
			names = append(names, f.Name)
		}
	}
	slices.Sort(names)
	next.files = names
	return next
}

// searchPageOf is brief p as the index reads it: streamed (one-shot builds), or
// as the last state read it when nothing it is made from changed, or read now.
func (st *state) searchPageOf(p *site.Page, last searchState, streamed *streamedPages) searchPage {
	return st.mode.searchPage(st, p, last, streamed)
}
