package render

import (
	"testing"

	"github.com/briefs/briefs/internal/site"
)

// TestForEditKeepsDigests: after front-matter edits (a title, a date), the renderer
// ForEdit makes, told the places of the pages the edit changed, gives every page of
// the copy the digest a fresh renderer finds, and kept most of them from the last.
func TestForEditKeepsDigests(t *testing.T) {
	edits := map[string]func(*site.Page, *site.Edit){
		"title": func(_ *site.Page, e *site.Edit) { e.New.Front.Title = "A title of its own" },
		"date":  func(q *site.Page, e *site.Edit) { e.New.Front.Date = q.Date.AddDate(0, 2, 0) },
		"summary": func(_ *site.Page, e *site.Edit) {
			e.New.Front.Summary = "A summary of its own"
		},
	}
	for name, edit := range edits {
		s := randomTagSite(t)
		r := &Renderer{site: s, cfg: s.Config, layouts: &layouts{frags: newFragments()}, tags: newTagCounts()}
		for _, p := range s.Pages {
			r.digest(p)
		}
		q := s.Lang("en").Briefs[3]
		f := *q.File
		e := site.Edit{Old: q.File, New: &f, Body: site.Body{HTML: q.Content, Hash: q.ContentHash, Summary: q.Summary}}
		edit(q, &e)
		next, changed := s.WithFront([]site.Edit{e}, nil)
		if next == nil {
			t.Fatalf("%s: WithFront refused the edit", name)
		}
		var stale []int
		for _, p := range changed {
			stale = append(stale, p.At())
		}
		nr := r.ForEdit(next, stale)
		kept := 0
		for i := range nr.digests {
			if nr.digests[i].Load() != 0 {
				kept++
			}
		}
		for _, p := range next.Pages {
			if got, want := nr.digest(p), max(digestOf(p), 1); got != want {
				t.Errorf("%s: %s: digest %x, a fresh one %x", name, p.Path, got, want)
			}
		}
		if kept < len(next.Pages)*3/4 {
			t.Errorf("%s: kept %d digests of %d pages", name, kept, len(next.Pages))
		}
		if nr.digest(next.Page(q.At())) == r.digest(q) {
			t.Errorf("%s: the edited brief's digest is the same", name)
		}
	}
}
