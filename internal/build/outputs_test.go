package build_test

import (
	"testing"
	"testing/fstest"

	"github.com/briefs/briefs/internal/build"
)

// TestOutputs: a page advertises only feeds that are made (outputs may leave rss
// out), and front matter outputs that briefs cannot make are named in one warning.
func TestOutputs(t *testing.T) {
	mem := mustBuild(t, "hugofeeds/outputs.txtar", build.Options{})
	for _, name := range []string{"index.xml", "notes/index.xml", "tags/x/index.xml"} {
		if _, ok := mem.Get(name); ok {
			t.Errorf("%s written; outputs leave rss out", name)
		}
	}
	contains(t, mem, "posts/a/index.html", `type="application/rss+xml"`, `href="https://example.org/posts/index.xml">`)
	contains(t, mem, "posts/index.html", `href="https://example.org/posts/index.xml"`)
	for _, name := range []string{"index.html", "notes/b/index.html", "notes/index.html", "tags/x/index.html"} {
		lacks(t, mem, name, "application/rss+xml")
	}

	fsys := siteFS(t, "hugofeeds/outputs.txtar")
	fsys["content/notes/c.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"C\"\noutputs = [\"html\", \"json\", \"Calendar\"]\n+++\n")}
	fsys["content/notes/d.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"D\"\noutputs = [\"json\"]\n+++\n")}
	_, res, err := buildSite(t, fsys, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	warns(t, res, "content/notes/c.md:3:1: warning: briefs makes html and rss outputs only; these need the theme's templates and are not made: calendar (content/notes/c.md), json (2 pages, such as content/notes/c.md)")
}
