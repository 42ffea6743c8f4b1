package site

import (
	"fmt"
	"html/template"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
)

// TestCopyPatchesSpare makes edits to titles, dates, tags and bodies one after
// another, each copying the last graph into the memory of the one before (its
// spare), as the dev server does: such a copy takes the pages the last edit left
// as they were from the spare, which holds them already, and copies only those it
// touched. Each must be the same graph as a whole copy of the last one, and link
// only to its own pages.
func TestCopyPatchesSpare(t *testing.T) {
	cfg, err := config.Load("site.toml", []byte("relatedSize = 3\npageSize = 3\n[languages.en]\n[languages.zh]\n"))
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	tags := []string{"a", "b", "c", "d", "e", "f"}
	cur := map[string]*content.File{}
	var files []*content.File
	for i := range 30 {
		for _, lang := range []string{"en", "zh"} {
			f := &content.File{Path: fmt.Sprintf("content/s/b%d.%s.md", i, lang), Section: "s", Name: fmt.Sprintf("b%d", i), Lang: lang,
				Front: content.Front{Title: fmt.Sprintf("t%d", i), Date: time.Date(2024, 1, 1+i%28, 0, 0, 0, 0, time.UTC),
					Tags: []string{tags[rng.IntN(6)], tags[rng.IntN(6)]}}}
			files = append(files, f)
			cur[f.Path] = f
		}
	}
	var errs diag.List
	body := func(_ *Site, p *Page) Body { return Body{HTML: "<p>0</p>", Summary: "0"} }
	s := New(cfg, files, Options{Now: now, Body: body}, &errs)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	paths := slices.Sorted(maps.Keys(cur))
	var spare *Site
	patched := 0
	for i := range 40 {
		old := cur[paths[rng.IntN(len(paths))]]
		f := *old
		f.Front.Tags = slices.Clone(old.Front.Tags)
		switch i % 4 {
		case 0:
			f.Front.Title = fmt.Sprintf("t%d-%d", i, rng.IntN(100))
		case 1:
			f.Front.Date = time.Date(2023, time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC)
		case 2:
			f.Front.Tags[rng.IntN(len(f.Front.Tags))] = tags[rng.IntN(6)]
		}
		willPatch := spare != nil && !spare.spent && spare.id == s.copyOf
		var next, whole *Site
		if i%4 == 3 {
			b := Body{HTML: template.HTML(fmt.Sprintf("<p>%d</p>", i)), Summary: fmt.Sprint(i)}
			next = s.WithBodies(map[*content.File]Body{&f: b}, spare)
			whole = s.WithBodies(map[*content.File]Body{&f: b}, nil)
		} else {
			e := []Edit{{Old: old, New: &f, Body: Body{HTML: "<p>0</p>", Summary: "0"}}}
			next, _ = s.WithFront(e, spare)
			whole, _ = s.WithFront(e, nil)
		}
		if next == nil {
			continue // the edit needs a new graph; spare's memory was taken all the same
		}
		if willPatch {
			patched++
		}
		if got, want := dumpGraph(next), dumpGraph(whole); got != want {
			t.Fatalf("edit %d of %s (patched %v): the copy differs from a whole copy:\n%s", i, old.Path, willPatch, firstDiff(got, want))
		}
		ownLinks(t, next)
		cur[f.Path] = &f
		spare, s = s, next
	}
	if patched < 15 {
		t.Errorf("only %d copies patched their spare", patched)
	}
}

// ownLinks checks that every page s links to is its own, at its place.
func ownLinks(t *testing.T, s *Site) {
	t.Helper()
	for _, p := range s.slotList() {
		linked := append([]*Page{p.Section, p.OutdatedFrom}, slices.Concat(p.Pages, p.Sections, p.Tags, p.Translations, p.Related)...)
		for _, ts := range p.Terms {
			linked = append(linked, ts...)
		}
		for _, q := range linked {
			if q != nil && s.Page(q.At()) != q {
				t.Fatalf("%s links to %s, not a page of the graph", p.Path, q.Path)
			}
		}
	}
	for _, l := range s.Languages {
		for _, q := range slices.Concat(l.Briefs, l.Taxonomies, []*Page{l.Home}) {
			if s.Page(q.At()) != q {
				t.Fatalf("language %s links to %s, not a page of the graph", l.Code, q.Path)
			}
		}
	}
}

// dumpGraph writes out what a graph's pages and languages hold, links as paths.
func dumpGraph(s *Site) string {
	var b strings.Builder
	paths := func(ps []*Page) string {
		var out []string
		for _, p := range ps {
			if p == nil {
				out = append(out, "-")
				continue
			}
			out = append(out, p.Path)
		}
		return strings.Join(out, ",")
	}
	for _, p := range s.slotList() {
		file := ""
		if p.File != nil {
			file = p.File.Path
		}
		fmt.Fprintf(&b, "%d %s %q %v %v %q %q %q %d|%s|%s|%s|%s|%s|%s", p.At(), p.Path, p.Title, p.Date, p.Lastmod, p.Summary,
			p.Content, file, p.Weight, paths([]*Page{p.Section}), paths(p.Pages), paths(p.Tags), paths(p.Related),
			paths(p.Translations), paths(p.Sections))
		for _, k := range slices.Sorted(maps.Keys(p.Terms)) {
			fmt.Fprintf(&b, "|%s:%s", k, paths(p.Terms[k]))
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "pages %s\n", paths(s.Pages))
	for _, l := range s.Languages {
		fmt.Fprintf(&b, "%s %s|%s|%s|%d\n", l.Code, l.Home.Path, paths(l.Briefs), paths(l.Taxonomies), l.relatedHash())
		for _, m := range []map[string]*Page{l.sections, l.terms} {
			for _, k := range slices.Sorted(maps.Keys(m)) {
				fmt.Fprintf(&b, " %s=%s", k, m[k].Path)
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return "got:  " + g[i] + "\nwant: " + w[i]
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(g), len(w))
}
