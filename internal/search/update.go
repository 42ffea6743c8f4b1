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
// changed (in prev and now), the prefix entries of the words whose numbers
// of pages changed, and the shards that hold them. It returns nil when that
// is not the way: too many changes, another URL at a place, or a number of
// shards that is no longer right.
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
	ix := patchData(prev, pages, changed)
	n := uint32(len(prev.shards))
	if shardCount(ix.size) != int(n) || prev.words == nil { // prev made by Build: nothing to patch
		return nil
	}
	v := prev.tok.dict.view()
	// The terms to write again, by shard, and each changed page's entries now.
	terms := map[uint32]map[uint32]bool{}
	now := make([]map[uint32][]byte, len(changed))
	for i, id := range changed {
		now[i] = make(map[uint32][]byte, pages[id].nterms)
		pages[id].eachTerm(func(t uint32, entry []byte) { now[i][t] = entry })
		for _, t := range editedTerms(prev.pages[id], now[i]) {
			s := v.hashOf(t) % n
			if terms[s] == nil {
				terms[s] = map[uint32]bool{}
			}
			terms[s][t] = true
		}
	}
	shards := slices.Sorted(maps.Keys(terms))
	parsed := make([]map[string]*postingsBuf, len(shards))
	pool.Each(len(shards), func(i int) {
		m := parseShard(prev.shards[shards[i]])
		for t := range terms[shards[i]] {
			term := v.term(t)
			if l := repost(m[term], t, cjkEntry(term), changed, now); l != nil {
				m[term] = l
			} else {
				delete(m, term)
			}
		}
		parsed[i] = m
	})
	edited := map[uint32]map[string]*postingsBuf{}
	for i, s := range shards {
		edited[s] = parsed[i]
	}
	var touched map[string]bool
	ix.words, touched = repostWords(prev, v, terms, edited)
	for pre := range touched {
		setPrefix(prev, edited, pre, ix.words[pre])
	}
	ix.shards = slices.Clone(prev.shards)
	for s, m := range edited {
		ix.shards[s] = encodeShard(m)
	}
	return ix
}

// patchData starts the index of pages as pageData does, from prev's, whose
// pages are the same but those at changed: their lengths and records are put
// in, and the facets are listed again only when a changed page's section,
// tags or year differ. The mean length is summed again, in order, so that it
// is the same number as Build's.
func patchData(prev *Index, pages []*Page, changed []uint32) *Index {
	ix := &Index{tok: prev.tok, pages: pages, lens: bytes.Clone(prev.lens), records: slices.Clone(prev.records),
		facets: prev.facets, size: prev.size}
	sameFacets := true
	var was, now []*Page // the changed pages, before and after
	for _, id := range changed {
		old, p := prev.pages[id], pages[id]
		was, now = append(was, old), append(now, p)
		ix.size += p.size - old.size
		ix.lens[id], ix.records[id] = lengthClass(p.length), p.rec
		sameFacets = sameFacets && old.Section == p.Section && year(old.Date) == year(p.Date) && slices.Equal(old.Tags, p.Tags)
	}
	sum := 0.0
	for _, c := range ix.lens {
		sum += classLength(c)
	}
	if len(pages) > 0 {
		ix.avg = sum / float64(len(pages))
	}
	if !sameFacets {
		var ok bool
		if ix.facets, ok = patchFacets(prev.facets, was, now); !ok {
			ix.facets = facetList(pages)
		}
	}
	return ix
}

// year is the year facetList counts a date under; "" for none.
func year(date string) string {
	if len(date) < 4 {
		return ""
	}
	return date[:4]
}

// editedTerms lists the terms whose entries differ between page was and the
// entries now of the page at its place: those it gained, lost, or has with
// another count or other positions. An edit to a title that keeps its number of
// terms changes only the title's terms, not the thousand others of the page,
// whose shards then stay as they are.
func editedTerms(was *Page, now map[uint32][]byte) []uint32 {
	var out []uint32
	old := make(map[uint32]bool, was.nterms)
	was.eachTerm(func(t uint32, entry []byte) {
		old[t] = true
		if e, ok := now[t]; !ok || !bytes.Equal(e, entry) {
			out = append(out, t)
		}
	})
	for t := range now {
		if !old[t] {
			out = append(out, t)
		}
	}
	return out
}

// repostWords is prev's words with the numbers of pages of the edited terms
// as the edited shards now have them, and the prefixes whose words changed
// (the others are prev's maps, shared).
func repostWords(prev *Index, v *dictView, terms map[uint32]map[uint32]bool, edited map[uint32]map[string]*postingsBuf) (map[string]map[string]int, map[string]bool) {
	words, touched := maps.Clone(prev.words), map[string]bool{}
	for s, ts := range terms {
		for t := range ts {
			term := v.term(t)
			pre, ok := prefixKey(term)
			if !ok {
				continue
			}
			df := 0
			if l := edited[s][term]; l != nil {
				df = l.df
			}
			if prev.words[pre][term] == df {
				continue
			}
			if !touched[pre] { // copied before the first change
				touched[pre] = true
				words[pre] = maps.Clone(prev.words[pre])
				if words[pre] == nil {
					words[pre] = map[string]int{}
				}
			}
			if df == 0 {
				delete(words[pre], term)
			} else {
				words[pre][term] = df
			}
		}
	}
	for pre, ws := range words {
		if len(ws) == 0 {
			delete(words, pre)
		}
	}
	return words, touched
}

// setPrefix writes prefix entry pre (ws; none when empty) into its shard,
// among the edited ones.
func setPrefix(prev *Index, edited map[uint32]map[string]*postingsBuf, pre string, ws map[string]int) {
	s := termHash(pre) % uint32(len(prev.shards))
	if edited[s] == nil {
		edited[s] = parseShard(prev.shards[s])
	}
	if len(ws) == 0 {
		delete(edited[s], pre)
	} else {
		edited[s][pre] = &postingsBuf{data: prefixEntry(ws)}
	}
}

// repost writes term t's postings again: old's, with each changed page's
// entry replaced by the one it has now, or taken out. The entries of the
// other pages are copied as bytes, not decoded. It returns nil when no page
// has the term. cjk tells a CJK term's entries (cjkEntry).
func repost(old *postingsBuf, t uint32, cjk bool, changed []uint32, now []map[uint32][]byte) *postingsBuf {
	l := &postingsBuf{}
	if old != nil {
		l.data, l.df = old.data, old.df
	}
	for i, id := range changed {
		l = l.splice(id, now[i][t], cjk)
	}
	if l.df == 0 {
		return nil
	}
	return l
}

// splice returns l with page id's entry (count and positions, as appendEntry
// writes them; a count only when cjk) replaced by entry, or taken out when
// entry is nil.
func (l *postingsBuf) splice(id uint32, entry []byte, cjk bool) *postingsBuf {
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
		r.skipEntry(cjk)
		at = r.i
	}
	// The bytes from cut on are kept, after the next entry's page number,
	// which is written again relative to what now comes before it.
	cut, next, hasNext := at, uint32(0), false
	if found {
		r.skipEntry(cjk)
		if r.i < len(l.data) {
			next, hasNext = id+uint32(r.uint()), true
		}
		cut = r.i
	} else if at < len(l.data) {
		r.i = at
		next, hasNext = prev+uint32(r.uint()), true
		cut = r.i
	}
	out := &postingsBuf{df: l.df}
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

// skipEntry reads past a page's entry after its page number: the count, and
// unless cjk the number of positions and the positions.
func (r *reader) skipEntry(cjk bool) {
	r.uint() // count
	if cjk {
		return
	}
	for n := r.uint(); n > 0; n-- {
		r.uint()
	}
}
