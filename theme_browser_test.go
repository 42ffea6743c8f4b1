package briefs_test

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"maps"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/chromium"
	"github.com/briefs/briefs/internal/output"
)

// The theme's browser test opens the example site in headless Chromium, in both
// languages, at a desktop (1280 px) and a phone (390 px) width, in the light and the
// dark scheme, and checks what a reader sees: axe-core finds no WCAG A/AA problem and
// body text has AAA contrast, Chinese quotation marks are drawn by a CJK font, nothing
// scrolls sideways on a phone, the phone header is short, and the language switch
// leads to the right page. It drives Chromium over the DevTools pipe as
// internal/server's browser tests do, and takes axe-core from npm:
//
//	npm install --prefix .cache/npm axe-core@4.11.0
//
// Without Chromium or axe-core it skips, unless BRIEFS_REQUIRE_BROWSER is set.
// BRIEFS_SCREENSHOTS=dir saves a screenshot of every page, width and scheme.

// openExample starts what every browser test of the example site needs: axe-core's
// script (the test is skipped, or fails when a browser is required, without it), the
// example site served on 127.0.0.1, and a Chromium with pages enabled. The server
// closes when the test ends.
func openExample(t *testing.T) (axe string, srv *httptest.Server, c *devtools) {
	t.Helper()
	if testing.Short() {
		t.Skip("opens Chromium")
	}
	chromium.Path(t) // skip before building the site where there is no browser
	data, err := os.ReadFile(axePath)
	if err != nil {
		chromium.RequireOrSkip(t, "no axe-core at "+axePath+"; install it with npm install --prefix .cache/npm axe-core@4.11.0")
	}
	srv = httptest.NewServer(serveMemory(buildExample(t)))
	t.Cleanup(srv.Close)
	c = startChromium(t)
	c.call(t, "Page.enable", nil, nil)
	return string(data), srv, c
}

// axePath is where the test looks for axe-core, relative to the repository root.
const axePath = ".cache/npm/node_modules/axe-core/axe.min.js"

// viewport is one screen size and colour scheme the pages are checked in.
type viewport struct {
	name          string
	width, height int
	dark          bool
}

var viewports = []viewport{
	{"desktop", 1280, 900, false}, {"desktop-dark", 1280, 900, true},
	{"phone", 390, 844, false}, {"phone-dark", 390, 844, true},
}

// themePages are the example site's pages the test opens, one of each kind.
var themePages = []string{
	"zh/", "en/",
	"zh/safety/zibo-safety-rule-of-law-2023/", "en/safety/zibo-safety-rule-of-law-2023/",
	"zh/safety/school-zone-traffic-safety/", // has no English version
	"zh/law/", "en/economy/", "zh/tags/法治/", "en/tags/", "404.html",
}

func TestThemeInBrowser(t *testing.T) {
	axe, srv, c := openExample(t)
	c.call(t, "CSS.enable", nil, nil) // needs DOM
	shots := os.Getenv("BRIEFS_SCREENSHOTS")
	for _, vp := range viewports {
		setViewport(t, c, vp)
		for _, p := range themePages {
			name := vp.name + " " + p
			checkPage(t, c, axe, srv.URL+"/"+p, name, vp)
			if shots != "" {
				c.screenshot(t, filepath.Join(shots, strings.NewReplacer("/", "_", ".html", "").Replace(strings.TrimSuffix(vp.name+"-"+p, "/"))+".png"))
			}
		}
	}
	checkQuotesFont(t, c, srv.URL+"/zh/safety/zibo-safety-rule-of-law-2023/")
	checkPrint(t, c, srv.URL+"/zh/safety/zibo-safety-rule-of-law-2023/", shots)
	checkAside(t, c, srv.URL+"/zh/safety/zibo-safety-rule-of-law-2023/")
	checkSwitch(t, c, srv.URL)
}

// buildExample builds the example site (the repository's own content) in memory.
func buildExample(t *testing.T) *output.Memory {
	t.Helper()
	mem := output.NewMemory()
	if _, err := build.Run(build.Options{Site: os.DirFS("."), Theme: briefs.Theme}, mem); err != nil {
		t.Fatalf("building the example site: %v", err)
	}
	return mem
}

// serveTxtar builds the site of the txtar archive file, with the files of extra
// added, with the default theme, and serves it until the test ends.
func serveTxtar(t *testing.T, file string, extra fstest.MapFS) *httptest.Server {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	maps.Copy(fsys, extra)
	mem := output.NewMemory()
	if _, err := build.Run(build.Options{Site: fsys, Theme: briefs.Theme}, mem); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(serveMemory(mem))
	t.Cleanup(srv.Close)
	return srv
}

// checkPage opens url at the viewport vp (already set) and checks it as the theme's
// test does: axe-core finds no WCAG A/AA problem and nothing scrolls sideways.
func checkPage(t *testing.T, c *devtools, axe, url, name string, vp viewport) {
	t.Helper()
	c.open(t, url)
	c.injectOnce(t, axe)
	checkAxe(t, c, name)
	checkLayout(t, c, name, vp)
}

// serveMemory serves built files as a static host would, index.html for a folder.
func serveMemory(mem *output.Memory) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		b, ok := mem.Get(name)
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", mime.TypeByExtension(path.Ext(name)))
		w.Write(b)
	})
}

// checkAxe runs axe-core: no WCAG 2.1 A or AA violation anywhere, and AAA contrast
// (color-contrast-enhanced, 7:1) for the page's text.
func checkAxe(t *testing.T, c *devtools, name string) {
	t.Helper()
	js := `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}, rules: {"color-contrast-enhanced": {enabled: true}}})
		.then(r => JSON.stringify({passes: r.passes.map(p => p.id), violations: r.violations.map(v => v.id + ": " + v.help + " at " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", "))}))`
	var res struct{ Passes, Violations []string }
	if err := json.Unmarshal([]byte(c.evalString(t, js, true)), &res); err != nil {
		t.Fatalf("%s: axe: %v", name, err)
	}
	if !slices.Contains(res.Passes, "color-contrast-enhanced") && !slices.Contains(res.Violations, "color-contrast-enhanced") {
		t.Errorf("%s: axe did not check AAA contrast (passed: %v)", name, res.Passes)
	}
	for _, v := range res.Violations {
		t.Errorf("%s: axe: %s", name, v)
	}
}

// checkLayout checks nothing scrolls sideways, and on a phone that the header
// leaves room for the page: under 120 px.
func checkLayout(t *testing.T, c *devtools, name string, vp viewport) {
	t.Helper()
	if got := c.evalString(t, `String(document.documentElement.scrollWidth - window.innerWidth)`, false); got != "0" {
		t.Errorf("%s: the page is %s px wider than the screen", name, got)
	}
	if vp.width < 500 {
		js := `String(Math.round((document.querySelector(".masthead") || {getBoundingClientRect: () => ({height: 0})}).getBoundingClientRect().height))`
		if h, _ := strconv.Atoi(c.evalString(t, js, false)); h >= 120 {
			t.Errorf("%s: the header is %d px high; want under 120", name, h)
		}
	}
}

// checkQuotesFont checks that Chinese quotation marks are drawn by a CJK font:
// Latin fonts draw “” narrow, and 平安“淄”味 then looks cramped.
func checkQuotesFont(t *testing.T, c *devtools, url string) {
	c.open(t, url)
	c.evalString(t, `(() => { const s = document.createElement("span"); s.id = "quote-probe"; s.textContent = "“”";
		document.querySelector(".content p").appendChild(s); return String(s.offsetWidth); })()`, false)
	var doc struct{ Root struct{ NodeID int } }
	c.call(t, "DOM.getDocument", nil, &doc)
	var q struct{ NodeID int }
	c.call(t, "DOM.querySelector", map[string]any{"nodeId": doc.Root.NodeID, "selector": "#quote-probe"}, &q)
	var fonts struct {
		Fonts []struct{ FamilyName string }
	}
	c.call(t, "CSS.getPlatformFontsForNode", map[string]any{"nodeId": q.NodeID}, &fonts)
	if len(fonts.Fonts) == 0 {
		t.Fatal("no font reported for “” on a Chinese page")
	}
	for _, f := range fonts.Fonts {
		if !strings.Contains(f.FamilyName, "CJK") && !strings.Contains(f.FamilyName, "Han") &&
			!strings.Contains(f.FamilyName, "PingFang") && !strings.Contains(f.FamilyName, "YaHei") {
			t.Errorf("“” on a Chinese page are drawn by %q, not a CJK font", f.FamilyName)
		}
	}
}

// checkPrint checks a printed brief: it shows its permalink and date, and neither
// its tag pills, its contents, nor the footnotes' back-links, which mean nothing on paper.
func checkPrint(t *testing.T, c *devtools, url, shots string) {
	setViewport(t, c, viewports[0])
	c.call(t, "Emulation.setEmulatedMedia", map[string]any{"media": "print"}, nil)
	defer c.call(t, "Emulation.setEmulatedMedia", map[string]any{"media": ""}, nil)
	c.open(t, url)
	shown := func(sel string) string {
		return c.evalString(t, `String([...document.querySelectorAll(`+jsString(sel)+`)].some(e => e.getClientRects().length > 0))`, false)
	}
	for _, sel := range []string{".tags", ".toc", ".footnote-backref", ".lang-switch", ".sections"} {
		if shown(sel) != "false" {
			t.Errorf("print shows %s", sel)
		}
	}
	for _, sel := range []string{".print-only", "dl.meta time"} {
		if shown(sel) != "true" {
			t.Errorf("print hides %s", sel)
		}
	}
	if got := c.evalString(t, `document.querySelector(".print-only").innerText`, false); !strings.Contains(got, "https://briefs.example.org/zh/safety/zibo-safety-rule-of-law-2023/") {
		t.Errorf("the printed permalink reads %q", got)
	}
	if shots != "" {
		c.screenshot(t, filepath.Join(shots, "print-zh-brief.png"))
	}
}

// checkAside checks a long brief on a desktop: its table of contents stays in view
// as the reader scrolls, and its key figures give the English notation on hover.
func checkAside(t *testing.T, c *devtools, url string) {
	setViewport(t, c, viewports[0])
	c.open(t, url)
	c.evalString(t, `window.scrollTo(0, 2500), ""`, false)
	c.waitFor(t, `window.scrollY > 2000`)
	if got := c.evalString(t, `String(document.querySelector(".toc").getBoundingClientRect().top)`, false); got != "16" {
		t.Errorf("the table of contents is at %s px after scrolling; want it stuck at 16 px", got)
	}
	if got := c.evalString(t, `document.querySelector(".key-figures data[value='790000000']").title`, false); got != "English: 790 million yuan" {
		t.Errorf("7.9亿元 in key figures has the title %q", got)
	}
}

// checkSwitch follows the language switch where it must not simply lead home: an
// untranslated brief's goes to its section, a tag page's to the matching tag.
func checkSwitch(t *testing.T, c *devtools, base string) {
	for _, tt := range []struct{ from, want string }{
		{"/zh/safety/school-zone-traffic-safety/", "/en/safety/"},
		{"/zh/tags/法治/", "/en/tags/rule-of-law/"},
		{"/en/tags/shandong/", "/zh/tags/山东/"},
		{"/en/safety/zibo-safety-rule-of-law-2023/", "/zh/safety/zibo-safety-rule-of-law-2023/"},
	} {
		c.open(t, base+tt.from)
		c.evalString(t, `document.querySelector(".lang-switch a").click(), ""`, false)
		c.waitFor(t, `document.readyState === "complete" && decodeURI(location.pathname) !== `+jsString(tt.from))
		if got := c.evalString(t, `decodeURI(location.pathname)`, false); got != tt.want {
			t.Errorf("the language switch on %s leads to %s; want %s", tt.from, got, tt.want)
		}
	}
}

func jsString(s string) string { b, _ := json.Marshal(s); return string(b) }

func setViewport(t *testing.T, c *devtools, vp viewport) {
	c.call(t, "Emulation.setDeviceMetricsOverride", map[string]any{
		"width": vp.width, "height": vp.height, "deviceScaleFactor": 1, "mobile": vp.width < 500}, nil)
	scheme := "light"
	if vp.dark {
		scheme = "dark"
	}
	c.call(t, "Emulation.setEmulatedMedia", map[string]any{
		"features": []map[string]string{{"name": "prefers-color-scheme", "value": scheme}}}, nil)
}

// devtools is the headless Chromium of package chromium, with what these tests add:
// whether axe-core is loaded into the current page.
type devtools struct {
	*chromium.Browser
	axe bool
}

// startChromium starts Chromium (package chromium skips or fails where there is none)
// with scrollbars hidden and unhinted fonts, so screenshots are the same each run.
func startChromium(t *testing.T) *devtools {
	t.Helper()
	c := &devtools{Browser: chromium.Start(t, "--hide-scrollbars", "--font-render-hinting=none")}
	c.call(t, "DOM.enable", nil, nil)
	return c
}

// call sends a command to the page and waits for its reply.
func (c *devtools) call(t *testing.T, method string, params, result any) {
	t.Helper()
	c.Call(t, method, params, result)
}

// evalString runs js in the page, awaiting a promise if asked, and returns its value
// as a string.
func (c *devtools) evalString(t *testing.T, js string, await bool) string {
	t.Helper()
	var res struct {
		Result           struct{ Value any }
		ExceptionDetails *struct {
			Text      string
			Exception struct{ Description string }
		}
	}
	c.call(t, "Runtime.evaluate", map[string]any{"expression": js, "returnByValue": true, "awaitPromise": await}, &res)
	if e := res.ExceptionDetails; e != nil {
		t.Fatalf("%s: %s %s", js, e.Text, e.Exception.Description)
	}
	return fmt.Sprint(res.Result.Value)
}

// open loads url and waits until it and its fonts are ready.
func (c *devtools) open(t *testing.T, url string) {
	t.Helper()
	c.call(t, "Page.navigate", map[string]any{"url": url}, nil)
	c.axe = false
	c.waitFor(t, `document.readyState === "complete" && document.fonts.status === "loaded" && location.href !== "about:blank"`)
}

// waitFor polls js until it is true; a page being replaced may fail to answer.
func (c *devtools) waitFor(t *testing.T, js string) {
	t.Helper()
	c.Until(t, js)
}

// injectOnce loads axe-core into the current page.
func (c *devtools) injectOnce(t *testing.T, axe string) {
	t.Helper()
	if !c.axe {
		c.evalString(t, axe+"\n;\"\"", false)
		c.axe = true
	}
}

func (c *devtools) screenshot(t *testing.T, file string) {
	t.Helper()
	var shot struct{ Data string }
	c.call(t, "Page.captureScreenshot", map[string]any{"format": "png", "captureBeyondViewport": false}, &shot)
	png, err := base64.StdEncoding.DecodeString(shot.Data)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
}
