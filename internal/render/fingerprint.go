package render

import (
	"encoding/binary"
	"hash/maphash"
	"sync/atomic"

	"github.com/briefs/briefs/internal/site"
)

// seed keys fingerprints; they are only ever compared within one process.
var seed = maphash.MakeSeed()

// Fingerprint summarises everything page n of p shows with the default theme's data:
// its own fields, the briefs it lists, its links and the navigation. The dev server
// compares fingerprints before and after an edit and re-renders only the pages whose
// fingerprint changed, so editing one brief re-renders that brief and the few lists
// that show it, not the whole site. A layout that reaches further (say, every page of
// .Site) is still rendered correctly by a full build and on any layout change.
func (r *Renderer) Fingerprint(p *site.Page, n int) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	w := func(s string) { h.WriteString(s); h.WriteByte(0) }
	num := func(n uint64) { writeUint(&h, n) }
	num(r.digest(p))
	num(p.ContentHash)
	num(uint64(p.Lastmod.UnixNano()))
	num(uint64(len(p.Pages)))
	for _, s := range []string{p.Description, p.Source, p.Editor} {
		w(s)
	}
	for sec := p.Section; sec != nil; sec = sec.Section {
		w(sec.Path)
		w(sec.LinkTitle())
	}
	for _, list := range [][]string{p.Keywords, p.Images} {
		for _, s := range list {
			w(s)
		}
		w("\x02")
	}
	for _, q := range p.Tags { // a brief shows its tags, not how many briefs each has
		num(r.digest(q))
	}
	w("\x02")
	for _, list := range [][]*site.Page{p.Translations, p.Related, p.Sections} {
		for _, q := range list {
			w(q.Lang.Code)
			num(r.digest(q))
			num(uint64(len(q.Pages)))
		}
		w("\x02")
	}
	for _, l := range p.Missing {
		w(l.Code)
	}
	if p.OutdatedFrom != nil {
		w(p.OutdatedFrom.Path)
	}
	if pg := r.pager(p, n); pg != nil {
		num(uint64(pg.Total))
		for _, q := range pg.Pages {
			num(r.digest(q))
		}
	}
	if l := r.site.Lang(p.Lang.Code); l != nil {
		w(advertisedFeed(p, l.Home)) // outputs may take a feed away
	}
	for _, e := range r.switchOf(p) { // computed once per page, not per pager
		w(e.Path)
	}
	num(r.navDigest(p.Lang.Code))
	return h.Sum64()
}

// navDigest hashes the navigation every page of a language shows: the sections with
// their titles and counts, the tags page's title, where the search page is, and the
// main menu. Computed once per renderer
// rather than once per output.
func (r *Renderer) navDigest(code string) uint64 {
	r.digestsOnce.Do(r.computeDigests)
	return r.navDigests[code]
}

func navDigestOf(l *site.Lang) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	w := func(s string) { h.WriteString(s); h.WriteByte(0) }
	for _, tax := range l.Taxonomies {
		w(tax.Title)
	}
	w(l.SearchPath()) // the header's search form
	var menu func([]*site.MenuItem)
	menu = func(items []*site.MenuItem) {
		for _, m := range items {
			w(m.Href)
			w(m.Name)
			w(m.Title)
			w(m.Key())
			menu(m.Children)
			w("\x02")
		}
	}
	menu(l.MainMenu)
	for _, sec := range l.Home.Sections {
		w(sec.Path)
		w(sec.LinkTitle())
		writeUint(&h, uint64(len(sec.Pages)))
	}
	return h.Sum64()
}

// digest hashes what a page shows of itself wherever it is listed or linked: its
// address, title, date, summary, draft badge and section. Lists, related briefs and
// translations hash these eight bytes instead of the strings, which made fingerprinting
// 10,000 pairs after an edit about three times cheaper. Digests are computed once per
// renderer, that is per version of the site, and only for the pages a fingerprint
// asks for: after an edit the dev server fingerprints a few outputs, and hashing
// every page of 10,000 pairs for them took longer than the rest of the update.
func (r *Renderer) digest(q *site.Page) uint64 {
	r.digestsOnce.Do(r.computeDigests)
	i := q.At()
	if i < 0 || i >= len(r.digests) || r.site.Page(i) != q {
		return digestOf(q) // a page outside the graph, such as the 404 page
	}
	if d := r.digests[i].Load(); d != 0 {
		return d
	}
	d := max(digestOf(q), 1) // 0 is "not yet"
	r.digests[i].Store(d)
	return d
}

// computeDigests makes room for the digests of every page, and computes navDigests
// for every language.
func (r *Renderer) computeDigests() {
	r.digests = make([]atomic.Uint64, len(r.site.Pages))
	r.navDigests = map[string]uint64{}
	for _, l := range r.site.Languages {
		r.navDigests[l.Code] = navDigestOf(l)
	}
}

// keepDigests gives next, the renderer of a copy of r's graph with every page at its
// place, the digests r found of the pages that show themselves as before: those not
// at places stale (the pages the edit changed) whose section has the same address
// and title. After a tag edit at 10,000 pairs, finding them again cost about 4 ms
// of CPU: the fingerprint of each output that shows the edit hashes the digests of
// the briefs its pager lists and of its related briefs and translations.
func (r *Renderer) keepDigests(next *Renderer, stale []int) {
	r.digestsOnce.Do(r.computeDigests)
	next.digestsOnce.Do(next.computeDigests)
	if len(r.digests) != len(next.digests) {
		return
	}
	skip := make([]bool, len(r.digests))
	for _, at := range stale {
		if at >= 0 && at < len(skip) {
			skip[at] = true
		}
	}
	for i := range r.digests {
		d := r.digests[i].Load()
		if d == 0 || skip[i] {
			continue
		}
		if old, p := r.site.Page(i), next.site.Page(i); old != nil && p != nil && old.Path == p.Path && sameSection(old, p) {
			next.digests[i].Store(d)
		}
	}
}

// sameSection reports whether pages a and b are in sections of the same address
// and title, as digestOf hashes them.
func sameSection(a, b *site.Page) bool {
	if a.Section == nil || b.Section == nil {
		return a.Section == b.Section
	}
	return a.Section.Path == b.Section.Path && a.Section.LinkTitle() == b.Section.LinkTitle()
}

func digestOf(q *site.Page) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	w := func(s string) { h.WriteString(s); h.WriteByte(0) }
	w(q.Path)
	w(q.Kind.String()) // a brief that becomes the search page (layout = "search") shows another layout
	w(q.Title)
	w(q.LinkTitle())
	w(q.Date.String())
	w(q.Summary)
	if q.Draft {
		h.WriteByte(1)
	}
	if q.Section != nil {
		w(q.Section.Path)
		w(q.Section.LinkTitle())
	}
	return h.Sum64()
}

// FeedFingerprint summarises what p's feed shows: its title and its newest briefs.
func (r *Renderer) FeedFingerprint(p *site.Page) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	for _, s := range []string{p.Path, r.Heading(p), p.Description} {
		h.WriteString(s)
		h.WriteByte(0)
	}
	for _, b := range p.Pages[:min(r.cfg.FeedSize, len(p.Pages))] {
		for _, s := range []string{b.Path, b.Title, b.Summary, b.Date.String(), b.Lastmod.String()} {
			h.WriteString(s)
			h.WriteByte(0)
		}
		for _, t := range b.Tags {
			h.WriteString(t.Title)
			h.WriteByte(0)
		}
	}
	return h.Sum64()
}

// writeUint hashes n as eight bytes.
func writeUint(h *maphash.Hash, n uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], n)
	h.Write(b[:])
}
