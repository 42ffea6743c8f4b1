package search

import (
	"bytes"
	"slices"
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
	// Shown is how many bytes Text starts with that are the page's own words
	// (headings, body, summary): a result's excerpt is cut from those alone, so
	// that a brief found by its tag or section shows its opening, not a line of
	// "source section date tags" (0: all of Text).
	Shown int
}

// maxPositions bounds the positions kept per term and page: enough to find a
// phrase near the start, while a word on every line does not grow the index.
// A CJK term (a character or a pair) keeps none, nor their number
// (cjkEntry): most of a Chinese page's terms are pairs, and a query's phrase
// is told instead by the pairs that bridge its pairs (bridge).
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
	// dictionary they are in: a term's place in its part (a varint), the
	// length of its entry (one byte: an entry is at most 16 bytes), then its
	// entry as a shard holds it (appendEntry: count, number of positions,
	// positions, varints; a CJK term's count only), so that reading a page's terms skips an entry
	// without reading it. It is about the size of the page's share of the index, and holds
	// no pointer, so the pages of a large site cost the garbage collector
	// nothing to scan. The terms of part i are post[parts[i]:parts[i+1]], so
	// that the index reads each part's terms on its own.
	post   []byte
	parts  [1<<dictBits + 1]uint32
	nterms int // the number of terms in post
	// size is about the bytes the page's postings take in the shards: each
	// entry and a byte for its page number.
	size int
	rec  []byte // the page's result record (record), with its text cut for excerpts
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
	n := int(it.b[it.i])
	start := it.i + 1
	it.i = start + n
	return k<<dictBits | it.part, it.b[start:it.i:it.i]
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

// codeEntry is a slot of a pageAcc's code table: a code and what is known of
// its term.
type codeEntry struct {
	code uint64
	coded
}

// maxCodes bounds the codes a pageAcc keeps: when there are more, it starts
// again at the next page.
const maxCodes = 1 << 15

// charBase is where a pageAcc's slots for the CJK Unified Ideographs
// (U+4E00-U+9FFF, most Chinese text) start: slot charBase + r - 0x4E00 is
// character r's, found with no search; the slots below are those of the
// code table (findCode).
const charBase = 1 << 24

// termAcc gathers one term's occurrences while a page is read.
type termAcc struct {
	hash uint32 // termHash of the term (0 for a CJK term: see encode)
	slot int32  // a CJK term's slot (charBase, findCode), else -1
	// id is a CJK term's dictionary number + 1 as its slot knew it when the
	// page met it (0: not known yet), so that encode need not read the slot
	// again, a cache miss for most terms once the code table is large.
	id  uint32
	tf  uint32
	n   uint8
	pos [maxPositions]uint32
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
	// codes finds a CJK character or pair (findCode) by its code points:
	// slot i holds a code (0: empty) with its place in the page read and its
	// number in the dictionary, side by side, so that a pair met is one cache
	// line read, not two (at 10,000 pairs the table outgrows the processor's
	// nearest caches). They are kept from page to page, as the term cache is
	// (a Chinese text's characters and pairs are mostly met again), up to
	// maxCodes; ncodes is the number of codes held, stamp the page's number.
	// chars is the same for each CJK Unified Ideograph, by its code point
	// (findChar).
	codes  []codeEntry
	chars  []coded
	ncodes int
	stamp  uint32
	post   []byte
	cjk    []byte   // a CJK term's bytes (cjkTerm)
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
	return &pageAcc{slots: make([]int32, 1024), codes: make([]codeEntry, 4096), chars: make([]coded, 0xA000-0x4E00)}
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

// newCJK adds a CJK term, in slot slot, with its dictionary number + 1 (0:
// not known), to the page's terms, and returns its place. Its bytes and hash
// are made only if encode needs them (cjkTerm).
func (a *pageAcc) newCJK(slot int32, id uint32) int {
	a.accs = append(a.accs, termAcc{slot: slot, id: id})
	a.ends = append(a.ends, uint32(len(a.bytes)))
	return len(a.accs) - 1
}

// coded is what the pageAcc knows of the CJK term in slot.
func (a *pageAcc) codedAt(slot int32) *coded {
	if slot >= charBase {
		return &a.chars[slot-charBase]
	}
	return &a.codes[slot].coded
}

// cjkTerm appends the bytes of the CJK term in slot to b.
func (a *pageAcc) cjkTerm(b []byte, slot int32) []byte {
	if slot >= charBase {
		return utf8.AppendRune(b, rune(slot-charBase+0x4E00))
	}
	code := a.codes[slot].code
	if code>>63 == 0 {
		return utf8.AppendRune(b, rune(code))
	}
	return utf8.AppendRune(utf8.AppendRune(b, rune(code>>21&(1<<21-1))), rune(code&(1<<21-1)))
}

// findChar is the place of CJK character r, added when new.
func (a *pageAcc) findChar(r rune) int {
	if r < 0x4E00 || r > 0x9FFF {
		return a.findCode(uint64(r))
	}
	c := &a.chars[r-0x4E00]
	if c.stamp != a.stamp {
		c.stamp, c.place = a.stamp, uint32(a.newCJK(int32(r-0x4E00)+charBase, c.id))
	}
	return int(c.place)
}

// codeSlot is where code's search in the code table starts.
func codeSlot(code uint64, mask uint64) uint64 { return (code * 0x9E3779B97F4A7C15 >> 32) & mask }

// findCode is the place of the CJK term whose code is code: a character's
// code point, or for a pair 1<<63 | first<<21 | second. It is added when new.
// CJK terms are found only by their code (or findChar), and other terms only
// by find.
func (a *pageAcc) findCode(code uint64) int {
	mask := uint64(len(a.codes) - 1)
	i := codeSlot(code, mask)
	for ; a.codes[i].code != 0; i = (i + 1) & mask {
		if c := &a.codes[i]; c.code == code {
			if c.stamp != a.stamp {
				c.stamp, c.place = a.stamp, uint32(a.newCJK(int32(i), c.id))
			}
			return int(c.place)
		}
	}
	k := a.newCJK(int32(i), 0)
	a.codes[i] = codeEntry{code, coded{place: uint32(k), stamp: a.stamp}}
	a.ncodes++
	if 2*a.ncodes > len(a.codes) {
		a.growCodes()
	}
	return k
}

// growCodes doubles the code table and places every code again, telling the
// page's terms their new slots.
func (a *pageAcc) growCodes() {
	old := a.codes
	a.codes = make([]codeEntry, 2*len(old))
	mask := uint64(len(a.codes) - 1)
	for _, e := range old {
		if e.code == 0 {
			continue
		}
		i := codeSlot(e.code, mask)
		for a.codes[i].code != 0 {
			i = (i + 1) & mask
		}
		a.codes[i] = e
		if e.stamp == a.stamp {
			a.accs[e.place].slot = int32(i)
		}
	}
}

// beginPage starts a page: the codes met in the pages before are kept,
// unless there are too many.
func (a *pageAcc) beginPage() {
	a.stamp++
	if a.stamp == 0 || a.ncodes > maxCodes {
		clear(a.codes)
		for i := range a.chars {
			a.chars[i].stamp = 0 // their numbers in the dictionary stay good
		}
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
// cache. Figures are kept apart (figs), as most are met in few pages.
type termCache struct {
	tok   *Tokenizer
	slots []uint64 // a term's hash << 32 | its place + 1; 0 is empty
	ids   []uint32
	bytes []byte
	ends  []uint32
	// figs holds the last figure of up to maxShort bytes met in each slot,
	// by its hash, with its number: a figure met again soon (a year, a common
	// share) is found without the dictionary's lock and far larger table,
	// while one met once only takes its slot until the next. At 10,000 pairs
	// a reader meets 1.45M figures, 347k of them different, and finds about
	// half here (TestFigureCache).
	figs []figSlot
}

// figSlot is a figure as shortKey packs it, and its number + 1 (0: empty).
type figSlot struct {
	lo, hi uint64
	id     uint32
}

// figBits is log2 of the number of figSlots a termCache has: 32k, 768 KB.
const figBits = 15

// maxCached bounds a termCache: when full, it starts again.
const maxCached = 1 << 16

// reset empties the cache for reading with t. The figures stay when t is the
// tokenizer they were read with: their numbers do not change.
func (c *termCache) reset(t *Tokenizer) {
	if c.figs == nil {
		c.figs = make([]figSlot, 1<<figBits)
	} else if c.tok != t {
		clear(c.figs)
	}
	c.tok, c.ids, c.bytes, c.ends = t, c.ids[:0], c.bytes[:0], c.ends[:0]
	if c.slots == nil {
		c.slots = make([]uint64, 2*maxCached)
	}
	clear(c.slots)
}

// id is the dictionary number of term, whose termHash is h.
func (c *termCache) id(term []byte, h uint32) uint32 {
	if len(term) > 0 && term[0] == '#' {
		return c.figure(term, h)
	}
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

// figure is the dictionary number of figure term, whose termHash is h.
func (c *termCache) figure(term []byte, h uint32) uint32 {
	if len(term) > maxShort {
		return c.tok.dict.id(term, h)
	}
	lo, hi := shortKey(term)
	f := &c.figs[(h>>dictBits)&(1<<figBits-1)]
	if f.id != 0 && f.lo == lo && f.hi == hi {
		return f.id - 1
	}
	id := c.tok.dict.id(term, h)
	*f = figSlot{lo, hi, id + 1}
	return id
}

// excerptSource is the text a result's excerpt is cut from: the words the page
// shows, without the source, section, date and tags the index also reads.
func (d Doc) excerptSource() string {
	if d.Shown > 0 && d.Shown <= len(d.Text) {
		return d.Text[:d.Shown]
	}
	return d.Text
}

// Prepare reads d for the index. It may run on many goroutines at once.
func (t *Tokenizer) Prepare(d Doc) *Page {
	p := &Page{Doc: d}
	p.rec = p.record(excerptText(d.excerptSource()))
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
	// add adds a word, a figure or a facet (each reads CJK runs with cjk).
	add := func(term string, pos int) { count(a.find(term), pos, false) }
	// cjk adds a run's characters and pairs, each pair after its second
	// character, in one pass over the run's bytes: no array of its characters.
	cjk := func(run string, pos int) {
		title := uint32(0)
		if inTitle {
			title = 1
		}
		var prev rune
		n := 0
		for i := 0; i < len(run); n++ {
			var r rune
			if c := run[i]; c&0xF0 == 0xE0 { // three bytes: all of the BMP's CJK
				r = rune(c&0x0F)<<12 | rune(run[i+1]&0x3F)<<6 | rune(run[i+2]&0x3F)
				i += 3
			} else {
				var size int
				r, size = decodeValid(run, i)
				i += size
			}
			// count's work, inline: a character keeps no positions, nor a pair (cjkEntry).
			acc := &a.accs[a.findChar(r)]
			acc.tf = (acc.tf + 2) | title
			if n > 0 {
				acc := &a.accs[a.findCode(1<<63|uint64(prev)<<21|uint64(r))]
				acc.tf = (acc.tf + 2) | title
			}
			prev = r
		}
		p.length += 2*n - 1
		last = pos + max(n-2, 0)
	}
	t.each(d.Title, false, add, cjk)
	inTitle, off = false, max(last+1+titleGap, textStart)
	t.each(d.Text, false, add, cjk)
	facets := d.facets()
	for _, f := range facets {
		add(f, -1)
	}
	p.length -= len(facets)
	p.Doc.Text, p.Doc.Shown = "", 0 // read: what is kept of it is text
	a.encode(t, p)
	return p
}

// encode writes the terms a holds into p.post, by dictionary part.
func (a *pageAcc) encode(t *Tokenizer, p *Page) {
	if a.known.tok != t {
		a.known.reset(t)
	}
	a.ids = slices.Grow(a.ids[:0], len(a.accs))[:len(a.accs)]
	var count [1 << dictBits]int
	for k := range a.accs {
		acc := &a.accs[k]
		var id uint32
		if acc.slot < 0 {
			id = a.known.id(a.term(k), acc.hash)
		} else if acc.id != 0 {
			id = acc.id - 1
		} else if c := a.codedAt(acc.slot); c.id != 0 {
			id = c.id - 1
		} else {
			a.cjk = a.cjkTerm(a.cjk[:0], acc.slot)
			id = a.known.id(a.cjk, termHash(a.cjk))
			c.id = id + 1
		}
		a.ids[k] = id
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
	// Each term as post holds it, written in place: its place in its part,
	// the length of its entry, then the entry as appendEntry writes it.
	buf := slices.Grow(a.post[:0], len(a.order)*maxPosting)[:len(a.order)*maxPosting]
	w, part, size := 0, uint32(0), 0
	for _, k := range a.order {
		id := a.ids[k]
		for part < id&(1<<dictBits-1) {
			part++
			p.parts[part] = uint32(w)
		}
		acc := &a.accs[k]
		w = putUvarint(buf, w, id>>dictBits)
		at := w
		w = putUvarint(buf, w+1, acc.tf)
		if acc.slot >= 0 { // a CJK term: its count only (cjkEntry)
			buf[at] = byte(w - at - 1)
			size += w - at
			continue
		}
		buf[w] = acc.n // at most maxPositions: one byte
		w++
		last := uint32(0)
		for _, q := range acc.pos[:acc.n] {
			w = putUvarint(buf, w, q-last)
			last = q
		}
		buf[at] = byte(w - at - 1)
		size += w - at
	}
	for part < 1<<dictBits {
		part++
		p.parts[part] = uint32(w)
	}
	a.post = buf
	p.post, p.nterms, p.size = bytes.Clone(buf[:w]), len(a.accs), size
}

// maxPosting is the most bytes a term takes in a page's post: its place and
// count (five bytes each at most), the entry's length and the number of
// positions (one each), and the positions.
const maxPosting = 5 + 1 + 5 + 1 + maxPositions*5

// putUvarint writes x as a varint at b[i] and returns where it ends.
func putUvarint(b []byte, i int, x uint32) int {
	for x >= 0x80 {
		b[i] = byte(x) | 0x80
		x >>= 7
		i++
	}
	b[i] = byte(x)
	return i + 1
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
