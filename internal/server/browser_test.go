package server

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/chromium"
)

// browser is a headless Chromium (package chromium) with the waits these tests need:
// a page here reloads by itself at any time.
type browser struct{ *chromium.Browser }

// launch starts Chromium with extra flags (a language, say) at a desktop size.
func launch(t *testing.T, extra ...string) *browser {
	t.Helper()
	return &browser{chromium.Start(t, append([]string{"--window-size=1200,900"}, extra...)...)}
}

// eval runs JavaScript in the page and returns its value as JSON text.
func (c *browser) eval(t *testing.T, js string) string {
	t.Helper()
	var res struct {
		Result struct{ Value json.RawMessage }
	}
	c.Call(t, "Runtime.evaluate", map[string]any{"expression": js, "returnByValue": true}, &res)
	return string(res.Result.Value)
}

// screenshot saves the page as name in BRIEFS_SCREENSHOTS, when it is set.
func (c *browser) screenshot(t *testing.T, name string) {
	dir := os.Getenv("BRIEFS_SCREENSHOTS")
	if dir == "" {
		return
	}
	var shot struct{ Data string }
	c.Call(t, "Page.captureScreenshot", map[string]any{"format": "png"}, &shot)
	png, _ := base64.StdEncoding.DecodeString(shot.Data)
	os.WriteFile(filepath.Join(dir, name), png, 0o644)
}

// TestBrowserReloadsAfterEdit opens a brief in headless Chromium, edits its file, and
// checks that the page reloaded by itself (a marker set in the old page is gone) and
// shows the edit; then that a broken edit shows the problem overlay, and a fix clears it.
func TestBrowserReloadsAfterEdit(t *testing.T) {
	dir, srv, ts := start(t)
	c := launch(t) // after start, so that the browser is closed before the server
	c.Call(t, "Page.enable", nil, nil)
	c.Call(t, "Page.navigate", map[string]any{"url": ts.URL + "/en/law/a/"}, nil)
	c.Until(t, `document.readyState === "complete" && document.body.innerText.includes("The original body.")`)
	c.Until(t, `typeof EventSource !== "undefined" && performance.getEntriesByType("resource").some(e => e.name.includes("live.js"))`)
	subscribed(t, srv) // the page's event stream
	c.eval(t, `window.__briefsMarker = 42`)

	write(t, dir, "content/law/a.en.md", "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\nThe edited body.\n")
	c.Until(t, `window.__briefsMarker === undefined && document.body.innerText.includes("The edited body.")`)
	c.screenshot(t, "reloaded.png")

	c.eval(t, `window.__briefsMarker = 43`)
	write(t, dir, "content/law/a.en.md", "+++\ntitle = \"A\"\ndate = 2024-01-01\nweight = \"x\"\n+++\nBroken.\n")
	c.Until(t, `!!document.getElementById("briefs-problems") && document.getElementById("briefs-problems").innerText.includes("content/law/a.en.md:4:10")`)
	if got := c.eval(t, `window.__briefsMarker`); got != "43" {
		t.Errorf("the page reloaded on a failed build (marker %s)", got)
	}
	c.screenshot(t, "overlay.png")

	write(t, dir, "content/law/a.en.md", "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\nFixed again.\n")
	c.Until(t, `!document.getElementById("briefs-problems") && document.body.innerText.includes("Fixed again.")`)
}

// TestBrowserRootChoosesLanguage opens the site's root page in Chromium with
// different browser languages: it must land on the matching language's home, or the
// default language's when none matches. One browser serves every language: the
// override sets navigator.languages, which the root page reads, as a browser started
// in that language (--lang) would; a start costs seconds under the race detector.
func TestBrowserRootChoosesLanguage(t *testing.T) {
	_, _, ts := start(t)
	c := launch(t)
	var version struct{ UserAgent string }
	c.Send(t, "", "Browser.getVersion", nil, &version)
	c.Call(t, "Page.enable", nil, nil)
	for _, tt := range []struct{ lang, want string }{
		{"en-US", "/en/"}, {"zh-CN", "/zh/"}, {"fr-FR", "/zh/"},
	} {
		c.eval(t, `window.__briefsMarker = 1`) // gone once the page is a new one
		c.Call(t, "Emulation.setUserAgentOverride", map[string]any{"userAgent": version.UserAgent, "acceptLanguage": tt.lang}, nil)
		c.Call(t, "Page.navigate", map[string]any{"url": ts.URL + "/"}, nil)
		c.Until(t, `window.__briefsMarker === undefined && navigator.languages[0] === "`+tt.lang+`" && location.pathname === "`+tt.want+`" && document.readyState === "complete"`)
	}
}

// TestBrowserBrokenFirstBuild opens a page of a site whose first build failed: the
// overlay shows the problem and says nothing is served; once fixed, the page reloads
// into the site.
func TestBrowserBrokenFirstBuild(t *testing.T) {
	dir := siteDir(t)
	write(t, dir, "content/law/a.en.md", "+++\ntitle = 1\n+++\nx\n")
	srv, ts := serve(t, dir, Timeouts{})
	c := launch(t)
	c.Call(t, "Page.enable", nil, nil)
	c.Call(t, "Page.navigate", map[string]any{"url": ts.URL + "/en/law/a/"}, nil)
	c.Until(t, `!!document.getElementById("briefs-problems") && document.getElementById("briefs-problems").innerText.includes("content/law/a.en.md:2:9") && document.getElementById("briefs-problems").innerText.includes("No build has succeeded yet")`)
	subscribed(t, srv) // the page's event stream
	c.screenshot(t, "unbuilt.png")
	write(t, dir, "content/law/a.en.md", "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\nNow it builds.\n")
	srv.Rebuild([]string{"content/law/a.en.md"})
	c.Until(t, `!document.getElementById("briefs-problems") && document.body.innerText.includes("Now it builds.")`)
}

// TestBrowserIndexFilesReloadOnlySearch: an edit moves thousands of search index
// files, all listed in its reload event. A page that does not search must not reload
// for them (before, every open page did, since their names end in neither / nor
// .html); the search page, which keeps the index entry it read, must.
func TestBrowserIndexFilesReloadOnlySearch(t *testing.T) {
	_, srv, ts := start(t)
	c := launch(t)
	c.Call(t, "Page.enable", nil, nil)
	index := map[string]any{"paths": []string{"/search/en/0a1b2c/0/s7.bin", "/search/en/0a1b2c/0/r3.json", "/search/en/index.json"}}

	c.Call(t, "Page.navigate", map[string]any{"url": ts.URL + "/en/law/a/"}, nil)
	c.Until(t, `document.readyState === "complete" && performance.getEntriesByType("resource").some(e => e.name.includes("live.js"))`)
	subscribed(t, srv)
	c.eval(t, `window.__briefsMarker = 7`)
	srv.hub.send("reload", index)
	// Events arrive in order: once the overlay of the next one shows, the reload
	// event has been handled.
	srv.hub.send("problems", []Problem{{Message: "after the index"}})
	c.Until(t, `!!document.getElementById("briefs-problems")`)
	if got := c.eval(t, `window.__briefsMarker`); got != "7" {
		t.Errorf("a brief's page reloaded for search index files (marker %s)", got)
	}

	c.Call(t, "Page.navigate", map[string]any{"url": ts.URL + "/en/search/"}, nil)
	c.Until(t, `window.__briefsMarker === undefined && document.readyState === "complete" && !!document.querySelector("script[src$='js/search.js']") && performance.getEntriesByType("resource").some(e => e.name.includes("live.js"))`)
	c.eval(t, `window.__briefsMarker = 8`)
	done := make(chan struct{}) // the new page's stream may not be open yet: send until it reloads
	defer close(done)
	go func() {
		for {
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
				srv.hub.send("reload", index)
			}
		}
	}()
	c.Until(t, `window.__briefsMarker === undefined`)
}

// TestBrowserOverlayOutlivesSlowLoad: the problems overlay, once shown, stays until a
// build succeeds, however late the page's own requests from its load come back. The
// page asked /__briefs/problems when it loaded; under load that answer (no problems
// yet) came after a failed build's event and hid its overlay for good, which failed
// TestBrowserReloadsAfterEdit in CI. The event stream's first event carries the
// problems, so the page no longer asks; here the answer is held until the overlay shows.
func TestBrowserOverlayOutlivesSlowLoad(t *testing.T) {
	dir := siteDir(t)
	ts := httptest.NewUnstartedServer(nil)
	srv := New(Config{Dir: dir, Build: build.Options{Site: os.DirFS(dir), Theme: briefs.Theme,
		Drafts: true, BaseURL: "http://" + ts.Listener.Addr().String() + "/"}})
	hs := srv.HTTPServer()
	inner, release := hs.Handler, make(chan struct{})
	hs.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/__briefs/problems" {
			select {
			case <-release:
			case <-r.Context().Done():
			}
		}
		inner.ServeHTTP(w, r)
	})
	ts.Config = hs
	ts.Start()
	t.Cleanup(ts.Close)
	c := launch(t)
	c.Call(t, "Page.enable", nil, nil)
	c.Call(t, "Page.navigate", map[string]any{"url": ts.URL + "/en/law/a/"}, nil)
	c.Until(t, `document.readyState === "complete" && performance.getEntriesByType("resource").some(e => e.name.includes("live.js"))`)
	subscribed(t, srv)
	srv.hub.send("problems", []Problem{{Message: "a failed build"}})
	c.Until(t, `!!document.getElementById("briefs-problems")`)
	close(release)
	time.Sleep(time.Second) // a held answer, if the page asked, comes back meanwhile
	if got := c.eval(t, `!!document.getElementById("briefs-problems")`); got != "true" {
		t.Errorf("the overlay went when the page's load-time request came back")
	}
}
