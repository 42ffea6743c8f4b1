package search

import (
	"bytes"
	"encoding/binary"
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
	if shardCount(total) != n || prev.lists == nil { // prev made by Build: nothing to patch
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

// repost writes term's postings again: old's, with each changed page's
// entry replaced by the one it has now, or taken out. The entries of the
// other pages are copied as bytes, not decoded. It returns nil when no page
// has the term.
func repost(old *postingsBuf, term string, changed []uint32, pages []*Page, now []map[string]int) *postingsBuf {
	l := &postingsBuf{}
	if old != nil {
		l.data, l.df = old.data, old.df
	}
	for i, id := range changed {
		var entry []byte
		if k, ok := now[i][term]; ok {
			p := pages[id]
			at := p.posStart(k)
			entry = appendEntry(nil, p.tf[k], p.pos[at:at+int(p.npos[k])])
		}
		l = l.splice(id, entry)
	}
	if l.df == 0 {
		return nil
	}
	return l
}

// splice returns l with page id's entry (count and positions, as appendEntry
// writes them) replaced by entry, or taken out when entry is nil.
func (l *postingsBuf) splice(id uint32, entry []byte) *postingsBuf {
	r := reader{b: l.data}
	doc, prev, at := uint32(0), uint32(0), 0 // prev: the page before id's place; at: that place
	found := false
	for k := 0; k < l.df; k++ {
		at = r.i
		d := doc + uint32(r.uint())
		if d >= id {
			found = d == id
			doc = d
			break
		}
		doc, prev = d, d
		r.uint() // count
		for n := r.uint(); n > 0; n-- {
			r.uint()
		}
		at = r.i
	}
	// The bytes from cut on are kept, after the next entry's page number,
	// which is written again relative to what now comes before it.
	cut, next, hasNext := at, uint32(0), false
	if found {
		r.uint()
		for n := r.uint(); n > 0; n-- {
			r.uint()
		}
		if r.i < len(l.data) {
			next, hasNext = id+uint32(r.uint()), true
		}
		cut = r.i
	} else if at < len(l.data) {
		r.i = at
		next, hasNext = prev+uint32(r.uint()), true
		cut = r.i
	}
	out := &postingsBuf{df: l.df, last: max(l.last, id)}
	out.data = append(out.data, l.data[:at]...)
	before := prev
	if found {
		out.df--
	}
	if entry != nil {
		out.data = binary.AppendUvarint(out.data, uint64(id-prev))
		out.data = append(out.data, entry...)
		out.df++
		before = id
	}
	if hasNext {
		out.data = binary.AppendUvarint(out.data, uint64(next-before))
	}
	out.data = append(out.data, l.data[cut:]...)
	return out
}

func sameExtras(a, b map[string][]byte) bool {
	return maps.EqualFunc(a, b, bytes.Equal)
}
