package search

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestPatchFacets: facets patched after random edits to pages' sections, tags and
// dates are facetList's bytes for the pages after, every edit one after another,
// facets emptied and new ones met included.
func TestPatchFacets(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	doc := func() Doc {
		d := Doc{Section: []string{"", "法治", "经济"}[rng.IntN(3)], Date: []string{"", fmt.Sprintf("20%02d-01-02", 10+rng.IntN(6))}[min(1, rng.IntN(5))]}
		for range rng.IntN(4) {
			d.Tags = append(d.Tags, fmt.Sprintf("标签%d", rng.IntN(9)))
		}
		return d
	}
	pages := make([]*Page, 12)
	for i := range pages {
		pages[i] = &Page{Doc: doc()}
	}
	facets := facetList(pages)
	for step := range 60 {
		next := append([]*Page(nil), pages...)
		var was, now []*Page
		for range 1 + rng.IntN(2) {
			i := rng.IntN(len(pages))
			if containsPage(was, pages[i]) {
				continue
			}
			was, next[i] = append(was, pages[i]), &Page{Doc: doc()}
			now = append(now, next[i])
		}
		got, ok := patchFacets(facets, was, now)
		if want := facetList(next); !ok || string(got) != string(want) {
			t.Fatalf("step %d: patched %s (ok %v), want %s", step, got, ok, want)
		}
		pages, facets = next, got
	}
	if _, ok := patchFacets([]byte(`{"tags":[[1,"x"]]}`), nil, nil); ok {
		t.Error("facets not as facetList writes them were patched")
	}
}

func containsPage(list []*Page, p *Page) bool {
	for _, q := range list {
		if q == p {
			return true
		}
	}
	return false
}
