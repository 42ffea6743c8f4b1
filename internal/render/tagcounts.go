package render

import (
	"maps"
	"sync"

	"github.com/briefs/briefs/internal/site"
)

// tagCounts is what a renderer counted for the language switches of tag pages: each
// tag page's candidates in each language (matchingTag), and how many briefs of each
// list have a version in each language (Renderer.translated), by the page's place in
// the graph. The dev server's next renderer (ForEdit) keeps what an edit left as it
// was: after a tag edit the switch of most of the other language's tag pages is
// chosen again, and counting it again read every brief of every one of those tags.
type tagCounts struct {
	mu     sync.Mutex
	cands  map[placeIn]*tagMatches
	counts map[placeIn]int
}

// placeIn is a page's place in the graph and a language code.
type placeIn struct {
	at   int
	lang string
}

func newTagCounts() *tagCounts {
	return &tagCounts{cands: map[placeIn]*tagMatches{}, counts: map[placeIn]int{}}
}

// without returns a copy of tc without what was counted for the pages at places
// stale.
func (tc *tagCounts) without(stale []int) *tagCounts {
	tc.mu.Lock()
	defer tc.mu.Unlock()
	next := &tagCounts{cands: maps.Clone(tc.cands), counts: maps.Clone(tc.counts)}
	gone := make(map[int]bool, len(stale))
	for _, at := range stale {
		gone[at] = true
	}
	maps.DeleteFunc(next.cands, func(k placeIn, _ *tagMatches) bool { return gone[k.at] })
	maps.DeleteFunc(next.counts, func(k placeIn, _ int) bool { return gone[k.at] })
	return next
}

// ForEdit returns a renderer for s, a copy of r's graph that keeps every page at its
// place (the dev server's edits that copy the graph: site.Site.WithBodies and
// WithFront), as ForSite does, but keeping what r counted for the language switches
// of tag pages, except for the pages at places stale: those whose briefs changed, or
// whose briefs' versions in another language changed their tags. It keeps the
// digests of the pages not at places stale too (see keepDigests): stale must hold
// every page whose own fields the edit changed.
func (r *Renderer) ForEdit(s *site.Site, stale []int) *Renderer {
	next := r.ForSite(s)
	next.tags = r.tags.without(stale)
	r.keepDigests(next, stale)
	return next
}

// matchingTag is matchingTag for tag page p in language lang, counted once per
// version of the site and kept for the next (see tagCounts).
func (r *Renderer) matchingTag(p *site.Page, lang string) *site.Page {
	at := p.At()
	if at < 0 {
		return matchingTag(p, lang, r.translated)
	}
	k := placeIn{at, lang}
	r.tags.mu.Lock()
	c := r.tags.cands[k]
	r.tags.mu.Unlock()
	if c == nil {
		c = countCandidates(p, lang)
		if !c.placed {
			return c.best(nil, p.Lang.Code, r.translated)
		}
		r.tags.mu.Lock()
		r.tags.cands[k] = c
		r.tags.mu.Unlock()
	}
	return c.best(r.site, p.Lang.Code, r.translated)
}

// translated counts the pages of list that have a version in lang, once per list and
// language: the same tags are candidates of many tag pages' matches.
func (r *Renderer) translated(list *site.Page, lang string) int {
	at := list.At()
	if at < 0 {
		return translated(list.Pages, lang)
	}
	k := placeIn{at, lang}
	r.tags.mu.Lock()
	n, ok := r.tags.counts[k]
	r.tags.mu.Unlock()
	if !ok {
		n = translated(list.Pages, lang)
		r.tags.mu.Lock()
		r.tags.counts[k] = n
		r.tags.mu.Unlock()
	}
	return n
}

// translated counts the pages that have a version in lang.
func translated(pages []*site.Page, lang string) int {
	n := 0
	for _, q := range pages {
		if q.Translation(lang) != nil {
			n++
		}
	}
	return n
}
