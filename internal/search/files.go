package search

import (
	"encoding/binary"
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/briefs/briefs/internal/jsontext"
)

// File is one file of the written index.
type File struct {
	Name string // path below the output folder
	Data []byte
}

// Version is the index format's version, in index.json. 3: shards and records
// in folders of up to 256 each. 4: a CJK term's entry holds its count only,
// no positions.
const Version = 4

// perFolder is how many shards, and how many record files, share a folder:
// creating a file in a folder of thousands costs the build several times what
// it costs in a small one.
const perFolder = 256

// ShardFile is the name of shard k below the index's folder: "<k/256>/s<k>.bin".
func ShardFile(k int) string { return strconv.Itoa(k/perFolder) + "/s" + strconv.Itoa(k) + ".bin" }

// RecordFile is the name of record file k below the index's folder:
// "<k/256>/r<k>.json".
func RecordFile(k int) string { return strconv.Itoa(k/perFolder) + "/r" + strconv.Itoa(k) + ".json" }

// Entry is search/<lang>/index.json, the one file with a fixed name. The
// others are in a folder named by a hash of them all, so a host may cache
// them forever: an edit to any page changes most shards anyway, since a page
// has terms in most of them.
type Entry struct {
	Version int     `json:"version"`
	Dir     string  `json:"dir"`    // the folder of the other files, below search/<lang>/
	Count   int     `json:"count"`  // pages, numbered 0 to count-1 in URL order
	Shards  int     `json:"shards"` // term t is in shard fnv1a32(t) % shards (ShardFile)
	AvgLen  float64 `json:"avgLen"` // mean page length, as lengths.bin gives them
	// PerRecord is how many pages' records share a file: page i's is entry
	// i % perRecord of record file i / perRecord (RecordFile).
	PerRecord int               `json:"perRecord"`
	Units     map[string]string `json:"units"` // unit word -> unit key, for reading figures
}

// Files writes the index as files below dir ("search/zh"). The same pages
// give the same bytes. The files' bytes are the index's own, which it never
// changes: a caller may keep them but not change them.
func (ix *Index) Files(dir string) []File {
	set := ix.set
	if set == nil { // made by Build: hashed now, not kept
		set = newFileSet(ix, nil)
	}
	e := Entry{Version: Version, Dir: set.dir, Count: len(ix.pages),
		Shards: len(ix.shards), AvgLen: ix.avg, PerRecord: set.per, Units: ix.tok.units}
	sub := dir + "/" + e.Dir + "/"
	out := make([]File, 0, len(ix.shards)+len(set.records)+3)
	for k, s := range ix.shards {
		out = append(out, File{sub + ShardFile(k), s})
	}
	for k, r := range set.records {
		out = append(out, File{sub + RecordFile(k), r})
	}
	out = append(out, File{sub + "lengths.bin", ix.lens}, File{sub + "facets.json", ix.facets})
	data, _ := json.Marshal(e) // strings and numbers only: cannot fail
	return append(out, File{dir + "/index.json", data})
}

// record is what a result shows of a page: [url, title, section, date, tags,
// text], text being cut for excerpts, as json.Marshal writes it (and
// TestRecordMatchesMarshal checks), without its reflection, which took a
// tenth of reading the briefs.
func (p *Page) record(text string) []byte {
	b := make([]byte, 0, len(p.URL)+len(p.Title)+len(p.Section)+len(p.Date)+len(text)+32)
	b = append(b, '[')
	for _, s := range [...]string{p.URL, p.Title, p.Section, p.Date} {
		b = append(jsontext.AppendString(b, s), ',')
	}
	b = append(b, '[')
	for i, t := range p.Tags {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsontext.AppendString(b, t)
	}
	b = append(b, ']', ',')
	return append(jsontext.AppendString(b, text), ']')
}

// facetList lists the sections, tags and years of pages, with the number of
// pages of each, for the search page's filters: sections and tags by name,
// years latest first.
func facetList(pages []*Page) []byte {
	c := newFacetCounts()
	for _, p := range pages {
		c.add(p, 1)
	}
	return c.encode()
}

// facetCounts are the pages of each section, tag and year, by kind ("sections",
// "tags", "years") and name: what facetList counts, and what an edit's
// patchFacets counts again from the facets before it.
type facetCounts map[string]map[string]int

func newFacetCounts() facetCounts {
	return facetCounts{"sections": {}, "tags": {}, "years": {}}
}

// add counts page p d times (1 in, -1 out).
func (c facetCounts) add(p *Page, d int) {
	if p.Section != "" {
		c["sections"][p.Section] += d
	}
	for _, t := range p.Tags {
		c["tags"][t] += d
	}
	if y := year(p.Date); y != "" {
		c["years"][y] += d
	}
}

// encode writes c as facetList's JSON: each kind a list of [name, pages] by
// name, years latest first, names with no pages left out.
func (c facetCounts) encode() []byte {
	out := map[string][][2]any{}
	for kind, n := range c {
		list := [][2]any{}
		for _, k := range slices.Sorted(maps.Keys(n)) {
			if n[k] > 0 {
				list = append(list, [2]any{k, n[k]})
			}
		}
		if kind == "years" {
			slices.Reverse(list)
		}
		out[kind] = list
	}
	data, _ := json.Marshal(out)
	return data
}

// encodeShard writes a shard: the number of terms; for each term, in byte
// order, its length, its UTF-8 bytes, its number of pages (0 for a prefix
// entry) and the length of its entry; then the entries, one after another.
// Every number is an unsigned LEB128 varint. (assemble writes the same, in
// place.)
//
// A term's entry is its postings, page after page: the page number minus
// the previous one (the first: itself), the count of the term in the page
// times two, plus one when it is in the title, the number of positions kept,
// and the positions, each minus the previous. A CJK term's (cjkEntry) has
// no number of positions and no positions. A prefix entry ("<" and three
// letters) is instead the words with that start, joined by "\n".
func encodeShard(entries map[string]*postingsBuf) []byte {
	terms := slices.Sorted(maps.Keys(entries))
	size := 0
	for _, t := range terms {
		size += len(entries[t].data)
	}
	var head []byte
	body := make([]byte, 0, size)
	head = binary.AppendUvarint(head, uint64(len(terms)))
	for _, t := range terms {
		l := entries[t]
		head = binary.AppendUvarint(head, uint64(len(t)))
		head = append(head, t...)
		head = binary.AppendUvarint(head, uint64(l.df))
		head = binary.AppendUvarint(head, uint64(len(l.data)))
		body = append(body, l.data...)
	}
	return append(head, body...)
}

// parseShard reads an encoded shard's entries, prefix entries included; their
// bytes are the shard's, not copies.
func parseShard(shard []byte) map[string]*postingsBuf {
	r := reader{b: shard}
	n := r.uint()
	type head struct {
		term     string
		df, size int
	}
	heads := make([]head, 0, n)
	for range n {
		t := string(r.bytes(r.uint()))
		df, size := r.uint(), r.uint()
		heads = append(heads, head{t, df, size})
	}
	out := make(map[string]*postingsBuf, n)
	for _, h := range heads {
		out[h.term] = &postingsBuf{data: r.bytes(h.size), df: h.df}
	}
	return out
}

// appendEntry writes a page's entry after its page number: count, number of
// positions, positions; for a CJK term (cjk) the count only.
func appendEntry(b []byte, tf uint32, pos []uint32, cjk bool) []byte {
	b = binary.AppendUvarint(b, uint64(tf))
	if cjk {
		return b
	}
	b = binary.AppendUvarint(b, uint64(len(pos)))
	last := uint32(0)
	for _, p := range pos {
		b = binary.AppendUvarint(b, uint64(p-last))
		last = p
	}
	return b
}

// cjkEntry reports whether term's entries are a CJK term's, which hold a
// count and no positions: a term that starts with a CJK character (a
// character or a pair; words, figures and facets never do).
func cjkEntry(term string) bool {
	r, _ := utf8.DecodeRuneInString(term)
	return isCJK(r)
}

// entry finds term's entry in an encoded shard, and its number of pages.
func entry(shard []byte, term string) ([]byte, int, bool) {
	r := reader{b: shard}
	n := r.uint()
	found, at, size, df := false, 0, 0, 0
	for range n {
		t := r.bytes(r.uint())
		d, sz := r.uint(), r.uint()
		if !found && string(t) == term {
			found, size, df = true, sz, d
		} else if !found {
			at += sz
		}
	}
	if !found || r.err || r.i+at+size > len(shard) {
		return nil, 0, false
	}
	return shard[r.i+at : r.i+at+size], df, true
}

// decodePostings reads a term's entry of df pages; cjk tells a CJK term's
// (cjkEntry), which has counts only.
func decodePostings(b []byte, df int, cjk bool) *plist {
	r := reader{b: b}
	l := &plist{docs: make([]uint32, df), tf: make([]uint32, df), npos: make([]uint8, df), start: make([]int, df)}
	doc := 0
	for i := range df {
		doc += r.uint()
		l.docs[i], l.tf[i] = uint32(doc), uint32(r.uint())
		if cjk {
			continue
		}
		l.npos[i], l.start[i] = uint8(r.uint()), len(l.pos)
		last := 0
		for range l.npos[i] {
			last += r.uint()
			l.pos = append(l.pos, uint32(last))
		}
	}
	return l
}

// reader reads varints; past the end it gives zeros and sets err.
type reader struct {
	b   []byte
	i   int
	err bool
}

func (r *reader) uint() int {
	v, n := binary.Uvarint(r.b[min(r.i, len(r.b)):])
	if n <= 0 {
		r.err = true
		return 0
	}
	r.i += n
	return int(v)
}

func (r *reader) bytes(n int) []byte {
	end := min(r.i+n, len(r.b))
	b := r.b[min(r.i, end):end]
	r.i = end
	return b
}
