package render

import (
	"testing"

	"github.com/briefs/briefs/internal/site"
)

// TestForEditKeepsTagCounts: a renderer's matches of tag pages are the reference's
// (matchingTagByMap), and the renderer ForEdit makes keeps what was counted, except
// for the pages at the places it is told are stale, and matches the same.
func TestForEditKeepsTagCounts(t *testing.T) {
	s := randomTagSite(t)
	r := &Renderer{site: s, cfg: s.Config, layouts: &layouts{frags: newFragments()}, tags: newTagCounts()}
	count := func(tag *site.Page, lang string) int { return translated(tag.Pages, lang) }
	var tags []*site.Page
	for _, p := range s.Pages {
		if p.Kind == site.KindTag {
			tags = append(tags, p)
		}
	}
	check := func(r *Renderer, step string) {
		for _, p := range tags {
			for _, lang := range []string{"zh", "en"} {
				if got, want := r.matchingTag(p, lang), matchingTagByMap(p, lang, count); got != want {
					t.Errorf("%s: %s in %s: matched %v, the maps %v", step, p.Path, lang, got, want)
				}
			}
		}
	}
	check(r, "counted")
	stale := tags[0].At()
	next := r.ForEdit(s, []int{stale})
	for k := range r.tags.cands {
		if _, kept := next.tags.cands[k]; kept == (k.at == stale) {
			t.Errorf("the candidates of %v kept: %v", k, kept)
		}
	}
	if len(next.tags.counts) == 0 || len(next.tags.counts) >= len(r.tags.counts) {
		t.Errorf("kept %d counts of %d, want all but the stale page's", len(next.tags.counts), len(r.tags.counts))
	}
	check(next, "kept")
}
