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
	return countCandidates(p, lang).best(nil, p.Lang.Code, count)
}

// tagMatches are what matchingTag counts of a tag page p in a language: how many of
// p's briefs have a version in it (inBoth), and the tags those versions carry, in the
// order first met. The counts depend only on p's briefs, their order and tags, and
// their versions' tags, not on the other tags' lists: the dev server keeps them from
// one version of the site to the next (see Renderer.ForEdit), and after a tag edit
// chooses again from them for the many tag pages whose counts did not change.
type tagMatches struct {
	inBoth int
	tags   []tagMatch
	// placed is true when every tag has a place in the graph (site.Page.At), by which
	// a later version of the site finds its own page: only such candidates are kept.
	placed bool
}

// tagMatch is a tag of tagMatches, with how many of p's briefs' versions carry it
// (shared), and how many carry it where their original carries p (aligned).
type tagMatch struct {
	tag             *site.Page // in the graph it was counted in
	at              int        // tag.At()
	shared, aligned int32
}

// best is the matching tag among c. s, when not nil, is a later version of the graph
// c was counted in, where each tag is found by its place; code is the language of the
// tag page, whose briefs count names.
func (c *tagMatches) best(s *site.Site, code string, count func(tag *site.Page, lang string) int) *site.Page {
	var best *site.Page
	bestN, bestD, bestA := 0, 1, int32(0)
	for _, k := range c.tags {
		tag := k.tag
		if s != nil {
			tag = s.Page(k.at)
		}
		n := int(k.shared)
		d := c.inBoth + count(tag, code) - n
		if n*bestD > bestN*d || n*bestD == bestN*d && k.aligned > bestA {
			best, bestN, bestD, bestA = tag, n, d, k.aligned
		}
	}
	return best
}

// countCandidates counts the candidates of tag page p in language lang.
func countCandidates(p *site.Page, lang string) *tagMatches {
	t := tallies.Get().(*tally)
	defer tallies.Put(t)
	defer t.reset()
	c := &tagMatches{placed: true}
	for _, b := range p.Pages {
		tr := b.Translation(lang)
		if tr == nil {
			continue
		}
		c.inBoth++
		for i, tag := range tr.Tags {
			k := t.find(tag)
			k.shared++
			if i < len(b.Tags) && b.Tags[i] == p {
				k.aligned++
			}
		}
	}
	c.tags = make([]tagMatch, len(t.found))
	copy(c.tags, t.found)
	for _, k := range c.tags {
		c.placed = c.placed && k.at >= 0
	}
	return c
}

// tally is countCandidates' scratch: the candidates found, and where each is among
// them, by the tag's place in the graph (site.Page.At), or, for a tag with no place
// (pages made by hand), in a map. A dev-server tag edit chose again for most of the
// other language's tag pages, and counting in maps made of it a third of the edit's
// time; what was touched is zeroed after use, so a tally is reused, from a pool since
// pages render on every core.
type tally struct {
	slot  []int32 // by place: 1 + the tag's index in found; 0 when not found
	other map[*site.Page]int32
	found []tagMatch
}

var tallies = sync.Pool{New: func() any { return new(tally) }}

// find is the candidate of tag in t, added when new.
func (t *tally) find(tag *site.Page) *tagMatch {
	at := tag.At()
	var k int32
	if at >= 0 {
		if at >= len(t.slot) {
			t.slot = append(t.slot, make([]int32, max(at+1, 2*len(t.slot))-len(t.slot))...)
		}
		k = t.slot[at]
	} else {
		k = t.other[tag]
	}
	if k == 0 {
		t.found = append(t.found, tagMatch{tag: tag, at: at})
		k = int32(len(t.found))
		if at >= 0 {
			t.slot[at] = k
		} else {
			if t.other == nil {
				t.other = map[*site.Page]int32{}
			}
			t.other[tag] = k
		}
	}
	return &t.found[k-1]
}

// reset zeroes what t touched.
func (t *tally) reset() {
	for _, k := range t.found {
		if k.at >= 0 {
			t.slot[k.at] = 0
		}
	}
	clear(t.other)
	clear(t.found)
	t.found = t.found[:0]
}
