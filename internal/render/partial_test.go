package render

import (
	"testing"

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
