package search

import (
	"cmp"
	"slices"
	"unicode/utf8"

	"github.com/briefs/briefs/internal/pool"
)

// Doc is one page as the index sees it: what the reader is shown in a result,
// and the text that is searched.
type Doc struct {
	URL     string   // site path with the base URL's path, as links use it
	Title   string   // the page's heading
	Section string   // the title of its section
	Date    string   // YYYY-MM-DD, for display and year filters
	Tags    []string // tag titles
	Summary string   // plain-text abstract
	// Text is the searched text besides the title: headings and body as the
	// page shows them, then summary, tags, section and date.
	Text string
}

// maxPositions bounds the positions kept per term and page: enough to find a
// phrase near the start, while a word on every line does not grow the index.
// A single CJK character keeps none: it is only looked up alone, and the pairs
// it is part of carry the phrases.
const maxPositions = 8

// titleGap separates the title's positions from the text's, so that no
// phrase spans the two.
const titleGap = 8

// posting is one page's occurrences of a term.
type posting struct {
	doc   int
	tf    int
	title bool
	pos   []int
}

// Index is the search index of one language, built once from its pages.
type Index struct {
	tok   *Tokenizer
	docs  []Doc
	lens  []int // number of terms of each page
	avg   float64
	terms map[string][]posting
}

// New indexes docs, in the order of their URLs so that the same pages always
// give the same index. Pages are read on all cores.
func New(tok *Tokenizer, docs []Doc) *Index {
	docs = slices.Clone(docs)
	slices.SortFunc(docs, func(a, b Doc) int { return cmp.Compare(a.URL, b.URL) })
	ix := &Index{tok: tok, docs: docs, lens: make([]int, len(docs)), terms: map[string][]posting{}}
	each := make([]map[string]*posting, len(docs))
	pool.Each(len(docs), func(i int) { each[i], ix.lens[i] = ix.read(i, docs[i]) })
	total := 0
	for i := range docs {
		for term, p := range each[i] {
			ix.terms[term] = append(ix.terms[term], *p) // in page order: i grows
		}
		total += ix.lens[i]
	}
	if len(docs) > 0 {
		ix.avg = float64(total) / float64(len(docs))
	}
	return ix
}

// read returns the postings of page i and its number of terms.
func (ix *Index) read(i int, d Doc) (map[string]*posting, int) {
	title := ix.tok.Index(d.Title)
	off := 0
	if len(title) > 0 {
		off = title[len(title)-1].Pos + titleGap
	}
	text := ix.tok.Index(d.Text)
	seen := map[string]*posting{}
	for k, t := range slices.Concat(title, text) {
		pos := t.Pos
		if k >= len(title) {
			pos += off
		}
		p := seen[t.Term]
		if p == nil {
			p = &posting{doc: i}
			seen[t.Term] = p
		}
		p.tf++
		p.title = p.title || k < len(title)
		if len(p.pos) < maxPositions && !oneCJK(t.Term) {
			p.pos = append(p.pos, pos)
		}
	}
	return seen, len(title) + len(text)
}

func oneCJK(term string) bool {
	r, n := utf8.DecodeRuneInString(term)
	return n == len(term) && isCJK(r)
}
