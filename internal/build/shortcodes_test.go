package build_test

import (
	"os"
	"testing"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/output"
)

// TestShortcodes builds a site written with Hugo shortcodes: refs resolve to the
// pages' URLs in either language, and the site's own shortcode runs with Hugo's context
// (.Ordinal counts every call before it in the body, refs too, as Hugo's does),
// partials, and .Parent.Store, which calls inside a call fill before it runs.
func TestShortcodes(t *testing.T) {
	mem := mustBuild(t, "shortcodes.txtar", build.Options{})
	contains(t, mem, "zh/law/zibo/index.html",
		`<a href="/en/law/zibo/">英文版</a>`, `<a href="/zh/law/">法治</a>`,
		`<aside class="note note-warn" data-ordinal="3" data-named="true">`,
		`<p class="note-page">淄博 · Zibo Bureau · zh <span class="badge">warn</span>`,
		`<div class="tabs" data-count="2"><section>一</section>`,
		`<strong>注意</strong>：<dfn title="反电信诈骗">反诈</dfn> (in note)`)
	contains(t, mem, "en/law/zibo/index.html",
		`<a href="https://example.org/en/law/other/">the other brief</a>`,
		`<a href="/en/law/zibo/#cases">its cases</a>`, `<a href="/zh/law/zibo/">the original</a>`,
		"<ol>\n<li>first step</li>\n<li>second step</li>\n</ol>",
		`<aside class="note note-info" data-ordinal="4" data-named="false">`, "Plain <em>note</em>.")
	lacks(t, mem, "en/law/zibo/index.html", "{{", "BRIEFSSHORTCODE")
	contains(t, mem, "en/law/other/index.html", `<a href="/en/law/zibo/">Zibo</a>`)
}

// TestShortcodeUpdates edits a site written with shortcodes as the dev server sees it:
// a shortcode template, the slug of a page another page refs (a new graph: every body
// with shortcodes is rendered again), a body with refs (the same graph: the others are
// taken from the last state), and a title a site shortcode shows. After each edit the
// updated output must be byte for byte a full build's.
func TestShortcodeUpdates(t *testing.T) {
	dir := writeTree(t, "shortcodes.txtar")
	opts := build.Options{Site: os.DirFS(dir), Theme: briefs.Theme, Now: now}
	sess := build.NewLive(opts)
	mem := output.NewMemory()
	if _, err := sess.Build(mem); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name, file, from, to, page, want string
	}{
		{"template edit", "layouts/shortcodes/term.html", "<dfn", "<dfn class=\"t\"", "zh/law/zibo/index.html", `<dfn class="t" title="反电信诈骗">`},
		{"slug of a ref target", "content/law/other.en.md", "date = 2024-01-02", "date = 2024-01-02\nslug = \"moved\"", "en/law/zibo/index.html", `href="https://example.org/en/law/moved/"`},
		{"body with refs", "content/law/other.en.md", "Back to", "Return to", "en/law/moved/index.html", `Return to <a href="/en/law/zibo/">Zibo</a>`},
		{"title of a page a shortcode shows", "content/law/zibo.zh.md", `title = "淄博"`, `title = "淄博市"`, "zh/law/zibo/index.html", `<p class="note-page">淄博市 · Zibo Bureau`},
	}
	for _, st := range steps {
		edit(t, dir, st.file, st.from, st.to)
		ch, err := sess.Update([]string{st.file}, mem)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if !contains1(ch.Written, st.page) {
			t.Errorf("%s: %s not rewritten; wrote %v", st.name, st.page, ch.Written)
		}
		contains(t, mem, st.page, st.want)
		sameAsFullBuild(t, st.name, opts, mem)
	}
}
