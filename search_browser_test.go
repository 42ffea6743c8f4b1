package briefs_test

import (
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/briefs/briefs/internal/chromium"
)

// TestSearchInBrowser types queries into the example site's search pages in
// headless Chromium: a Chinese word, an English word, and a figure in each
// language's notation, which must find the brief that writes it in the other.
// Each expected brief must be among the top three results, with the matched
// words in <mark>, and the query must be in the address (?q=), so that a search
// can be linked.
func TestSearchInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("opens Chromium")
	}
	chromium.Path(t) // skip before building the site where there is no browser
	srv := httptest.NewServer(serveMemory(buildExample(t)))
	defer srv.Close()
	c := startChromium(t)
	c.call(t, "Page.enable", nil, nil)
	for _, q := range []struct{ lang, query, want, mark string }{
		{"zh", "诈骗", "/zh/safety/spring-festival-fraud-alert/", "<mark>诈骗</mark>"},
		{"zh", "营商环境", "/zh/economy/", "<mark>营商环境</mark>"},
		{"en", "scams", "/en/safety/spring-festival-fraud-alert/", "<mark>Scams</mark>"},
		{"en", "15.06亿元", "/en/", "<mark>1.506 billion yuan</mark>"},
		{"zh", "1.506 billion yuan", "/zh/", "<mark>15.06亿元</mark>"},
	} {
		c.open(t, srv.URL+"/"+q.lang+"/search/")
		c.evalString(t, `document.getElementById("search-q").focus()`, false)
		c.call(t, "Input.insertText", map[string]any{"text": q.query}, nil)
		c.waitFor(t, `document.getElementById("search-status").textContent !== ""`)
		top := c.evalString(t, `Array.from(document.querySelectorAll("#search-results li")).slice(0, 3).map(li => li.innerHTML).join("\n")`, false)
		if !strings.Contains(top, `href="`+srv.URL+q.want) || !strings.Contains(top, q.mark) {
			t.Errorf("%s search %q: want %s with %s in the top three, got\n%s", q.lang, q.query, q.want, q.mark, top)
		}
		if got := c.evalString(t, `new URL(location.href).searchParams.get("q")`, false); got != q.query {
			t.Errorf("%s search %q: address has q=%q", q.lang, q.query, got)
		}
	}
	// The last word is also read as the start of longer words.
	c.open(t, srv.URL+"/en/search/?q=frau")
	c.waitFor(t, `document.querySelectorAll("#search-results li mark").length > 0`)
	if got := c.evalString(t, `document.querySelector("#search-results li").innerHTML`, false); !strings.Contains(strings.ToLower(got), "<mark>fraud</mark>") {
		t.Errorf(`"frau" did not find and mark "fraud" first: %s`, got)
	}
	// A filter keeps the results of one section, and goes into the address.
	c.open(t, srv.URL+"/en/search/?q=zibo")
	c.waitFor(t, `document.querySelectorAll("#search-results li").length > 1 && document.querySelector("select[name=section]").options.length > 2`)
	section := c.evalString(t, `(() => { const s = document.querySelector("select[name=section]"); s.value = s.options[1].value;
		s.dispatchEvent(new Event("change", {bubbles: true})); return s.value })()`, false)
	c.waitFor(t, `new URL(location.href).searchParams.get("section") === `+jsString(section)+` &&
		Array.from(document.querySelectorAll("#search-results .search-meta")).every(m => m.textContent.startsWith(`+jsString(section)+`))`)
	// The back button returns to the search before.
	c.evalString(t, `history.back()`, false)
	c.waitFor(t, `document.querySelector("select[name=section]").value === "" && document.getElementById("search-q").value === "zibo"`)
	// A search that finds nothing suggests what would.
	c.open(t, srv.URL+"/en/search/?q=fraudd")
	c.waitFor(t, `!document.querySelector(".search-suggest").hidden`)
	if got := c.evalString(t, `document.querySelector(".search-suggest a").textContent`, false); got != "fraud" {
		t.Errorf(`"fraudd" suggests %q, want "fraud"`, got)
	}
	// A linked search shows its results when the page opens.
	c.open(t, srv.URL+"/en/search/?q=fraud")
	c.waitFor(t, `document.querySelectorAll("#search-results li mark").length > 0`)
	if status := c.evalString(t, `document.getElementById("search-status").textContent`, false); !strings.HasSuffix(status, "results") && !strings.HasSuffix(status, "result") {
		t.Errorf("status %q does not count the results", status)
	}
	// The down arrow moves from the box to the first result.
	c.evalString(t, `document.getElementById("search-q").focus()`, false)
	c.call(t, "Input.dispatchKeyEvent", map[string]any{"type": "keyDown", "key": "ArrowDown", "code": "ArrowDown", "windowsVirtualKeyCode": 40}, nil)
	if got := c.evalString(t, `document.activeElement === document.querySelector("#search-results a")`, false); got != "true" {
		t.Error("the down arrow did not move to the first result")
	}
	checkSearchAxe(t, c, srv.URL+"/en/search/?q=fraud")
	// A search that finds nothing says so.
	c.open(t, srv.URL+"/zh/search/?q=鲸鱼")
	c.waitFor(t, `document.getElementById("search-status").textContent.startsWith("没有找到结果")`)
	checkSearchAxe(t, c, srv.URL+"/zh/search/?q=诈骗")
}

// checkSearchAxe runs axe-core on a search page with its results shown, when
// axe-core is installed (see TestThemeInBrowser).
func checkSearchAxe(t *testing.T, c *devtools, url string) {
	axe, err := os.ReadFile(axePath)
	if err != nil {
		return
	}
	c.open(t, url)
	c.waitFor(t, `document.querySelectorAll("#search-results li").length > 0`)
	c.injectOnce(t, string(axe))
	checkAxe(t, c, url)
}
