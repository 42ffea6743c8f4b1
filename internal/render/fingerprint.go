package render

import (
	"hash/fnv"
	"io"
	"strconv"

	"github.com/briefs/briefs/internal/site"
)

// Fingerprint summarises everything page n of p shows with the default theme's data:
// its own fields, the briefs it lists, its links and the navigation. The dev server
// compares fingerprints before and after an edit and re-renders only the pages whose
// fingerprint changed, so editing one brief re-renders that brief and the few lists
// that show it, not the whole site. A layout that reaches further (say, every page of
// .Site) is still rendered correctly by a full build and on any layout change.
func (r *Renderer) Fingerprint(p *site.Page, n int) uint64 {
	h := fnv.New64a()
	w := func(s string) { io.WriteString(h, s); h.Write([]byte{0}) }
	brief := func(q *site.Page) {
		w(q.Path)
		w(q.Title)
		w(q.Date.String())
		w(q.Summary)
		w(strconv.FormatBool(q.Draft))
		if q.Section != nil {
			w(q.Section.Path)
			w(q.Section.Title)
		}
	}
	brief(p)
	w(strconv.FormatUint(p.ContentHash, 16))
	for _, s := range []string{p.Description, p.Source, p.Editor, p.Lastmod.String(), strconv.Itoa(len(p.Pages))} {
		w(s)
	}
	for sec := p.Section; sec != nil; sec = sec.Section {
		w(sec.Path + "\x01" + sec.Title)
	}
	for _, list := range [][]*site.Page{p.Tags, p.Translations, p.Related, p.Sections} {
		for _, q := range list {
			w(q.Lang.Code)
			brief(q)
			w(strconv.Itoa(len(q.Pages)))
		}
		w("\x02")
	}
	for _, l := range p.Missing {
		w(l.Code)
	}
	d := r.data(p, n)
	if d.Pager != nil {
		w(strconv.Itoa(d.Pager.Total))
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
		w(sec.Path + "\x01" + sec.Title + "\x01" + strconv.Itoa(len(sec.Pages)))
	}
	return h.Sum64()
}
