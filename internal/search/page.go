package search

import (
	"bytes"
	"encoding/binary"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
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
const maxPositions = 4

// titleGap separates the title's positions from the text's, so that no
// phrase spans the two.
const titleGap = 8

// textStart is where the text's positions start after a title of up to 55
// terms: not right after the title, so that an edit to a title that changes
// its number of terms leaves the text's positions, and so the entries of every
// other term of the page, as they were. The dev server then writes again only
// the shards of the title's terms, not every shard of the language.
const textStart = 64

// The text kept per page for excerpts (excerptText), in runes: a result
// fetches it.
const (
	maxOpening = 400 // the opening, where a query's words are mostly found
	maxText    = 800 // then the sentences with figures, up to this in all
)

// Facet terms hold the pages of a section, a tag or a year, for filters. The
// tokenizer never makes a term with a space, so these cannot meet a word.
const (
	facetSection = "> s "
	facetTag     = "> t "
	facetYear    = "> y "
)

// Page is a Doc read for the index: its terms, with their counts and first
// positions, and the short text its excerpts come from. Pages are read on
// their own (Prepare, on any goroutine) and put together by New, so that a
// build reads each page while it has it, and the dev server reads again only
// the pages an edit changed.
type Page struct {
	Doc
	length int // number of terms, the title's and the text's
	// post holds the terms, each once, by the part of the Tokenizer's
	// dictionary they are in: a term's place in its part, then its entry as a
	// shard holds it (appendEntry: count, number of positions, positions), all
	// varints. It is about the size of the page's share of the index, and holds
	// no pointer, so the pages of a large site cost the garbage collector
	// nothing to scan. The terms of part i are post[parts[i]:parts[i+1]], so
	// that the index reads each part's terms on its own.
	post   []byte
	parts  [1<<dictBits + 1]uint32
	nterms int    // the number of terms in post
	rec    []byte // the page's result record (record), with its text cut for excerpts
}

// eachTerm calls f with each term's number and entry.
func (p *Page) eachTerm(f func(id uint32, entry []byte)) {
	for part := range 1 << dictBits {
		for it := p.termsIn(part); !it.done(); {
			id, entry := it.next()
			f(id, entry)
		}
	}
}

// termsIn reads p's terms in dictionary part part.
func (p *Page) termsIn(part int) termIter {
	return termIter{b: p.post[p.parts[part]:p.parts[part+1]], part: uint32(part)}
}

// termIter reads the terms of a page in one part of the dictionary. The
// bytes are the page's own, written by Prepare, so it checks nothing.
type termIter struct {
	b    []byte
	i    int
	part uint32
}

func (it *termIter) done() bool { return it.i >= len(it.b) }

// next is the next term's number and entry.
func (it *termIter) next() (uint32, []byte) {
	k := it.uvarint()
	start := it.i
	it.uvarint() // count
	n := it.b[it.i]
	it.i++
	for range n {
		it.uvarint()
	}
	return k<<dictBits | it.part, it.b[start:it.i]
}

func (it *termIter) uvarint() uint32 {
	c := it.b[it.i]
	it.i++
	if c < 0x80 {
		return uint32(c)
	}
	x := uint32(c & 0x7f)
	for s := 7; ; s += 7 {
		c = it.b[it.i]
		it.i++
		x |= uint32(c&0x7f) << s
		if c < 0x80 {
			return x
		}
	}
}

// coded is what a pageAcc knows of a CJK term: its place in the page read,
// when stamp is the page's, and its number in the dictionary + 1 (0 until
// known).
type coded struct {
	place, stamp, id uint32
}

// maxCodes bounds the codes a pageAcc keeps: when there are more, it starts
// again at the next page.
const maxCodes = 1 << 15

// termAcc gathers one term's occurrences while a page is read.
type termAcc struct {
	hash uint32 // termHash of the term
	slot int32  // its slot in the pageAcc's codes for a CJK term, else -1
	tf   uint32
	n    uint8
	pos  [maxPositions]uint32
}

// pageAcc is what Prepare reuses from page to page: the terms met so far, their
// bytes one after another, and an open-addressing table from a term's hash to
// its place, which finds a term without making a string of it.
type pageAcc struct {
	accs   []termAcc
	bytes  []byte
	ends   []uint32 // term k is bytes[ends[k-1]:ends[k]]
	slots  []int32  // k+1 of the term in each slot; 0 is empty
	nwords int      // the terms in slots: all but the CJK ones
	// codes and coded find a CJK character or pair (findCode) by its code
	// points: codes[i] is the code in slot i (0 is empty), coded[i] its place
	// in the page read and its number in the dictionary. They are kept from
	// page to page, as the term cache is (a Chinese text's characters and
	// pairs are mostly met again), up to maxCodes; ncodes is the number of
	// codes held, stamp the page's number.
	codes  []uint64
	coded  []coded
	ncodes int
	stamp  uint32
	post   []byte
	ids    []uint32 // each term's number in the dictionary
	order  []int32  // the terms by dictionary part
	known  termCache
}

// accs keeps the pageAccs of a Tokenizer between pages. Unlike a sync.Pool,
// which the garbage collector empties, it keeps their term caches (termCache)
// for the whole build; there are as many as pages read at once.
type accs struct {
	mu   sync.Mutex
	free []*pageAcc
}

func (l *accs) get() *pageAcc {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n := len(l.free); n > 0 {
		a := l.free[n-1]
		l.free = l.free[:n-1]
		return a
	}
	return &pageAcc{slots: make([]int32, 1024), codes: make([]uint64, 4096), coded: make([]coded, 4096)}
}

func (l *accs) put(a *pageAcc) {
	a.reset()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.free = append(l.free, a)
}

func (a *pageAcc) term(k int) []byte {
	start := uint32(0)
	if k > 0 {
		start = a.ends[k-1]
	}
	return a.bytes[start:a.ends[k]]
}

// find is the place of term, added when new.
func (a *pageAcc) find(term string) int {
	h := termHash(term)
	mask := uint32(len(a.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		k := a.slots[i] - 1
		if k < 0 {
			break
		}
		if a.accs[k].hash == h && string(a.term(int(k))) == term {
			return int(k)
		}
	}
	k := a.newTerm(term, h, -1)
	a.nwords++
	if 2*a.nwords > len(a.slots) {
		a.grow()
	} else {
		a.place(k)
	}
	return k
}

// newTerm adds term, whose termHash is h, to the page's terms, and returns
// its place.
func (a *pageAcc) newTerm(term string, h uint32, slot int32) int {
	a.accs = append(a.accs, termAcc{hash: h, slot: slot})
	a.bytes = append(a.bytes, term...)
	a.ends = append(a.ends, uint32(len(a.bytes)))
	return len(a.accs) - 1
}

// codeSlot is where code's search in the code table starts.
func codeSlot(code uint64, mask uint64) uint64 { return (code * 0x9E3779B97F4A7C15 >> 32) & mask }

// findCode is the place of the CJK term whose bytes are term and whose code
// is code: a character's code point, or for a pair 1<<63 | first<<21 |
// second. It is added when new. CJK terms are found only by their code, and
// other terms only by find.
func (a *pageAcc) findCode(code uint64, term string) int {
	mask := uint64(len(a.codes) - 1)
	i := codeSlot(code, mask)
	for ; a.codes[i] != 0; i = (i + 1) & mask {
		if a.codes[i] == code {
			c := &a.coded[i]
			if c.stamp != a.stamp {
				c.stamp, c.place = a.stamp, uint32(a.newTerm(term, termHash(term), int32(i)))
			}
			return int(c.place)
		}
	}
	k := a.newTerm(term, termHash(term), int32(i))
	a.codes[i], a.coded[i] = code, coded{place: uint32(k), stamp: a.stamp}
	a.ncodes++
	if 2*a.ncodes > len(a.codes) {
		a.growCodes()
	}
	return k
}

// growCodes doubles the code table and places every code again, telling the
// page's terms their new slots.
func (a *pageAcc) growCodes() {
	codes, cs := a.codes, a.coded
	a.codes, a.coded = make([]uint64, 2*len(codes)), make([]coded, 2*len(cs))
	mask := uint64(len(a.codes) - 1)
	for j, code := range codes {
		if code == 0 {
			continue
		}
		i := codeSlot(code, mask)
		for a.codes[i] != 0 {
			i = (i + 1) & mask
		}
		a.codes[i], a.coded[i] = code, cs[j]
		if cs[j].stamp == a.stamp {
			a.accs[cs[j].place].slot = int32(i)
		}
	}
}

// beginPage starts a page: the codes met in the pages before are kept,
// unless there are too many.
func (a *pageAcc) beginPage() {
	a.stamp++
	if a.stamp == 0 || a.ncodes > maxCodes {
		clear(a.codes)
		a.ncodes, a.stamp = 0, 1
	}
}

// place puts term k in the first free slot from its hash on.
func (a *pageAcc) place(k int) {
	mask := uint32(len(a.slots) - 1)
	i := a.accs[k].hash & mask
	for a.slots[i] != 0 {
		i = (i + 1) & mask
	}
	a.slots[i] = int32(k + 1)
}

// grow doubles the table and places every term again but the CJK ones,
// which findCode finds.
func (a *pageAcc) grow() {
	a.slots = make([]int32, 2*len(a.slots))
	for k := range a.accs {
		if a.accs[k].slot < 0 {
			a.place(k)
		}
	}
}

func (a *pageAcc) reset() {
	a.accs, a.bytes, a.ends, a.post = a.accs[:0], a.bytes[:0], a.ends[:0], a.post[:0]
	clear(a.slots)
	a.nwords = 0
}

// termCache holds the dictionary's numbers of the terms a pageAcc met in the
// pages it read before, so that the common terms, met again in most pages,
// are found without a lock in a table small enough to stay in the processor's
// cache. Figures, mostly met once, are not kept.
type termCache struct {
	tok   *Tokenizer
	slots []uint64 // a term's hash << 32 | its place + 1; 0 is empty
	ids   []uint32
	bytes []byte
	ends  []uint32
}

// maxCached bounds a termCache: when full, it starts again.
const maxCached = 1 << 16

func (c *termCache) reset(t *Tokenizer) {
	c.tok, c.ids, c.bytes, c.ends = t, c.ids[:0], c.bytes[:0], c.ends[:0]
	if c.slots == nil {
		c.slots = make([]uint64, 2*maxCached)
	}
	clear(c.slots)
}

// id is the dictionary number of term, whose termHash is h.
func (c *termCache) id(term []byte, h uint32) uint32 {
	mask := uint32(len(c.slots) - 1)
	i := h & mask
	for ; c.slots[i] != 0; i = (i + 1) & mask {
		if uint32(c.slots[i]>>32) != h {
			continue
		}
		k := uint32(c.slots[i]) - 1
		start := uint32(0)
		if k > 0 {
			start = c.ends[k-1]
		}
		if string(c.bytes[start:c.ends[k]]) == string(term) {
			return c.ids[k]
		}
	}
	id := c.tok.dict.id(term, h)
	if len(term) == 0 || term[0] == '#' {
		return id
	}
	if len(c.ids) == maxCached {
		c.reset(c.tok)
		return id
	}
	c.ids = append(c.ids, id)
	c.bytes = append(c.bytes, term...)
	c.ends = append(c.ends, uint32(len(c.bytes)))
	c.slots[i] = uint64(h)<<32 | uint64(len(c.ids))
	return id
}

// Prepare reads d for the index. It may run on many goroutines at once.
func (t *Tokenizer) Prepare(d Doc) *Page {
	p := &Page{Doc: d}
	p.rec = p.record(excerptText(d.Text))
	a := t.accs.get()
	defer t.accs.put(a)
	a.beginPage()
	inTitle, off, last := true, 0, -1
	count := func(k, pos int, single bool) {
		acc := &a.accs[k]
		acc.tf += 2
		if inTitle {
			acc.tf |= 1
		}
		if pos >= 0 && int(acc.n) < maxPositions && !single {
			acc.pos[acc.n] = uint32(pos + off)
			acc.n++
		}
		p.length++
		last = pos
	}
	add := func(term string, pos int) { count(a.find(term), pos, oneCJK(term)) }
	// cjk adds a run's characters, then its pairs, as cjkTerms emits them.
	cjk := func(s string, rs []rune, at []int, pos int) {
		for k, r := range rs {
			count(a.findCode(uint64(r), s[at[k]:at[k+1]]), pos+k, true)
		}
		for k := 0; k+1 < len(rs); k++ {
			code := 1<<63 | uint64(rs[k])<<21 | uint64(rs[k+1])
			count(a.findCode(code, s[at[k]:at[k+2]]), pos+k, false)
		}
	}
	t.each(d.Title, false, add, cjk)
	inTitle, off = false, max(last+1+titleGap, textStart)
	t.each(d.Text, false, add, cjk)
	facets := d.facets()
	for _, f := range facets {
		add(f, -1)
	}
	p.length -= len(facets)
	p.Doc.Text = "" // read: what is kept of it is text
	a.encode(t, p)
	return p
}

// encode writes the terms a holds into p.post, by dictionary part.
func (a *pageAcc) encode(t *Tokenizer, p *Page) {
	if a.known.tok != t {
		a.known.reset(t)
	}
	a.ids = a.ids[:0]
	var count [1 << dictBits]int
	for k := range a.accs {
		acc := &a.accs[k]
		var id uint32
		if acc.slot >= 0 && a.coded[acc.slot].id != 0 {
			id = a.coded[acc.slot].id - 1
		} else {
			id = a.known.id(a.term(k), acc.hash)
			if acc.slot >= 0 {
				a.coded[acc.slot].id = id + 1
			}
		}
		a.ids = append(a.ids, id)
		count[id&(1<<dictBits-1)]++
	}
	// The terms' places, by part (a counting sort).
	var next [1 << dictBits]int
	for i := 1; i < len(next); i++ {
		next[i] = next[i-1] + count[i-1]
	}
	a.order = slices.Grow(a.order[:0], len(a.ids))[:len(a.ids)]
	for k, id := range a.ids {
		part := id & (1<<dictBits - 1)
		a.order[next[part]] = int32(k)
		next[part]++
	}
	part := uint32(0)
	for _, k := range a.order {
		id := a.ids[k]
		for part < id&(1<<dictBits-1) {
			part++
			p.parts[part] = uint32(len(a.post))
		}
		acc := &a.accs[k]
		a.post = binary.AppendUvarint(a.post, uint64(id>>dictBits))
		a.post = appendEntry(a.post, acc.tf, acc.pos[:acc.n])
	}
	for part < 1<<dictBits {
		part++
		p.parts[part] = uint32(len(a.post))
	}
	p.post, p.nterms = bytes.Clone(a.post), len(a.accs)
}

// facets are the facet terms of d, which carry no positions.
func (d *Doc) facets() []string {
	var f []string
	if d.Section != "" {
		f = append(f, facetSection+d.Section)
	}
	for _, t := range d.Tags {
		f = append(f, facetTag+t)
	}
	if len(d.Date) >= 4 {
		f = append(f, facetYear+d.Date[:4])
	}
	return f
}

// termHash is FNV-1a (32 bits) of the UTF-8 bytes of term; search.js computes
// the same to find a term's shard.
func termHash[T string | []byte](term T) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(term); i++ {
		h = (h ^ uint32(term[i])) * 16777619
	}
	return h
}

func oneCJK(term string) bool {
	r, n := utf8.DecodeRuneInString(term)
	return n == len(term) && isCJK(r)
}

// excerptText is the text a result's excerpt is cut from: the opening of
// text, then the later sentences that hold a figure, which readers search for
// and which are often deep in a brief, each after "… ".
func excerptText(text string) string {
	opening := clip(text, maxOpening)
	n := utf8.RuneCountInString(opening)
	rest := text[len(opening):]
	var out strings.Builder
	out.Grow(min(len(text), 4*maxText+16)) // at most maxText runes and a few " … "
	out.WriteString(opening)
	for rest != "" && n < maxText {
		end := sentenceEnd(rest)
		sent := rest[:end]
		rest = rest[end:]
		if strings.ContainsAny(sent, "0123456789０１２３４５６７８９") {
			sent = clip(strings.TrimSpace(sent), maxText-n)
			out.WriteString(" … ")
			out.WriteString(sent)
			n += utf8.RuneCountInString(sent) + 3
		}
	}
	return out.String()
}

// sentenceEnd is where the first sentence of s ends: after 。！？ or a
// newline, or ". ".
func sentenceEnd(s string) int {
	for i, r := range s {
		switch r {
		case '。', '！', '？', '\n':
			return i + utf8.RuneLen(r)
		case '.':
			if strings.HasPrefix(s[i:], ". ") {
				return i + 2
			}
		}
	}
	return len(s)
}

func clip(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}
