package render

import (
	"sync"

	"github.com/briefs/briefs/internal/site"
)

// matchingTag is the tag in language lang that matches tag page p: of the tags that
// the translations of p's briefs carry, the one whose briefs are most like p's (the
// most shared over the fewest in all, Jaccard's index, counting only briefs that
// exist in both languages: an untranslated brief says nothing about a tag's match).
// Two tags that always go
// together ("淄博" and "山东") tie; then the one a translation lists where its
// original lists p wins, and then the first met. Nil when none of p's briefs is
// translated. count(tag, lang) is the number of tag's briefs with a version in lang.
func matchingTag(p *site.Page, lang string, count func(tag *site.Page, lang string) int) *site.Page {
	t := tallies.Get().(*tally)
	best, ok := t.match(p, lang, count)
	tallies.Put(t)
	if !ok {
		return matchingTagByMap(p, lang, count)
	}
	return best
}

// matchingTagByMap is matchingTag for tags not all placed in the graph (At is -1):
// the same choice, counted in maps.
func matchingTagByMap(p *site.Page, lang string, count func(tag *site.Page, lang string) int) *site.Page {
	shared, aligned := map[*site.Page]int{}, map[*site.Page]int{}
	var order []*site.Page
	inBoth := 0
	for _, b := range p.Pages {
		t := b.Translation(lang)
		if t == nil {
			continue
		}
		inBoth++
		for i, tag := range t.Tags {
			if shared[tag] == 0 {
				order = append(order, tag)
			}
			shared[tag]++
			if i < len(b.Tags) && b.Tags[i] == p {
				aligned[tag]++
			}
		}
	}
	var best *site.Page
	bestN, bestD := 0, 1
	for _, tag := range order {
		n, d := shared[tag], inBoth+count(tag, p.Lang.Code)-shared[tag]
		if n*bestD > bestN*d || n*bestD == bestN*d && aligned[tag] > aligned[best] {
			best, bestN, bestD = tag, n, d
		}
	}
	return best
}

// tally is matchingTag's scratch: each candidate tag's shared and aligned counts,
// indexed by the tag's place in the graph (site.Page.At). A dev-server tag edit
// recomputes the switch of most of the other language's tag pages, and counting in
// maps made of it a third of the edit's time; the counts touched are zeroed after
// use, so a tally is reused, from a pool since pages render on every core.
type tally struct {
	shared, aligned []int32
	order           []*site.Page
}

var tallies = sync.Pool{New: func() any { return new(tally) }}

// match is matchingTag counted in t, which it leaves zeroed; not ok when a
// candidate tag has no place.
func (t *tally) match(p *site.Page, lang string, count func(tag *site.Page, lang string) int) (best *site.Page, ok bool) {
	defer t.reset()
	inBoth := 0
	for _, b := range p.Pages {
		tr := b.Translation(lang)
		if tr == nil {
			continue
		}
		inBoth++
		for i, tag := range tr.Tags {
			at := tag.At()
			if at < 0 {
				return nil, false
			}
			t.grow(at)
			if t.shared[at] == 0 {
				t.order = append(t.order, tag)
			}
			t.shared[at]++
			if i < len(b.Tags) && b.Tags[i] == p {
				t.aligned[at]++
			}
		}
	}
	bestN, bestD, bestA := 0, 1, int32(0)
	for _, tag := range t.order {
		at := tag.At()
		n := int(t.shared[at])
		d := inBoth + count(tag, p.Lang.Code) - n
		if n*bestD > bestN*d || n*bestD == bestN*d && t.aligned[at] > bestA {
			best, bestN, bestD, bestA = tag, n, d, t.aligned[at]
		}
	}
	return best, true
}

// grow makes room in t for the tag at place at.
func (t *tally) grow(at int) {
	if at >= len(t.shared) {
		n := max(at+1, 2*len(t.shared))
		t.shared = append(t.shared, make([]int32, n-len(t.shared))...)
		t.aligned = append(t.aligned, make([]int32, n-len(t.aligned))...)
	}
}

// reset zeroes the counts match touched.
func (t *tally) reset() {
	for _, tag := range t.order {
		t.shared[tag.At()], t.aligned[tag.At()] = 0, 0
	}
	clear(t.order)
	t.order = t.order[:0]
}
