package render

import (
	"hash/maphash"

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
	num := func(n int64) {
		var b [8]byte
		for i := range b {
			b[i] = byte(n >> (8 * i))
		}
		h.Write(b[:])
	}
	brief := func(q *site.Page) {
		w(q.Path)
		w(q.Title)
		num(q.Date.UnixNano())
		w(q.Summary)
		if q.Draft {
			h.WriteByte(1)
		}
		if q.Section != nil {
			w(q.Section.Path)
			w(q.Section.Title)
		}
	}
	brief(p)
	num(int64(p.ContentHash))
	num(p.Lastmod.UnixNano())
	num(int64(len(p.Pages)))
	for _, s := range []string{p.Description, p.Source, p.Editor} {
		w(s)
	}
	for sec := p.Section; sec != nil; sec = sec.Section {
		w(sec.Path)
		w(sec.Title)
	}
	for _, list := range [][]*site.Page{p.Tags, p.Translations, p.Related, p.Sections} {
		for _, q := range list {
			w(q.Lang.Code)
			brief(q)
			num(int64(len(q.Pages)))
		}
		w("\x02")
	}
	for _, l := range p.Missing {
		w(l.Code)
	}
	if p.OutdatedFrom != nil {
		w(p.OutdatedFrom.Path)
	}
	d := r.data(p, n)
	if d.Pager != nil {
		num(int64(d.Pager.Total))
		for _, q := range d.Pager.Pages {
			brief(q)
		}
	}
	for _, e := range d.Switch {
		w(e.Path)
	}
	l := d.Lang
	w(l.TagsPage.Title)
	for _, sec := range l.Home.Sections {
		w(sec.Path)
		w(sec.Title)
		num(int64(len(sec.Pages)))
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
