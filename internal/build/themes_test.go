package build_test

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	briefs "github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/output"

	"github.com/briefs/briefs/internal/build"
)

// TestThemeComponent builds testdata/themes/tiny.txtar: a Hugo site whose content uses
// its theme's shortcodes, partials, i18n, assets, data and static files.
func TestThemeComponent(t *testing.T) {
	fsys := siteFS(t, "themes/tiny.txtar")
	var png bytes.Buffer
	if err := pngEncode(&png, image.NewGray(image.Rect(0, 0, 2, 1))); err != nil {
		t.Fatal(err)
	}
	fsys["themes/tiny/static/img/logo.png"] = &fstest.MapFile{Data: png.Bytes()}
	mem, res, err := buildSite(t, fsys, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, mem, "docs/a/index.html",
		`<div class="note warn" id="note-1"><p class="t">Note</p>Some <strong>bold</strong> text.</div>`,
		`<div class="note info" id="note-2"><p class="t">Note</p>Second.</div>`,
		`<b class="site-hello">hi</b>`,
		`<code>/info.json</code> tiny https://tiny.example`,
		`<img src="/img/logo.png" alt="logo" width="2" height="1"`,
		`<p>Shown <em>as Markdown</em>.</p>`, `<p>Again.</p>`,
		`<span>old</span>`,
		`2024 and 2024`, `<p>Kept.</p>`)
	lacks(t, mem, "docs/a/index.html", "theme-hello", "THEME PAGE LAYOUT", "BRIEFSSHORTCODE", "{{")
	contains(t, mem, "zh/docs/a/index.html", `<div class="note info" id="note-1"><p class="t">注意</p>中文。</div>`)
	contains(t, mem, "info.json", `{"name": "tiny"}`)
	contains(t, mem, "img/logo.svg", "<svg")
	contains(t, mem, "img/logo.png", "PNG")
	contains(t, mem, "shared.txt", "from the site")
	contains(t, mem, "site.txt", "site")
	lacks(t, mem, "404.html", "the theme's 404 page")
	warns(t, res,
		"content/docs/a.md:15:1: warning: theme tiny's shortcode fancy uses openapi3.Unmarshal, which briefs does not support; its calls show their content as Markdown (or nothing); write layouts/shortcodes/fancy.html to replace it (used 2 times, in content/docs/a.md)",
		"content/docs/a.md:19:1: warning: shortcode old: warnf: old is deprecated",
		"content/docs/a.md:23:1: warning: theme tiny's shortcode unclosed does not parse in briefs (themes/tiny/layouts/_shortcodes/unclosed.html:2: template: unexpected EOF); its calls show their content as Markdown (or nothing); write layouts/shortcodes/unclosed.html to replace it",
	)
}

var pngEncode = png.Encode

// TestHugoThemeShortcodes builds testdata/themes/hugo-compare.txtar with briefs and
// with Hugo (Debian's 0.111, which has the theme features the site uses), and
// compares the HTML each writes between the MARKSTART and MARKEND paragraphs of each
// page, white space next to tags left out and other runs made one space. Without
// hugo the test is skipped, unless BRIEFS_REQUIRE_HUGO is set.
func TestHugoThemeShortcodes(t *testing.T) {
	hugo := hugoPath(t)
	ar, err := txtar.ParseFile("testdata/themes/hugo-compare.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir, _ := writeSite(t, ar)
	mem := output.NewMemory()
	if _, err := build.Run(build.Options{Site: os.DirFS(dir), Dir: dir, Theme: briefs.Theme}, mem); err != nil {
		t.Fatalf("briefs: %v", err)
	}
	hugoDir := t.TempDir()
	if err := os.CopyFS(hugoDir, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"layouts/_default/single.html", "layouts/_default/list.html"} {
		writeFile(t, filepath.Join(hugoDir, name), "{{ .Content }}")
	}
	out := runHugo(t, hugo, hugoDir)
	for _, page := range []string{"docs/a/index.html", "zh/docs/a/index.html", "info.json"} {
		b, _ := mem.Get(page)
		h, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(page)))
		if err != nil {
			t.Fatalf("Hugo wrote no %s", page)
		}
		if got, want := marked(string(b)), marked(string(h)); got != want {
			t.Errorf("%s:\nbriefs: %s\nHugo:   %s", page, got, want)
		}
	}
}

var (
	nearTags = regexp.MustCompile(`\s*(<[^>]*>)\s*`)
	spaces   = regexp.MustCompile(`\s+`)
)

// marked is the HTML between the MARKSTART and MARKEND paragraphs (all of it when
// there are none), white space next to tags left out and other runs made one space.
func marked(s string) string {
	if _, after, ok := strings.Cut(s, "<p>MARKSTART</p>"); ok {
		s, _, _ = strings.Cut(after, "<p>MARKEND</p>")
	}
	return spaces.ReplaceAllString(nearTags.ReplaceAllString(s, "$1"), " ")
}
