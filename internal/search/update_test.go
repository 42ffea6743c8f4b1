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

// editCorpus is 400 documents of 60 words each, from 3,000, for tests of
// what Update writes again: enough postings for 8 shards.
func editCorpus() []Doc {
	word := func(n int) string { // letters only, so that each is one term
		w := []byte("zq")
		for ; n > 0; n /= 26 {
			w = append(w, byte('a'+n%26))
		}
		return string(w)
	}
	docs := make([]Doc, 400)
	for i := range docs {
		var text strings.Builder
		for k := range 60 {
			text.WriteString(word((i*13+k*7)%3000) + " ")
		}
		docs[i] = Doc{URL: fmt.Sprintf("/p/%03d/", i), Title: "title " + word(i),
			Section: "s", Date: "2024-01-01", Tags: []string{"t"}, Text: text.String()}
	}
	return docs
}

// TestUpdateTitleEdit: a title edit changes the entries of the title's terms
// only, whether or not it keeps the title's number of terms; the shards of
// the page's other terms stay the same bytes, and so do the files of the
// other pages' records, which are not hashed or put together again. The
// files are a full build's.
func TestUpdateTitleEdit(t *testing.T) {
	tok := newTestTokenizer()
	docs := editCorpus()
	pages := make([]*Page, len(docs))
	for i, d := range docs {
		pages[i] = tok.Prepare(d)
	}
	ix := Update(tok, nil, pages)
	if again := Update(tok, ix, slices.Clone(pages)); again != ix {
		t.Error("the same pages made a new index")
	}
	d := docs[10]
	d.Title = "title enterprise" // one word for another
	pages = slices.Clone(pages)
	pages[10] = tok.Prepare(d)
	next := Update(tok, ix, pages)
	var shards []int
	for k := range next.shards {
		if !same(next.shards[k], ix.shards[k]) {
			shards = append(shards, k)
		}
	}
	if len(next.shards) < 8 {
		t.Fatalf("%d shards: too few to tell", len(next.shards))
	}
	if len(shards) == 0 || len(shards) > 4 { // the old word's, the new word's, their prefix entries
		t.Errorf("shards written again: %v of %d; want those of the two title words", shards, len(next.shards))
	}
	for k := range next.set.records {
		if k != 10/next.set.per && !same(next.set.records[k], ix.set.records[k]) {
			t.Errorf("record file %d put together again; only %d holds the edited page", k, 10/next.set.per)
		}
	}
	if next.set.dir == ix.set.dir {
		t.Error("the folder kept its name after an edit")
	}
	sameFiles(t, "title edit", next, Build(tok, pages))
	// A title with one more term leaves the text's positions where they were
	// (textStart): only the shards of the new term and its prefix change.
	d.Title = "title enterprise zqzz"
	pages = slices.Clone(pages)
	pages[10] = tok.Prepare(d)
	after := Update(tok, next, pages)
	shards = shards[:0]
	for k := range after.shards {
		if !same(after.shards[k], next.shards[k]) {
			shards = append(shards, k)
		}
	}
	if len(shards) == 0 || len(shards) > 2 {
		t.Errorf("longer title: shards written again: %v of %d; want those of the new word", shards, len(after.shards))
	}
	sameFiles(t, "longer title", after, Build(tok, pages))
}

// sameFiles fails unless a's files are b's, names and bytes.
func sameFiles(t *testing.T, step string, a, b *Index) {
	t.Helper()
	fa, fb := a.Files("s"), b.Files("s")
	if len(fa) != len(fb) {
		t.Fatalf("%s: %d files, want %d", step, len(fa), len(fb))
	}
	for k := range fa {
		if fa[k].Name != fb[k].Name || !bytes.Equal(fa[k].Data, fb[k].Data) {
			t.Fatalf("%s: %s differs from a full build's %s", step, fa[k].Name, fb[k].Name)
		}
	}
}
