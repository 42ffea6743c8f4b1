package search

import (
	"slices"
	"testing"
)

// TestSortItems checks sortItems against bytes.Compare, with terms that share
// their first 8 bytes, end in zero bytes, or are prefixes of each other.
func TestSortItems(t *testing.T) {
	terms := []string{"", "a", "a\x00", "a\x00b", "ab", "abcdefgh", "abcdefghi", "abcdefgh\x00", "abcdefga",
		"营商", "营商环境", "商环", "#790000000:yuan", "#790000000", "<fra", "> s 要闻", "z", "\xff\xff"}
	items := make([]shardItem, len(terms))
	for i, term := range slices.Backward(terms) {
		items[len(terms)-1-i] = shardItem{term: []byte(term), id: uint32(i)}
	}
	sortItems(items)
	want := slices.Clone(terms)
	slices.Sort(want)
	for i, it := range items {
		if string(it.term) != want[i] {
			t.Fatalf("place %d: %q, want %q", i, it.term, want[i])
		}
	}
}
