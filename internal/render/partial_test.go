package render

import (
	"html/template"
	"sync"
	"testing"

	"github.com/briefs/briefs/internal/config"

	"github.com/briefs/briefs/internal/site"
)

// TestVariantKey checks that equal variants give equal keys and different ones
// different keys, whatever their types, and that no variant makes a key that cannot
// be hashed.
func TestVariantKey(t *testing.T) {
	p, q := &site.Page{Path: "zh/a/"}, &site.Page{Path: "zh/a/"}
	s1, s2 := []int{1, 2}, []int{1, 2}
	same := [][2][]any{
		{nil, {}},
		{{p}, {p}},
		{{"x"}, {"x"}},
		{{1}, {1}},
		{{"x", 1, true}, {"x", 1, true}},
		{{s1}, {s1}},
		{{nil}, {}},
	}
	for _, c := range same {
		if variantKey(c[0]) != variantKey(c[1]) {
			t.Errorf("variants %v and %v have different keys", c[0], c[1])
		}
	}
	different := [][2][]any{
		{{p}, {q}},
		{{"1"}, {1}},
		{{"x"}, {"x", "y"}},
		{{"\x00sx"}, {"x"}},
		{{s1}, {s2}},
		{{true}, {"true"}},
		{{struct{ A any }{[]int{1}}}, {struct{ A any }{[]int{2}}}},
	}
	for _, c := range different {
		if variantKey(c[0]) == variantKey(c[1]) {
			t.Errorf("variants %v and %v have the same key %q", c[0], c[1], variantKey(c[0]))
		}
	}
}

// TestPartialCachedConcurrent makes pages with different dots miss the cache at once,
// which the build does on every core: every one must get the same fragment. When each
// stored its own, a page could show another page's fragment than its neighbours (12
// of 900 runs of the build's TestPartialCached failed).
func TestPartialCachedConcurrent(t *testing.T) {
	const n = 8
	var arrived sync.WaitGroup
	arrived.Add(n)
	barrier := func() string { arrived.Done(); arrived.Wait(); return "" }
	master := template.Must(template.New("").Funcs(placeholderFuncs()).Funcs(template.FuncMap{"wait": barrier}).
		Parse(`{{define "partials/p.html"}}{{wait}}{{.}}{{end}}`))
	ls := &layouts{frags: newFragments()}
	nest, err := newNesting(master, &langFuncs{lang: &config.Language{Code: "zh"}, frags: ls.frags}, ls)
	if err != nil {
		t.Fatal(err)
	}
	f := nest.funcs
	f.nest = nest
	got := make([]template.HTML, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			h, err := f.partialCached("partials/p.html", i)
			if err != nil {
				t.Error(err)
			}
			got[i] = h
		})
	}
	wg.Wait()
	for i := range got {
		if got[i] != got[0] {
			t.Fatalf("pages got different fragments: %q", got)
		}
	}
}
