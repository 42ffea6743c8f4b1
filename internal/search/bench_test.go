package search

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/briefs/briefs/internal/pool"
	"github.com/briefs/briefs/internal/testcorpus"
)

// corpusDocs are the Chinese briefs of a generated corpus of n pairs, their
// Markdown standing in for the text.
func corpusDocs(n int) []Doc {
	var docs []Doc
	for name, data := range testcorpus.Files(testcorpus.Options{N: n, Seed: 1}) {
		if strings.HasSuffix(name, ".zh.md") && !strings.Contains(name, "_index") {
			docs = append(docs, Doc{URL: name, Title: name, Section: "s", Date: "2024-01-01", Text: string(data)})
		}
	}
	slices.SortFunc(docs, func(a, b Doc) int { return strings.Compare(a.URL, b.URL) })
	return docs
}

// preparedPages reads docs for the index.
func preparedPages(tok *Tokenizer, docs []Doc) []*Page {
	pages := make([]*Page, len(docs))
	pool.Each(len(docs), func(i int) { pages[i] = tok.Prepare(docs[i]) })
	return pages
}

// BenchmarkSearchIndex measures, at 1,000 pairs (2,000 with
// BRIEFS_BENCH_LARGE=1), reading the Chinese briefs, putting the index
// together, and the dev server's update after a body edit.
func BenchmarkSearchIndex(b *testing.B) {
	n := 1000
	if os.Getenv("BRIEFS_BENCH_LARGE") == "1" {
		n = 2000
	}
	tok := newTestTokenizer()
	docs := corpusDocs(n)
	pages := preparedPages(tok, docs)
	b.Run("prepare", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			pool.Each(len(docs), func(i int) { tok.Prepare(docs[i]) })
		}
	})
	b.Run("build", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Build(tok, pages)
		}
	})
	b.Run("update", func(b *testing.B) {
		ix := Update(tok, nil, pages)
		i := 0
		for b.Loop() {
			i++
			next := slices.Clone(pages)
			d := pages[7].Doc
			d.Text = docs[7].Text + fmt.Sprintf("\n再加一行，第%d行。", i)
			next[7] = tok.Prepare(d)
			ix = Update(tok, ix, next)
		}
	})
}
