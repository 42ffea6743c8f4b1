package search

import "sync"

// dictBits is log2 of the number of parts of a dictionary: pages read on many
// goroutines at once rarely wait for the same part's lock.
const dictBits = 6

// dictionary numbers the terms of every page a Tokenizer reads, so that a page
// holds a number per term, not its bytes, and putting an index together
// compares and hashes no strings: a term's bytes are stored once for the whole
// site, not once per page that has it. A number is the term's place in its
// part, shifted, and the part (its hash's low bits). Terms are never removed:
// the dev server's dictionary grows only by the terms edits bring that no page
// had before.
type dictionary struct {
	parts [1 << dictBits]dictPart
}

type dictPart struct {
	mu    sync.Mutex
	at    map[string]uint32 // term -> its place in terms
	terms []string
	hash  []uint32 // termHash of each term
}

// id is the number of term, whose termHash is h, adding it when new. It may
// run on many goroutines at once.
func (d *dictionary) id(term []byte, h uint32) uint32 {
	p := &d.parts[h&(1<<dictBits-1)]
	p.mu.Lock()
	defer p.mu.Unlock()
	k, ok := p.at[string(term)]
	if !ok {
		if p.at == nil {
			p.at = map[string]uint32{}
		}
		s := string(term)
		k = uint32(len(p.terms))
		p.at[s] = k
		p.terms = append(p.terms, s)
		p.hash = append(p.hash, h)
	}
	return k<<dictBits | h&(1<<dictBits-1)
}

// dictView is what a dictionary held when view was called: it reads terms
// without locks, while pages read after it may add more (which it cannot see).
type dictView struct {
	terms [1 << dictBits][]string
	hash  [1 << dictBits][]uint32
}

func (d *dictionary) view() *dictView {
	v := &dictView{}
	for i := range d.parts {
		p := &d.parts[i]
		p.mu.Lock()
		v.terms[i], v.hash[i] = p.terms, p.hash
		p.mu.Unlock()
	}
	return v
}

func (v *dictView) term(id uint32) string { return v.terms[id&(1<<dictBits-1)][id>>dictBits] }

func (v *dictView) hashOf(id uint32) uint32 { return v.hash[id&(1<<dictBits-1)][id>>dictBits] }
