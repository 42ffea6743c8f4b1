package build_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefs/briefs/internal/build"
)

func TestBasicSite(t *testing.T) {
	mem := mustBuild(t, "basic.txtar", build.Options{})
	for _, name := range []string{
		"index.html", "css/site.css",
		"zh/index.html", "en/index.html",
		"zh/law/index.html", "zh/law/page/2/index.html", "en/law/index.html",
		"zh/law/courts/index.html", "zh/law/courts/court/index.html",
		"zh/law/zibo/index.html", "en/law/zibo/index.html",
		"zh/law/older/index.html", "en/law/old-en/index.html",
		"zh/tags/index.html", "zh/tags/法治/index.html", "zh/tags/法治/page/2/index.html",
		"en/tags/rule-of-law/index.html", "en/tags/public-safety/index.html",
	} {
		file(t, mem, name)
	}
	if _, ok := mem.Get("zh/law/draft/index.html"); ok {
		t.Error("a draft was published")
	}
	if _, ok := mem.Get("zh/law/embargo/index.html"); ok {
		t.Error("an embargoed brief was published")
	}
	if n := checkLinks(t, mem, "https://example.org/"); n < 50 {
		t.Errorf("only %d internal links checked", n)
	}
}

func TestBriefPage(t *testing.T) {
	mem := mustBuild(t, "basic.txtar", build.Options{})
	contains(t, mem, "zh/law/zibo/index.html",
		`<html lang="zh-CN">`,
		`<h1>淄博的法治</h1>`,
		`2024年3月15日`,                     // date in the language's style, in the site's zone
		`<dd>山东长安网</dd>`, `<dd>余晖杨</dd>`, // source and editor
		`<h2 id="以法促安全警全力">`,                                          // Chinese heading IDs
		`<p>第一句话。第二句话，接在同一段里。</p>`,                                    // CJK soft break: no space
		`&lt;script&gt;alert(1)&lt;/script&gt;`,                       // raw HTML escaped
		`href="/zh/tags/%E6%B3%95%E6%B2%BB/"`,                         // Chinese tag URL, percent-encoded
		`<a href="/en/law/zibo/" hreflang="en" lang="en">English</a>`, // language switch
		`English: Rule of law in Zibo`,                                // translation link
		`<a href="/zh/law/only-zh/">只有中文</a>`,                         // related: shares 法治
	)
	lacks(t, mem, "zh/law/zibo/index.html", "<script>", "<b>")
	contains(t, mem, "en/law/zibo/index.html", `15 March 2024`, `<dt>Origin</dt>`, `<dd>Shandong Chang&#39;an Net</dd>`)
	// A brief without translation says so in words, and the switch leads to its
	// section in the other language, saying why.
	contains(t, mem, "zh/law/only-zh/index.html", `本文暂无英文版本。`,
		`<a class="switch-missing" href="/en/law/" hreflang="en" title="本页暂无英文版本"><span lang="en">English</span>`)
	// A tag page switches to the tag the same briefs carry in the other language.
	contains(t, mem, "zh/tags/法治/index.html", `<a href="/en/tags/rule-of-law/" hreflang="en" lang="en">English</a>`)
	contains(t, mem, "en/tags/rule-of-law/index.html", `<a href="/zh/tags/%E6%B3%95%E6%B2%BB/" hreflang="zh-CN" lang="zh-CN">中文</a>`)
	// The site's own 404 page, met from any language, speaks all of them.
	contains(t, mem, "404.html", `<h1>页面未找到</h1>`, `<div class="not-found-other" lang="en">`, `<h2>Page not found</h2>`)
	lacks(t, mem, "zh/404.html", `Page not found`)
	// Translations found by translationKey across different file names.
	contains(t, mem, "zh/law/older/index.html", `href="/en/law/old-en/"`)
}

func TestListPages(t *testing.T) {
	mem := mustBuild(t, "basic.txtar", build.Options{})
	// Newest first, two per page; the nested section's brief is listed in its parent.
	zh := file(t, mem, "zh/law/index.html")
	if i, j := strings.Index(zh, "淄博的法治"), strings.Index(zh, "只有中文"); i < 0 || j < 0 || i > j {
		t.Errorf("section not newest first:\n%s", zh)
	}
	contains(t, mem, "zh/law/index.html", `法治栏目。`, `rel="next" href="/zh/law/page/2/"`, `第 1 页，共 2 页`, `href="/zh/law/courts/"`)
	contains(t, mem, "zh/law/page/2/index.html", `较早的简报`, `法院`, `rel="prev" href="/zh/law/"`)
	contains(t, mem, "en/law/index.html", `<h1>Rule of Law</h1>`, `2 briefs`)
	contains(t, mem, "zh/index.html", `<h1 class="visually-hidden">简报首页</h1>`, `欢迎。`, `href="/zh/law/"`)
	contains(t, mem, "zh/tags/index.html", `法治 <span class="count">3篇简报</span>`)
	contains(t, mem, "en/tags/index.html", `<h1>Tags</h1>`, `Public Safety <span class="count">1 brief</span>`)
	// Tags in Chinese are sorted by pinyin: 法治 (fa) before 平安建设 (ping).
	tags := file(t, mem, "zh/tags/index.html")
	if strings.Index(tags, "法治") > strings.Index(tags, "平安建设") {
		t.Error("Chinese tags not in pinyin order")
	}
	// The root page sends visitors to their language, and works without JavaScript.
	contains(t, mem, "index.html", `location.replace`, `<a href="/zh/" hreflang="zh-CN" lang="zh-CN">`, `<a href="/en/" hreflang="en" lang="en">`)
}

func TestDraftsAndFuture(t *testing.T) {
	mem := mustBuild(t, "basic.txtar", build.Options{Drafts: true, Future: true})
	contains(t, mem, "zh/law/draft/index.html", `<p class="badge">草稿</p>`)
	file(t, mem, "zh/law/embargo/index.html")
}

func TestBaseURLSubpath(t *testing.T) {
	mem := mustBuild(t, "basic.txtar", build.Options{BaseURL: "https://example.org/briefs/"})
	contains(t, mem, "zh/law/zibo/index.html", `href="/briefs/css/site.css"`, `<link rel="canonical" href="https://example.org/briefs/zh/law/zibo/">`)
	contains(t, mem, "index.html", `"/briefs/zh/"`)
	checkLinks(t, mem, "https://example.org/briefs/")
}

func TestDeterministicInMemory(t *testing.T) {
	a := mustBuild(t, "basic.txtar", build.Options{})
	b := mustBuild(t, "basic.txtar", build.Options{})
	if strings.Join(a.Names(), "\n") != strings.Join(b.Names(), "\n") {
		t.Fatal("file lists differ")
	}
	for _, n := range a.Names() {
		x, _ := a.Get(n)
		y, _ := b.Get(n)
		if string(x) != string(y) {
			t.Errorf("%s differs", n)
		}
	}
}

// exampleNow is the time the example site is built at in tests: after its last brief,
// and fixed, so that the test gives the same result on any day.
var exampleNow = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// TestExampleSite builds the repository's own example site and checks that every
// internal link in it resolves to a file that was written.
func TestExampleSite(t *testing.T) {
	mem, res, err := buildSite(t, os.DirFS("../.."), build.Options{Now: exampleNow})
	if err != nil {
		t.Fatalf("example site:\n%v", err)
	}
	for _, w := range res.Warnings {
		t.Errorf("warning: %v", w)
	}
	if n := checkLinks(t, mem, "https://briefs.example.org/"); n < 500 {
		t.Errorf("only %d links checked", n)
	}
	contains(t, mem, "en/safety/zibo-safety-rule-of-law-2023/index.html", "790 million yuan")
	// A brief dated after exampleNow would be left out of what this test checks.
	_, all, err := buildSite(t, os.DirFS("../.."), build.Options{Now: exampleNow, Future: true})
	if err != nil {
		t.Fatalf("example site with future briefs:\n%v", err)
	}
	if fmt.Sprint(all.Pages) != fmt.Sprint(res.Pages) {
		t.Errorf("pages with future briefs %v, without %v: move exampleNow past the last brief", all.Pages, res.Pages)
	}
}

func TestThreeLanguages(t *testing.T) {
	mem := mustBuild(t, "trilingual.txtar", build.Options{})
	contains(t, mem, "en/law/a/index.html", `1.5 billion yuan`, `hreflang="fr"`, `hreflang="zh-CN"`)
	contains(t, mem, "zh/law/a/index.html", `15亿元`)
	contains(t, mem, "fr/law/a/index.html", `<html lang="fr">`, `02/01/2024`, `>Accueil<`, `1,5 milliard`)
	contains(t, mem, "fr/law/index.html", `1 note`)
	// Aliases redirect to the page.
	contains(t, mem, "old/a/index.html", `<meta http-equiv="refresh" content="0; url=http://localhost/en/law/a/">`)
	contains(t, mem, "old/a.html", `rel="canonical" href="http://localhost/en/law/a/"`)
	contains(t, mem, "index.html", `hreflang="x-default" href="http://localhost/en/"`)
	checkLinks(t, mem, "http://localhost/")
}

func TestOneLanguageAndOverrides(t *testing.T) {
	mem := mustBuild(t, "monolingual.txtar", build.Options{})
	contains(t, mem, "en/news/a/index.html", `Our own footer.`, `<a class="site-title" href="/en/">Only English</a>`)
	lacks(t, mem, "en/news/a/index.html", `Built with briefs`, `translations`)
	file(t, mem, "css/extra.css")
	file(t, mem, "css/site.css") // the default theme's file is still there
	checkLinks(t, mem, "http://localhost/")
}

// TestUndefinedStringFails checks that a theme string no language defines stops the
// build at the layout that asks for it, rather than showing its key on the page.
func TestUndefinedStringFails(t *testing.T) {
	fsys := siteFS(t, "monolingual.txtar")
	fsys["layouts/partials/footer.html"].Data = []byte(`<footer><p>{{T "colophon"}}</p></footer>`)
	_, _, err := buildSite(t, fsys, build.Options{})
	if want := `partials/footer.html:1:14: template: executing "partials/footer.html" at <T "colophon">: error calling T: no theme string "colophon" in any language; add colophon = "…" under [languages.en.strings] in site.toml`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v\nwant an error with %s", err, want)
	}
}

// TestEnglishTagsIgnoreCase checks the English collation: case does not split the order.
func TestEnglishTagsIgnoreCase(t *testing.T) {
	fsys := siteFS(t, "monolingual.txtar")
	fsys["content/news/b.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"B\"\ndate = 2024-01-03\ntags = [\"beta\", \"Alpha\", \"gamma\", \"Delta\"]\n+++\nB.\n")}
	mem, _, err := buildSite(t, fsys, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := file(t, mem, "en/tags/index.html")
	last := -1
	for _, tag := range []string{">Alpha <", ">beta <", ">Delta <", ">gamma <"} {
		i := strings.Index(page, tag)
		if i < last {
			t.Errorf("%s out of order", tag)
		}
		last = i
	}
}

// TestOutdatedTranslationNotice checks that a translation whose original changed
// since its translationOf says so, with a link to the original.
func TestOutdatedTranslationNotice(t *testing.T) {
	fsys := siteFS(t, "basic.txtar")
	en := fsys["content/law/zibo.en.md"]
	en.Data = []byte(strings.Replace(string(en.Data), "+++\n## Order", "translationOf = \"sha256:0000\"\n+++\n## Order", 1))
	mem, _, err := buildSite(t, fsys, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, mem, "en/law/zibo/index.html", `<p class="notice" role="note">The 中文 original was updated after this translation was made. <a href="/zh/law/zibo/"`)
	lacks(t, mem, "zh/law/zibo/index.html", `class="notice"`)
}
