package search

import (
	"bytes"
	"maps"
	"slices"

	"github.com/briefs/briefs/internal/pool"
)

// maxPatched is how many changed pages Update patches in; more, and it puts
// the index together again.
const maxPatched = 16

// patch makes the index of pages from prev, whose pages are at the same
// places, by writing again only the postings of the terms of the pages that
// changed (in prev and now), and the shards that hold them. It returns nil
// when that is not the way: too many changes, another URL at a place, or a
// number of shards that is no longer right.
func patch(prev *Index, pages []*Page) *Index {
	var changed []uint32
	for i, p := range pages {
		if prev.pages[i] != p {
			if prev.pages[i].URL != p.URL || len(changed) == maxPatched {
				return nil
			}
			changed = append(changed, uint32(i))
		}
	}
	ix, total := pageData(prev.tok, pages, prev)
	n := len(prev.shards)
	if shardCount(total) != n || prev.lists == nil {
		return nil
	}
	// The terms to write again, by shard.
	terms := map[uint32]map[string]bool{}
	for _, id := range changed {
		for _, p := range []*Page{prev.pages[id], pages[id]} {
			for k := range p.termEnd {
				s := p.hash[k] % uint32(n)
				if terms[s] == nil {
					terms[s] = map[string]bool{}
				}
				terms[s][string(p.term(k))] = true
			}
		}
	}
	now := make([]map[string]int, len(changed)) // term -> its place in each changed page
	for i, id := range changed {
		now[i] = make(map[string]int, len(pages[id].termEnd))
		for k := range pages[id].termEnd {
			now[i][string(pages[id].term(k))] = k
		}
	}
	ix.lists = slices.Clone(prev.lists)
	shards := slices.Collect(maps.Keys(terms))
	pool.Each(len(shards), func(i int) {
		s := shards[i]
		m := maps.Clone(prev.lists[s])
		for t := range terms[s] {
			if l := repost(m[t], t, changed, pages, now); l != nil {
				m[t] = l
			} else {
				delete(m, t)
			}
		}
		ix.lists[s] = m
	})
	ix.extras = prefixLists(ix.lists)
	ix.shards = slices.Clone(prev.shards)
	pool.Each(n, func(s int) {
		if terms[uint32(s)] != nil || !sameExtras(ix.extras[s], prev.extras[s]) {
			ix.shards[s] = encodeShard(ix.lists[s], ix.extras[s])
		}
	})
	return ix
}

// repost writes term's postings again: those of old but for the changed
// pages, and those of the changed pages as they are now. It returns nil when
// no page has the term.
func repost(old *postingsBuf, term string, changed []uint32, pages []*Page, now []map[string]int) *postingsBuf {
	type post struct {
		id, tf uint32
		pos    []uint32
	}
	var all []post
	if old != nil {
		l := decodePostings(old.data, old.df)
		for i, d := range l.docs {
			if !slices.Contains(changed, d) {
				all = append(all, post{d, l.tf[i], l.positions(i)})
			}
		}
	}
	for i, id := range changed {
		if k, ok := now[i][term]; ok {
			p := pages[id]
			at := p.posStart(k)
			all = append(all, post{id, p.tf[k], p.pos[at : at+int(p.npos[k])]})
		}
	}
	if len(all) == 0 {
		return nil
	}
	slices.SortFunc(all, func(a, b post) int { return int(a.id) - int(b.id) })
	l := &postingsBuf{}
	for _, p := range all {
		l.add(p.id, p.tf, p.pos)
	}
	return l
}

func sameExtras(a, b map[string][]byte) bool {
	return maps.EqualFunc(a, b, bytes.Equal)
}
