package briefs_test

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	briefs "github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/chromium"
	"github.com/briefs/briefs/internal/output"
)

// TestMenuInBrowser opens a Hugo site with a main menu (children, an external link,
// a current page) and numbered, highlighted code in Chromium, at every viewport of
// the theme's test: axe-core finds no WCAG A/AA problem, nothing scrolls sideways,
// and the phone's header stays low. BRIEFS_SCREENSHOTS=dir saves screenshots.
func TestMenuInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("opens Chromium")
	}
	chromium.Path(t)
	axe, err := os.ReadFile(axePath)
	if err != nil {
		chromium.RequireOrSkip(t, "no axe-core at "+axePath+"; install it with npm install --prefix .cache/npm axe-core@4.11.0")
	}
	ar, err := txtar.ParseFile("internal/build/testdata/hugomenus/languages.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	fsys["content/posts/code.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Code\"\ndate = 2024-03-01\n+++\n" +
		"```go {linenos=true,hl_lines=[2]}\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n```\n")}
	mem := output.NewMemory()
	if _, err := build.Run(build.Options{Site: fsys, Theme: briefs.Theme}, mem); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(serveMemory(mem))
	t.Cleanup(srv.Close)
	c := startChromium(t)
	c.call(t, "Page.enable", nil, nil)
	shots := os.Getenv("BRIEFS_SCREENSHOTS")
	for _, vp := range viewports {
		setViewport(t, c, vp)
		for _, p := range []string{"posts/", "posts/older/", "posts/code/", "pt-br/"} {
			name := vp.name + " " + p
			c.open(t, srv.URL+"/"+p)
			c.injectOnce(t, string(axe))
			checkAxe(t, c, name)
			checkLayout(t, c, name, vp)
			if shots != "" {
				c.screenshot(t, filepath.Join(shots, "menu-"+vp.name+"-"+filepath.Base(p)+".png"))
			}
		}
	}
}
