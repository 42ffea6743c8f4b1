package site

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
)

func TestTagSlug(t *testing.T) {
	tests := map[string]string{
		"Rule of Law":      "rule-of-law",
		" 法治 ":             "法治",
		"COVID-19":         "covid-19",
		"a/b":              "a-b",
		"what?#%":          "what",
		"...":              "tag",
		"Zibo (淄博)":        "zibo-淄博",
		"e.g.":             "e.g",
		"anti-fraud":       "anti-fraud",
		"Law & Order":      "law--order",
		"grassroots_level": "grassroots_level",
	}
	for in, want := range tests {
		if got := TagSlug(in); got != want {
			t.Errorf("TagSlug(%q) = %q, want %q", in, got, want)
		}
	}
}

// now is the time the tests' graphs are built at, after every brief's date.
var now = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)

func brief(name string, day int, tags ...string) *content.File {
	return &content.File{Path: "content/s/" + name + ".en.md", Section: "s", Name: name, Lang: "en",
		Front: content.Front{Title: name, Date: time.Date(2024, 1, day, 0, 0, 0, 0, time.UTC), Tags: tags}}
}

func TestRelated(t *testing.T) {
	cfg, err := config.Load("site.toml", []byte("relatedSize = 3\n[languages.en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	files := []*content.File{
		brief("p", 1, "a", "b", "c"),
		brief("three", 2, "a", "b", "c"),
		brief("two-old", 3, "a", "b"),
		brief("two-new", 4, "b", "c"),
		brief("one", 5, "a"),
		brief("one-newer", 6, "c"),
		brief("none", 7, "z"),
	}
	var errs diag.List
	s := New(cfg, files, Options{Now: now}, &errs)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	var p *Page
	for _, b := range s.Lang("en").Briefs {
		if b.Title == "p" {
			p = b
		}
	}
	var got []string
	for _, r := range p.Related {
		got = append(got, r.Title)
	}
	if want := "three two-new two-old"; strings.Join(got, " ") != want {
		t.Errorf("related %v, want %s", got, want)
	}
}

// TestRelatedFromPrevious checks that a graph built with the previous one reuses its
// related briefs only when their inputs are unchanged, and always agrees with a graph
// built from scratch.
func TestRelatedFromPrevious(t *testing.T) {
	cfg, err := config.Load("site.toml", []byte("relatedSize = 2\n[languages.en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	base := func() []*content.File {
		return []*content.File{
			brief("a", 1, "x", "y"), brief("b", 2, "x"), brief("c", 3, "y"), brief("d", 4, "x", "y"), brief("e", 5, "z"),
		}
	}
	build := func(files []*content.File, prev *Site) *Site {
		t.Helper()
		var errs diag.List
		s := New(cfg, files, Options{Now: now, Previous: prev}, &errs)
		if err := errs.Err(); err != nil {
			t.Fatal(err)
		}
		return s
	}
	related := func(s *Site) string {
		mine := map[*Page]bool{}
		for _, p := range s.Pages {
			mine[p] = true
		}
		var b strings.Builder
		for _, p := range s.Lang("en").Briefs {
			b.WriteString(p.Title + ":")
			for _, q := range p.Related {
				if !mine[q] {
					t.Errorf("%s: related %s is a page of another graph", p.Title, q.Path)
				}
				b.WriteString(" " + q.Path)
			}
			b.WriteString("\n")
		}
		return b.String()
	}
	prev := build(base(), nil)
	edits := map[string]func([]*content.File){
		"title":  func(fs []*content.File) { fs[0].Front.Title = "A new title" },
		"tags":   func(fs []*content.File) { fs[4].Front.Tags = []string{"x"} },
		"date":   func(fs []*content.File) { fs[1].Front.Date = fs[1].Front.Date.AddDate(0, 0, 10) },
		"delete": func(fs []*content.File) { fs[2].Front.Draft = true },
	}
	for name, edit := range edits {
		files := base()
		edit(files)
		fresh, reused := build(files, nil), build(files, prev)
		same := reused.Lang("en").relatedHash() == prev.Lang("en").relatedHash()
		if same != (name == "title") {
			t.Errorf("%s edit: related inputs unchanged = %v, want %v", name, same, name == "title")
		}
		if got, want := related(reused), related(fresh); got != want {
			t.Errorf("%s edit: related with the previous graph:\n%s\nfrom scratch:\n%s", name, got, want)
		}
	}
}

// TestRelatedAfterFrontEdit checks that a graph mended by WithFront, whose hash of
// the related briefs' inputs is left to be found when asked, hands a graph built
// after it the related briefs a graph built from scratch finds: reused when the
// files are the same, found again when they differ.
func TestRelatedAfterFrontEdit(t *testing.T) {
	cfg, err := config.Load("site.toml", []byte("relatedSize = 2\n[languages.en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	files := []*content.File{brief("a", 1, "x", "y"), brief("b", 2, "x"), brief("c", 3, "y"), brief("d", 4, "x", "y")}
	build := func(files []*content.File, prev *Site) *Site {
		t.Helper()
		var errs diag.List
		s := New(cfg, files, Options{Now: now, Previous: prev}, &errs)
		if err := errs.Err(); err != nil {
			t.Fatal(err)
		}
		return s
	}
	related := func(s *Site) string {
		var b strings.Builder
		for _, p := range s.Lang("en").Briefs {
			b.WriteString(p.Title + ":")
			for _, q := range p.Related {
				b.WriteString(" " + q.Path)
			}
			b.WriteString("\n")
		}
		return b.String()
	}
	s := build(files, nil)
	edited := *files[1]
	edited.Front.Tags = []string{"y"}
	next, _ := s.WithFront([]Edit{{Old: files[1], New: &edited}}, nil)
	if next == nil {
		t.Fatal("WithFront refused a tag edit")
	}
	if next.Lang("en").relatedKnown {
		t.Error("the mended graph hashed its related briefs' inputs")
	}
	cur := append([]*content.File{}, files...)
	cur[1] = &edited
	for name, in := range map[string][]*content.File{"same files": cur, "files before the edit": files} {
		fresh := build(in, nil)
		if got, want := related(build(in, next)), related(fresh); got != want {
			t.Errorf("%s after the edited graph: related\n%s\nfrom scratch:\n%s", name, got, want)
		}
	}
	if next.Lang("en").relatedHash() != build(cur, nil).Lang("en").relatedHash() {
		t.Error("the mended graph's hash differs from a fresh graph's of the same files")
	}
}

// A section without an _index file in a language takes its title from another
// language's _index, not its folder name, and the build warns at that file.
func TestSectionTitleFallback(t *testing.T) {
	cfg, err := config.Load("site.toml", []byte("defaultLanguage = \"zh\"\n[languages.zh]\nweight = 1\n[languages.en]\nweight = 2\n"))
	if err != nil {
		t.Fatal(err)
	}
	in := func(lang, sec, name, title string) *content.File {
		return &content.File{Path: "content/" + sec + "/" + name + "." + lang + ".md", Section: sec, Name: name, Lang: lang,
			Front: content.Front{Title: title, Date: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}}
	}
	files := []*content.File{
		in("zh", "law", "a", "甲"), in("en", "law", "a", "A"), in("en", "law", "_index", "Rule of Law"),
		in("en", "economy", "b", "B"),
	}
	var errs diag.List
	s := New(cfg, files, Options{Now: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)}, &errs)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	if got := s.Lang("zh").sections["law"].Title; got != "Rule of Law" {
		t.Errorf("zh law section titled %q; want the English _index's title", got)
	}
	var got []string
	for _, w := range errs.Warnings() {
		got = append(got, w.Error())
	}
	want := []string{
		`content/economy: warning: section economy has no content/economy/_index.en.md; its en pages title it "economy"; add the file with a title`,
		`content/law/_index.en.md:1:1: warning: section law has no content/law/_index.zh.md; its zh pages show this file's title "Rule of Law"; add the file with a title in zh`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestRelatedMatchesOracle holds relate to its definition on a seeded random site:
// for each brief, the briefs sharing the most tags with it, then the newest (equal
// dates, dates a nanosecond apart, a time zone and briefs without a date among them),
// then by path, found here by sorting every other brief.
func TestRelatedMatchesOracle(t *testing.T) {
	cfg, err := config.Load("site.toml", []byte("relatedSize = 4\n[languages.en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	tags := []string{"a", "b", "c", "d", "e", "f", "g"}
	east := time.FixedZone("UTC+8", 8*3600)
	var files []*content.File
	for i := range 300 {
		var ts []string
		for _, tag := range tags {
			if rng.IntN(3) == 0 {
				ts = append(ts, tag)
			}
		}
		f := brief(fmt.Sprintf("b%03d", i), 1+rng.IntN(5), ts...)
		switch rng.IntN(6) {
		case 0:
			f.Front.Date = time.Time{}
		case 1:
			f.Front.Date = f.Front.Date.Add(time.Duration(rng.IntN(2))) // a nanosecond apart
		case 2:
			f.Front.Date = f.Front.Date.In(east) // the same instant elsewhere
		case 3:
			f.Front.Weight = 1 + rng.IntN(3) // list order is not related order
		}
		files = append(files, f)
	}
	var errs diag.List
	s := New(cfg, files, Options{Now: now}, &errs)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	briefs := s.Lang("en").Briefs
	shared := func(p, q *Page) int {
		n := 0
		for _, tag := range p.Tags {
			if slices.Contains(q.Tags, tag) {
				n++
			}
		}
		return n
	}
	for _, p := range briefs {
		var want []*Page
		for _, q := range briefs {
			if q != p && shared(p, q) > 0 {
				want = append(want, q)
			}
		}
		slices.SortFunc(want, func(a, b *Page) int {
			return cmp.Or(cmp.Compare(shared(p, b), shared(p, a)), b.Date.Compare(a.Date), strings.Compare(a.Path, b.Path))
		})
		want = want[:min(len(want), 4)]
		if !slices.Equal(p.Related, want) {
			t.Fatalf("%s: related %v, want %v", p.Path, paths(p.Related), paths(want))
		}
	}
}

func paths(ps []*Page) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Path)
	}
	return out
}
