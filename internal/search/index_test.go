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

// TestTermSpans: the spans give each page's terms of each part as the page
// holds them.
func TestTermSpans(t *testing.T) {
	tok := newTestTokenizer()
	var pages []*Page
	for _, d := range corpusDocs(20) {
		pages = append(pages, tok.Prepare(d))
	}
	pages = append(pages, tok.Prepare(Doc{URL: "/empty/"}))
	sp := newTermSpans(pages)
	for i, p := range pages {
		for part := range 1 << dictBits {
			got := sp.posts[i][sp.at[part][i]:sp.at[part+1][i]]
			if want := p.post[p.parts[part]:p.parts[part+1]]; string(got) != string(want) {
				t.Fatalf("page %d, part %d: %x, want %x", i, part, got, want)
			}
		}
	}
}
