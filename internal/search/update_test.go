package search

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestUpdateMatchesBuild edits a few pages at a time, as the dev server does,
// and compares the patched index with one built from scratch, file by file.
func TestUpdateMatchesBuild(t *testing.T) {
	tok := newTestTokenizer()
	r := rand.New(rand.NewPCG(3, 4))
	words := []string{"营商环境", "诈骗", "企业", "fraud", "cases", "business", "7.9亿元", "790 million yuan", "法治", "environment", "policy", "policies", "数字经济"}
	text := func() string {
		var b strings.Builder
		for range 5 + r.IntN(40) {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteString(" ")
		}
		return b.String()
	}
	doc := func(i int) Doc {
		return Doc{URL: fmt.Sprintf("/p/%03d/", i), Title: text(), Section: []string{"a", "b"}[i%2], Date: fmt.Sprintf("202%d-01-01", i%3),
			Tags: []string{words[i%len(words)]}, Text: text()}
	}
	pages := make([]*Page, 300)
	for i := range pages {
		pages[i] = tok.Prepare(doc(i))
	}
	ix := Update(tok, nil, pages)
	for round := range 20 {
		pages = slices.Clone(pages)
		for range 1 + r.IntN(3) {
			i := r.IntN(len(pages))
			d := doc(i)
			if round%5 == 0 {
				d.Text = "独一无二 unique" + fmt.Sprint(round) // terms that no other page has
			}
			pages[i] = tok.Prepare(d)
		}
		if patch(ix, pages) == nil { // pages are in URL order already
			t.Fatalf("round %d: not patched", round)
		}
		next := Update(tok, ix, pages)
		want := Build(tok, pages)
		a, b := next.Files("s"), want.Files("s")
		if len(a) != len(b) {
			t.Fatalf("round %d: %d files, want %d", round, len(a), len(b))
		}
		for k := range a {
			if a[k].Name != b[k].Name || !bytes.Equal(a[k].Data, b[k].Data) {
				t.Fatalf("round %d: %s differs from a full build's %s", round, a[k].Name, b[k].Name)
			}
		}
		ix = next
	}
}
