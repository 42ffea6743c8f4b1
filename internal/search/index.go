package search

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"maps"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/briefs/briefs/internal/pool"
)

// bytesPerShard is about how many bytes of postings a shard holds: a query
// fetches one shard per term, so shards stay small (about 10 KB compressed),
// and the number of shards grows with the site. It is rounded so that the
// count of shards, a power of two, changes only when a site doubles or halves:
// an edit then leaves every other term in its shard. Each file written costs
// the build a few hundred microseconds of system time on ext4 (more in a large
// folder). Shards are cut by bytes, not by postings, since a Chinese
// posting (a CJK term's: no positions) is a third of an English one: by
// postings, Chinese shards were 9 KB and English ones 21 KB at 500 pairs.
const bytesPerShard = 24 << 10

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
	records [][]byte // each page's result record (JSON), as the page holds it
	facets  []byte
	// words are the word terms under each prefix entry, with their numbers of
	// pages, which Update needs to write a prefix entry again (live indexes
	// only: nil in one made by Build).
	words map[string]map[string]int
	set   *fileSet // the files' hashes and record files (live indexes only)
	// size is the sum of the pages' sizes (Page.size), which sets the number
	// of shards (live indexes only).
	size int
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

// postingsBuf is one term's postings as a shard holds them, while Update
// writes them again.
type postingsBuf struct {
	data []byte
	df   int
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
// may be nil, and is returned itself when the pages are its own. When the
// pages are the same ones but a few (the same URLs), only the postings of the
// terms whose entries changed are written again, and only the files that
// changed are hashed again (fileSet).
func Update(tok *Tokenizer, prev *Index, pages []*Page) *Index {
	var ix *Index
	if prev != nil && prev.tok == tok && len(prev.pages) == len(pages) {
		if slices.Equal(prev.pages, pages) {
			return prev // the same pages: the same index
		}
		ix = patch(prev, slices.Clone(pages)) // nil unless each page has the URL of prev's at its place: in order
	}
	if ix == nil {
		pages = slices.Clone(pages)
		slices.SortFunc(pages, func(a, b *Page) int { return cmp.Compare(a.URL, b.URL) })
		ix = assemble(tok, pages, prev, true)
		for _, p := range pages {
			ix.size += p.size
		}
	}
	ix.set = newFileSet(ix, prev)
	return ix
}

// assemble makes the index of pages, in their order. Records of pages that
// prev has at the same place are taken from it. With keep, it also keeps the
// words under each prefix, which Update needs to patch the index.
//
// It writes each shard in place, in two passes over the pages, with no list
// per term in between: the first counts each term's pages and bytes, which
// give every term its place in its shard; the second writes the postings there.
func assemble(tok *Tokenizer, pages []*Page, prev *Index, keep bool) *Index {
	ix, total := pageData(tok, pages, prev)
	v := tok.dict.view()
	st := newTermStats(v)
	n := shardCount(total)
	sp := newTermSpans(pages)
	pool.Each(1<<dictBits, func(part int) { st.count(sp, part) })
	words := prefixWords(v, st)
	extras := prefixEntries(words, n)
	ix.shards = make([][]byte, n)
	byShard := st.byShard(v, n)
	pool.Each(n, func(s int) { ix.shards[s] = st.layout(v, uint32(s), byShard[s], extras[s]) })
	pool.Each(1<<dictBits, func(part int) { st.write(sp, ix.shards, part) })
	if keep {
		ix.words = words
	}
	return ix
}

// pageData starts the index of pages with what is kept per page: lengths,
// records and facets. It also returns the number of postings.
func pageData(tok *Tokenizer, pages []*Page, prev *Index) (*Index, int) {
	ix := &Index{tok: tok, pages: pages, lens: make([]byte, len(pages)), records: make([][]byte, len(pages))}
	total, sum := 0, 0.0
	for i, p := range pages {
		total += p.size
		ix.lens[i] = lengthClass(p.length)
		sum += classLength(ix.lens[i])
	}
	if len(pages) > 0 {
		ix.avg = sum / float64(len(pages))
	}
	for i, p := range pages {
		ix.records[i] = p.rec
	}
	ix.facets = facetList(pages)
	return ix, total
}

// recordBytes is about how many bytes of records share a file: a result
// fetches its page's file, so a file holds few, but each file written costs
// the build a few hundred microseconds of system time, and one per page would
// double a large site's files.
const recordBytes = 5000

// recordsPerFile is how many records of pages, size bytes in all, share a
// file: a power of two from 1 to 16, the most whose mean size fits in
// recordBytes. Chinese records, three bytes a character, come two to a file,
// English ones four.
func recordsPerFile(size, pages int) int {
	n := 1
	for n < 16 && 2*n*size <= recordBytes*max(pages, 1) {
		n *= 2
	}
	return n
}

// shardCount is the number of shards for total bytes of postings (the sum
// of Page.size): a power of two.
func shardCount(total int) int {
	n := 1
	for n*bytesPerShard < total {
		n *= 2
	}
	return n
}

// termStat is what assemble knows of one term: its number of pages, the size
// of its entry, the last page written, its shard, and where the next posting
// goes in it.
type termStat struct {
	df, size, last, shard, at uint32
}

// termStats are the termStats of a dictionary's terms, by part as the
// dictionary numbers them.
type termStats [1 << dictBits][]termStat

func newTermStats(v *dictView) *termStats {
	st := &termStats{}
	for i := range st {
		st[i] = make([]termStat, v.size(i))
	}
	return st
}

func (st *termStats) of(id uint32) *termStat { return &st[id&(1<<dictBits-1)][id>>dictBits] }

// termSpans tell where each page's terms of each dictionary part are, copied
// from the pages once: count and write read the pages part by part, and
// through them go along three arrays in order, where each page's Page (a
// line of its parts each time, the pages being apart in memory) cost a cache
// miss per page and part: 640k a pass for a language at 10,000 pairs.
type termSpans struct {
	posts [][]byte                  // each page's post
	at    [1<<dictBits + 1][]uint32 // at[part][i] is pages[i].parts[part]
}

func newTermSpans(pages []*Page) *termSpans {
	sp := &termSpans{posts: make([][]byte, len(pages))}
	for part := range sp.at {
		sp.at[part] = make([]uint32, len(pages))
	}
	for i, p := range pages {
		sp.posts[i] = p.post
		for part := range sp.at {
			sp.at[part][i] = p.parts[part]
		}
	}
	return sp
}

// count counts the pages and entry bytes of the terms of dictionary part
// part, reading every page in order.
func (st *termStats) count(sp *termSpans, part int) {
	stats := st[part]
	from, to := sp.at[part], sp.at[part+1]
	for i, post := range sp.posts {
		page := uint32(i)
		b := post[from[i]:to[i]]
		for j := 0; j < len(b); {
			k, at := placeAt(b, j)
			n := uint32(b[at]) // the entry's length, not its bytes: count needs no more
			j = at + 1 + int(n)
			t := &stats[k]
			t.size += uint32(uvarintLen(page-t.last)) + n
			t.df++
			t.last = page
		}
	}
}

// placeAt reads the term's place in its part that starts b[i] (a varint, as
// encode writes it in Page.post) and returns it with where its entry's length
// is. It checks nothing, as termIter: the bytes are a page's own. count and
// write read the pages' terms with it rather than with termIter, which makes
// a slice of each entry: they read every term of every page.
func placeAt(b []byte, i int) (uint32, int) {
	if c := b[i]; c < 0x80 {
		return uint32(c), i + 1
	}
	x := uint32(b[i] & 0x7f)
	for s, j := 7, i+1; ; s, j = s+7, j+1 {
		c := b[j]
		x |= uint32(c&0x7f) << s
		if c < 0x80 {
			return x, j + 1
		}
	}
}

// write writes the postings of the terms of dictionary part part at their
// places in shards, reading every page in order, as count did. A part's terms
// are in the shards whose number ends in the same bits (the number of shards
// is a power of two), a small share of them all: working part by part, not
// page by page, keeps the shards written and the terms' stats in the
// processor's caches.
func (st *termStats) write(sp *termSpans, shards [][]byte, part int) {
	stats := st[part]
	from, to := sp.at[part], sp.at[part+1]
	for i, post := range sp.posts {
		page := uint32(i)
		b := post[from[i]:to[i]]
		for j := 0; j < len(b); {
			k, e := placeAt(b, j)
			j = e + 1 + int(b[e])
			entry := b[e+1 : j]
			t := &stats[k]
			s := shards[t.shard]
			at := int(t.at)
			if d := page - t.last; d < 0x80 {
				s[at] = byte(d)
				at++
			} else {
				at += len(binary.AppendUvarint(s[at:at], uint64(d)))
			}
			if len(entry) <= 4 { // most are: a byte loop costs less than copy's call
				for _, c := range entry {
					s[at] = c
					at++
				}
			} else {
				at += copy(s[at:], entry)
			}
			t.at, t.last = uint32(at), page
		}
	}
}

// byShard lists the terms that some page has, by shard.
func (st *termStats) byShard(v *dictView, n int) [][]uint32 {
	out := make([][]uint32, n)
	for part := range st {
		for k, t := range st[part] {
			if t.df > 0 {
				id := uint32(k)<<dictBits | uint32(part)
				s := v.hashOf(id) % uint32(n)
				out[s] = append(out[s], id)
			}
		}
	}
	return out
}

// layout makes shard's bytes, as encodeShard writes them, for the terms ids
// and the prefix entries extras: its head and the prefix entries written, the
// postings left for write, each term's shard and place set in its termStat.
func (st *termStats) layout(v *dictView, shard uint32, ids []uint32, extras map[string][]byte) []byte {
	items := make([]shardItem, 0, len(ids)+len(extras))
	for _, id := range ids {
		items = append(items, shardItem{term: v.termBytes(id), id: id})
	}
	for t, data := range extras {
		items = append(items, shardItem{term: []byte(t), data: data})
	}
	sortItems(items)
	head := binary.AppendUvarint(nil, uint64(len(items)))
	size := 0
	for _, it := range items {
		df, sz := 0, len(it.data)
		if it.data == nil {
			t := st.of(it.id)
			df, sz = int(t.df), int(t.size)
		}
		head = binary.AppendUvarint(head, uint64(len(it.term)))
		head = append(head, it.term...)
		head = binary.AppendUvarint(head, uint64(df))
		head = binary.AppendUvarint(head, uint64(sz))
		size += sz
	}
	out := make([]byte, len(head)+size)
	at := copy(out, head)
	for _, it := range items {
		if it.data != nil {
			at += copy(out[at:], it.data)
			continue
		}
		t := st.of(it.id)
		t.at, t.last, t.shard = uint32(at), 0, shard
		at += int(t.size)
	}
	return out
}

// shardItem is one term of a shard while layout writes its head: a term of
// the dictionary (id) or a prefix entry (data).
type shardItem struct {
	term []byte
	id   uint32
	data []byte
}

// sortItems sorts items by their terms' bytes. It compares the first 8 bytes
// of each as one number, which tells apart almost every two terms (a CJK pair
// is 6 bytes), and the bytes only when those are equal: sorting the shards
// took an eighth of the index's instructions with bytes.Compare on every pair.
func sortItems(items []shardItem) {
	type keyed struct {
		key uint64
		at  int32
	}
	keys := make([]keyed, len(items))
	for i, it := range items {
		keys[i] = keyed{prefix8(it.term), int32(i)}
	}
	slices.SortFunc(keys, func(a, b keyed) int {
		if a.key != b.key {
			return cmp.Compare(a.key, b.key)
		}
		return bytes.Compare(items[a.at].term, items[b.at].term)
	})
	sorted := make([]shardItem, len(items))
	for i, k := range keys {
		sorted[i] = items[k.at]
	}
	copy(items, sorted)
}

// prefix8 is the first 8 bytes of b as a big-endian number, b padded with
// zeros: two terms whose prefix8 differ compare as their prefix8 do.
func prefix8(b []byte) uint64 {
	if len(b) >= 8 {
		return binary.BigEndian.Uint64(b)
	}
	var k uint64
	for i, c := range b {
		k |= uint64(c) << (56 - 8*i)
	}
	return k
}

func uvarintLen(x uint32) int {
	n := 1
	for x >= 0x80 {
		x >>= 7
		n++
	}
	return n
}

// prefixWords gathers the words of three letters or more that some page has,
// with their numbers of pages, under their prefix entries.
func prefixWords(v *dictView, st *termStats) map[string]map[string]int {
	words := map[string]map[string]int{}
	for part := range st {
		for k, t := range st[part] {
			if t.df == 0 {
				continue
			}
			term := v.termBytes(uint32(k)<<dictBits | uint32(part))
			if r, _ := utf8.DecodeRune(term); len(term) < 3 || isCJK(r) || !isWordRune(r) {
				continue // not a word (prefixKey): no string made
			}
			if pre, ok := prefixKey(string(term)); ok {
				if words[pre] == nil {
					words[pre] = map[string]int{}
				}
				words[pre][string(term)] = int(t.df)
			}
		}
	}
	return words
}

// prefixEntries makes the prefix entries: for every word of three letters or
// more, "<" and its first three letters lead to the words that start with
// them, most frequent first, so that a query's last word can be read as the
// start of a word. It returns each shard's entries.
func prefixEntries(words map[string]map[string]int, n int) []map[string][]byte {
	extras := make([]map[string][]byte, n)
	for pre, ws := range words {
		s := termHash(pre) % uint32(n)
		if extras[s] == nil {
			extras[s] = map[string][]byte{}
		}
		extras[s][pre] = prefixEntry(ws)
	}
	return extras
}

// prefixEntry lists up to maxPrefixWords of ws, most frequent first.
func prefixEntry(ws map[string]int) []byte {
	names := slices.Collect(maps.Keys(ws))
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(cmp.Compare(ws[b], ws[a]), strings.Compare(a, b)) })
	return []byte(strings.Join(names[:min(len(names), maxPrefixWords)], "\n"))
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
