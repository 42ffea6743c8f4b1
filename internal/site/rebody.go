package site

import (
	"cmp"
	"sync/atomic"

	"github.com/briefs/briefs/internal/content"
)

// WithBodies returns a copy of the graph in which the pages made from the files in
// bodies show those bodies, for the dev server's edits to bodies only: the files'
// front matter is the same, so the graph keeps its shape and only what the bodies
// give (Content, and Summary and Description where the front matter has none)
// changes. s is left as it was: every page is a copy, and every link between pages
// leads to the copies, so that a list shows the new summary of an edited brief it
// lists. The pages keep the files in bodies (the files read again) in place of s's,
// and each keeps its place in Pages (Page.At).
//
// spare, when not nil, is a graph that nothing reads any more (the dev server's
// state before the last): the copy is made in its memory, its pages and lists
// overwritten, so that an edit allocates nearly nothing (a copy of 1,000 pairs is
// about 3 MB). It must not be s, nor share memory with s; a spare of another size
// is left alone.
func (s *Site) WithBodies(bodies map[*content.File]Body, spare *Site) *Site {
	next, c := s.copyInto(spare)
	byPath := make(map[string]*content.File, len(bodies))
	for f := range bodies {
		byPath[f.Path] = f
	}
	for i := range c.slab {
		if q := &c.slab[i]; q.File != nil {
			if f := byPath[q.File.Path]; f != nil {
				q.rebody(f, bodies[f])
				next.touched = append(next.touched, i)
			}
		}
	}
	return next
}

// copyInto copies the graph, into spare's memory when it fits (see WithBodies). When
// spare is the graph s was copied from, its memory already holds every page s's edit
// left as it was, linked as the copy must be: only the pages that edit touched are
// copied again (patch), which at 10,000 pairs spares copying 20,000 pages and their
// lists on every edit.
func (s *Site) copyInto(spare *Site) (*Site, *copier) {
	next := &Site{Config: s.Config, id: graphIDs.Add(1), copyOf: s.id}
	c := newCopier(s, spare, next)
	slots := s.slotList()
	patch := spare != nil && !spare.spent && spare.id != 0 && spare.id == s.copyOf && !s.extras &&
		len(spare.slab) == len(slots) && len(spare.Languages) == len(s.Languages) && len(spare.slotList()) == len(slots)
	if spare != nil {
		spare.spent = true
	}
	langs := make([]*Lang, len(s.Languages))
	for j := range langs {
		langs[j] = &Lang{}
		if spare != nil && len(spare.Languages) == len(s.Languages) {
			langs[j] = spare.Languages[j]
		}
	}
	if patch {
		c.arena = arena{} // spare's lists are still its untouched pages'
		for j, l := range s.Languages {
			// A list spare's pages may share (a home's list of every brief), copied
			// in place so that they keep sharing it.
			langs[j].Briefs = c.overwrite(langs[j].Briefs, nil, l.Briefs)
			c.share(l.Briefs, langs[j].Briefs)
		}
		next.slots = spare.slotList()
		for _, i := range s.touched {
			c.copyPage(i, slots[i])
		}
		next.Pages = next.slots
		if s.slots != nil {
			next.Pages = c.overwrite(spare.Pages, spare.slots, s.Pages)
		}
	} else {
		next.slots = c.arena.take(len(slots))
		for i, p := range slots {
			next.slots[i] = c.copyPage(i, p)
		}
		next.Pages = next.slots
		if s.slots != nil { // Pages in another order than the places
			next.Pages = c.copyList(s.Pages)
		}
	}
	for j, l := range s.Languages {
		m := langs[j]
		sections, terms, briefs := m.sections, m.terms, m.Briefs
		*m = *l
		m.Home, m.TagsPage = c.page(l.Home), c.page(l.TagsPage)
		m.Taxonomies, m.Briefs = c.list(l.Taxonomies), c.list(l.Briefs)
		if patch {
			m.Briefs = briefs
		}
		m.sections, m.terms = c.byName(l.sections, sections), c.byName(l.terms, terms)
		next.Languages = append(next.Languages, m)
	}
	for i := 0; i < len(c.extra); i++ { // pages linked to but not in Pages; c.extra grows
		c.links(c.extra[i], nil)
	}
	next.extras = len(c.extra) > 0
	next.slab, next.arena = c.slab, c.arena.chunks
	if patch {
		next.arena = spare.arena
	}
	return next, c
}

// graphIDs numbers the graphs copied, for copyInto to know a copy's spare.
var graphIDs atomic.Uint64

// copyPage copies page p, at place i, into the copy's slab, links and all, and
// returns the copy.
func (c *copier) copyPage(i int, p *Page) *Page {
	q := &c.slab[i]
	terms := q.Terms // the spare's map, overwritten below
	*q = *p
	c.links(q, terms)
	return q
}

// overwrite copies list into into, which it returns, when into is a list of the
// same length not shared with keep; else into a new list.
func (c *copier) overwrite(into, keep, list []*Page) []*Page {
	if len(into) != len(list) || len(list) == 0 || same(into, keep) {
		return c.copyList(list)
	}
	for i, p := range list {
		into[i] = c.page(p)
	}
	return into
}

// share makes the copy of list, wherever c.list meets it, the list cp.
func (c *copier) share(list, cp []*Page) {
	for i, sh := range c.shared {
		if same(sh[0], list) {
			c.shared[i][1] = cp
		}
	}
}

// rebody gives p, a copy, file f with body b, as New's fillBodies does.
func (p *Page) rebody(f *content.File, b Body) {
	p.File, p.Content, p.ContentHash = f, b.HTML, b.Hash
	p.Summary = cmp.Or(f.Front.Summary, b.Summary)
	p.Description = cmp.Or(f.Front.Description, p.Summary)
}

// copier maps the pages of a graph to their copies: a page of Pages to its place in
// slab, any other by the extra map.
type copier struct {
	from  []*Page // the pages of the graph copied, by place
	slab  []Page
	extra []*Page // copies of pages not in Pages, in the order made
	other map[*Page]*Page
	arena arena
	// shared are the lists New shares between pages (a language's Briefs, which is
	// its home's list when every brief is listed) with their copies, so that the copy
	// shares them too.
	shared [][2][]*Page
}

func newCopier(s, spare, next *Site) *copier {
	c := &copier{from: s.slotList()}
	if n := len(s.slotList()); spare != nil && len(spare.slab) == n {
		c.slab, c.arena.chunks = spare.slab, spare.arena
	} else {
		c.slab = make([]Page, n)
	}
	for _, l := range s.Languages {
		if len(l.Briefs) > 0 {
			c.shared = append(c.shared, [2][]*Page{l.Briefs, nil})
		}
	}
	return c
}

// links points q's links, copied from a page of the graph, to the copies. terms is
// a map q may fill (a spare page's, which nothing reads any more), or nil.
func (c *copier) links(q *Page, terms map[string][]*Page) {
	q.Section, q.OutdatedFrom = c.page(q.Section), c.page(q.OutdatedFrom)
	tags := q.Tags
	q.Sections, q.Pages, q.Tags = c.list(q.Sections), c.list(q.Pages), c.list(q.Tags)
	q.Translations, q.Related = c.list(q.Translations), c.list(q.Related)
	if q.Terms == nil {
		return
	}
	if len(q.Terms) == 1 && same(q.Terms[content.TagsDir], tags) && terms != nil && len(terms) == 1 {
		if _, ok := terms[content.TagsDir]; ok { // the spare's map has the one key: no clearing
			terms[content.TagsDir] = q.Tags
			q.Terms = terms
			return
		}
	}
	if terms == nil {
		terms = make(map[string][]*Page, len(q.Terms))
	} else {
		clear(terms)
	}
	for k, v := range q.Terms {
		if same(v, tags) { // Tags are the tags' Terms
			terms[k] = q.Tags
		} else {
			terms[k] = c.list(v)
		}
	}
	q.Terms = terms
}

// same reports whether a and b are the same list (not only equal).
func same(a, b []*Page) bool { return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0]) }

func (c *copier) page(p *Page) *Page {
	if p == nil {
		return nil
	}
	if i := p.at - 1; uint(i) < uint(len(c.from)) && c.from[i] == p {
		return &c.slab[i]
	}
	if q, ok := c.other[p]; ok {
		return q
	}
	if c.other == nil {
		c.other = map[*Page]*Page{}
	}
	q := new(Page) // a page linked to but not listed in Site.Pages
	*q = *p
	c.other[p] = q
	c.extra = append(c.extra, q)
	return q
}

func (c *copier) list(ps []*Page) []*Page {
	if ps == nil {
		return nil
	}
	for i, sh := range c.shared {
		if same(sh[0], ps) {
			if sh[1] == nil {
				c.shared[i][1] = c.copyList(ps)
			}
			return c.shared[i][1]
		}
	}
	return c.copyList(ps)
}

func (c *copier) copyList(ps []*Page) []*Page {
	out := c.arena.take(len(ps))
	for i, p := range ps {
		out[i] = c.page(p)
	}
	return out
}

// byName copies m's values into into (cleared; a new map when nil).
func (c *copier) byName(m, into map[string]*Page) map[string]*Page {
	if into == nil {
		into = make(map[string]*Page, len(m))
	} else {
		clear(into)
	}
	for k, p := range m {
		into[k] = c.page(p)
	}
	return into
}

// arena hands out the lists of a copy from a few large chunks, which the next copy
// into the same spare reuses.
type arena struct {
	chunks [][]*Page
	ci     int // the chunk being filled
	off    int // the next free element of chunks[ci]
}

// take returns a list of n pages (capacity n, so that an append copies it).
func (a *arena) take(n int) []*Page {
	if n == 0 {
		return []*Page{}
	}
	for a.ci < len(a.chunks) && a.off+n > len(a.chunks[a.ci]) {
		a.ci, a.off = a.ci+1, 0
	}
	if a.ci == len(a.chunks) {
		size := 1 << 10
		if len(a.chunks) > 0 {
			size = 2 * len(a.chunks[len(a.chunks)-1])
		}
		a.chunks = append(a.chunks, make([]*Page, max(n, size)))
		a.off = 0
	}
	out := a.chunks[a.ci][a.off : a.off+n : a.off+n]
	a.off += n
	return out
}
