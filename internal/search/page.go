package search

import (
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
	// The terms, each once, in order of first appearance: term k is
	// termBytes[termEnd[k-1]:termEnd[k]]. Nothing here holds a pointer, so the
	// pages of a large site cost the garbage collector nothing to scan.
	termBytes []byte
	termEnd   []uint32
	hash      []uint32 // FNV-1a of each term: its shard
	tf        []uint32 // count<<1, | 1 when the term is in the title
	npos      []uint8  // positions kept per term
	pos       []uint32 // the kept positions, term after term
	text      string   // Text cut to maxText runes
}

// term is the k-th term of p, without a copy: use it before p changes.
func (p *Page) term(k int) []byte {
	start := uint32(0)
	if k > 0 {
		start = p.termEnd[k-1]
	}
	return p.termBytes[start:p.termEnd[k]]
}

// termAcc gathers one term's occurrences while a page is read.
type termAcc struct {
	tf  uint32
	n   uint8
	pos [maxPositions]uint32
}

var accPool = sync.Pool{New: func() any { return &pageAcc{at: map[string]int32{}} }}

type pageAcc struct {
	at   map[string]int32
	accs []termAcc
}

// Prepare reads d for the index. It may run on many goroutines at once.
func (t *Tokenizer) Prepare(d Doc) *Page {
	p := &Page{Doc: d, text: excerptText(d.Text)}
	a := accPool.Get().(*pageAcc)
	defer func() { clear(a.at); a.accs = a.accs[:0]; accPool.Put(a) }()
	inTitle, off, last := true, 0, -1
	add := func(term string, pos int) {
		k, ok := a.at[term]
		if !ok {
			k = int32(len(p.termEnd))
			a.at[term] = k
			p.termBytes = append(p.termBytes, term...)
			p.termEnd = append(p.termEnd, uint32(len(p.termBytes)))
			a.accs = append(a.accs, termAcc{})
		}
		acc := &a.accs[k]
		acc.tf += 2
		if inTitle {
			acc.tf |= 1
		}
		if pos >= 0 && int(acc.n) < maxPositions && !oneCJK(term) {
			acc.pos[acc.n] = uint32(pos + off)
			acc.n++
		}
		p.length++
		last = pos
	}
	t.each(d.Title, false, add)
	inTitle, off = false, last+1+titleGap
	t.each(d.Text, false, add)
	for _, f := range d.facets() {
		add(f, -1)
	}
	p.length -= len(d.facets())
	p.Doc.Text = "" // read: what is kept of it is text
	n := len(p.termEnd)
	p.tf, p.npos, p.hash = make([]uint32, n), make([]uint8, n), make([]uint32, n)
	for k, acc := range a.accs {
		p.tf[k], p.npos[k] = acc.tf, acc.n
		p.pos = append(p.pos, acc.pos[:acc.n]...)
		p.hash[k] = termHash(p.term(k))
	}
	return p
}

// posStart is where the positions of term k start in p.pos.
func (p *Page) posStart(k int) int {
	at := 0
	for _, n := range p.npos[:k] {
		at += int(n)
	}
	return at
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
	out := clip(text, maxOpening)
	n := utf8.RuneCountInString(out)
	rest := text[len(out):]
	for rest != "" && n < maxText {
		end := sentenceEnd(rest)
		sent := rest[:end]
		rest = rest[end:]
		if strings.ContainsAny(sent, "0123456789０１２３４５６７８９") {
			sent = clip(strings.TrimSpace(sent), maxText-n)
			out += " … " + sent
			n += utf8.RuneCountInString(sent) + 3
		}
	}
	return out
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
