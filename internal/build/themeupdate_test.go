package build_test

import (
	"os"
	"testing"

	"golang.org/x/tools/txtar"

	briefs "github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/output"
)

// themeSite is a Hugo site whose theme has a shortcode publishing an asset, which
// no page uses at first.
const themeSite = `
-- hugo.toml --
baseURL = "https://example.org/"
theme = "t"
-- themes/t/layouts/shortcodes/css.html --
<link rel="stylesheet" href="{{ (resources.Get "css/style.css").RelPermalink }}">
-- themes/t/assets/css/style.css --
body { color: black }
-- content/docs/_index.md --
+++
title = "Docs"
+++
-- content/docs/a.md --
+++
title = "A"
+++
No style yet.
`

// TestUpdateThemeAsset checks that a dev-server update whose body starts using a
// theme asset publishes it, and that an edit to a theme's shortcode is a full
// rebuild: after each, the output is byte for byte what a full build gives.
func TestUpdateThemeAsset(t *testing.T) {
	dir, _ := writeSite(t, txtar.Parse([]byte(themeSite)))
	opts := build.Options{Site: os.DirFS(dir), Dir: dir, Theme: briefs.Theme, Now: now}
	sess := build.NewLive(opts)
	mem := output.NewMemory()
	if _, err := sess.Build(mem); err != nil {
		t.Fatal(err)
	}
	if _, ok := mem.Get("css/style.css"); ok {
		t.Fatal("css/style.css published before a page uses it")
	}
	edit(t, dir, "content/docs/a.md", "No style yet.", "Styled. {{< css >}}")
	ch, err := sess.Update([]string{"content/docs/a.md"}, mem)
	if err != nil {
		t.Fatal(err)
	}
	if ch.Full {
		t.Error("a body edit made a full rebuild")
	}
	if !contains1(ch.Written, "css/style.css") {
		t.Errorf("css/style.css not written; wrote %v", ch.Written)
	}
	sameAsFullBuild(t, "body uses an asset", opts, mem)

	edit(t, dir, "themes/t/layouts/shortcodes/css.html", `<link rel`, `<link class="theme" rel`)
	edit(t, dir, "themes/t/assets/css/style.css", "black", "navy")
	ch, err = sess.Update([]string{"themes/t/layouts/shortcodes/css.html", "themes/t/assets/css/style.css"}, mem)
	if err != nil {
		t.Fatal(err)
	}
	if !ch.Full || !contains1(ch.Written, "docs/a/index.html") || !contains1(ch.Written, "css/style.css") {
		t.Errorf("theme edit: full %v, wrote %v; want a full rebuild writing docs/a/index.html and css/style.css", ch.Full, ch.Written)
	}
	sameAsFullBuild(t, "theme shortcode and asset edited", opts, mem)
	if b, _ := mem.Get("css/style.css"); string(b) != "body { color: navy }\n" {
		t.Errorf("css/style.css = %q", b)
	}
}
