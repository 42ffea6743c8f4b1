package build_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefs/briefs/internal/build"
)

// TestPartialCached checks partialCached's contract: one rendering per language and
// set of variants, reused whatever the dot is on later pages.
func TestPartialCached(t *testing.T) {
	page := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("+++\ntitle = \"" + title + "\"\ndate = 2024-01-01\n+++\nBody.\n")}
	}
	fsys := fstest.MapFS{
		"site.toml":                     {Data: []byte("[languages.zh]\n[languages.en]\n")},
		"layouts/partials/first.html":   {Data: []byte(`<i>{{.Page.Title}}</i>`)},
		"layouts/partials/section.html": {Data: []byte(`<b>{{.Page.Section.Title}} {{T "home"}}</b>`)},
		"layouts/single.html": {Data: []byte(`{{define "main"}}` +
			`[{{partialCached "partials/first.html" .}}]` +
			`[{{partialCached "partials/section.html" . .Page.Section}}]` +
			`[{{partialCached "partials/first.html" . .Page.Title 1 true}}]{{end}}`)},
		"content/a/_index.zh.md": {Data: []byte("+++\ntitle = \"甲\"\n+++\n")},
		"content/b/_index.zh.md": {Data: []byte("+++\ntitle = \"乙\"\n+++\n")},
		"content/a/one.zh.md":    page("一"),
		"content/a/two.zh.md":    page("二"),
		"content/b/three.zh.md":  page("三"),
		"content/a/one.en.md":    page("One"),
	}
	mem, _, err := buildSite(t, fsys, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Without variants, every brief of a language shows the first one rendered; which
	// one that is depends on scheduling, so check only that they agree.
	first := ""
	for _, name := range []string{"zh/a/one/index.html", "zh/a/two/index.html", "zh/b/three/index.html"} {
		body := file(t, mem, name)
		got := body[strings.Index(body, "[<i>"):]
		got = got[:strings.Index(got, "]")+1]
		if first == "" {
			first = got
		}
		if got != first {
			t.Errorf("%s: shared fragment is %q, want %q as on the other pages", name, got, first)
		}
	}
	contains(t, mem, "zh/a/one/index.html", "[<b>甲 首页</b>]", "[<i>一</i>]")
	contains(t, mem, "zh/a/two/index.html", "[<b>甲 首页</b>]", "[<i>二</i>]")
	contains(t, mem, "zh/b/three/index.html", "[<b>乙 首页</b>]", "[<i>三</i>]")
	// Each language has its own cache: the English page renders in English.
	contains(t, mem, "en/a/one/index.html", "[<i>One</i>]", "Home</b>]")
}
