package search

import "sync"

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
	mu    sync.Mutex
	slots []uint32 // a term's place + 1 in each slot, by hash; 0 is empty
	bytes []byte   // the terms' bytes, one after another
	ends  []uint32 // term k is bytes[ends[k-1]:ends[k]]
	hash  []uint32 // termHash of each term
}

// id is the number of term, whose termHash is h, adding it when new. It may
// run on many goroutines at once.
func (d *dictionary) id(term []byte, h uint32) uint32 {
	p := &d.parts[h&(1<<dictBits-1)]
	p.mu.Lock()
	defer p.mu.Unlock()
	if 2*len(p.ends) >= len(p.slots) {
		p.grow()
	}
	mask := uint32(len(p.slots) - 1)
	i := (h >> dictBits) & mask
	for ; p.slots[i] != 0; i = (i + 1) & mask {
		k := p.slots[i] - 1
		if p.hash[k] == h && string(p.term(k)) == string(term) {
			return k<<dictBits | h&(1<<dictBits-1)
		}
	}
	k := uint32(len(p.ends))
	p.bytes = append(p.bytes, term...)
	p.ends = append(p.ends, uint32(len(p.bytes)))
	p.hash = append(p.hash, h)
	p.slots[i] = k + 1
	return k<<dictBits | h&(1<<dictBits-1)
}

func (p *dictPart) term(k uint32) []byte {
	start := uint32(0)
	if k > 0 {
		start = p.ends[k-1]
	}
	return p.bytes[start:p.ends[k]]
}

// grow doubles the table and places every term again.
func (p *dictPart) grow() {
	p.slots = make([]uint32, max(1024, 2*len(p.slots)))
	mask := uint32(len(p.slots) - 1)
	for k, h := range p.hash {
		i := (h >> dictBits) & mask
		for p.slots[i] != 0 {
			i = (i + 1) & mask
		}
		p.slots[i] = uint32(k) + 1
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
