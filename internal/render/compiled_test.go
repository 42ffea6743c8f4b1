package render_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/output"
	"github.com/briefs/briefs/internal/render"
	"github.com/briefs/briefs/internal/testcorpus"
	"github.com/briefs/briefs/internal/theme"
)

// TestCompiledMatches builds sites twice, with the compiled layouts of briefs and
// with html/template alone, and compares every file byte for byte: the example site,
// the test sites of package build, and generated corpora.
func TestCompiledMatches(t *testing.T) {
	sites := map[string]fs.FS{"example": os.DirFS("../..")}
	pairs := 150
	if testing.Short() {
		pairs = 40
	}
	sites["corpus"] = testcorpus.FS(testcorpus.Options{N: pairs, Seed: 1})
	sites["corpus-seed2"] = testcorpus.FS(testcorpus.Options{N: pairs / 2, Seed: 2})
	archives, _ := filepath.Glob("../build/testdata/*.txtar")
	for _, dir := range []string{"hugo", "hugomenus", "hugofeeds"} {
		more, _ := filepath.Glob("../build/testdata/" + dir + "/*.txtar")
		archives = append(archives, more...)
	}
	for _, file := range archives {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		m := fstest.MapFS{}
		for _, f := range ar.Files {
			m[f.Name] = &fstest.MapFile{Data: f.Data}
		}
		sites[strings.TrimPrefix(file, "../build/testdata/")] = m
	}
	sites["own-nav"] = ownNavSite()
	for name, fsys := range sites {
		t.Run(name, func(t *testing.T) {
			compiled := buildWith(t, fsys, "")
			if compiled == nil {
				return // a test site that fails on purpose
			}
			templates := buildWith(t, fsys, "1")
			names := compiled.Names()
			if len(names) != len(templates.Names()) {
				t.Fatalf("%d files compiled, %d through templates", len(names), len(templates.Names()))
			}
			for _, n := range names {
				a, _ := compiled.Get(n)
				b, ok := templates.Get(n)
				if !ok || string(a) != string(b) {
					t.Fatalf("%s differs: %s", n, firstDiff(string(a), string(b)))
				}
			}
		})
	}
}

// ownNavSite is a site whose nav.html shows the path of every list page, tags and
// subsections included: the compiled header may cache the default navigation of
// such lists as a brief's (navCurrent), but not a site's own. Briefs and 404
// pages share one cached navigation (partialCached's key is the same for all of
// them), rendered by whichever comes first, so their nav shows the same text:
// with each one's path, the output changed from run to run (CI saw the 404 page
// show b2's path in one build and b1's in the other).
func ownNavSite() fstest.MapFS {
	m := fstest.MapFS{
		"site.toml":                 {Data: []byte("baseURL = \"https://example.org/\"\n[languages.zh]\n[languages.en]\n")},
		"layouts/partials/nav.html": {Data: []byte(`<nav>{{if or .NotFound .Page.IsBrief}}brief or 404{{else}}{{.Page.Path}}{{end}}</nav>`)},
	}
	for i, tag := range []string{"a", "b", "a"} {
		for _, lang := range []string{"zh", "en"} {
			m[fmt.Sprintf("content/law/sub/b%d.%s.md", i, lang)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
				"+++\ntitle = \"B%d\"\ndate = 2024-01-0%d\ntags = [%q]\n+++\nText.\n", i, i+1, tag))}
		}
	}
	return m
}

// buildWith builds fsys with the default theme, BRIEFS_TEMPLATES_ONLY set to only;
// nil when the site does not build.
func buildWith(t *testing.T, fsys fs.FS, only string) *output.Memory {
	t.Setenv(render.TemplatesOnlyEnv, only)
	mem := output.NewMemory()
	opts := build.Options{Site: fsys, Theme: briefs.Theme, Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}
	if _, err := build.Run(opts, mem); err != nil {
		return nil
	}
	return mem
}

// TestCompiledLayoutsCurrent fails when a layout that compiled.go mirrors changed
// without it: the Go code must be changed with the layout, and the hash updated.
func TestCompiledLayoutsCurrent(t *testing.T) {
	for name, want := range render.CompiledLayouts() {
		src, err := fs.ReadFile(briefs.Theme, "layouts/"+name)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(src)
		if got := hex.EncodeToString(sum[:]); got != want {
			t.Errorf("layouts/%s changed (SHA-256 %s): change internal/render/compiled.go the same way, then set its hash in compiledLayouts", name, got)
		}
	}
}

// firstDiff shows where a and b part: the line of each.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range max(len(la), len(lb)) {
		var x, y string
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\ncompiled:  %q\ntemplates: %q", i+1, x, y)
		}
	}
	return "same lines"
}

// BenchmarkLayouts renders every page of a generated site (bodies left out: a
// one-shot build's graph holds none) through the compiled layouts and through
// html/template alone, per page:
//
//	go test -run '^$' -bench Layouts -benchmem ./internal/render/
func BenchmarkLayouts(b *testing.B) {
	fsys := testcorpus.FS(testcorpus.Options{N: 300, Seed: 1})
	res, err := build.Run(build.Options{Site: fsys, Theme: briefs.Theme, Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}, output.NewMemory())
	if err != nil {
		b.Fatal(err)
	}
	for _, only := range []string{"", "1"} {
		name := map[string]string{"": "compiled", "1": "templates"}[only]
		b.Run(name, func(b *testing.B) {
			b.Setenv(render.TemplatesOnlyEnv, only)
			r, err := render.New(theme.New(fsys, briefs.Theme), res.Site)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			pages := 0
			for b.Loop() {
				pages = 0
				for _, p := range res.Site.Pages {
					if err := r.Page(p, discard{}); err != nil {
						b.Fatal(err)
					}
					pages += res.Site.Pagers(p)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*pages), "ns/page")
		})
	}
}

type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }
