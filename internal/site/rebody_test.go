package site

import (
	"fmt"
	"html/template"
	"testing"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
)

// TestWithBodies checks that a copy with a new body leaves the graph it was copied
// from as it was, and that every link in the copy leads to the copy's pages: a list
// shows the edited brief's new summary, and no page of the copy is one of the old.
func TestWithBodies(t *testing.T) {
	cfg, err := config.Load("site.toml", []byte("relatedSize = 3\n[languages.en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	files := []*content.File{brief("a", 1, "x"), brief("b", 2, "x"), brief("c", 3, "y")}
	var errs diag.List
	body := func(_ *Site, p *Page) Body { return Body{HTML: "<p>old</p>", Hash: 1, Summary: "old"} }
	s := New(cfg, files, Options{Now: now, Body: body}, &errs)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	edited := *files[0]
	next := s.WithBodies(map[*content.File]Body{&edited: {HTML: "<p>new</p>", Hash: 2, Summary: "new"}}, nil)

	old := map[*Page]bool{}
	for _, p := range s.Pages {
		old[p] = true
		if p.Summary != "old" && p.File != nil {
			t.Errorf("%s: the old graph changed: summary %q", p.Path, p.Summary)
		}
	}
	if len(next.Pages) != len(s.Pages) {
		t.Fatalf("copy has %d pages, want %d", len(next.Pages), len(s.Pages))
	}
	for i, p := range next.Pages {
		if p.Path != s.Pages[i].Path {
			t.Errorf("page %d: %s, want %s", i, p.Path, s.Pages[i].Path)
		}
		linked := append([]*Page{p.Section, p.OutdatedFrom}, p.Pages...)
		for _, ls := range [][]*Page{p.Sections, p.Tags, p.Translations, p.Related} {
			linked = append(linked, ls...)
		}
		for _, ts := range p.Terms {
			linked = append(linked, ts...)
		}
		for _, q := range append(linked, p) {
			if old[q] {
				t.Errorf("%s links to a page of the old graph: %s", p.Path, q.Path)
			}
		}
		want := "old"
		if p.File == &edited {
			want = "new"
		}
		if p.File != nil && (p.Summary != want || p.Description != want) {
			t.Errorf("%s: summary %q, description %q, want %q", p.Path, p.Summary, p.Description, want)
		}
	}
	l := next.Lang("en")
	if l.Home != next.Pages[0] || l.Home.Pages[len(l.Home.Pages)-1].Content != "<p>new</p>" {
		t.Errorf("the copy's home does not list the edited brief's new body")
	}
}

// TestWithBodiesSpare: a copy made in the memory of a spare graph (one nothing reads
// any more) is the same as a new copy, and leaves the graph it copies as it was.
func TestWithBodiesSpare(t *testing.T) {
	cfg, err := config.Load("site.toml", []byte("relatedSize = 3\n[languages.en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	files := []*content.File{brief("a", 1, "x"), brief("b", 2, "x"), brief("c", 3, "y")}
	var errs diag.List
	body := func(_ *Site, p *Page) Body { return Body{HTML: "<p>0</p>", Summary: "0"} }
	s := New(cfg, files, Options{Now: now, Body: body}, &errs)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	withBody := func(g *Site, f *content.File, text string, spare *Site) *Site {
		edited := *f
		return g.WithBodies(map[*content.File]Body{&edited: {HTML: template.HTML(text), Summary: text}}, spare)
	}
	n1 := withBody(s, files[0], "1", nil)
	n2 := withBody(n1, files[1], "2", nil)
	before := fmt.Sprint(summaries(n2))
	n3 := withBody(n2, files[2], "3", n1) // n1 is read no more: n3 takes its memory
	if got := fmt.Sprint(summaries(n2)); got != before {
		t.Errorf("the copied graph changed: %s, was %s", got, before)
	}
	if n3.Pages[0] != n1.Pages[0] {
		t.Error("the copy did not take the spare's memory")
	}
	fresh := withBody(n2, files[2], "3", nil)
	if got, want := fmt.Sprint(summaries(n3)), fmt.Sprint(summaries(fresh)); got != want {
		t.Errorf("copy into a spare: %s, want %s", got, want)
	}
	mine := map[*Page]bool{}
	for _, p := range n3.Pages {
		mine[p] = true
	}
	for _, p := range n3.Pages {
		for _, ls := range [][]*Page{p.Pages, p.Sections, p.Tags, p.Translations, p.Related, {p.Section}} {
			for _, q := range ls {
				if q != nil && !mine[q] {
					t.Errorf("%s links to %s outside the copy", p.Path, q.Path)
				}
			}
		}
	}
}

// summaries lists each page's path and summary, and those of the briefs it lists.
func summaries(s *Site) []string {
	var out []string
	for _, p := range s.Pages {
		out = append(out, p.Path+"="+p.Summary)
		for _, q := range p.Pages {
			out = append(out, " "+q.Path+"="+q.Summary)
		}
	}
	return out
}
