package build_test

import (
	"testing"

	"github.com/briefs/briefs/internal/build"
)

// TestMenuNavigation: a site's main menu takes the place of the sections in the
// default theme's navigation, per language, with the page it leads to marked
// current (on that page only), children in a nested list, and the rule that styles
// them only where there are children.
func TestMenuNavigation(t *testing.T) {
	mem := mustBuild(t, "hugomenus/languages.txtar", build.Options{})
	nav := `<nav class="sections wrap" aria-label="Main navigation">
<ul>
<li><a href="/about/">About</a></li>
<li class="has-submenu"><a href="/posts/" aria-current="page">Blog</a>
<ul class="submenu">
<li><a href="/posts/older/">Older</a></li>
</ul></li>`
	contains(t, mem, "posts/index.html", nav, `<style>.sections .has-submenu`)
	contains(t, mem, "posts/older/index.html", `<li><a href="/posts/older/" aria-current="page">Older</a></li>`, `<a href="/posts/">Blog</a>`)
	contains(t, mem, "projects/widget/index.html", `<a href="/projects/widget/" aria-current="page">The widget</a>`)
	// A link marked current (the language switch marks a span).
	lacks(t, mem, "posts/first/index.html", `" aria-current="page">`)
	lacks(t, mem, "404.html", `" aria-current="page">`)
	contains(t, mem, "pt-br/index.html", `<li><a href="/pt-br/about/">Sobre</a></li>
<li><a href="/pt-br/posts/">Blog</a></li>
<li><a href="/pt-br/posts/first/">Primeiro post</a></li>
</ul>`)
	lacks(t, mem, "pt-br/index.html", "<style>", ">About<")

	// The home page at the root is current on itself; a link with a fragment leads
	// to no page of its own.
	mem = mustBuild(t, "hugomenus/site.txtar", build.Options{})
	contains(t, mem, "index.html", `<li><a href="/docs/" aria-current="page">Home</a></li>`, `<li><a href="/docs/nowhere/#top">Nowhere</a></li>`)
	contains(t, mem, "trip/index.html", `<a href="/docs/trip/" aria-current="page">Trip</a>`, `<li><a href="/docs/">Home</a></li>`)

	// Without a menu, the sections are the navigation, as before.
	mem = mustBuild(t, "basic.txtar", build.Options{})
	lacks(t, mem, "zh/index.html", "submenu", "<style>")
}

// TestSectionsNavigationAtRoot: with the default language at the site root, its home
// page's path is "", as a brief's navigation key was: the home page shows Home as
// current, and a brief shows no item current, whichever is rendered first (the
// navigation is cached per key).
func TestSectionsNavigationAtRoot(t *testing.T) {
	for range 3 {
		mem := mustBuild(t, "hugo/urls.txtar", build.Options{})
		contains(t, mem, "index.html", `<li><a href="/sub/" aria-current="page">Home</a></li>`)
		lacks(t, mem, "about-us/index.html", `" aria-current="page">`)
		lacks(t, mem, "notes/index.html", `<a href="/sub/" aria-current="page">`)
	}
}
