package site

import (
	"cmp"
	"maps"
	"slices"
	"time"

	"github.com/briefs/briefs/internal/content"
)

// Edit is a brief's file read again: Old is the file the graph's page was made from,
// New the file now, and Body the page's body from New.
type Edit struct {
	Old, New *content.File
	Body     Body
}

// WithFront returns a copy of the graph (made as WithBodies makes it, in spare's
// memory when it fits) in which the briefs of the edits show their new files, for
// the dev server's edits to a brief's title, dates, tags, summary and such: only the
// lists the brief is on are put in order again, the term pages it enters or leaves
// changed, the dates of those lists, and the related briefs of the briefs that share
// a tag with it found again. Building the graph anew costs about ten times more at
// 10,000 pairs. changed are the copy's pages whose own fields, lists or related
// briefs differ from s's.
//
// It returns nil when an edit changes more than the pages' contents and order:
// when a brief is not found or is not listed, or its address changes, or it would
// make a term page or leave one empty, or change how many pages a term's list has.
// The caller then builds the graph anew. The edits must leave each file's language,
// translation group, aliases, bundle, drafts and build options as they were (the
// caller checks the front matter; see build's frontOnly).
func (s *Site) WithFront(edits []Edit, spare *Site) (next *Site, changed []*Page) {
	for _, e := range edits {
		p := s.pageOf(e.Old)
		if p == nil || p.Kind != KindBrief || unlisted(p) || !p.Rendered() || s.Lang(p.Lang.Code).briefPath(e.New) != p.Path {
			return nil, nil
		}
	}
	next, _ = s.copyInto(spare)
	set := map[*Page]bool{}
	moved := map[*Lang]bool{}
	for _, e := range edits {
		q := next.Page(s.pageOf(e.Old).At())
		l := next.Lang(q.Lang.Code)
		if !l.refront(q, e, set) {
			return nil, nil
		}
		moved[l] = true
	}
	for l := range moved {
		next.reorder(l)
		for _, tax := range l.Taxonomies { // refront dates them all
			set[tax] = true
		}
	}
	for p := range set {
		next.touched = append(next.touched, p.At())
	}
	return next, slices.SortedFunc(maps.Keys(set), func(a, b *Page) int { return a.at - b.at })
}

// pageOf is the page made from file f, or nil.
func (s *Site) pageOf(f *content.File) *Page {
	for _, p := range s.slotList() {
		if p.File == f {
			return p
		}
	}
	return nil
}

// refront gives q, a brief of the copy l is in, the edit's file, and mends what
// shows it: its lists, their dates, its terms, related briefs. set gathers the
// pages changed. It reports false when the edit needs the graph built anew.
func (l *Lang) refront(q *Page, e Edit, set map[*Page]bool) bool {
	order := newOrder(l.Locale)
	before := *q
	fm := e.New.Front
	q.Title, q.linkTitle = cmp.Or(fm.Title, e.New.Name), fm.LinkTitle
	q.Keywords, q.Images, q.Summary, q.Description = fm.Keywords, fm.Images, fm.Summary, fm.Description
	q.Date, q.Lastmod = fm.Date, cmp.Or(fm.Lastmod, fm.Date)
	q.Source, q.Editor, q.Weight = fm.Source, fm.Editor, fm.Weight
	q.rebody(e.New, e.Body)
	set[q] = true
	lists := []*Page{l.Home}
	for sec := q.Section; sec != nil; sec = sec.Section {
		lists = append(lists, sec)
	}
	oldTerms, ok := l.moveTerms(q, e.New, order)
	if !ok {
		return false
	}
	lists = append(lists, oldTerms...)
	for _, ts := range q.Terms {
		lists = append(lists, ts...)
	}
	if order.briefs(&before, q) != 0 || order.briefs(q, &before) != 0 || !before.Date.Equal(q.Date) {
		resort(l.Briefs, q, order)
		for _, p := range lists {
			if !same(p.Pages, l.Briefs) {
				resort(p.Pages, q, order)
			}
		}
	}
	for _, p := range lists {
		if p.Kind == KindTag && p.Title != l.termTitle(p) {
			return false // a term is titled as its first brief spells it: its place among the terms may change
		}
		set[p] = true
		p.Date = latestOf(p)
		if p.Section != nil && p.Kind == KindTag {
			set[p.Section] = true // the taxonomy's page lists the term's date and count
		}
	}
	for _, tax := range l.Taxonomies {
		tax.Date = l.Home.Date
	}
	if !before.Date.Equal(q.Date) || !slices.Equal(before.Tags, q.Tags) {
		l.relateAround(q, before.Tags, set)
	}
	return true
}

// termTitle is the title New gives term page t: its _index file's, else the name
// its first brief gives it (spellings of one term may differ in case or spaces).
func (l *Lang) termTitle(t *Page) string {
	if t.File != nil && t.File.Front.Title != "" {
		return t.File.Front.Title
	}
	slug := t.group[len(t.Section.group)+1:]
	for _, name := range termsOf(t.Pages[0].File, t.Section.group) {
		if l.termSlug(name) == slug {
			return name
		}
	}
	return t.Title
}

// latestOf is latest for a list page of a copy: from the date its own file gives it.
func latestOf(p *Page) time.Time {
	var d time.Time
	if p.File != nil {
		d = p.File.Front.Date
	}
	for _, b := range p.Pages {
		if b.Date.After(d) {
			d = b.Date
		}
	}
	return d
}

// moveTerms gives q the terms its new file f names, moving it out of the lists of the
// terms it leaves and into those it enters, in order; it returns the terms q left.
// It reports false when a term would have to be made or be left empty, or a term's
// list would have another number of pages.
func (l *Lang) moveTerms(q *Page, f *content.File, order order) ([]*Page, bool) {
	var left []*Page
	terms := map[string][]*Page{}
	for _, tax := range l.Taxonomies {
		var want []*Page
		for _, name := range termsOf(f, tax.group) {
			t := l.terms[tax.group+"/"+l.termSlug(name)]
			if t == nil {
				return nil, false // a new term page
			}
			if !slices.Contains(want, t) {
				want = append(want, t)
			}
		}
		had := q.Terms[tax.group]
		for _, t := range had {
			if !slices.Contains(want, t) {
				if len(t.Pages) == 1 {
					return nil, false // the term page would go
				}
				t.Pages = slices.DeleteFunc(slices.Clone(t.Pages), func(p *Page) bool { return p == q })
				left = append(left, t)
			}
		}
		for _, t := range want {
			if !slices.Contains(had, t) {
				i, _ := slices.BinarySearchFunc(t.Pages, q, order.briefs)
				t.Pages = slices.Insert(slices.Clone(t.Pages), i, q)
			}
		}
		if len(want) > 0 {
			terms[tax.group] = want
		}
	}
	for _, t := range left {
		if l.pagers(len(t.Pages)+1) != l.pagers(len(t.Pages)) {
			return nil, false
		}
	}
	for _, ts := range terms {
		for _, t := range ts {
			if !slices.Contains(q.Terms[t.Section.group], t) && l.pagers(len(t.Pages)-1) != l.pagers(len(t.Pages)) {
				return nil, false
			}
		}
	}
	if len(terms) == 0 {
		terms = nil
	}
	q.Terms = terms
	q.Tags = terms[content.TagsDir]
	return left, true
}

// pagers is how many pages a term's list of n briefs has.
func (l *Lang) pagers(n int) int {
	size := l.cfg.PageSize
	return max(1, (n+size-1)/size)
}

// resort puts q, whose sort key changed, at its place in list, which is otherwise in
// order. The list is the copy's own: it is changed in place.
func resort(list []*Page, q *Page, order order) {
	i := slices.Index(list, q)
	if i < 0 {
		return
	}
	copy(list[i:], list[i+1:])
	rest := list[:len(list)-1]
	j, _ := slices.BinarySearchFunc(rest, q, order.briefs)
	copy(list[j+1:], list[j:len(list)-1])
	list[j] = q
}

// reorder puts l's briefs in s.Pages in l.Briefs' order, as collect does.
func (s *Site) reorder(l *Lang) {
	start := slices.IndexFunc(s.Pages, func(p *Page) bool { return p.Kind == KindBrief && p.Lang.Code == l.Code })
	if start < 0 {
		return
	}
	if s.slots == nil || same(s.Pages, s.slots) {
		s.slots = s.Pages
		s.Pages = slices.Clone(s.Pages)
	}
	copy(s.Pages[start:], l.Briefs)
}

// relateAround mends the related briefs after q's date or tags changed (oldTags
// were its tags before): only q and the briefs that share a tag with it, before or
// now, can have others, and of those only q's own list and the lists q was on need
// finding again in full. For any other brief b, q is the one candidate whose rank
// changed, and it was below b's last related brief: b's list now is the first
// RelatedSize of its list and q. The hash of relate's inputs is left to be found
// when asked: hashing every brief of the language cost an edit about 2 ms at
// 10,000 pairs.
func (l *Lang) relateAround(q *Page, oldTags []*Page, set map[*Page]bool) {
	for i, p := range l.Briefs {
		p.index = i
	}
	again := []*Page{q}
	seen := map[*Page]bool{q: true}
	var insert []*Page
	for _, t := range slices.Concat(oldTags, q.Tags) {
		for _, b := range t.Pages {
			if seen[b] {
				continue
			}
			seen[b] = true
			if slices.Contains(b.Related, q) {
				again = append(again, b)
			} else {
				insert = append(insert, b)
			}
		}
	}
	l.relateSome(again, l.cfg.RelatedSize)
	for _, b := range again {
		set[b] = true
	}
	for _, b := range insert {
		if l.insertRelated(b, q) {
			set[b] = true
		}
	}
	l.relatedKnown = false // found when the next graph asks (relatedHash)
}

// insertRelated puts q in b's related briefs if it now ranks among them, as top
// ranks them: more shared tags first, then newer, then by path. It reports whether
// b's list changed.
func (l *Lang) insertRelated(b, q *Page) bool {
	shared := func(p *Page) int {
		n := 0
		for _, t := range b.Tags {
			if slices.Contains(p.Tags, t) {
				n++
			}
		}
		return n
	}
	cq := shared(q)
	if cq == 0 || l.cfg.RelatedSize <= 0 {
		return false
	}
	before := func(p *Page) bool { // q before p
		if cp := shared(p); cq != cp {
			return cq > cp
		}
		if c := p.Date.Compare(q.Date); c != 0 {
			return c < 0
		}
		return q.Path < p.Path
	}
	at := slices.IndexFunc(b.Related, before)
	if at < 0 {
		if len(b.Related) >= l.cfg.RelatedSize {
			return false
		}
		at = len(b.Related)
	}
	list := slices.Insert(slices.Clone(b.Related), at, q)
	b.Related = list[:min(len(list), l.cfg.RelatedSize)]
	return true
}
