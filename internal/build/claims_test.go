package build_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/output"
)

// buildDir builds a site the way the build command does, into a staging folder that
// is committed as dir/public on success and removed on failure.
func buildDir(t *testing.T, fsys fs.FS) (public string, d *output.Dir, err error) {
	t.Helper()
	root := t.TempDir()
	public = filepath.Join(root, "public")
	site := output.Site{Dir: filepath.Join(root, "site"), Reads: build.Sources()}
	d, derr := output.NewDir(context.Background(), public, site)
	if derr != nil {
		t.Fatal(derr)
	}
	if _, err = build.Run(build.Options{Site: fsys, Theme: briefs.Theme, Now: now}, d); err != nil {
		d.Abort()
		return public, d, err
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	return public, d, nil
}

// clashSite is a two-language site with the brief content/law/x.zh.md, whose front
// matter gets extra, and the files more.
func clashSite(extra string, more map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"site.toml":             {Data: []byte("[languages.zh]\n[languages.en]\n")},
		"content/law/x.zh.md":   {Data: []byte("+++\ntitle = \"X\"\ndate = 2024-01-01\n" + extra + "+++\nBody.\n")},
		"content/law/_index.md": {Data: []byte("+++\ntitle = \"Law\"\n+++\n")},
	}
	for name, src := range more {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	return fsys
}

// TestOutputClashes checks that every kind of source that lands on another output
// is an error at its place naming the other, and that nothing is written: these used
// to overwrite each other silently or fail with an error about the staging folder.
func TestOutputClashes(t *testing.T) {
	brief := func(extra string) string { return "+++\ntitle = \"Y\"\ndate = 2024-01-01\n" + extra + "+++\nBody.\n" }
	cases := []struct {
		name  string
		extra string
		more  map[string]string
		want  string
	}{
		{"alias on a 404 page", `aliases = ["/zh/404.html", "/404.html"]` + "\n", nil,
			`content/law/x.zh.md:4:12: alias /zh/404.html is also the 404 page (built-in); choose another alias
content/law/x.zh.md:4:28: alias /404.html is also the 404 page (built-in); choose another alias`},
		{"alias on the root page", "aliases = [\n  '/index.html',\n]\n", nil,
			`content/law/x.zh.md:5:3: alias /index.html is also the root page / (built-in); choose another alias`},
		{"alias on a page and a tag", `tags = ["法治"]` + "\n" + `aliases = ["/zh/law/", "/zh/tags/法治/"]` + "\n", nil,
			`content/law/x.zh.md:5:12: alias /zh/law/ is also the section page (content/law/_index.md:1:1); choose another alias
content/law/x.zh.md:5:24: alias /zh/tags/法治/ is also the tag page (content/law/x.zh.md:4:9); choose another alias`},
		{"alias inside the theme's stylesheet", `aliases = ["/css/site.css"]` + "\n", nil,
			`content/law/x.zh.md:4:12: alias /css/site.css needs a folder /css/site.css, which is the default theme's file (built-in); choose another alias`},
		{"slug inside a section page", `slug = "index.html"` + "\n", nil,
			`content/law/x.zh.md:4:1: the brief /zh/law/index.html/ needs a folder /zh/law/index.html, which is the section page /zh/law/ (content/law/_index.md:1:1); change the slug or move the file`},
		{"slug inside a feed", `slug = "index.xml"` + "\n", nil,
			`content/law/x.zh.md:4:1: the brief /zh/law/index.xml/ needs a folder /zh/law/index.xml, which is the RSS feed of the section page (content/law/_index.md:1:1); change the slug or move the file`},
		{"two briefs", "", map[string]string{"content/law/y.zh.md": brief(`slug = "x"` + "\n")},
			`content/law/y.zh.md:4:1: the brief /zh/law/x/ is also the brief (content/law/x.zh.md:1:1); change the slug or move the file`},
		{"brief and section", "", map[string]string{"content/law/x/z.zh.md": brief("")},
			`content/law/x.zh.md:1:1: the brief /zh/law/x/ is also the section page (content/law/x); change the slug or move the file`},
		{"section named tags", "", map[string]string{"content/tags/sub/y.zh.md": brief("")},
			`content/tags/sub/y.zh.md:1:1: a page cannot be in the taxonomy folder tags/; it holds only _index files (of the taxonomy and of its terms)`},
		{"section named search", "", map[string]string{"content/search/y.zh.md": brief("")},
			`content/search: the section page /zh/search/ is also the search page (built-in); rename the folder content/search`},
		{"static file on the search index", "", map[string]string{"static/search/en/index.json": "x"},
			`static/search/en/index.json:1:1: static file /search/en/index.json is also the search index (built-in); rename or remove the static file`},
		{"section at a 404 page", "", map[string]string{"content/404.html/y.en.md": brief("")},
			`content/404.html: the section page /en/404.html/ needs a folder /en/404.html, which is the 404 page (built-in); rename the folder content/404.html`},
		{"static files on generated files", "", map[string]string{"static/sitemap.xml": "x", "static/robots.txt": "x", "static/zh/404.html": "x"},
			`static/robots.txt:1:1: static file /robots.txt is also the robots file (built-in); rename or remove the static file
static/sitemap.xml:1:1: static file /sitemap.xml is also the sitemap (built-in); rename or remove the static file
static/zh/404.html:1:1: static file /zh/404.html is also the 404 page (built-in); rename or remove the static file`},
		{"static file on a page folder", "", map[string]string{"static/zh/law": "x", "static/en/index.xml/x.png": "x"},
			`static/en/index.xml/x.png:1:1: static file /en/index.xml/x.png needs a folder /en/index.xml, which is the RSS feed of the home page (built-in); rename or remove the static file
static/zh/law:1:1: static file /zh/law is also the folder of the section page /zh/law/ (content/law/_index.md:1:1); rename or remove the static file`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel() // fourteen builds, each into its own folder
			public, _, err := buildDir(t, clashSite(c.extra, c.more))
			if err == nil {
				t.Fatalf("build succeeded; want:\n%s", c.want)
			}
			if got := err.Error(); got != c.want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, c.want)
			}
			if _, err := os.Stat(public); !os.IsNotExist(err) {
				t.Errorf("the failed build wrote %s", public)
			}
		})
	}
}

// TestUpdateClash adds, in the dev server, a brief whose alias is a 404 page: the
// update must fail at the alias, as the full build does.
func TestUpdateClash(t *testing.T) {
	dir, _, sess, mem := startSession(t)
	src := "+++\ntitle = \"New\"\ndate = 2024-05-01\naliases = [\"/404.html\"]\n+++\nNew.\n"
	if err := os.WriteFile(filepath.Join(dir, "content/law/new.zh.md"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := sess.Update([]string{"content/law/new.zh.md"}, mem)
	want := "content/law/new.zh.md:4:12: alias /404.html is also the 404 page (built-in); choose another alias"
	if err == nil || err.Error() != want {
		t.Errorf("update: got %v, want %s", err, want)
	}
}

// TestFileCount checks that the number of files the build command prints is the
// number written, when aliases are among them (the output folder's marker, which is
// no page, aside).
func TestFileCount(t *testing.T) {
	public, d, err := buildDir(t, clashSite(`aliases = ["/old/x/", "/old/x.html"]`+"\n", nil))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	filepath.WalkDir(public, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && e.Name() != output.Marker {
			n++
		}
		return nil
	})
	if d.Files() != n || !strings.Contains(fileList(t, public), "old/x.html") {
		t.Errorf("the build counted %d files and wrote %d", d.Files(), n)
	}
}

func fileList(t *testing.T, dir string) string {
	t.Helper()
	var names []string
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			names = append(names, filepath.ToSlash(rel))
		}
		return nil
	})
	return strings.Join(names, "\n")
}
