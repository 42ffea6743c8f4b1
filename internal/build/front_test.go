package build_test

import (
	"strings"
	"testing"

	"github.com/briefs/briefs/internal/build"
)

// TestHugoFrontMatter builds a site whose pages use Hugo's front matter in its three
// notations, and checks what each key Hugo honours changes in the output.
func TestHugoFrontMatter(t *testing.T) {
	mem := mustBuild(t, "hugofront.txtar", build.Options{})
	contains(t, mem, "en/news/a/index.html",
		`<meta name="keywords" content="law, courts">`,
		`<meta property="og:image" content="https://example.org/img/a.png">`,
		`<meta name="description" content="About A.">`,
		`<h1>A long title of the first article</h1>`)
	contains(t, mem, "en/news/d/index.html", "<p>Hello <b>there</b>, from HTML.</p>")
	lacks(t, mem, "en/news/c/index.html", "article:published_time", "0001")
	list := file(t, mem, "en/news/index.html")
	// Hugo's order: weight first, then newest first, undated after dated, then by link title.
	order := []string{">B pinned<", ">A short<", ">Norender<", ">C without a date<", ">D in HTML<"}
	last := -1
	for _, w := range order {
		i := strings.Index(list, w)
		if i < 0 || i < last {
			t.Errorf("section list: %s missing or out of order (want %v)", w, order)
		}
		last = i
	}
	for _, gone := range []string{"Hidden", "Unlisted", "Future", "Expired", "A long title"} {
		if strings.Contains(list, gone) {
			t.Errorf("section list shows %q", gone)
		}
	}
	for _, name := range []string{"en/news/hidden/index.html", "en/news/norender/index.html", "en/news/future/index.html", "en/news/expired/index.html"} {
		if _, ok := mem.Get(name); ok {
			t.Errorf("%s written", name)
		}
	}
	file(t, mem, "en/news/unlisted/index.html")
	lacks(t, mem, "sitemap.xml", "norender", "hidden")
	contains(t, mem, "sitemap.xml", "<loc>https://example.org/en/news/c/</loc>")
	feed := file(t, mem, "en/news/index.xml")
	c := feed[strings.Index(feed, "<title>C without a date</title>"):]
	if c = c[:strings.Index(c, "</item>")]; strings.Contains(c, "pubDate") {
		t.Errorf("feed item of an undated page has a pubDate: %s", c)
	}
}
