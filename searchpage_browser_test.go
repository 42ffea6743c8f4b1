package briefs_test

import (
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	briefs "github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/chromium"
	"github.com/briefs/briefs/internal/output"
)

// TestSearchPageFromContentInBrowser searches from a content page that took the
// search page's place, at its own deeper URL (/en/pages/find/): the script finds the
// index from its own address, the results link to the briefs, and axe-core finds no
// problem with the page's title and text above the form.
func TestSearchPageFromContentInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("opens Chromium")
	}
	chromium.Path(t)
	ar, err := txtar.ParseFile("internal/build/testdata/searchpage.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	mem := output.NewMemory()
	if _, err := build.Run(build.Options{Site: fsys, Theme: briefs.Theme}, mem); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(serveMemory(mem))
	defer srv.Close()
	c := startChromium(t)
	c.call(t, "Page.enable", nil, nil)
	c.open(t, srv.URL+"/en/pages/find/?q=body")
	c.waitFor(t, `document.getElementById("search-status").textContent !== ""`)
	top := c.evalString(t, `Array.from(document.querySelectorAll("#search-results li")).map(li => li.innerHTML).join("\n")`, false)
	if !strings.Contains(top, `href="`+srv.URL+`/en/law/a/"`) {
		t.Errorf("no result for /en/law/a/ in\n%s", top)
	}
	checkSearchAxe(t, c, srv.URL+"/en/pages/find/?q=body")
}
