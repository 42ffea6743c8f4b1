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

// searchState is the search index as of the last good build or update: one
// value, made by writeSearch and swapped in whole when the build or update
// succeeds.
type searchState struct {
	files []string                 // the search pages and index files written
	index map[string]*search.Index // by language code
	// pages are the briefs as the index read them, by path, with what they
	// were read from (live sessions only): an update reads again only the
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

// keep reads p for the search index while its body is still at hand.
func (sp *streamedPages) keep(s *Session, p *site.Page) {
	if !s.cfg.SearchOn() || !searchable(p) {
		return
	}
	page := s.searchTok.Prepare(s.searchDoc(p))
	sp.mu.Lock()
	defer sp.mu.Unlock()
	if sp.pages == nil {
		sp.pages = map[*site.Page]*search.Page{}
	}
	sp.pages[p] = page
}

func searchable(p *site.Page) bool {
	return p.Kind == site.KindBrief && (p.File == nil || !p.File.Front.NoSearch)
}

// searchDoc is what the index holds of a brief: the text its page shows.
func (s *Session) searchDoc(p *site.Page) search.Doc {
	d := search.Doc{URL: p.Path, Title: p.Title, Summary: p.Summary}
	if p.Section != nil {
		d.Section = p.Section.Title
	}
	if !p.Date.IsZero() {
		d.Date = p.Date.In(s.cfg.Location).Format("2006-01-02")
	}
	for _, t := range p.Tags {
		d.Tags = append(d.Tags, t.Title)
	}
	text := []string{search.PlainText(string(p.Content)), p.Summary, p.Source, d.Section, d.Date}
	d.Text = joinLines(append(text, d.Tags...))
	return d
}

// searchKeyOf is p's searchKey; its fields are those searchDoc reads.
func (s *Session) searchKeyOf(p *site.Page) searchKey {
	k := searchKey{title: p.Title, summary: p.Summary, source: p.Source, content: p.ContentHash}
	if p.Section != nil {
		k.section = p.Section.Title
	}
	if !p.Date.IsZero() {
		k.date = p.Date.In(s.cfg.Location).Format("2006-01-02")
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
	for _, p := range parts {
		if p != "" {
			b.WriteString(p)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// writeSearch writes the search pages and each language's index, from the
// briefs among owner's pages, and returns the state it leaves. Each language's
// index is made from the last one (search.Update) and the briefs as read now:
// in a one-shot build, as they were streamed; in a live session, read again
// only where their key changed.
func (s *Session) writeSearch(r *render.Renderer, owner map[string]outFile, w render.Writer, errs *diag.List) searchState {
	if !s.cfg.SearchOn() {
		return searchState{}
	}
	names, err := r.Search(w)
	errs.Add(err)
	var briefs []*site.Page
	seen := map[*site.Page]bool{}
	for _, o := range owner {
		if p := o.page; !seen[p] && searchable(p) {
			seen[p] = true
			briefs = append(briefs, p)
		}
	}
	slices.SortFunc(briefs, func(a, b *site.Page) int { return cmp.Compare(a.Path, b.Path) })
	read := make([]searchPage, len(briefs))
	pool.Each(len(briefs), func(i int) { read[i] = s.searchPageOf(briefs[i]) })
	next := searchState{index: map[string]*search.Index{}}
	if s.live {
		next.pages = make(map[string]searchPage, len(briefs))
	}
	byLang := map[string][]*search.Page{}
	for i, p := range briefs {
		byLang[p.Lang.Code] = append(byLang[p.Lang.Code], read[i].page)
		if s.live {
			next.pages[p.Path] = read[i]
		}
	}
	for _, code := range s.cfg.Order {
		var ix *search.Index
		if s.live {
			ix = search.Update(s.searchTok, s.search.index[code], byLang[code])
		} else {
			ix = search.Build(s.searchTok, byLang[code]) // lets each shard's postings go once written
		}
		if s.live {
			next.index[code] = ix // for the next update; a one-shot build lets it go
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

// searchPageOf is brief p as the index reads it: streamed, or as the last
// update read it when nothing it is made from changed, or read now.
func (s *Session) searchPageOf(p *site.Page) searchPage {
	if !s.live {
		s.streamed.mu.Lock()
		page := s.streamed.pages[p]
		s.streamed.mu.Unlock()
		if page == nil {
			page = s.searchTok.Prepare(s.searchDoc(p))
		}
		return searchPage{page: page}
	}
	key := s.searchKeyOf(p)
	if old, ok := s.search.pages[p.Path]; ok && old.key == key {
		return old
	}
	return searchPage{key: key, page: s.searchTok.Prepare(s.searchDoc(p))}
}
