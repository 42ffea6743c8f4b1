package server

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
)

// themeTestSite is a Hugo site whose content calls its theme's shortcode, which reads
// the theme's i18n; the theme has a static file.
var themeTestSite = map[string]string{
	"hugo.toml":                       "baseURL = \"https://example.org/\"\ntheme = \"t\"\n",
	"content/docs/a.md":               "+++\ntitle = \"A\"\n+++\n{{< greet >}}\n",
	"T/layouts/shortcodes/greet.html": `<b class="greet">{{ i18n "hello" }} from the theme</b>`,
	"T/i18n/en.toml":                  "hello = \"Hello\"\n",
	"T/static/theme.txt":              "first\n",
}

// TestThemeEditReloads serves a site whose theme is inside it (themes/t) and one whose
// theme is the folder its exampleSite is in (--themes-dir ../..), and checks that edits
// to the theme's shortcode, i18n and static files are served.
func TestThemeEditReloads(t *testing.T) {
	for _, tc := range []struct{ name, site, theme, themesDir string }{
		{"themes folder", "site", "site/themes/t", ""},
		{"exampleSite", "t/exampleSite", "t", "../.."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, filepath.FromSlash(tc.site))
			for name, body := range themeTestSite {
				if rest, ok := strings.CutPrefix(name, "T/"); ok {
					write(t, filepath.Join(root, filepath.FromSlash(tc.theme)), rest, body)
				} else {
					write(t, dir, name, body)
				}
			}
			themeDir := filepath.Join(root, filepath.FromSlash(tc.theme))
			ts := serveWatched(t, dir, tc.themesDir)
			if _, page := get(t, ts.URL+"/docs/a/"); !strings.Contains(page, `<b class="greet">Hello from the theme</b>`) {
				t.Fatalf("first fetch lacks the theme's shortcode:\n%s", page)
			}
			ev := events(t, ts)
			write(t, themeDir, "layouts/shortcodes/greet.html", `<b class="greet">{{ i18n "hello" }}, edited</b>`)
			waitFor(t, ev, `/docs/a/`)
			if _, page := get(t, ts.URL+"/docs/a/"); !strings.Contains(page, `<b class="greet">Hello, edited</b>`) {
				t.Errorf("shortcode edit not served:\n%s", page)
			}
			write(t, themeDir, "i18n/en.toml", "hello = \"Howdy\"\n")
			waitFor(t, ev, `/docs/a/`)
			if _, page := get(t, ts.URL+"/docs/a/"); !strings.Contains(page, `<b class="greet">Howdy, edited</b>`) {
				t.Errorf("i18n edit not served:\n%s", page)
			}
			write(t, themeDir, "static/theme.txt", "second\n")
			waitFor(t, ev, `/theme.txt`)
			if _, body := get(t, ts.URL+"/theme.txt"); body != "second\n" {
				t.Errorf("static edit: /theme.txt is %q", body)
			}
		})
	}
}

// serveWatched builds the Hugo site in dir with its themes (themesDir as serve's
// --themes-dir), serves it on 127.0.0.1 and watches it, once the watcher has
// registered its folders.
func serveWatched(t *testing.T, dir, themesDir string) *httptest.Server {
	t.Helper()
	ts := httptest.NewUnstartedServer(nil)
	srv := New(Config{Dir: dir, Build: build.Options{Site: os.DirFS(dir), Dir: dir, ThemesDir: themesDir, Theme: briefs.Theme,
		BaseURL: "http://" + ts.Listener.Addr().String() + "/"}})
	ts.Config = srv.HTTPServer()
	ts.Start()
	t.Cleanup(ts.Close)
	if p := srv.Problems(); len(p) > 0 {
		t.Fatalf("initial build: %v", p)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go srv.Watch(ctx)
	select {
	case <-srv.watching:
	case <-time.After(patience(t)):
		t.Fatal("the watcher had not registered the site's folders")
	}
	return ts
}
