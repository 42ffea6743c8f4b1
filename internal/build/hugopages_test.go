package build_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"

	briefs "github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/output"
)

// pagesSite lists .Page.Pages from a shortcode on the home page, a section, a
// subsection and a regular page.
const pagesSite = `
-- hugo.toml --
baseURL = "https://example.org/"
-- layouts/shortcodes/list.html --
{{ range .Page.Pages }}[{{ .Title }} {{ .RelPermalink }} {{ .Weight }}]{{ end }} {{ len .Page.RegularPages }}
-- content/_index.md --
+++
title = "Home"
+++
{{< list >}}
-- content/top.md --
+++
title = "Top"
date = 2024-01-01
+++
-- content/docs/_index.md --
+++
title = "Docs"
+++
{{< list >}}
-- content/docs/a.md --
+++
title = "A"
weight = 2
+++
{{< list >}}
-- content/docs/b.md --
+++
title = "B"
weight = 1
+++
-- content/docs/old.md --
+++
title = "Old"
date = 2023-01-01
+++
-- content/docs/new.md --
+++
title = "New"
date = 2024-06-01
+++
-- content/docs/sub/_index.md --
+++
title = "Sub"
+++
{{< list >}}
-- content/docs/sub/deep.md --
+++
title = "Deep"
+++
`

// TestPagePages checks .Page.Pages in shortcodes: a section's own regular pages (not
// its subsections' pages) in Hugo's default order, weighted first, then newest
// first; the home page's pages at the content root; nothing for a regular page.
func TestPagePages(t *testing.T) {
	dir, _ := writeSite(t, txtar.Parse([]byte(pagesSite)))
	mem, _, err := buildSite(t, os.DirFS(dir), build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, mem, "docs/index.html", "[B /docs/b/ 1][A /docs/a/ 2][New /docs/new/ 0][Old /docs/old/ 0] 4")
	contains(t, mem, "docs/sub/index.html", "[Deep /docs/sub/deep/ 0] 1")
	contains(t, mem, "index.html", "[Top /top/ 0] 1")
	contains(t, mem, "docs/a/index.html", "<div class=\"content\">\n 0\n")
}

// TestPagePagesUpdate: in the dev server, a new page appears in its section's
// .Page.Pages as it does in a full build.
func TestPagePagesUpdate(t *testing.T) {
	dir, _ := writeSite(t, txtar.Parse([]byte(pagesSite)))
	opts := build.Options{Site: os.DirFS(dir), Dir: dir, Theme: briefs.Theme, Now: now}
	sess := build.NewLive(opts)
	mem := output.NewMemory()
	if _, err := sess.Build(mem); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "content/docs/fresh.md"), "+++\ntitle = \"Fresh\"\ndate = 2025-01-01\n+++\n")
	if _, err := sess.Update([]string{"content/docs/fresh.md"}, mem); err != nil {
		t.Fatal(err)
	}
	sameAsFullBuild(t, "new page in a section", opts, mem)
	contains(t, mem, "docs/index.html", "[Fresh /docs/fresh/ 0][New /docs/new/ 0][Old /docs/old/ 0] 5")
}
