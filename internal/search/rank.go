package search

import (
	"cmp"
	"math"
	"slices"
	"unicode/utf8"
)

// The ranking constants; search.js uses the same.
const (
	k1          = 1.2 // how fast repeated terms stop adding to the score
	b           = 0.75
	titleBonus  = 1.0 // added, times the term's idf, when the term is in the title
	phraseBonus = 2.0 // added, times the pair's mean idf, when two query terms stand together as in the query
)

// Result is one page found, with its score.
type Result struct {
	Doc   Doc
	Score float64
}

// Filters keep only the pages of a section, a tag or a year (YYYY); empty
// fields keep all.
type Filters struct {
	Section, Tag, Year string
}

// terms are the facet terms of f.
func (f Filters) terms() []string {
	var t []string
	for _, kv := range [][2]string{{facetSection, f.Section}, {facetTag, f.Tag}, {facetYear, f.Year}} {
		if kv[1] != "" {
			t = append(t, kv[0]+kv[1])
		}
	}
	return t
}

// Search returns the pages holding every term of the query, and passing the
// filters, best first: BM25 over the terms, plus bonuses for terms in the
// title and for neighbouring query terms found next to each other (for
// Chinese pairs of characters, that is the exact phrase). Equal scores keep
// the index order. It reads the encoded shards, as search.js does, and ranks
// as search.js does, but without reading the last word as a prefix.
func (ix *Index) Search(query string, f Filters) []Result {
	q := ix.tok.Query(query)
	if len(q) == 0 {
		return nil
	}
	lists := make([]map[uint32]int, len(q))
	ps := make([]*plist, len(q))
	bridges := make([]map[uint32]int, len(q)) // bridges[i]: the pages of the pair that bridges q[i-1] and q[i]
	for i, t := range q {
		ps[i] = ix.postings(t.Term)
		lists[i] = index(ps[i])
		if br, ok := bridge(q, i); ok {
			bridges[i] = index(ix.postings(br))
		}
	}
	for _, t := range f.terms() {
		ps = append(ps, ix.postings(t))
		lists = append(lists, index(ps[len(ps)-1]))
	}
	var res []Result
	for _, d := range ps[0].docs {
		if all(lists, d) {
			res = append(res, Result{ix.pages[d].Doc, ix.score(q, ps, lists, bridges, d)})
		}
	}
	slices.SortStableFunc(res, func(x, y Result) int { return cmp.Compare(y.Score, x.Score) })
	return res
}

// postings are term's postings, empty if it is in no page.
func (ix *Index) postings(term string) *plist {
	if len(ix.shards) == 0 {
		return &plist{}
	}
	e, df, ok := entry(ix.shards[termHash(term)%uint32(len(ix.shards))], term)
	if !ok {
		return &plist{}
	}
	return decodePostings(e, df, cjkEntry(term))
}

// index maps a page number to its place in l, and to where its positions start.
func index(l *plist) map[uint32]int {
	m := make(map[uint32]int, len(l.docs))
	for i, d := range l.docs {
		m[d] = i
	}
	return m
}

func all(lists []map[uint32]int, d uint32) bool {
	for _, l := range lists {
		if _, ok := l[d]; !ok {
			return false
		}
	}
	return true
}

func (ix *Index) idf(df int) float64 {
	n := float64(len(ix.pages))
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// score is the score of page d; a term repeated in the query counts once.
func (ix *Index) score(q []Token, ps []*plist, lists, bridges []map[uint32]int, d uint32) float64 {
	s := 0.0
	counted := map[string]bool{}
	length := classLength(ix.lens[d])
	for i, t := range q {
		k, idf := lists[i][d], ix.idf(len(ps[i].docs))
		if !counted[t.Term] {
			counted[t.Term] = true
			tf := float64(ps[i].tf[k] >> 1)
			s += idf * tf * (k1 + 1) / (tf + k1*(1-b+b*length/ix.avg))
			if ps[i].tf[k]&1 == 1 {
				s += titleBonus * idf
			}
		}
		if i > 0 && together(ps, lists, bridges, q, i, d) {
			s += phraseBonus * (idf + ix.idf(len(ps[i-1].docs))) / 2
		}
	}
	return s
}

// together reports whether query terms q[i-1] and q[i] stand together in
// page d as in the query: by their positions, or for two CJK terms, which
// keep none, by the pair that bridges them (bridge) being in the page too.
func together(ps []*plist, lists, bridges []map[uint32]int, q []Token, i int, d uint32) bool {
	if bridges[i] != nil {
		_, ok := bridges[i][d]
		return ok
	}
	return adjacent(ps[i-1].positions(lists[i-1][d]), ps[i].positions(lists[i][d]), q[i].Pos-q[i-1].Pos)
}

// bridge is the CJK pair that joins query terms q[i-1] and q[i] when both are
// CJK terms and the second starts where the first ends: the first's last
// character and the second's first (营商, 环境: 商环). A page with the three
// pairs almost always has the phrase, which the pairs' positions, not kept,
// would have told for sure. Two pairs that overlap (营商, 商环 of 营商环) have
// no bridge, and no bonus: every page found has both.
func bridge(q []Token, i int) (string, bool) {
	if i == 0 || !cjkEntry(q[i-1].Term) || !cjkEntry(q[i].Term) {
		return "", false
	}
	last, _ := utf8.DecodeLastRuneInString(q[i-1].Term)
	if q[i].Pos-q[i-1].Pos != utf8.RuneCountInString(q[i-1].Term) {
		return "", false
	}
	first, _ := utf8.DecodeRuneInString(q[i].Term)
	return string([]rune{last, first}), true
}

// positions are the kept positions of the k-th page of l.
func (l *plist) positions(k int) []uint32 {
	at := l.start[k]
	return l.pos[at : at+int(l.npos[k])]
}

// adjacent reports whether some position in b is gap after one in a.
func adjacent(a, b []uint32, gap int) bool {
	for _, x := range a {
		if slices.Contains(b, x+uint32(gap)) {
			return true
		}
	}
	return false
}
