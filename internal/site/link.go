package site

import (
	"cmp"
	"encoding/binary"
	"hash/maphash"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
)

// link fills the lists of one language: section contents, subsections, tags, related.
func (l *Lang) link(cfg *config.Site, prev *Lang) {
	order := newOrder(l.Locale)
	slices.SortFunc(l.Briefs, order.briefs)
	l.Home.Pages = l.Briefs
	if slices.ContainsFunc(l.Briefs, unlisted) {
		l.Home.Pages = slices.DeleteFunc(slices.Clone(l.Briefs), unlisted)
	}
	for _, p := range l.Home.Pages {
		for sec := p.Section; sec != nil; sec = sec.Section {
			sec.Pages = append(sec.Pages, p)
		}
		for _, tax := range l.Taxonomies {
			for _, name := range termsOf(p.File, tax.group) {
				term := l.term(tax, name)
				if !slices.Contains(p.Terms[tax.group], term) {
					if p.Terms == nil {
						p.Terms = map[string][]*Page{}
					}
					p.Terms[tax.group] = append(p.Terms[tax.group], term)
					term.Pages = append(term.Pages, p)
				}
			}
		}
		p.Tags = p.Terms[content.TagsDir]
	}
	for _, sec := range l.sortedSections(order) {
		if sec.Section == nil {
			l.Home.Sections = append(l.Home.Sections, sec)
		} else {
			sec.Section.Sections = append(sec.Section.Sections, sec)
		}
		sec.Date = latest(sec)
	}
	l.Home.Date = latest(l.Home)
	for _, term := range l.sortedTerms(order) {
		term.Section.Sections = append(term.Section.Sections, term)
		term.Date = latest(term)
	}
	for _, tax := range l.Taxonomies {
		tax.Date = l.Home.Date
	}
	l.relatedKey, l.relatedKnown = l.relatedInputs(cfg.RelatedSize), true
	if prev == nil || prev.relatedHash() != l.relatedKey || !l.reuseRelated(prev) {
		l.relate(cfg.RelatedSize)
	}
}

// relatedInputs hashes everything relate looks at: each brief's address, date and
// tags, in list order, and how many related briefs to find.
func (l *Lang) relatedInputs(n int) uint64 {
	var h maphash.Hash
	h.SetSeed(hashSeed)
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], uint64(n))
	h.Write(b[:])
	for _, p := range l.Briefs {
		h.WriteString(p.Path)
		binary.LittleEndian.PutUint64(b[:], uint64(p.Date.UnixNano()))
		h.Write(b[:])
		for _, t := range p.Tags {
			h.WriteString(t.Path)
			h.WriteByte(0)
		}
		h.WriteByte(1)
	}
	return h.Sum64()
}

// relatedHash is relatedInputs' hash for l as it is now, found the first time it is
// asked for. The graph l is in must no longer change: a graph a state reads, not
// one being copied or mended.
func (l *Lang) relatedHash() uint64 {
	if !l.relatedKnown {
		l.relatedKey, l.relatedKnown = l.relatedInputs(l.cfg.RelatedSize), true
	}
	return l.relatedKey
}

// hashSeed keys relatedInputs; its hashes are only compared within one process.
var hashSeed = maphash.MakeSeed()

// reuseRelated gives each brief the related briefs its namesake had in prev, which
// has the same relatedInputs. It reports false, leaving the work to relate, if a
// brief cannot be matched.
func (l *Lang) reuseRelated(prev *Lang) bool {
	if len(prev.Briefs) != len(l.Briefs) {
		return false
	}
	byPath := make(map[string]*Page, len(l.Briefs))
	for _, p := range l.Briefs {
		byPath[p.Path] = p
	}
	for i, p := range l.Briefs {
		old := prev.Briefs[i]
		if old.Path != p.Path {
			return false
		}
		p.Related = make([]*Page, 0, len(old.Related))
		for _, q := range old.Related {
			nq := byPath[q.Path]
			if nq == nil {
				return false
			}
			p.Related = append(p.Related, nq)
		}
	}
	return true
}

// latest is the date of the newest brief a list page lists, for feeds and sitemaps.
func latest(p *Page) time.Time {
	d := p.Date
	for _, b := range p.Pages {
		if b.Date.After(d) {
			d = b.Date
		}
	}
	return d
}

// term returns the page of a term of taxonomy tax, merging names that differ only in
// case or spaces. Its title and intro come from the term's _index file if it has one
// (content/tags/<term>/_index.md). Its Section is the taxonomy's page.
func (l *Lang) term(tax *Page, name string) *Page {
	slug := l.termSlug(name)
	key := tax.group + "/" + slug
	if t := l.terms[key]; t != nil {
		return t
	}
	t := &Page{Kind: KindTag, Lang: l.Language, Title: name, Path: tax.Path + slug + "/", group: key, Section: tax}
	if f := l.termFiles[key]; f != nil {
		t.fromIndex(f)
	}
	l.terms[key] = t
	return t
}

// TagSlug turns a tag into its URL segment the way Hugo's urlize does: lowercase,
// spaces to '-', characters a URL cannot hold dropped; Chinese is kept as it is.
func TagSlug(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(name)) {
		switch {
		case r == ' ' || r == '\t' || r == '/':
			b.WriteByte('-')
		case r == '-' || r == '_' || r == '.' || isWordRune(r):
			b.WriteRune(r)
		}
	}
	s := strings.Trim(b.String(), ".")
	if s == "" {
		return "tag"
	}
	return s
}

// order sorts pages and names in one language's collation: Chinese by pinyin, English
// without regard to case.
type order struct{ coll *collate.Collator }

func newOrder(locale string) order {
	tag, err := language.Parse(locale)
	if err != nil {
		tag = language.Und
	}
	return order{coll: collate.New(tag, collate.IgnoreCase)}
}

func (o order) names(a, b string) int {
	return cmp.Or(o.coll.CompareString(a, b), strings.Compare(a, b))
}

// unlisted reports whether a brief is left out of lists (home, sections, tags, related):
// Hugo's build option list = "never" or "local".
func unlisted(p *Page) bool { return p.File != nil && !p.File.Front.Listed() }

// briefs orders briefs as Hugo's default sort does: weighted ones first by weight, then
// newest first (a brief without a date after those with one), then by link title,
// then by path.
func (o order) briefs(a, b *Page) int {
	wa, wb := a.Weight, b.Weight
	if (wa == 0) != (wb == 0) {
		return cmp.Compare(wb, wa) // a weight of 0 means unweighted: after the others
	}
	return cmp.Or(cmp.Compare(wa, wb), b.Date.Compare(a.Date), o.names(a.LinkTitle(), b.LinkTitle()), strings.Compare(a.Path, b.Path))
}

func (l *Lang) sortedSections(o order) []*Page {
	secs := slices.Collect(maps.Values(l.sections))
	slices.SortFunc(secs, func(a, b *Page) int {
		wa, wb := a.Weight, b.Weight
		if (wa == 0) != (wb == 0) {
			return cmp.Compare(wb, wa)
		}
		return cmp.Or(cmp.Compare(wa, wb), o.names(a.Title, b.Title), strings.Compare(a.Path, b.Path))
	})
	return secs
}

func (l *Lang) sortedTerms(o order) []*Page {
	tags := slices.Collect(maps.Values(l.terms))
	slices.SortFunc(tags, func(a, b *Page) int { return cmp.Or(o.names(a.Title, b.Title), strings.Compare(a.Path, b.Path)) })
	return tags
}

// relate fills every brief's Related list. Counting shared tags through each tag's
// brief list, into a slice indexed by brief, costs what the tag lists hold rather than
// briefs squared; only the top n are kept, by insertion, instead of sorting every candidate.
func (l *Lang) relate(n int) {
	for i, p := range l.Briefs {
		p.index = i
	}
	l.relateSome(l.Briefs, n)
}

// relateSome fills the Related lists of some of l's briefs, whose index fields are set.
func (l *Lang) relateSome(some []*Page, n int) {
	r := relater{
		l:       l,
		counts:  make([]int32, len(l.Briefs)),
		secs:    make([]int64, len(l.Briefs)),
		nanos:   make([]int32, len(l.Briefs)),
		members: make(map[*Page][]int32),
	}
	for i, p := range l.Briefs {
		r.secs[i], r.nanos[i] = p.Date.Unix(), int32(p.Date.Nanosecond())
	}
	for _, p := range some {
		p.Related = r.related(p, n)
	}
}

// relater counts, for relateSome, the tags other briefs share with a brief, from
// arrays of its own: each tag's briefs as positions in the language's list, and each
// brief's date. Reading them from the pages instead (a tag's brief's index, a
// candidate's date for the tie-break) read a page for each of the tags' entries, about
// ten million at 10,000 pairs a language, and cache misses were most of relate's time.
type relater struct {
	l       *Lang
	counts  []int32           // shared tags, by position; zero again after each brief
	secs    []int64           // each brief's date, by position: Unix seconds
	nanos   []int32           // and nanoseconds, the instant time.Time.Compare compares
	members map[*Page][]int32 // a tag's briefs' positions, made when first asked
	touched []int32           // the positions whose count is not zero
}

// positions returns the positions of tag's briefs.
func (r *relater) positions(tag *Page) []int32 {
	at, ok := r.members[tag]
	if !ok {
		at = make([]int32, len(tag.Pages))
		for i, q := range tag.Pages {
			at[i] = int32(q.index)
		}
		r.members[tag] = at
	}
	return at
}

// related returns p's n related briefs: the briefs sharing the most tags with it,
// newest first among equals, then by path.
func (r *relater) related(p *Page, n int) []*Page {
	self := int32(p.index)
	r.touched = r.touched[:0]
	for _, tag := range p.Tags {
		for _, i := range r.positions(tag) {
			if i != self {
				if r.counts[i] == 0 {
					r.touched = append(r.touched, i)
				}
				r.counts[i]++
			}
		}
	}
	out := r.top(n)
	for _, i := range r.touched {
		r.counts[i] = 0
	}
	return out
}

// before tells whether the brief at position a ranks before the one at b: more shared
// tags, then newer, then by path.
func (r *relater) before(a, b int32) bool {
	if ca, cb := r.counts[a], r.counts[b]; ca != cb {
		return ca > cb
	}
	if sa, sb := r.secs[a], r.secs[b]; sa != sb {
		return sa > sb
	}
	if na, nb := r.nanos[a], r.nanos[b]; na != nb {
		return na > nb
	}
	return r.l.Briefs[a].Path < r.l.Briefs[b].Path
}

// top returns the n touched briefs that rank first, keeping them by insertion.
func (r *relater) top(n int) []*Page {
	if n <= 0 {
		return nil
	}
	var best []int32
	for _, i := range r.touched {
		if len(best) == n && !r.before(i, best[n-1]) {
			continue
		}
		at := len(best)
		for at > 0 && r.before(i, best[at-1]) {
			at--
		}
		if len(best) < n {
			best = append(best, 0)
		}
		copy(best[at+1:], best[at:len(best)-1])
		best[at] = i
	}
	var out []*Page
	for _, i := range best {
		out = append(out, r.l.Briefs[i])
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
