package briefs_test

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/briefs/briefs/internal/chromium"
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
	srv := serveTxtar(t, "internal/build/testdata/hugomenus/languages.txtar", fstest.MapFS{
		"content/posts/code.md": &fstest.MapFile{Data: []byte("+++\ntitle = \"Code\"\ndate = 2024-03-01\n+++\n" +
			"```go {linenos=true,hl_lines=[2]}\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n```\n")},
	})
	c := startChromium(t)
	c.call(t, "Page.enable", nil, nil)
	shots := os.Getenv("BRIEFS_SCREENSHOTS")
	for _, vp := range viewports {
		setViewport(t, c, vp)
		for _, p := range []string{"posts/", "posts/older/", "posts/code/", "pt-br/"} {
			name := vp.name + " " + p
			checkPage(t, c, string(axe), srv.URL+"/"+p, name, vp)
			if shots != "" {
				c.screenshot(t, filepath.Join(shots, "menu-"+vp.name+"-"+filepath.Base(p)+".png"))
			}
		}
	}
}
