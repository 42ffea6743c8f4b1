package search

import (
	"encoding/binary"
	"sync"
)

// dictBits is log2 of the number of parts of a dictionary: pages read on many
// goroutines at once rarely wait for the same part's lock.
const dictBits = 6

// dictionary numbers the terms of every page a Tokenizer reads, so that a page
// holds a number per term, not its bytes, and putting an index together
// compares and hashes no strings: a term's bytes are stored once for the whole
// site, not once per page that has it. A number is the term's place in its
// part, shifted, and the part (its hash's low bits). Each part keeps its terms'
// bytes one after another and finds them by an open-addressing table, with no
// pointer for the garbage collector to follow. Terms are never removed: the
// dev server's dictionary grows only by the terms edits bring that no page had
// before.
type dictionary struct {
	parts [1 << dictBits]dictPart
}

type dictPart struct {
	mu sync.Mutex
	// short finds the terms of up to 15 bytes (most: figures, CJK pairs,
	// words) by their bytes held in the slot itself (shortKey), and slots the
	// longer ones by hash << 32 | place + 1 (0 is empty). A large site's
	// dictionary, hundreds of thousands of figures met again from page to
	// page, is far bigger than the processor's caches: a look-up that reads
	// the slot alone, not then the term's hash, end and bytes, misses once,
	// not four times.
	short  []shortSlot
	slots  []uint64
	nshort int      // the terms in short
	bytes  []byte   // the terms' bytes, one after another
	ends   []uint32 // term k is bytes[ends[k-1]:ends[k]]
	hash   []uint32 // termHash of each term
}

// shortSlot holds a term of up to 15 bytes, as shortKey packs it, its place +
// 1 (0: empty) and its termHash, in what would be the slot's padding: growing
// the table then places each term again without reading the part's hashes,
// a cache miss each at 10,000 pairs.
type shortSlot struct {
	lo, hi uint64
	k, h   uint32
}

// maxShort is the longest term a shortSlot holds: 15 bytes and its length.
const maxShort = 15

// shortKey packs a term of up to maxShort bytes into two numbers: its bytes
// in order, the last byte of hi its length, so that two terms are equal when
// their keys are. It reads the bytes a word or half a word at a time, the
// ends of the term overlapping (TestShortKey checks it byte by byte).
func shortKey(term []byte) (lo, hi uint64) {
	n := len(term)
	hi = uint64(n) << 56
	switch {
	case n >= 8:
		lo = binary.LittleEndian.Uint64(term)
		if n > 8 {
			hi |= binary.LittleEndian.Uint64(term[n-8:]) >> (8 * (16 - n))
		}
	case n >= 4:
		lo = uint64(binary.LittleEndian.Uint32(term)) | uint64(binary.LittleEndian.Uint32(term[n-4:]))<<(8*(n-4))
	case n >= 2:
		lo = uint64(binary.LittleEndian.Uint16(term)) | uint64(binary.LittleEndian.Uint16(term[n-2:]))<<(8*(n-2))
	case n == 1:
		lo = uint64(term[0])
	}
	return lo, hi
}

// id is the number of term, whose termHash is h, adding it when new. It may
// run on many goroutines at once.
func (d *dictionary) id(term []byte, h uint32) uint32 {
	p := &d.parts[h&(1<<dictBits-1)]
	p.mu.Lock()
	defer p.mu.Unlock()
	var k uint32
	if len(term) <= maxShort {
		k = p.shortID(term, h)
	} else {
		k = p.longID(term, h)
	}
	return k<<dictBits | h&(1<<dictBits-1)
}

// shortID is the place of term, of up to maxShort bytes, adding it when new.
func (p *dictPart) shortID(term []byte, h uint32) uint32 {
	if 2*p.nshort >= len(p.short) {
		p.growShort()
	}
	lo, hi := shortKey(term)
	mask := uint32(len(p.short) - 1)
	i := (h >> dictBits) & mask
	for ; p.short[i].k != 0; i = (i + 1) & mask {
		if p.short[i].lo == lo && p.short[i].hi == hi {
			return p.short[i].k - 1
		}
	}
	k := p.add(term, h)
	p.short[i] = shortSlot{lo, hi, k + 1, h}
	p.nshort++
	return k
}

// longID is the place of term, of more than maxShort bytes, adding it when
// new.
func (p *dictPart) longID(term []byte, h uint32) uint32 {
	if 2*(len(p.ends)-p.nshort) >= len(p.slots) {
		p.growLong()
	}
	mask := uint32(len(p.slots) - 1)
	i := (h >> dictBits) & mask
	for ; p.slots[i] != 0; i = (i + 1) & mask {
		if uint32(p.slots[i]>>32) != h {
			continue
		}
		if k := uint32(p.slots[i]) - 1; string(p.term(k)) == string(term) {
			return k
		}
	}
	k := p.add(term, h)
	p.slots[i] = uint64(h)<<32 | uint64(k+1)
	return k
}

// add appends term to the part's terms and returns its place.
func (p *dictPart) add(term []byte, h uint32) uint32 {
	k := uint32(len(p.ends))
	p.bytes = append(p.bytes, term...)
	p.ends = append(p.ends, uint32(len(p.bytes)))
	p.hash = append(p.hash, h)
	return k
}

func (p *dictPart) term(k uint32) []byte { return p.bytes[p.start(k):p.ends[k]] }

// start is where term k's bytes start.
func (p *dictPart) start(k uint32) uint32 {
	if k == 0 {
		return 0
	}
	return p.ends[k-1]
}

// growShort doubles the table of short terms and places them again, as
// their slots hold them.
func (p *dictPart) growShort() {
	old := p.short
	p.short = make([]shortSlot, max(1024, 2*len(old)))
	mask := uint32(len(p.short) - 1)
	for _, sl := range old {
		if sl.k == 0 {
			continue
		}
		i := (sl.h >> dictBits) & mask
		for p.short[i].k != 0 {
			i = (i + 1) & mask
		}
		p.short[i] = sl
	}
}

// growLong doubles the table of long terms and places them again.
func (p *dictPart) growLong() {
	p.slots = make([]uint64, max(64, 2*len(p.slots)))
	mask := uint32(len(p.slots) - 1)
	for k, h := range p.hash {
		if p.ends[k]-p.start(uint32(k)) <= maxShort {
			continue
		}
		i := (h >> dictBits) & mask
		for p.slots[i] != 0 {
			i = (i + 1) & mask
		}
		p.slots[i] = uint64(h)<<32 | uint64(k+1)
	}
}

// dictView is what a dictionary held when view was called: it reads terms
// without locks, while pages read after it may add more (which it cannot see:
// a part only appends).
type dictView struct {
	parts [1 << dictBits]dictPart // bytes, ends and hash only
}

func (d *dictionary) view() *dictView {
	v := &dictView{}
	for i := range d.parts {
		p := &d.parts[i]
		p.mu.Lock()
		v.parts[i].bytes, v.parts[i].ends, v.parts[i].hash = p.bytes, p.ends, p.hash
		p.mu.Unlock()
	}
	return v
}

// size is the number of terms in part.
func (v *dictView) size(part int) int { return len(v.parts[part].ends) }

// termBytes is the term numbered id: the dictionary's bytes, not a copy.
func (v *dictView) termBytes(id uint32) []byte {
	return v.parts[id&(1<<dictBits-1)].term(id >> dictBits)
}

func (v *dictView) term(id uint32) string { return string(v.termBytes(id)) }

func (v *dictView) hashOf(id uint32) uint32 { return v.parts[id&(1<<dictBits-1)].hash[id>>dictBits] }
