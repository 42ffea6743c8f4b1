package build_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefs/briefs/internal/build"
)

// TestSearchPageFromContent: a content page with layout = "search" is its language's
// search page: briefs' search form at its URL, with its title and body above it; the
// built-in page of that language is not made, every page's search form leads to it,
// and it is neither listed, nor searched, nor in the sitemap. Its language switch
// leads to the other languages' search pages, built in or not.
func TestSearchPageFromContent(t *testing.T) {
	mem := mustBuild(t, "searchpage.txtar", build.Options{})
	contains(t, mem, "en/pages/find/index.html", `<h1>Find a brief</h1>`, `<div class="content search-intro">`,
		`<strong>figure</strong>`, `class="search-page" id="search" data-code="en"`, `action="/en/pages/find/"`,
		`<script src="/js/search.js" defer></script>`, `<title>Find a brief`,
		`<link rel="alternate" hreflang="zh-CN" href="https://example.org/zh/search/">`)
	lacks(t, mem, "en/pages/find/index.html", `class="site-search"`)
	contains(t, mem, "zh/search/index.html", `<h1>搜索</h1>`, `href="/en/pages/find/" hreflang="en"`)
	lacks(t, mem, "zh/search/index.html", "search-intro")
	contains(t, mem, "en/law/a/index.html", `<form class="site-search" role="search" action="/en/pages/find/"`)
	contains(t, mem, "zh/law/a/index.html", `<form class="site-search" role="search" action="/zh/search/"`)
	lacks(t, mem, "en/index.html", "Find a brief")
	lacks(t, mem, "sitemap.xml", "/find/", "/search/", "/en/pages/")
	lacks(t, mem, "search/en/index.json", "find")
	// The alias from the old search URL redirects to it: nothing else is there.
	contains(t, mem, "en/search/index.html", `url=https://example.org/en/pages/find/`)

	mem = mustBuild(t, "searchpage-hugo.txtar", build.Options{})
	contains(t, mem, "search/index.html", `<h1>Search</h1>`, `data-code="en"`)
	contains(t, mem, "zh/search/index.html", `<h1>搜索</h1>`, `data-code="zh"`)
	contains(t, mem, "post/x/index.html", `action="/search/"`)
}

// TestSearchPageClash: on a briefs site a brief at the search URL without layout =
// "search" clashes with the built-in page, and two search pages in one language are
// an error at the second.
func TestSearchPageClash(t *testing.T) {
	fsys := siteFS(t, "searchpage.txtar")
	fsys["content/search.en.md"] = fsys["content/law/a.en.md"]
	fsys["content/search.zh.md"] = fsys["content/law/a.zh.md"]
	fsys["content/other.en.md"] = fsys["content/pages/find.en.md"]
	_, _, err := buildSite(t, fsys, build.Options{})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		`content/search.zh.md:1:1: the brief /zh/search/ is also the search page (built-in); change the slug or move the file`,
		`content/pages/find.en.md:4:1: a second search page in en: content/other.en.md is already its search page (/en/find/)`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("no %q in\n%v", want, err)
		}
	}
}

// TestHugoAliasClash: on a Hugo site an alias that is also a page, or another page's
// alias, is a warning and is not written (Hugo writes the page, or one of the two,
// without a word); on a briefs site it is an error.
func TestHugoAliasClash(t *testing.T) {
	fsys := fstest.MapFS{
		"hugo.toml":          {Data: []byte("baseURL = \"https://example.org/\"\n")},
		"content/about.md":   {Data: []byte("+++\ntitle = \"About\"\naliases = [\"contact\"]\n+++\n")},
		"content/contact.md": {Data: []byte("+++\ntitle = \"Contact\"\n+++\n")},
		"content/posts/a.md": {Data: []byte("+++\ntitle = \"A\"\naliases = [\"dup\"]\n+++\n")},
		"content/posts/b.md": {Data: []byte("+++\ntitle = \"B\"\naliases = [\"dup\"]\n+++\n")},
	}
	mem, res, err := buildSite(t, fsys, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	warns(t, res,
		"content/about.md:3:12: warning: alias /contact is also the brief /contact/ (content/contact.md:1:1), which keeps it (as in Hugo); choose another alias",
		"content/posts/b.md:3:12: warning: alias /posts/dup is also alias (content/posts/a.md:3:12), which keeps it (as in Hugo); choose another alias",
	)
	contains(t, mem, "contact/index.html", "<h1>Contact</h1>")
	contains(t, mem, "posts/dup/index.html", "url=https://example.org/posts/a/")
}

// TestHugoTranslationKeyTwice: two pages of one language with one translationKey are
// an error on a briefs site (testdata/errors/exec.txtar) and a warning on a Hugo site,
// which allows them; the first is the translation.
func TestHugoTranslationKeyTwice(t *testing.T) {
	fsys := fstest.MapFS{
		"hugo.toml":             {Data: []byte("baseURL = \"https://example.org/\"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n")},
		"content/posts/a.md":    {Data: []byte("+++\ntitle = \"A\"\ntranslationKey = \"k\"\n+++\n")},
		"content/posts/b.md":    {Data: []byte("+++\ntitle = \"B\"\ntranslationKey = \"k\"\n+++\n")},
		"content/posts/a.fr.md": {Data: []byte("+++\ntitle = \"A fr\"\ntranslationKey = \"k\"\n+++\n")},
	}
	mem, res, err := buildSite(t, fsys, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := `content/posts/b.md:3:1: warning: translationKey "k" is also used by content/posts/a.md in the same language; each language may have one version of a brief (the other is its translation)`
	found := false
	for _, w := range res.Warnings {
		found = found || w.Error() == want
	}
	if !found {
		t.Errorf("no warning %s in %v", want, res.Warnings)
	}
	contains(t, mem, "fr/posts/a/index.html", `hreflang="en" href="https://example.org/posts/a/"`)
}
