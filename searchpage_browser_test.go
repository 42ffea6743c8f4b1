package briefs_test

import (
	"strings"
	"testing"

	"github.com/briefs/briefs/internal/chromium"
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
	srv := serveTxtar(t, "internal/build/testdata/searchpage.txtar", nil)
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
