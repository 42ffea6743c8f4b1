package build_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/output"
)

// layoutSite is a one-brief site with the given layout files (below layouts/).
func layoutSite(layouts map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"site.toml":             {Data: []byte("[languages.zh]\n")},
		"content/law/a.zh.md":   {Data: []byte("+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\nBody.\n")},
		"content/law/_index.md": {Data: []byte("+++\ntitle = \"Law\"\n+++\n")},
	}
	for name, src := range layouts {
		fsys["layouts/"+name] = &fstest.MapFile{Data: []byte(src)}
	}
	return fsys
}

const loopChain = `(partials/loop.html → partials/loop.html), which would never end; a partial may not reach itself (for recursion over a tree, use {{define}} and {{template}})`

// TestPartialCycles checks that every way a partial can reach itself is an error at
// the call's file:line:col before anything is rendered: each used to recurse until
// the Go stack overflowed, which killed the build and the dev server.
func TestPartialCycles(t *testing.T) {
	main := `{{define "main"}}{{partial "partials/loop.html" .}}{{end}}`
	cases := []struct {
		name    string
		layouts map[string]string
		want    string
	}{
		{"partial calls itself", map[string]string{"partials/loop.html": `x{{partial "partials/loop.html" .}}`},
			`layouts/partials/loop.html:1:4: template: partial "partials/loop.html" leads back to "partials/loop.html" ` + loopChain},
		{"partialCached chained", map[string]string{"partials/loop.html": "<p>\n  {{(partialCached \"partials/loop.html\" .).X}}"},
			`layouts/partials/loop.html:2:6: template: partialCached "partials/loop.html" leads back to "partials/loop.html" ` + loopChain},
		{"pipeline", map[string]string{"partials/loop.html": `{{. | partial "partials/loop.html"}}`},
			`layouts/partials/loop.html:1:7: template: partial "partials/loop.html" leads back to "partials/loop.html" ` + loopChain},
		{"argument", map[string]string{"partials/loop.html": `{{printf "%s" (partial "partials/loop.html" .)}}`},
			`layouts/partials/loop.html:1:16: template: partial "partials/loop.html" leads back to "partials/loop.html" ` + loopChain},
		{"variable in else", map[string]string{"partials/loop.html": `{{if false}}{{else}}{{with .}}{{$x := partialCached "partials/loop.html" .}}{{end}}{{end}}`},
			`layouts/partials/loop.html:1:39: template: partialCached "partials/loop.html" leads back to "partials/loop.html" ` + loopChain},
		{"range", map[string]string{"partials/loop.html": `{{range .Site.Pages}}{{partial "partials/loop.html" .}}{{end}}`},
			`layouts/partials/loop.html:1:24: template: partial "partials/loop.html" leads back to "partials/loop.html" ` + loopChain},
		{"mutual", map[string]string{
			"partials/loop.html": `{{partial "partials/b.html" .}}`,
			"partials/b.html":    `{{partialCached "partials/loop.html" .}}`},
			`layouts/partials/b.html:1:3: template: partialCached "partials/loop.html" leads back to "partials/b.html" (partials/b.html → partials/loop.html → partials/b.html), which would never end; a partial may not reach itself (for recursion over a tree, use {{define}} and {{template}})
layouts/partials/loop.html:1:3: template: partial "partials/b.html" leads back to "partials/loop.html" (partials/loop.html → partials/b.html → partials/loop.html), which would never end; a partial may not reach itself (for recursion over a tree, use {{define}} and {{template}})`},
		{"through template", map[string]string{
			"partials/loop.html": `{{partial "partials/b.html" .}}`,
			"partials/b.html":    `{{template "partials/loop.html" .}}`},
			`layouts/partials/loop.html:1:3: template: partial "partials/b.html" leads back to "partials/loop.html" (partials/loop.html → partials/b.html → partials/loop.html), which would never end; a partial may not reach itself (for recursion over a tree, use {{define}} and {{template}})`},
		{"through block", map[string]string{"partials/loop.html": `{{block "inner" .}}{{partial "partials/loop.html" .}}{{end}}`},
			`layouts/partials/loop.html:1:22: template: partial "partials/loop.html" leads back to "inner" (inner → partials/loop.html → inner), which would never end; a partial may not reach itself (for recursion over a tree, use {{define}} and {{template}})`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.layouts["single.html"] = main
			_, _, err := buildSite(t, layoutSite(c.layouts), build.Options{})
			if err == nil {
				t.Fatalf("build succeeded; want:\n%s", c.want)
			}
			if got := err.Error(); got != c.want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}

// TestTemplateRecursion checks that recursion through {{template}} alone, which
// text/template bounds and trees need, stays allowed.
func TestTemplateRecursion(t *testing.T) {
	fsys := layoutSite(map[string]string{"single.html": `{{define "tree"}}{{range .}}<li>{{.Title}}<ul>{{template "tree" .Sections}}</ul></li>{{end}}{{end}}` +
		`{{define "main"}}<ul>{{template "tree" .Lang.Home.Sections}}</ul>{{end}}`})
	mem, _, err := buildSite(t, fsys, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, mem, "zh/law/a/index.html", "<ul><li>Law<ul></ul></li></ul>")
}

// deepChain is partials p000 to p<n>, each calling the next with partial.
func deepChain(n int) map[string]string {
	layouts := map[string]string{"single.html": `{{define "main"}}{{partial "partials/p000.html" .}}{{end}}`}
	for i := range n {
		layouts[fmt.Sprintf("partials/p%03d.html", i)] = fmt.Sprintf(`{{partial "partials/p%03d.html" .}}`, i+1)
	}
	layouts[fmt.Sprintf("partials/p%03d.html", n)] = "end"
	return layouts
}

// TestPartialDepthLimit checks the second guard: partials nested more than 100 deep
// are an error at the innermost call, not a stack overflow, while 100 are fine.
func TestPartialDepthLimit(t *testing.T) {
	mem, _, err := buildSite(t, layoutSite(deepChain(99)), build.Options{})
	if err != nil {
		t.Fatalf("100 nested partials: %v", err)
	}
	contains(t, mem, "zh/law/a/index.html", "end")
	_, _, err = buildSite(t, layoutSite(deepChain(100)), build.Options{})
	want := `layouts/partials/p099.html:1:3: template: executing "partials/p099.html" at <partial "partials/p100.html" .>: error calling partial: partials nested more than 100 deep, which a partial that reaches itself would never end; call fewer partials inside each other`
	if err == nil || err.Error() != want {
		t.Errorf("101 nested partials: got\n%v\nwant\n%s", err, want)
	}
}

// TestMissingPartial checks that a partial or template that does not exist is
// reported at the call that names it, not at baseof.html where rendering starts.
func TestMissingPartial(t *testing.T) {
	fsys := layoutSite(map[string]string{
		"single.html":         "{{define \"main\"}}\n  {{template \"partials/nope.html\" .}}{{partial \"partials/x.html\" .}}{{end}}",
		"partials/x.html":     `<p>{{partialCached "partials/gone.html" .}}{{template "undefined" .}}</p>`,
		"partials/other.html": `{{partial "footer.html" .}}`,
	})
	_, _, err := buildSite(t, fsys, build.Options{})
	want := `layouts/partials/other.html:1:3: template: partial "footer.html": no such layout; looked for layouts/footer.html in the site and in the default theme
layouts/partials/x.html:1:6: template: partialCached "partials/gone.html": no such layout; looked for layouts/partials/gone.html in the site and in the default theme
layouts/partials/x.html:1:55: template: template "undefined": no such template; looked for {{define "undefined"}} in this layout, its partials and baseof.html
layouts/single.html:2:14: template: template "partials/nope.html": no such layout; looked for layouts/partials/nope.html in the site and in the default theme`
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

// TestUpdateLayoutCycle saves, in the dev server, a layout whose partial reaches
// itself: the update must fail with the error and keep the last good build, where it
// used to overflow the stack and kill the server.
func TestUpdateLayoutCycle(t *testing.T) {
	dir, _, sess, mem := startSession(t)
	before := mem.Names()
	os.MkdirAll(filepath.Join(dir, "layouts/partials"), 0o755)
	loop := `{{(partialCached "partials/footer.html" .).X}}`
	if err := os.WriteFile(filepath.Join(dir, "layouts/partials/footer.html"), []byte(loop), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := sess.Update([]string{"layouts/partials/footer.html"}, mem)
	want := `layouts/partials/footer.html:1:4: template: partialCached "partials/footer.html" leads back`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("update: got %v, want %s…", err, want)
	}
	if got := mem.Names(); strings.Join(got, "\n") != strings.Join(before, "\n") {
		t.Errorf("the failed update changed the output")
	}
	// Fixed, the next update succeeds.
	os.Remove(filepath.Join(dir, "layouts/partials/footer.html"))
	if _, err := sess.Update([]string{"layouts/partials/footer.html"}, output.NewMemory()); err != nil {
		t.Fatal(err)
	}
}

// TestRootPartial checks that root.html, which renders /index.html on its own, can
// call the partials as every other layout does.
func TestRootPartial(t *testing.T) {
	fsys := layoutSite(map[string]string{"root.html": `<p>{{partial "partials/x.html" .}}</p>`, "partials/x.html": "from a partial"})
	mem, _, err := buildSite(t, fsys, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, mem, "index.html", "<p>from a partial</p>")
}

// TestBuiltinLayoutError: a problem in a layout of the default theme names it as
// such and is marked Builtin, so that the command line and the dev server do not look
// for it in the site folder; a problem in the site's own layout is not marked.
func TestBuiltinLayoutError(t *testing.T) {
	theme := fstest.MapFS{"layouts/single.html": {Data: []byte("{{define \"main\"}}{{.Nope}")}}
	fsys := layoutSite(map[string]string{"list.html": "{{.Nope}"})
	_, err := build.Run(build.Options{Site: fsys, Theme: theme, Now: now}, output.NewMemory())
	var list *diag.List
	if !errors.As(err, &list) {
		t.Fatalf("got %v, want problems", err)
	}
	got := map[string]bool{}
	for _, e := range list.Errors() {
		got[e.File] = e.Builtin
	}
	want := map[string]bool{"layouts/single.html (default theme)": true, "layouts/list.html": false}
	for file, builtin := range want {
		if b, ok := got[file]; !ok || b != builtin {
			t.Errorf("%s: Builtin %v (reported %v), want %v; problems:\n%v", file, b, ok, builtin, err)
		}
	}
}
