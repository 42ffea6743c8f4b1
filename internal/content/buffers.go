package content

import "sync"

// A one-shot build reads every content file twice (LoadLean, then Reload when the
// page is written) and lets its text go each time: 46 MB of buffers at 2,000 pairs,
// which the garbage collector must find and the allocator clear again. The buffers
// files are read into come from a pool instead, and a file gives its buffer back when
// it lets its text go (letGo). The contract this needs: once a file's text is let go
// (File.Release, or LoadLean after it took the front matter and the opening),
// nothing keeps a slice of its Src or Body. What a file keeps (its front matter and
// Lead) is copied out first; the page graph holds strings; a rendered body is a
// string. TestLeanBuffers checks the files' side.
var buffers sync.Pool // of *[]byte

// buffer returns an empty buffer of capacity at least n, from the pool when it has one
// that large.
func buffer(n int) []byte {
	if b, ok := buffers.Get().(*[]byte); ok {
		if cap(*b) >= n {
			return (*b)[:0]
		}
		buffers.Put(b)
	}
	return make([]byte, 0, n)
}

// release gives b to the pool; nothing may use it afterwards.
func release(b []byte) {
	if cap(b) > 0 && cap(b) <= maxPooled {
		b = b[:0]
		buffers.Put(&b)
	}
}

// maxPooled is the largest buffer kept: a rare large file is not held for the rest.
const maxPooled = 1 << 20
