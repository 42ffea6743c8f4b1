package render

import (
	"html/template"
	"sync/atomic"

	"github.com/briefs/briefs/internal/site"
)

// pageFragments are the fragments of one partial in one language cached with a page
// as their one variant, as the default theme caches a brief's list entry and related
// entry: a slot per page, at the page's place in the site (site.Page.At), instead of
// a map of pages. A list page shows tens of entries, and a lookup in a map, which
// hashes the key and compares it, cost more than the rest of taking one.
//
// The slots come in chunks made when first needed, so that a table costs little in
// a small site or a language with few pages.
type pageFragments struct {
	chunks [maxPageChunks]atomic.Pointer[[pageChunk]atomic.Pointer[template.HTML]]
}

const (
	pageChunk     = 1024
	maxPageChunks = 4096 // 4 million pages; pages beyond are cached by the map
)

// slot returns the slot of the page at place i, or nil when i is out of the table.
func (t *pageFragments) slot(i int) *atomic.Pointer[template.HTML] {
	c := i / pageChunk
	if i < 0 || c >= maxPageChunks {
		return nil
	}
	chunk := t.chunks[c].Load()
	if chunk == nil {
		t.chunks[c].CompareAndSwap(nil, new([pageChunk]atomic.Pointer[template.HTML]))
		chunk = t.chunks[c].Load()
	}
	return &chunk[i%pageChunk]
}

// pageTable returns the page fragments of partial name in language lang.
func (f *fragments) pageTable(lang, name string) *pageFragments {
	m := f.pages.Load()
	k := tableKey{lang, name}
	if t, ok := m.Load(k); ok {
		return t.(*pageFragments)
	}
	t, _ := m.LoadOrStore(k, new(pageFragments))
	return t.(*pageFragments)
}

// partialCachedPage is partialCached of the partial name with the one variant p,
// whose fragments are table (pageTable): a compiled list takes the table once for all
// its entries. As partialCached, it stores only the first result.
func (f *langFuncs) partialCachedPage(table *pageFragments, name string, ctx any, p *site.Page) (template.HTML, error) {
	s := table.slot(p.At())
	if s == nil {
		return f.partialCachedMap(name, ctx, p)
	}
	if h := s.Load(); h != nil {
		return *h, nil
	}
	h, err := f.renderPartial(name, ctx)
	if err != nil {
		return "", err
	}
	if !s.CompareAndSwap(nil, &h) {
		return *s.Load(), nil
	}
	return h, nil
}
