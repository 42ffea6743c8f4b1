package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/output"
)

// TestLanguageFolders: a folder named after a site language is that language's
// content only when the configuration says so (contentDir); otherwise the build
// fails at the file, and never publishes its pages as the default language's under
// /en/zh-cn/, as briefs once did.
func TestLanguageFolders(t *testing.T) {
	page := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("+++\ntitle = \"" + title + "\"\ndate = 2024-01-01\n+++\nText.\n")}
	}
	site := func(cfg string) fstest.MapFS {
		return fstest.MapFS{"site.toml": {Data: []byte(cfg)},
			"content/en/law/x.md": page("X"), "content/zh-cn/law/x.md": page("某")}
	}
	_, _, err := buildSite(t, site("[languages.en]\n[languages.zh-cn]\n"), build.Options{})
	if err == nil || !strings.Contains(err.Error(), "content/en/law/x.md:1:1: the folder content/en is named after the language en but is not its content folder") ||
		!strings.Contains(err.Error(), "content/zh-cn/law/x.md:1:1: the folder content/zh-cn is named after the language zh-cn") {
		t.Errorf("without contentDir: got %v", err)
	}
	mem, _, err := buildSite(t, site("[languages.en]\ncontentDir = \"content/en\"\n[languages.zh-cn]\ncontentDir = \"content/zh-cn/\"\n"), build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, mem, "zh-cn/law/x/index.html", `lang="zh-CN"`, "某")
	contains(t, mem, "en/law/x/index.html", `lang="en"`, "X")
	for _, name := range mem.Names() {
		if strings.Contains(name, "en/zh-cn") || strings.Contains(name, "zh-cn/en") {
			t.Errorf("a page in another language's folder: %s", name)
		}
	}
}

// TestBundleImage: a leaf bundle's image is copied beside its page in every language,
// found by the body's relative link (with its size read, as for static/ images).
func TestBundleImage(t *testing.T) {
	png := encoded(t, 40, 30, false)
	fsys := fstest.MapFS{
		"hugo.toml":                      {Data: []byte("defaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n[languages.zh]\nweight = 2\n")},
		"content/posts/trip/index.md":    {Data: []byte("+++\ntitle = \"Trip\"\ndate = 2024-01-01\n+++\n![A map](Map.png)\n")},
		"content/posts/trip/index.zh.md": {Data: []byte("+++\ntitle = \"旅行\"\ndate = 2024-01-01\n+++\n![地图](Map.png)\n")},
		"content/posts/trip/Map.png":     {Data: png},
	}
	mem, _, err := buildSite(t, fsys, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"posts/trip/Map.png", "zh/posts/trip/Map.png"} {
		if got := file(t, mem, name); got != string(png) {
			t.Errorf("%s: not the bundle's image", name)
		}
	}
	contains(t, mem, "posts/trip/index.html", `src="Map.png"`, `width="40"`)
	contains(t, mem, "zh/posts/trip/index.html", `src="Map.png"`)
}

// TestTaxonomyPages: every taxonomy of the config has its list page with counts, its
// term pages with feeds, in every language, in the default theme's tags look; a
// term's _index file titles its page.
func TestTaxonomyPages(t *testing.T) {
	mem := mustBuild(t, "hugo/taxonomies.txtar", build.Options{})
	contains(t, mem, "en/tags/index.html", "All tags", `href="/en/tags/big-data/"`, "Big Data, explained", `class="tag-cloud"`)
	contains(t, mem, "en/tags/big-data/index.html", "Big Data, explained", `href="/en/news/a/"`, `href="/en/news/b/"`)
	contains(t, mem, "zh/tags/大数据/index.html", `href="/zh/news/a/"`, `href="/zh/news/c/"`)
	contains(t, mem, "en/tags/c++/index.xml", "<title>A</title>")
	contains(t, mem, "en/series/index.html", "Series")
	contains(t, mem, "zh/index.html", `href="/zh/series/"`, `href="/zh/tags/"`)
	contains(t, mem, "index.html", `href="/zh/"`, `href="/en/"`) // the root chooses a language
}

// TestUpdateHugoSite: in the dev server, edits to a Hugo site with a content folder
// per language and page bundles update the output as a full build makes it.
func TestUpdateHugoSite(t *testing.T) {
	dir := writeTree(t, "hugo/content.txtar")
	opts := build.Options{Site: os.DirFS(dir), Theme: briefs.Theme, Now: now}
	sess, mem := build.NewLive(opts), output.NewMemory()
	if _, err := sess.Build(mem); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name  string
		do    func()
		paths []string
		want  string
	}{
		{"body in a language's folder", func() {
			edit(t, dir, "content/zh-cn/posts/hello.md", "title = \"你好\"\ndate = 2024-01-02\n+++\n", "title = \"你好\"\ndate = 2024-01-02\n+++\n新的正文。\n")
		},
			[]string{"content/zh-cn/posts/hello.md"}, "zh-cn/posts/hello/index.html"},
		{"bundle file added", func() {
			os.WriteFile(filepath.Join(dir, "content/en/posts/trip/route.gpx"), []byte("<gpx/>"), 0o644)
		}, []string{"content/en/posts/trip/route.gpx"}, "posts/trip/route.gpx"},
		{"bundle file changed", func() { edit(t, dir, "content/en/posts/trip/map.png", "png", "png2") },
			[]string{"content/en/posts/trip/map.png"}, "zh-cn/posts/trip/map.png"},
		{"page made a bundle", func() {
			os.MkdirAll(filepath.Join(dir, "content/en/docs/plain/loose"), 0o755)
			os.Rename(filepath.Join(dir, "content/en/docs/plain/loose.md"), filepath.Join(dir, "content/en/docs/plain/loose/index.md"))
			os.WriteFile(filepath.Join(dir, "content/en/docs/plain/loose/data.csv"), []byte("a\n"), 0o644)
		}, []string{"content/en/docs/plain/loose.md", "content/en/docs/plain/loose"}, "docs/plain/loose/data.csv"},
	}
	for _, st := range steps {
		st.do()
		ch, err := sess.Update(st.paths, mem)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if !contains1(ch.Written, st.want) {
			t.Errorf("%s: %s not written; wrote %v", st.name, st.want, ch.Written)
		}
		sameAsFullBuild(t, st.name, opts, mem)
	}
}
