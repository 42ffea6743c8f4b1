package build_test

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"
	"testing/fstest"

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
		`2024 and 2024`)
	lacks(t, mem, "docs/a/index.html", "theme-hello", "THEME PAGE LAYOUT", "BRIEFSSHORTCODE", "{{")
	contains(t, mem, "zh/docs/a/index.html", `<div class="note info" id="note-1"><p class="t">注意</p>中文。</div>`)
	contains(t, mem, "info.json", `{"name": "tiny"}`)
	contains(t, mem, "img/logo.svg", "<svg")
	contains(t, mem, "img/logo.png", "PNG")
	contains(t, mem, "shared.txt", "from the site")
	contains(t, mem, "site.txt", "site")
	var warnings []string
	for _, w := range res.Warnings {
		warnings = append(warnings, w.Error())
	}
	got := strings.Join(warnings, "\n")
	for _, want := range []string{
		"content/docs/a.md:15:1: warning: theme tiny's shortcode fancy uses openapi3.Unmarshal, which briefs does not support; its calls show their content as Markdown (or nothing); write layouts/shortcodes/fancy.html to replace it (used 2 times, in content/docs/a.md)",
		"content/docs/a.md:19:1: warning: shortcode old: warnf: old is deprecated",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings lack %q:\n%s", want, got)
		}
	}
}

var pngEncode = png.Encode
