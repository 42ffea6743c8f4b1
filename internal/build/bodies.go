package build

import (
	"hash/fnv"
	"hash/maphash"
	"html/template"
	"sync"
	"sync/atomic"

	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/markdown"
	"github.com/briefs/briefs/internal/site"
)

// body is the rendered Markdown of one file. It is never changed once made: the
// next state of a live session takes it as it is while the file's body stays the same.
type body struct {
	file    *content.File // the file it was rendered or last checked from
	lang    string
	path    string // the page's address, which images are named relative to
	srcHash uint64
	site.Body
	probs []markdown.Problem // offsets into the body; placeProblems places them
	// elsewhere are problems in files the body reads (chart data), placed there.
	elsewhere []*diag.Error
	// dynamic: the body runs shortcodes (other than num and figure), whose output
	// may change with other pages (a ref's URL, a page's title) though its text did
	// not; reuse takes it only into a graph of the same pages.
	dynamic bool
}

// bodies are the rendered bodies of a live state, by file path. The map is filled
// while the state's graph is built, on all cores, and only read after. A state made
// after edits to bodies only holds the edited bodies over its previous state's
// (base), which it only reads, rather than a copy of them all.
type bodies struct {
	mu    sync.Mutex
	m     map[string]*body
	base  *bodies
	depth int // how many bases are below
	// dynamic is set when a body here or below ran shortcodes that read other pages
	// (see body.dynamic): then an edit to a title may change another page's body.
	dynamic atomic.Bool
}

// maxDepth is how many layers get may look through before layer flattens them.
const maxDepth = 16

// layer returns empty bodies over bs, for the next state.
func (bs *bodies) layer() *bodies {
	next := &bodies{m: map[string]*body{}, base: bs, depth: bs.depth + 1}
	next.dynamic.Store(bs.dynamic.Load())
	if bs.depth < maxDepth {
		return next
	}
	flat := &bodies{m: map[string]*body{}}
	for b := bs; b != nil; b = b.base {
		for path, v := range b.m {
			if _, ok := flat.m[path]; !ok {
				flat.m[path] = v
			}
		}
	}
	next.base, next.depth = flat, 1
	return next
}

func (bs *bodies) get(path string) *body {
	for ; bs != nil; bs = bs.base {
		bs.mu.Lock()
		b, ok := bs.m[path]
		bs.mu.Unlock()
		if ok {
			return b
		}
	}
	return nil
}

func (bs *bodies) put(path string, b *body) {
	if b.dynamic {
		bs.dynamic.Store(true)
	}
	bs.mu.Lock()
	bs.m[path] = b
	bs.mu.Unlock()
}

// contentSeed keys pages' ContentHash, which fingerprints compare within one process.
var contentSeed = maphash.MakeSeed()

// renderBody renders the body of page p's file, with the same opening-only summary as a
// one-shot build's, so both give the same pages, from the one parse of the body.
// mp is what its shortcodes know of the page (state.mdPage).
func renderBody(md *markdown.Markdown, mp *markdown.Page, p *site.Page, summaryLength int) *body {
	f := p.File
	res, summary := renderFile(md, f, mp, summaryLength, p.Lang.CJK())
	return &body{file: f, lang: p.Lang.Code, path: p.Path, srcHash: srcHash(f), probs: res.Problems, elsewhere: res.Elsewhere, dynamic: res.Shortcodes,
		Body: site.Body{HTML: template.HTML(res.HTML), Hash: maphash.String(contentSeed, res.HTML), Summary: summary}}
}

func srcHash(f *content.File) uint64 {
	h := fnv.New64a()
	h.Write(f.Body)
	return h.Sum64()
}

// reuse returns b for page p when p's file has the same body text, language and
// address as b was rendered from, else nil. A body that ran shortcodes is rendered
// again with each new page graph, as its refs and site shortcodes read other pages;
// it is taken only when the graph is the one it was rendered with (sameGraph: every
// edit was to a body, with the same front matter, so no address, title or param
// changed). b, a body of the previous state, is never changed.
func (b *body) reuse(p *site.Page, sameGraph bool) *body {
	switch {
	case b == nil || b.lang != p.Lang.Code || b.path != p.Path || (b.dynamic && !sameGraph):
		return nil
	case b.file == p.File:
		return b
	case b.srcHash != srcHash(p.File):
		return nil
	}
	same := *b // the same text read again: remember the new file, and skip hashing next time
	same.file = p.File
	return &same
}

// placeProblems adds the Markdown problems of f's body to errs, at their places in
// the file, and the problems found in files the body reads (elsewhere), already placed.
func placeProblems(f *content.File, probs []markdown.Problem, elsewhere []*diag.Error, errs *diag.List) {
	addProblems(f, probs, errs)
	for _, e := range elsewhere {
		errs.Add(e)
	}
}
