package render

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/site"
)

// matchingTagByMap is matchingTag counted in maps, as it was before the tally: the
// reference the tally is checked against.
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

// TestMatchingTagTally: the tally, counting by place, chooses the same tag as the
// maps it replaced, on a site of random briefs and tags whose translations carry
// tags in tied, aligned and unaligned ways, and leaves the tally zeroed for the next.
func TestMatchingTagTally(t *testing.T) {
	s := randomTagSite(t)
	count := func(tag *site.Page, lang string) int { return translated(tag.Pages, lang) }
	tags := 0
	for _, p := range s.Pages {
		if p.Kind != site.KindTag {
			continue
		}
		tags++
		for _, lang := range []string{"zh", "en"} {
			want := matchingTagByMap(p, lang, count)
			if got := matchingTag(p, lang, count); got != want {
				t.Errorf("%s in %s: tally chose %v, maps %v", p.Path, lang, got, want)
			}
		}
	}
	if tags < 20 {
		t.Fatalf("only %d tag pages: the site does not test much", tags)
	}
	tl := tallies.Get().(*tally)
	for i := range tl.slot {
		if tl.slot[i] != 0 {
			t.Fatalf("the tally was left with a tag at %d", i)
		}
	}
	if len(tl.found) != 0 || len(tl.other) != 0 {
		t.Fatalf("the tally was left with %d tags found, %d unplaced", len(tl.found), len(tl.other))
	}
}

// TestMatchingTagUnplaced: a candidate tag with no place in a graph (pages made
// by hand) is counted as a placed one is, and matched as the maps match it.
func TestMatchingTagUnplaced(t *testing.T) {
	zh, en := &config.Language{Code: "zh"}, &config.Language{Code: "en"}
	x, y := &site.Page{Kind: site.KindTag, Lang: en}, &site.Page{Kind: site.KindTag, Lang: en}
	p := &site.Page{Kind: site.KindTag, Lang: zh}
	for _, tags := range [][]*site.Page{{x}, {x, y}, {y, x}} {
		b := &site.Page{Lang: zh, Tags: []*site.Page{p}}
		b.Translations = []*site.Page{{Lang: en, Tags: tags}}
		p.Pages = append(p.Pages, b)
	}
	count := func(tag *site.Page, lang string) int { return 3 }
	if got := matchingTag(p, "en", count); got != x {
		t.Errorf("matched %p, want x %p (y %p)", got, x, y)
	}
	if got, want := matchingTag(p, "en", count), matchingTagByMap(p, "en", count); got != want {
		t.Errorf("matched %p, the maps %p", got, want)
	}
	if c := countCandidates(p, "en"); c.placed || c.inBoth != 3 || len(c.tags) != 2 || c.tags[0].shared != 3 || c.tags[1].shared != 2 {
		t.Errorf("counted %+v, want x in 3 and y in 2 of 3, not placed", c)
	}
}

// randomTagSite is a site of 300 briefs in Chinese, most with an English version,
// with random tags of twelve in each language.
func randomTagSite(t *testing.T) *site.Site {
	t.Helper()
	cfg, err := config.Load("site.toml", []byte("baseURL = \"https://example.org/\"\n[languages.zh]\n[languages.en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(prefix string) []string {
		var tags []string
		for range 1 + rng.IntN(4) {
			tags = append(tags, fmt.Sprintf("%s%d", prefix, rng.IntN(12)))
		}
		return tags
	}
	var files []*content.File
	for i := range 300 {
		for _, lang := range []string{"zh", "en"} {
			if lang == "en" && rng.IntN(4) == 0 {
				continue // untranslated
			}
			files = append(files, &content.File{Path: fmt.Sprintf("content/s/b%d.%s.md", i, lang), Section: "s",
				Name: fmt.Sprintf("b%d", i), Lang: lang, Front: content.Front{Title: "t", Tags: pick(lang),
					Date: time.Date(2024, 1, 1+i%28, 0, 0, 0, 0, time.UTC)}})
		}
	}
	var errs diag.List
	s := site.New(cfg, files, site.Options{Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}, &errs)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	return s
}
