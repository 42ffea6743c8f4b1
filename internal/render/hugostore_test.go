package render_test

import (
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/markdown"
	"github.com/briefs/briefs/internal/render"
	"github.com/briefs/briefs/internal/theme"
)

// TestSiteStore checks that .Site.Store (and site.Store) is shared by the pages of a
// site in one build, as Hugo's is, while .Page.Store stays the page's own; another
// language is another site, and another build starts empty.
func TestSiteStore(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/shortcodes/put.html": {Data: []byte(`{{ .Site.Store.Set "who" (.Get 0) }}{{ .Page.Store.Set "mine" (.Get 0) }}{{ .Site.Store.Add "n" 1 }}`)},
		"layouts/shortcodes/get.html": {Data: []byte(`[{{ .Site.Store.Get "who" }}|{{ .Page.Store.Get "mine" }}|{{ site.Store.Get "n" }}|{{ .Page.Site.Store.Get "who" }}]`)},
	}
	cfg, err := config.Load("site.toml", []byte("baseURL = \"https://example.org/\"\n[languages.en]\n[languages.zh]\n"))
	if err != nil {
		t.Fatal(err)
	}
	build := func() func(lang, body string) string {
		scs, err := render.Shortcodes(theme.New(fsys, nil), cfg)
		if err != nil {
			t.Fatal(err)
		}
		mds := map[string]*markdown.Markdown{}
		for _, lang := range []string{"en", "zh"} {
			mds[lang] = markdown.New(markdown.Options{Lang: lang, Shortcodes: scs})
		}
		return func(lang, body string) string {
			res, _ := mds[lang].RenderPage([]byte(body), &markdown.Page{Path: "/", Lang: lang}, 0)
			if len(res.Problems) > 0 {
				t.Fatalf("%q: %v", body, res.Problems)
			}
			return strings.TrimSpace(res.HTML)
		}
	}
	page := build()
	for _, tt := range []struct{ lang, body, want string }{
		{"en", `{{< get >}}`, "[|||]"},
		{"en", `{{< put a >}}{{< get >}}`, "[a|a|1|a]"},
		{"en", `{{< put b >}}`, ""},
		{"en", `{{< get >}}`, "[b||2|b]"},
		{"zh", `{{< get >}}`, "[|||]"},
	} {
		if got := page(tt.lang, tt.body); got != tt.want {
			t.Errorf("%s %s = %s, want %s", tt.lang, tt.body, got, tt.want)
		}
	}
	if got := build()("en", `{{< get >}}`); got != "[|||]" {
		t.Errorf("a new build's store: %s", got)
	}
	// Bodies are rendered on all cores at once: the store is shared safely (go test -race).
	page = build()
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); page("en", `{{< put x >}}`) }()
	}
	wg.Wait()
	if got := page("en", `{{< get >}}`); got != "[x||8|x]" {
		t.Errorf("after 8 pages at once: %s", got)
	}
}
