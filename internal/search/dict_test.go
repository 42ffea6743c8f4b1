package search

import (
	"fmt"
	"maps"
	"sync"
	"testing"
	"unsafe"
)

// TestDictionary numbers terms on many goroutines at once: each term gets one
// number, whatever the order, and a view gives back its bytes and hash, also
// past the table's first growth.
func TestDictionary(t *testing.T) {
	var d dictionary
	terms := make([]string, 5000)
	for i := range terms {
		terms[i] = fmt.Sprintf("#%d:yuan", i)
	}
	ids := make([][]uint32, 4)
	var wg sync.WaitGroup
	for g := range ids {
		wg.Go(func() {
			ids[g] = make([]uint32, len(terms))
			for k := range terms {
				i := (k*7 + g*1013) % len(terms) // another order on each goroutine
				ids[g][i] = d.id([]byte(terms[i]), termHash(terms[i]))
			}
		})
	}
	wg.Wait()
	v := d.view()
	seen := map[uint32]bool{}
	for i, term := range terms {
		id := ids[0][i]
		for g := range ids {
			if ids[g][i] != id {
				t.Fatalf("%s: number %d on one goroutine, %d on another", term, id, ids[g][i])
			}
		}
		if seen[id] {
			t.Fatalf("%s: number %d given twice", term, id)
		}
		seen[id] = true
		if v.term(id) != term || v.hashOf(id) != termHash(term) {
			t.Fatalf("number %d: term %q hash %d, want %q %d", id, v.term(id), v.hashOf(id), term, termHash(term))
		}
	}
}

// TestPageTerms reads a page's terms back from its encoding: each term once,
// with its count and positions as the shard will hold them.
func TestPageTerms(t *testing.T) {
	tok := newTestTokenizer()
	p := tok.Prepare(Doc{URL: "/a/", Title: "营商环境", Text: "营商环境 fraud fraud 7.9亿元"})
	v := tok.dict.view()
	got := map[string]string{}
	p.eachTerm(func(id uint32, entry []byte) {
		term := v.term(id)
		if _, ok := got[term]; ok {
			t.Errorf("%s twice", term)
		}
		l := decodePostings(append([]byte{0}, entry...), 1, cjkEntry(term))
		got[term] = fmt.Sprint(l.tf[0], l.pos)
	})
	for term, want := range map[string]string{
		"营商":    "5 []", // title (count 2, ×2, +1) and text; a CJK pair keeps no positions
		"营":     "5 []", // nor does one character
		"fraud": "4 [68 69]", "#790000000:yuan": "2 [70]", "#790000000": "2 [70]",
	} {
		if got[term] != want {
			t.Errorf("%s: %q, want %q", term, got[term], want)
		}
	}
	if len(got) != p.nterms {
		t.Errorf("%d terms read, %d written", len(got), p.nterms)
	}
}

// TestReaderKeepsCodes reads pages with many CJK characters and pairs, more
// than a reader keeps (maxCodes), in two orders on two tokenizers: the files
// are the same, so the codes a reader keeps from page to page, its table's
// growth and its fresh start when full change nothing.
func TestReaderKeepsCodes(t *testing.T) {
	docs := make([]Doc, 4)
	for i := range docs {
		var b []rune
		for k := range 30000 { // 30,000 characters, most pairs met once
			b = append(b, rune(0x4E00+(k*7919+i*131)%8000))
		}
		docs[i] = Doc{URL: fmt.Sprintf("/%d/", i), Title: "营商环境", Text: string(b) + " 环境 fraud"}
	}
	build := func(order []int) []File {
		tok := newTestTokenizer()
		var pages []*Page
		for _, i := range order {
			pages = append(pages, tok.Prepare(docs[i]))
		}
		return Build(tok, pages).Files("search/zh")
	}
	a, b := build([]int{0, 1, 2, 3}), build([]int{3, 1, 0, 2})
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Name != b[i].Name || string(a[i].Data) != string(b[i].Data) {
			t.Fatalf("%s differs with the pages read in another order", a[i].Name)
		}
	}
}

// TestPrepareMatchesIndex reads each tokenizer input as a page's text and
// checks that the page's terms are those Index gives, with their counts and
// first positions: Prepare reads CJK runs and figures its own way, into
// reused buffers.
func TestPrepareMatchesIndex(t *testing.T) {
	tok := newTestTokenizer()
	for _, s := range tokenizerInputs() {
		want := map[string]string{}
		counts, positions := map[string]int{}, map[string][]uint32{}
		for _, tk := range tok.Index(s) {
			counts[tk.Term]++
			if !cjkEntry(tk.Term) && len(positions[tk.Term]) < maxPositions {
				positions[tk.Term] = append(positions[tk.Term], uint32(tk.Pos+max(titleGap, textStart))) // no title
			}
		}
		for term, n := range counts {
			want[term] = fmt.Sprint(2*n, positions[term])
		}
		p := tok.Prepare(Doc{URL: "/a/", Text: s})
		v := tok.dict.view()
		got := map[string]string{}
		p.eachTerm(func(id uint32, entry []byte) {
			cjk := cjkEntry(v.term(id))
			l := decodePostings(append([]byte{0}, entry...), 1, cjk)
			got[v.term(id)] = fmt.Sprint(l.tf[0], l.pos)
			if w := appendEntry(nil, l.tf[0], l.pos, cjk); string(w) != string(entry) { // encode writes entries by hand
				t.Errorf("%q: %s's entry % x, appendEntry writes % x", s, v.term(id), entry, w)
			}
		})
		if !maps.Equal(got, want) {
			t.Errorf("%q: page terms %v, Index %v", s, got, want)
		}
	}
}

// TestShortKey checks shortKey's word reads against the bytes one by one, for
// every length it takes, and that terms of other lengths or bytes differ.
func TestShortKey(t *testing.T) {
	byBytes := func(term []byte) (lo, hi uint64) {
		hi = uint64(len(term)) << 56
		for i, c := range term {
			if i < 8 {
				lo |= uint64(c) << (8 * i)
			} else {
				hi |= uint64(c) << (8 * (i - 8))
			}
		}
		return lo, hi
	}
	seen := map[[2]uint64]string{}
	for _, base := range []string{"#790000000:yuan", "营商环境政策", "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", "abcdefghijklmno"} {
		for n := 0; n <= maxShort; n++ {
			term := []byte(base[:n])
			lo, hi := shortKey(term)
			if wlo, whi := byBytes(term); lo != wlo || hi != whi {
				t.Errorf("%q: %x %x, want %x %x", term, lo, hi, wlo, whi)
			}
			if other, ok := seen[[2]uint64{lo, hi}]; ok && other != string(term) {
				t.Errorf("%q and %q have one key", term, other)
			}
			seen[[2]uint64{lo, hi}] = string(term)
		}
	}
}

// TestFigureCache reads more figures than a term cache has slots for, each
// several times and in slots taken by others, some too long for a slot: each
// gets the dictionary's number. A cache then used with another tokenizer
// keeps none of the first one's numbers.
func TestFigureCache(t *testing.T) {
	tok, other := newTestTokenizer(), newTestTokenizer()
	other.dict.id([]byte("#0:yuan"), termHash("#0:yuan")) // another number for the same figures
	var c termCache
	c.reset(tok)
	n := 3 << figBits
	for round := range 3 {
		for i := range n {
			k := (i*7919 + round*104729) % n
			for _, term := range []string{fmt.Sprintf("#%d:yuan", k), fmt.Sprintf("#%d.123456789:yuan", k)} {
				if got, want := c.id([]byte(term), termHash(term)), tok.dict.id([]byte(term), termHash(term)); got != want {
					t.Fatalf("%s: number %d, want %d", term, got, want)
				}
			}
		}
	}
	c.reset(other)
	for i := range 1000 {
		term := fmt.Sprintf("#%d:yuan", i)
		if got, want := c.id([]byte(term), termHash(term)), other.dict.id([]byte(term), termHash(term)); got != want {
			t.Fatalf("%s: number %d with another tokenizer, want %d", term, got, want)
		}
	}
}

// TestShortSlotSize: a slot's hash takes what would be its padding, so the
// table is no larger for it.
func TestShortSlotSize(t *testing.T) {
	if n := unsafe.Sizeof(shortSlot{}); n != 24 {
		t.Errorf("a shortSlot takes %d bytes, want 24", n)
	}
}
