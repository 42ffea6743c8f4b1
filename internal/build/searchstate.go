package build

import (
	"cmp"
	"hash/maphash"
	"path"
	"slices"
	"strings"

	"github.com/briefs/briefs/internal/pool"
	"github.com/briefs/briefs/internal/search"
	"github.com/briefs/briefs/internal/site"
)

// searchState is a state's search files and, in a live state, what the next
// state's index is made from. writeSearch makes it for a new state from the
// previous state's, which it only reads.
type searchState struct {
	pages []string    // the search pages written
	langs []langIndex // each language's index, in the site's order
	// briefs are the places (site.Page.At) of the briefs the index reads, in
	// path order, and read is what it read of each (live states only): the
	// next state reads again only the briefs an edit changed.
	briefs []int
	read   []searchPage
}

// langIndex is a language's index and the names of its files, index.json last.
type langIndex struct {
	code  string
	index *search.Index  // live states only
	pages []*search.Page // what the index was made from, in path order (live states only)
	files []string
}

// searchPage is a brief as the index read it: key is a hash of what it was
// read from (searchKeyOf), lang the place of its language in the site's order
// and slot its place among that language's pages (langIndex.pages).
type searchPage struct {
	key        uint64
	page       *search.Page
	lang, slot int32
}

// searchKeyOf hashes what searchDoc reads of p: its title, summary, source,
// section, date, tags and body (ContentHash). A brief whose key is the same
// is not read again.
func searchKeyOf(p *site.Page) uint64 {
	var h maphash.Hash
	h.SetSeed(contentSeed)
	for _, s := range []string{p.Title, p.Summary, p.Source} {
		h.WriteString(s)
		h.WriteByte(0)
	}
	if p.Section != nil {
		h.WriteString(p.Section.Title)
	}
	h.WriteByte(0)
	for _, t := range p.Tags {
		h.WriteString(t.Title)
		h.WriteByte(0)
	}
	maphash.WriteComparable(&h, [2]uint64{uint64(p.Date.UnixNano()), p.ContentHash})
	return h.Sum64()
}

// lang is s's index of the language code; empty when it has none.
func (s searchState) lang(code string) langIndex {
	if k := slices.IndexFunc(s.langs, func(l langIndex) bool { return l.code == code }); k >= 0 {
		return s.langs[k]
	}
	return langIndex{}
}

// searchBriefs lists the places of the briefs the index reads, in path order:
// prev's list when st took prev's claims (its graph is a copy of prev's, every
// page at its place, and an edit that could make a brief searchable or not
// builds the graph anew), else gathered from the outputs' owners.
func (st *state) searchBriefs(prev *state) []int {
	if prev != nil && prev.search.read != nil && sameList(st.names, prev.names) {
		return prev.search.briefs
	}
	var briefs []*site.Page
	seen := map[*site.Page]bool{}
	for _, o := range st.owner {
		if p := st.page(o); !seen[p] && searchable(p) {
			seen[p] = true
			briefs = append(briefs, p)
		}
	}
	slices.SortFunc(briefs, func(a, b *site.Page) int { return cmp.Compare(a.Path, b.Path) })
	at := make([]int, len(briefs))
	for i, p := range briefs {
		at[i] = p.At()
	}
	return at
}

// readBriefs reads the briefs at places briefs for the index, and returns them
// and each language's pages, in the site's order of languages. Each brief is
// read, or taken from what prev read when its key is the same; when the list
// is prev's, see rereadBriefs.
func (st *state) readBriefs(prev *state, briefs []int, streamed *streamedPages) ([]searchPage, [][]*search.Page) {
	if prev != nil && prev.search.read != nil && sameList(briefs, prev.search.briefs) {
		return st.rereadBriefs(prev)
	}
	read := make([]searchPage, len(briefs))
	before := st.lastRead(prev, briefs)
	pool.Each(len(read), func(i int) { read[i] = st.mode.searchPage(st, st.site.Page(briefs[i]), before(i), streamed) })
	byLang := make([][]*search.Page, len(st.cfg.Order))
	for i, at := range briefs {
		k := slices.Index(st.cfg.Order, st.site.Page(at).Lang.Code)
		read[i].lang, read[i].slot = int32(k), int32(len(byLang[k]))
		byLang[k] = append(byLang[k], read[i].page)
	}
	return read, byLang
}

// rereadBriefs reads the briefs again after an edit that copied prev's graph:
// the list is prev's, and only the briefs the edit changed (st.changed) can
// read otherwise. The others are taken as prev read them, without a look at
// their pages (20,000 at 10,000 pairs), and a language none of whose briefs
// changed keeps prev's pages, the same slice, which search.Update sees.
func (st *state) rereadBriefs(prev *state) ([]searchPage, [][]*search.Page) {
	last := prev.search
	read := slices.Clone(last.read)
	byLang := make([][]*search.Page, len(last.langs))
	for k, l := range last.langs {
		byLang[k] = l.pages
	}
	for _, p := range st.changed {
		i, ok := slices.BinarySearchFunc(last.briefs, p.Path, func(at int, path string) int { return cmp.Compare(st.site.Page(at).Path, path) })
		if !ok {
			continue
		}
		r := st.mode.searchPage(st, p, &last.read[i], nil)
		if r.page == read[i].page {
			continue
		}
		if l := byLang[r.lang]; sameList(l, last.langs[r.lang].pages) {
			byLang[r.lang] = slices.Clone(l)
		}
		byLang[r.lang][r.slot], read[i] = r.page, r
	}
	return read, byLang
}

// lastRead finds what prev read of each of briefs, the places of st's briefs,
// by path; nil for a brief prev did not read.
func (st *state) lastRead(prev *state, briefs []int) func(i int) *searchPage {
	if prev == nil || prev.search.read == nil {
		return func(int) *searchPage { return nil }
	}
	last := prev.search
	byPath := make(map[string]*searchPage, len(last.briefs))
	for i, at := range last.briefs {
		byPath[prev.site.Page(at).Path] = &last.read[i]
	}
	return func(i int) *searchPage { return byPath[st.site.Page(briefs[i]).Path] }
}

// all lists every search file: the pages, then each index's.
func (s searchState) all() []string {
	out := slices.Clone(s.pages)
	for _, l := range s.langs {
		out = append(out, l.files...)
	}
	return out
}

// has reports whether s wrote the file name.
func (s searchState) has(name string) bool {
	return slices.Contains(s.pages, name) || slices.ContainsFunc(s.langs, func(l langIndex) bool {
		return strings.HasPrefix(name, "search/"+l.code+"/") && slices.Contains(l.files, name)
	})
}

// leftIn lists the files of s that next did not write: an index that changed
// is in a new folder (named by its files' hash), and every file of its old one
// goes, without a look at the thousands of names of the new one.
func (s searchState) leftIn(next searchState) []string {
	var out []string
	for _, name := range s.pages {
		if !slices.Contains(next.pages, name) {
			out = append(out, name)
		}
	}
	for _, l := range s.langs {
		now := next.lang(l.code).files
		if sameList(l.files, now) {
			continue
		}
		var kept func(name string) bool
		if was := folderOf(l.files); was != "" && was != folderOf(now) {
			kept = func(name string) bool { return !strings.HasPrefix(name, was) && slices.Contains(now, name) }
		} else {
			has := make(map[string]bool, len(now))
			for _, name := range now {
				has[name] = true
			}
			kept = func(name string) bool { return has[name] }
		}
		for _, name := range l.files {
			if !kept(name) {
				out = append(out, name)
			}
		}
	}
	return out
}

// folderOf is the folder of an index's files, "search/zh/<hash>/": below the
// folder of the last file, index.json, the folder the first file is in.
func folderOf(files []string) string {
	if len(files) < 2 {
		return ""
	}
	base := path.Dir(files[len(files)-1]) + "/"
	rest, ok := strings.CutPrefix(files[0], base)
	if i := strings.IndexByte(rest, '/'); ok && i > 0 {
		return base + rest[:i+1]
	}
	return ""
}
