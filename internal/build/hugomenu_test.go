package build_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	briefs "github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/output"
	"github.com/briefs/briefs/internal/site"
)

// hugoMenuLayout prints a language's main menu as Hugo makes it: each entry's name
// and URL, as themes link it (relLangURL; a page's own link as it is, since
// relLangURL puts the language before a base path a second time: /fr/docs/fr/),
// children indented.
const hugoMenuLayout = `{{define "u"}}{{with .Page}}{{.RelPermalink}}{{else}}{{.URL | relLangURL}}{{end}}{{end -}}
{{range .Site.Menus.main}}{{.Name}} {{template "u" .}}
{{range .Children}}  {{.Name}} {{template "u" .}}
{{end}}{{end}}`

// TestHugoMenus builds each site of testdata/hugomenus/*.txtar with briefs and with
// Hugo and compares every language's main menu: entries, order, links and nesting.
// Skipped without hugo, as TestHugoURLs.
func TestHugoMenus(t *testing.T) {
	hugo := hugoPath(t)
	forEachSite(t, "testdata/hugomenus/*.txtar", func(t *testing.T, dir string, _ []string) {
		res, err := build.Run(build.Options{Site: os.DirFS(dir), Theme: briefs.Theme}, output.NewMemory())
		if err != nil {
			t.Fatalf("briefs: %v", err)
		}
		for _, name := range []string{"index.html", "_default/single.html", "_default/list.html", "_default/taxonomy.html", "_default/term.html"} {
			writeFile(t, filepath.Join(dir, "layouts", name), hugoMenuLayout)
		}
		out := runHugo(t, hugo, dir)
		for _, l := range res.Site.Languages {
			want, err := os.ReadFile(filepath.Join(out, l.Home.Path, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			if got := menuText(l.MainMenu); got != string(want) {
				t.Errorf("%s: briefs's menu:\n%s\nHugo's:\n%s", l.Code, got, want)
			}
		}
	})
}

func menuText(items []*site.MenuItem) string {
	var b strings.Builder
	for _, m := range items {
		fmt.Fprintf(&b, "%s %s\n", m.Name, m.Href)
		for _, c := range m.Children {
			fmt.Fprintf(&b, "  %s %s\n", c.Name, c.Href)
		}
	}
	return b.String()
}
