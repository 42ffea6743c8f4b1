package build_test

import (
	"testing"

	"github.com/briefs/briefs/internal/build"
)

// TestShortcodes builds a site written with Hugo shortcodes: refs resolve to the
// pages' URLs in either language, and the site's own shortcode runs with Hugo's context
// (.Ordinal counts every call before it in the body, refs too, as Hugo's does).
func TestShortcodes(t *testing.T) {
	mem := mustBuild(t, "shortcodes.txtar", build.Options{})
	contains(t, mem, "zh/law/zibo/index.html",
		`<a href="/en/law/zibo/">英文版</a>`, `<a href="/zh/law/">法治</a>`,
		`<aside class="note note-warn" data-ordinal="2" data-named="true">`,
		`<p class="note-page">淄博 · Zibo Bureau · zh</p>`,
		`<strong>注意</strong>：<dfn title="反电信诈骗">反诈</dfn> (in note)`)
	contains(t, mem, "en/law/zibo/index.html",
		`<a href="https://example.org/en/law/other/">the other brief</a>`,
		`<a href="/en/law/zibo/#cases">its cases</a>`, `<a href="/zh/law/zibo/">the original</a>`,
		"<ol>\n<li>first step</li>\n<li>second step</li>\n</ol>",
		`<aside class="note note-info" data-ordinal="4" data-named="false">`, "Plain <em>note</em>.")
	lacks(t, mem, "en/law/zibo/index.html", "{{", "BRIEFSSHORTCODE")
	contains(t, mem, "en/law/other/index.html", `<a href="/en/law/zibo/">Zibo</a>`)
}
