package briefs_test

import (
	"net/http/httptest"
	"strings"
	"testing"
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
	bin := browserOrSkip(t)
	srv := httptest.NewServer(serveMemory(buildExample(t)))
	defer srv.Close()
	c := startChromium(t, bin)
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
	// A linked search shows its results when the page opens.
	c.open(t, srv.URL+"/en/search/?q=fraud")
	c.waitFor(t, `document.querySelectorAll("#search-results li mark").length > 0`)
	if status := c.evalString(t, `document.getElementById("search-status").textContent`, false); !strings.HasSuffix(status, "results") && !strings.HasSuffix(status, "result") {
		t.Errorf("status %q does not count the results", status)
	}
}
