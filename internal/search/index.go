package search

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/briefs/briefs/internal/pool"
)

// postingsPerShard is about how many (term, page) pairs a shard holds: a
// query fetches one shard per term, so shards stay small (a few KB), and the
// number of shards grows with the site. It is rounded so that the count of
// shards, a power of two, changes only when a site doubles or halves: an edit
// then leaves every other term in its shard.
const postingsPerShard = 2048

// maxPrefixWords bounds the words listed under one prefix.
const maxPrefixWords = 200

// Index is the search index of one language: its pages, numbered in URL
// order, and their terms in shards, encoded as the files are written. An
// Index is not changed once made; Update makes a new one.
type Index struct {
	tok     *Tokenizer
	pages   []*Page
	lens    []byte  // each page's length class (lengthClass)
	avg     float64 // the mean length of the pages, as the classes give them
	shards  [][]byte
	records [][]byte // each page's result record (JSON)
	facets  []byte
	// lists and extras are the shards before encoding, which Update patches.
	lists  []map[string]*postingsBuf
	extras []map[string][]byte
}

// plist is one term's postings, decoded.
type plist struct {
	docs []uint32
	tf   []uint32
	npos []uint8
	pos  []uint32
	// start is where each page's positions start in pos.
	start []int
}

// postingsBuf is one term's postings as they are written, while a shard is
// put together: see encodeShard.
type postingsBuf struct {
	data []byte
	df   int
	last uint32 // the last page number written
}

// New reads docs on all cores and indexes them.
func New(tok *Tokenizer, docs []Doc) *Index {
	pages := make([]*Page, len(docs))
	pool.Each(len(docs), func(i int) { pages[i] = tok.Prepare(docs[i]) })
	return Build(tok, pages)
}

// Build puts pages read by Prepare together into an index, in the order of
// their URLs, so that the same pages always give the same index. The work is
// spread over all cores by shard.
func Build(tok *Tokenizer, pages []*Page) *Index {
	pages = slices.Clone(pages)
	slices.SortFunc(pages, func(a, b *Page) int { return cmp.Compare(a.URL, b.URL) })
	return assemble(tok, pages, nil, false)
}

// Update returns the index of pages, reusing what prev holds of the pages
// that are the same (the same *Page) at the same place: the dev server reads
// again only the pages an edit changed and calls Update with the others as
// they were. The result is the same as Build's with the same pages; prev
// may be nil. When the pages are the same ones but a few (the same URLs),
// only the postings of the changed pages' terms are written again.
func Update(tok *Tokenizer, prev *Index, pages []*Page) *Index {
	pages = slices.Clone(pages)
	slices.SortFunc(pages, func(a, b *Page) int { return cmp.Compare(a.URL, b.URL) })
	if prev == nil || len(prev.pages) != len(pages) || prev.tok != tok {
		return assemble(tok, pages, nil, true)
	}
	if ix := patch(prev, pages); ix != nil {
		return ix
	}
	return assemble(tok, pages, prev, true)
}

// assemble makes the index of pages, in their order. Records of pages that
// prev has at the same place are taken from it. Unless keep, each shard's
// postings are let go once it is encoded, and the index cannot be patched:
// a one-shot build then holds half as much at its peak.
func assemble(tok *Tokenizer, pages []*Page, prev *Index, keep bool) *Index {
	ix, total := pageData(tok, pages, prev)
	n := shardCount(total)
	ix.lists = make([]map[string]*postingsBuf, n)
	groups := min(n, runtime.GOMAXPROCS(0)) // each group reads every page: few groups
	pool.Each(groups, func(g int) { ix.group(ix.lists, g, groups) })
	ix.extras = prefixLists(ix.lists)
	ix.shards = make([][]byte, n)
	pool.Each(n, func(s int) {
		ix.shards[s] = encodeShard(ix.lists[s], ix.extras[s])
		if !keep {
			ix.lists[s] = nil
		}
	})
	if !keep {
		ix.lists = nil
	}
	return ix
}

// pageData starts the index of pages with what is kept per page: lengths,
// records (those of prev's same pages reused) and facets. It also returns the
// number of postings.
func pageData(tok *Tokenizer, pages []*Page, prev *Index) (*Index, int) {
	ix := &Index{tok: tok, pages: pages, lens: make([]byte, len(pages)), records: make([][]byte, len(pages))}
	total, sum := 0, 0.0
	for i, p := range pages {
		total += len(p.termEnd)
		ix.lens[i] = lengthClass(p.length)
		sum += classLength(ix.lens[i])
	}
	if len(pages) > 0 {
		ix.avg = sum / float64(len(pages))
	}
	pool.Each(len(pages), func(i int) {
		if prev != nil && prev.pages[i] == pages[i] {
			ix.records[i] = prev.records[i]
		} else {
			ix.records[i] = pages[i].record()
		}
	})
	ix.facets = facetList(pages)
	return ix, total
}

// shardCount is the number of shards for total postings: a power of two.
func shardCount(total int) int {
	n := 1
	for n*postingsPerShard < total {
		n *= 2
	}
	return n
}

// group gathers the postings of the shards s with s % groups == g, reading
// every page in order, so that each list is in page order.
func (ix *Index) group(lists []map[string]*postingsBuf, g, groups int) {
	n := uint32(len(lists))
	for s := g; s < len(lists); s += groups {
		lists[s] = map[string]*postingsBuf{}
	}
	for id, p := range ix.pages {
		at := 0
		for k := range p.termEnd {
			np := int(p.npos[k])
			if s := p.hash[k] % n; int(s)%groups == g {
				term := p.term(k)
				l := lists[s][string(term)]
				if l == nil {
					l = &postingsBuf{}
					lists[s][string(term)] = l
				}
				l.add(uint32(id), p.tf[k], p.pos[at:at+np])
			}
			at += np
		}
	}
}

// prefixLists makes the prefix entries: for every word of three letters or
// more, "<" and its first three letters lead to the words that start with
// them, most frequent first, so that a query's last word can be read as the
// start of a word. It returns each shard's entries.
func prefixLists(lists []map[string]*postingsBuf) []map[string][]byte {
	type word struct {
		w  string
		df int
	}
	byPrefix := map[string][]word{}
	for _, m := range lists {
		for term, l := range m {
			if pre, ok := prefixKey(term); ok {
				byPrefix[pre] = append(byPrefix[pre], word{term, l.df})
			}
		}
	}
	extras := make([]map[string][]byte, len(lists))
	for pre, ws := range byPrefix {
		slices.SortFunc(ws, func(a, b word) int { return cmp.Or(cmp.Compare(b.df, a.df), strings.Compare(a.w, b.w)) })
		var names []string
		for _, w := range ws[:min(len(ws), maxPrefixWords)] {
			names = append(names, w.w)
		}
		s := termHash(pre) % uint32(len(lists))
		if extras[s] == nil {
			extras[s] = map[string][]byte{}
		}
		extras[s][pre] = []byte(strings.Join(names, "\n"))
	}
	return extras
}

// prefixKey is the prefix entry of a word term of three letters or more.
func prefixKey(term string) (string, bool) {
	r, _ := utf8.DecodeRuneInString(term)
	if utf8.RuneCountInString(term) < 3 || isCJK(r) || !isWordRune(r) || isDigit(r) || strings.ContainsRune(term, ' ') {
		return "", false
	}
	return "<" + clip(term, 3), true
}

// lengthClass stores a page's length in one byte: 8 × log2(length+1),
// rounded, which keeps lengths within 5% of each other.
func lengthClass(n int) byte {
	return byte(min(255, math.Round(8*math.Log2(float64(n)+1))))
}

// classLength is the length a class stands for; search.js computes the same.
func classLength(c byte) float64 { return math.Exp2(float64(c)/8) - 1 }
