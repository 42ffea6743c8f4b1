package search

import (
	"cmp"
	"math"
	"slices"
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

// Search returns the pages holding every term of the query, best first: BM25
// over the terms, plus bonuses for terms in the title and for neighbouring
// query terms found next to each other (for Chinese pairs of characters, that
// is the exact phrase). Equal scores keep the index order.
func (ix *Index) Search(query string) []Result {
	q := ix.tok.Query(query)
	if len(q) == 0 {
		return nil
	}
	lists := make([]map[int]posting, len(q))
	var docs []int
	for i, t := range q {
		lists[i] = map[int]posting{}
		for _, p := range ix.terms[t.Term] {
			lists[i][p.doc] = p
		}
	}
	for d := range lists[0] {
		if all(lists, d) {
			docs = append(docs, d)
		}
	}
	res := make([]Result, 0, len(docs))
	for _, d := range docs {
		res = append(res, Result{ix.docs[d], ix.score(q, lists, d)})
	}
	slices.SortStableFunc(res, func(x, y Result) int {
		if c := cmp.Compare(y.Score, x.Score); c != 0 {
			return c
		}
		return cmp.Compare(x.Doc.URL, y.Doc.URL)
	})
	return res
}

func all(lists []map[int]posting, d int) bool {
	for _, l := range lists {
		if _, ok := l[d]; !ok {
			return false
		}
	}
	return true
}

func (ix *Index) idf(df int) float64 {
	n := float64(len(ix.docs))
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// score is the score of page d; a term repeated in the query counts once.
func (ix *Index) score(q []Token, lists []map[int]posting, d int) float64 {
	s := 0.0
	counted := map[string]bool{}
	for i, t := range q {
		p, idf := lists[i][d], ix.idf(len(lists[i]))
		if !counted[t.Term] {
			counted[t.Term] = true
			tf := float64(p.tf)
			s += idf * tf * (k1 + 1) / (tf + k1*(1-b+b*float64(ix.lens[d])/ix.avg))
			if p.title {
				s += titleBonus * idf
			}
		}
		if i > 0 && adjacent(lists[i-1][d].pos, p.pos, t.Pos-q[i-1].Pos) {
			s += phraseBonus * (idf + ix.idf(len(lists[i-1]))) / 2
		}
	}
	return s
}

// adjacent reports whether some position in b is gap after one in a.
func adjacent(a, b []int, gap int) bool {
	for _, x := range a {
		if slices.Contains(b, x+gap) {
			return true
		}
	}
	return false
}
