package render

import (
	"fmt"
	"html/template"
	"sync"
	"testing"
	"time"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/site"
)

// TestPartialCachedPages: a partial cached with a page as its one variant keeps a
// fragment per page in the page's slot. The first dot it ran with is shown for that
// page whatever the dot later, whether a template (partialCached) or a compiled list
// (partialCachedPage) asks; other pages get their own; pages out of the site (no
// place) are cached by the map; and pages that miss at once all get one fragment.
func TestPartialCachedPages(t *testing.T) {
	cfg, err := config.Load("site.toml", []byte("baseURL = \"https://example.org/\"\n[languages.zh]\n"))
	if err != nil {
		t.Fatal(err)
	}
	var files []*content.File
	for i := range 3 {
		name := fmt.Sprintf("b%d", i)
		files = append(files, &content.File{Path: "content/s/" + name + ".zh.md", Section: "s", Name: name, Lang: "zh",
			Front: content.Front{Title: name, Date: time.Date(2024, 1, 1+i, 0, 0, 0, 0, time.UTC)}})
	}
	var errs diag.List
	s := site.New(cfg, files, site.Options{Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}, &errs)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	var briefs []*site.Page
	for _, p := range s.Pages {
		if p.Kind == site.KindBrief {
			briefs = append(briefs, p)
		}
	}
	if len(briefs) != 3 {
		t.Fatalf("%d briefs, want 3", len(briefs))
	}
	var arrived sync.WaitGroup
	barrier := func() string { arrived.Done(); arrived.Wait(); return "" }
	master := template.Must(template.New("").Funcs(placeholderFuncs()).Funcs(template.FuncMap{"wait": barrier}).
		Parse(`{{define "partials/p.html"}}{{.}}{{end}}{{define "partials/w.html"}}{{wait}}{{.}}{{end}}`))
	ls := &layouts{frags: newFragments()}
	nest, err := newNesting(master, &langFuncs{lang: &config.Language{Code: "zh"}, frags: ls.frags}, ls)
	if err != nil {
		t.Fatal(err)
	}
	f := nest.funcs
	f.nest = nest
	table := f.frags.pageTable("zh", "partials/p.html")
	outside := &site.Page{Path: "zh/x/"}
	for _, c := range []struct {
		ctx  string
		page *site.Page
		list bool // asked by a compiled list, not a template
		want template.HTML
	}{
		{"a", briefs[0], false, "a"},
		{"b", briefs[0], false, "a"},
		{"c", briefs[0], true, "a"},
		{"d", briefs[1], true, "d"},
		{"e", briefs[1], false, "d"},
		{"f", briefs[2], false, "f"},
		{"g", outside, false, "g"},
		{"h", outside, false, "g"},
	} {
		var h template.HTML
		var err error
		if c.list {
			h, err = f.partialCachedPage(table, "partials/p.html", c.ctx, c.page)
		} else {
			h, err = f.partialCached("partials/p.html", c.ctx, c.page)
		}
		if err != nil || h != c.want {
			t.Errorf("dot %q, page %s: %q, %v; want %q", c.ctx, c.page.Path, h, err, c.want)
		}
	}
	const n = 8
	arrived.Add(n)
	got := make([]template.HTML, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			got[i], _ = f.partialCached("partials/w.html", i, briefs[1])
		})
	}
	wg.Wait()
	for i := range got {
		if got[i] != got[0] {
			t.Fatalf("one page missed at once got different fragments: %q", got)
		}
	}
}

// TestPageFragmentsSlots: places far apart get their own slots, and places out of the
// table none, so that their fragments go to the map.
func TestPageFragmentsSlots(t *testing.T) {
	var table pageFragments
	a, b := table.slot(0), table.slot(pageChunk*3+5)
	if a == nil || b == nil || a == b || table.slot(0) != a || table.slot(pageChunk*3+5) != b {
		t.Errorf("slots 0 and %d: %p, %p", pageChunk*3+5, a, b)
	}
	if table.slot(-1) != nil || table.slot(pageChunk*maxPageChunks) != nil {
		t.Error("a place out of the table has a slot")
	}
}
