package build_test

import (
	"os"
	"testing"
	"testing/fstest"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/render"
	"github.com/briefs/briefs/internal/site"
	"github.com/briefs/briefs/internal/theme"
)

// BenchmarkLayoutCost is the per-template profile of the default theme: each
// sub-benchmark renders every page of the 1,000-pair corpus (into memory, on one
// core) with one layout file emptied by a site override, so that its time subtracted
// from "all" is what that file costs, its partialCached calls included. A page layout
// is emptied to {{define "main"}}{{end}}; a partial to nothing. BRIEFS_BENCH_SITE
// names a site folder to use instead, such as the shared corpus's. The README's
// performance section says how to read it:
//
//	go test -run '^$' -bench LayoutCost -benchtime 3x ./internal/build/
func BenchmarkLayoutCost(b *testing.B) {
	// Every page through html/template: a file emptied by an override would otherwise
	// leave the compiled layouts of the default theme (render.TemplatesOnlyEnv) for
	// templates, and "all" would not be the sum it is compared with.
	b.Setenv(render.TemplatesOnlyEnv, "1")
	fsys := corpus1000()
	if dir := os.Getenv("BRIEFS_BENCH_SITE"); dir != "" {
		fsys = os.DirFS(dir)
	}
	st := renderedSite(b, fsys)
	cases := []struct{ name, file, empty string }{
		{"all", "", ""},
		{"single.html", "layouts/single.html", `{{define "main"}}{{end}}`},
		{"section.html", "layouts/section.html", `{{define "main"}}{{end}}`},
		{"tag.html", "layouts/tag.html", `{{define "main"}}{{end}}`},
		{"home.html", "layouts/home.html", `{{define "main"}}{{end}}`},
	}
	for _, p := range []string{"head", "header", "nav", "footer", "title", "breadcrumb", "brief-item", "brief-list", "related-item", "pagination"} {
		cases = append(cases, struct{ name, file, empty string }{p, "layouts/partials/" + p + ".html", ""})
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			over := fstest.MapFS{}
			if c.file != "" {
				over[c.file] = &fstest.MapFile{Data: []byte(c.empty)}
			}
			r, err := render.New(theme.New(over, briefs.Theme), st)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				r = r.ForSite(st) // partialCached starts empty, as in a build
				renderAll(b, r, st.Pages)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(st.Pages)), "ns/page")
		})
	}
}

// discard is a render.Writer that keeps nothing.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

func renderAll(b *testing.B, r *render.Renderer, pages []*site.Page) {
	for _, p := range pages {
		if err := r.Page(p, discard{}); err != nil {
			b.Fatal(err)
		}
	}
}
