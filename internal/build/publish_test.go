package build_test

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/sitemap"
)

func TestFeeds(t *testing.T) {
	mem := mustBuild(t, "basic.txtar", build.Options{})
	for _, name := range []string{"zh/index.xml", "en/index.xml", "zh/law/index.xml", "zh/law/courts/index.xml", "zh/tags/法治/index.xml", "en/tags/rule-of-law/index.xml"} {
		var doc struct {
			Version string `xml:"version,attr"`
			Channel struct {
				Title    string   `xml:"title"`
				Links    []string `xml:"link"` // the RSS link and the Atom self link
				Language string   `xml:"language"`
				Items    []struct {
					Title   string `xml:"title"`
					Link    string `xml:"link"`
					PubDate string `xml:"pubDate"`
				} `xml:"item"`
			} `xml:"channel"`
		}
		if err := xml.Unmarshal([]byte(file(t, mem, name)), &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if doc.Version != "2.0" || doc.Channel.Title == "" || !strings.HasPrefix(doc.Channel.Links[0], "https://example.org/") || len(doc.Channel.Items) == 0 {
			t.Errorf("%s: %+v", name, doc)
		}
		for _, it := range doc.Channel.Items {
			if it.Title == "" || !strings.HasPrefix(it.Link, "https://example.org/") || it.PubDate == "" {
				t.Errorf("%s: item %+v", name, it)
			}
		}
	}
	contains(t, mem, "zh/index.xml", `<language>zh-CN</language>`, `<title>淄博的法治</title>`,
		`<pubDate>Fri, 15 Mar 2024 11:29:00 +0800</pubDate>`,
		`<atom:link href="https://example.org/zh/index.xml" rel="self" type="application/rss+xml">`)
	// Newest first.
	zh := file(t, mem, "zh/law/index.xml")
	if strings.Index(zh, "淄博的法治") > strings.Index(zh, "较早的简报") {
		t.Error("feed not newest first")
	}
	if _, ok := mem.Get("zh/law/zibo/index.xml"); ok {
		t.Error("a brief has a feed")
	}
	// Every page advertises a feed: a list its own, a brief its section's.
	contains(t, mem, "zh/law/index.html", `<link rel="alternate" type="application/rss+xml" title="简报" href="https://example.org/zh/law/index.xml">`)
	contains(t, mem, "zh/law/zibo/index.html", `<link rel="alternate" type="application/rss+xml" title="简报" href="https://example.org/zh/law/index.xml">`)
	contains(t, mem, "en/tags/index.html", `<link rel="alternate" type="application/rss+xml" title="Briefs" href="https://example.org/en/index.xml">`)
	lacks(t, mem, "404.html", `application/rss+xml`)
}

func TestSitemapAndRobots(t *testing.T) {
	mem := mustBuild(t, "basic.txtar", build.Options{})
	sm := file(t, mem, "sitemap.xml")
	// A brief with a translation lists both versions and x-default; one without, none.
	for _, want := range []string{
		"<loc>https://example.org/zh/law/zibo/</loc>\n    <lastmod>2024-03-15T11:29:00+08:00</lastmod>\n" +
			`    <xhtml:link rel="alternate" hreflang="zh-CN" href="https://example.org/zh/law/zibo/"/>` + "\n" +
			`    <xhtml:link rel="alternate" hreflang="en" href="https://example.org/en/law/zibo/"/>` + "\n" +
			`    <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/zh/law/zibo/"/>`,
		"<loc>https://example.org/zh/law/only-zh/</loc>\n    <lastmod>2024-02-01T10:00:00+08:00</lastmod>\n  </url>",
		"<loc>https://example.org/zh/tags/%E6%B3%95%E6%B2%BB/</loc>",
		"<loc>https://example.org/zh/law/page/2/</loc>",
	} {
		if !strings.Contains(sm, want) {
			t.Errorf("sitemap lacks:\n%s", want)
		}
	}
	if n := strings.Count(sm, "<url>"); n != len(htmlPages(mem)) {
		t.Errorf("sitemap has %d URLs for %d pages", n, len(htmlPages(mem)))
	}
	contains(t, mem, "robots.txt", "Sitemap: https://example.org/sitemap.xml")
}

// htmlPages lists the pages a sitemap should list: not the root redirect, aliases or 404s.
func htmlPages(mem interface{ Names() []string }) []string {
	var out []string
	for _, n := range mem.Names() {
		// The search pages show nothing of their own to a crawler, and are not listed.
		if strings.HasSuffix(n, "/index.html") && !strings.HasPrefix(n, "old/") && !strings.HasSuffix(n, "/search/index.html") {
			out = append(out, n)
		}
	}
	return out
}

func TestSitemapIndex(t *testing.T) {
	res, err := buildResult(t)
	if err != nil {
		t.Fatal(err)
	}
	files := sitemap.Files(res.Site, 5)
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	if got := strings.Join(names, " "); !strings.HasPrefix(got, "sitemap-1.xml sitemap-2.xml") || !strings.Contains(got, "sitemap.xml robots.txt") {
		t.Errorf("files: %s", got)
	}
	index := string(files[len(files)-2].Data)
	if !strings.Contains(index, "<sitemapindex") || !strings.Contains(index, "<loc>https://example.org/sitemap-2.xml</loc>") {
		t.Errorf("index:\n%s", index)
	}
	if n := strings.Count(string(files[0].Data), "<url>"); n != 5 {
		t.Errorf("first part has %d URLs", n)
	}
}

func buildResult(t *testing.T) (*build.Result, error) {
	_, res, err := buildSite(t, siteFS(t, "basic.txtar"), build.Options{})
	return res, err
}

func TestSubpathAndRelativeURLs(t *testing.T) {
	mem := mustBuild(t, "basic.txtar", build.Options{BaseURL: "https://example.org/briefs/"})
	contains(t, mem, "zh/index.xml", "<link>https://example.org/briefs/zh/law/zibo/</link>")
	contains(t, mem, "sitemap.xml", "<loc>https://example.org/briefs/zh/law/zibo/</loc>")
	contains(t, mem, "robots.txt", "Sitemap: https://example.org/briefs/sitemap.xml")

	fsys := siteFS(t, "basic.txtar")
	fsys["site.toml"].Data = append([]byte("relativeURLs = true\n"), fsys["site.toml"].Data...)
	rel, _, err := buildSite(t, fsys, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, rel, "zh/law/zibo/index.html", `href="../../../css/site.css"`, `href="../../index.html"`,
		`href="../../tags/%E6%B3%95%E6%B2%BB/index.html"`, `<link rel="canonical" href="https://example.org/zh/law/zibo/">`)
	contains(t, rel, "zh/index.html", `href="../css/site.css"`, `href="law/index.html"`)
	// Every relative link resolves to a written file, from the page's own folder.
	for _, name := range rel.Names() {
		if !strings.HasSuffix(name, ".html") || strings.HasSuffix(name, "404.html") {
			continue
		}
		body, _ := rel.Get(name)
		for _, m := range linkRE.FindAllSubmatch(body, -1) {
			link := string(m[1])
			if strings.HasPrefix(link, "/") {
				t.Errorf("%s: absolute link %s in relative mode", name, link)
			}
		}
	}
	checkLinks(t, rel, "https://example.org/")
}

func TestNotFoundPages(t *testing.T) {
	mem := mustBuild(t, "basic.txtar", build.Options{})
	contains(t, mem, "404.html", `<html lang="zh-CN">`, "页面未找到", `href="/en/"`)
	contains(t, mem, "en/404.html", `<html lang="en">`, "Page not found")
}
