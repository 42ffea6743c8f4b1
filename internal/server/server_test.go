package server

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/chromium"
)

var testSite = map[string]string{
	"site.toml":           "[languages.zh]\n[languages.en]\n",
	"content/law/a.zh.md": "+++\ntitle = \"甲\"\ndate = 2024-01-01\ntags = [\"法治\"]\n+++\n原来的正文。\n",
	"content/law/a.en.md": "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\nThe original body.\n",
	"content/law/b.en.md": "+++\ntitle = \"B\"\ndate = 2024-01-02\n+++\nAnother brief.\n",
}

// siteDir writes the test site into a new folder.
func siteDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range testSite {
		write(t, dir, name, body)
	}
	return dir
}

// start writes the test site, builds it and serves it on 127.0.0.1 with the watcher
// on, once the watcher has registered the site's folders.
func start(t *testing.T) (dir string, srv *Server, ts *httptest.Server) {
	t.Helper()
	dir = siteDir(t)
	srv, ts = serve(t, dir, Timeouts{})
	if p := srv.Problems(); len(p) > 0 {
		t.Fatalf("initial build: %v", p)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	stopped := make(chan error, 1)
	go func() { stopped <- srv.Watch(ctx) }()
	wait := patience(t)
	select {
	case <-srv.watching:
	case err := <-stopped:
		t.Fatalf("the watcher stopped before it watched: %v", err)
	case <-time.After(wait):
		t.Fatalf("the watcher had not registered the site's folders after %v", wait)
	}
	return dir, srv, ts
}

// serve builds the site in dir and serves it on 127.0.0.1 as briefs serve does, with
// the server's own http.Server settings; there is no watcher.
func serve(t *testing.T, dir string, timeouts Timeouts) (*Server, *httptest.Server) {
	t.Helper()
	ts := httptest.NewUnstartedServer(nil)
	srv := New(Config{Dir: dir, Timeouts: timeouts, Build: build.Options{Site: os.DirFS(dir), Theme: briefs.Theme,
		Drafts: true, BaseURL: "http://" + ts.Listener.Addr().String() + "/"}})
	ts.Config = srv.HTTPServer()
	ts.Start()
	t.Cleanup(ts.Close)
	return srv, ts
}

func write(t *testing.T, dir, name, body string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// events subscribes to the server-sent events and delivers them as "name data" lines.
func events(t *testing.T, ts *httptest.Server) <-chan string {
	t.Helper()
	req, _ := http.NewRequest("GET", ts.URL+prefix+"events", nil)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		t.Fatal(err)
	}
	out := make(chan string, 16)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		name := ""
		for sc.Scan() {
			line := sc.Text()
			if v, ok := strings.CutPrefix(line, "event: "); ok {
				name = v
			} else if v, ok := strings.CutPrefix(line, "data: "); ok {
				out <- name + " " + v
			}
		}
	}()
	subscribed(t, ts.Config.Handler.(*Server))
	return out
}

// subscribed waits until someone (a test's client, a browser's page) listens to the
// server's events, so that an edit made next is heard.
func subscribed(t *testing.T, srv *Server) {
	t.Helper()
	wait := patience(t)
	give := time.Now().Add(wait)
	for srv.hub.count() == 0 {
		if time.Now().After(give) {
			t.Fatalf("no one listened to the server's events after %v", wait)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// patience is how long a test waits for what should happen soon: half the time left
// before the test binary's deadline, as the browser tests wait.
func patience(t *testing.T) time.Duration { return chromium.Patience(t) }

func waitFor(t *testing.T, ch <-chan string, want string) string {
	t.Helper()
	wait := patience(t)
	deadline := time.After(wait)
	for {
		select {
		case ev := <-ch:
			if strings.Contains(ev, want) {
				return ev
			}
		case <-deadline:
			t.Fatalf("no event with %q within %v", want, wait)
		}
	}
}

func TestEditReloads(t *testing.T) {
	dir, srv, ts := start(t)
	code, page := get(t, ts.URL+"/en/law/a/")
	if code != 200 || !strings.Contains(page, "The original body.") || !strings.Contains(page, prefix+"live.js") {
		t.Fatalf("first fetch: %d\n%s", code, page)
	}
	// An edit is served about as soon as it is built, whatever the machine's load: a
	// full rebuild, timed before anyone listens, is more than an edit's rebuild.
	full := srv.Rebuild([]string{"site.toml"}).Took
	ev := events(t, ts)
	began := time.Now()
	write(t, dir, "content/law/a.en.md", "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\nThe edited body.\n")
	waitFor(t, ev, `reload {"paths":[`)
	if _, page := get(t, ts.URL+"/en/law/a/"); !strings.Contains(page, "The edited body.") {
		t.Fatalf("edit not served:\n%s", page)
	}
	if took := time.Since(began); took > 2*time.Second+2*full {
		t.Errorf("edit took %v to be served; a full rebuild takes %v", took, full)
	}
	// A new file appears, a deleted one goes, and a page's browser hears of both.
	write(t, dir, "content/law/c.en.md", "+++\ntitle = \"C\"\ndate = 2024-01-03\n+++\nNew.\n")
	waitFor(t, ev, `/en/law/c/`)
	if code, _ := get(t, ts.URL+"/en/law/c/"); code != 200 {
		t.Errorf("new brief: %d", code)
	}
	os.Remove(filepath.Join(dir, "content/law/b.en.md"))
	waitFor(t, ev, `/en/law/b/`)
	if code, _ := get(t, ts.URL+"/en/law/b/"); code != 404 {
		t.Errorf("deleted brief: %d", code)
	}
}

// TestLateListenerHearsProblems: a page that starts listening after a build failed
// (it loaded just before, and asked for the problems when there were none) is told
// the problems as soon as it listens, and a fix then reloads it as usual.
func TestLateListenerHearsProblems(t *testing.T) {
	dir := siteDir(t)
	srv, ts := serve(t, dir, Timeouts{})
	write(t, dir, "content/law/a.en.md", "+++\ntitle = \"A\"\ndate = 2024-01-01\nweight = \"x\"\n+++\nBroken.\n")
	if ev := srv.Rebuild([]string{"content/law/a.en.md"}); ev.Err == nil {
		t.Fatal("the broken edit built")
	}
	ev := events(t, ts)
	if got := waitFor(t, ev, "problems "); !strings.Contains(got, `"place":"content/law/a.en.md:4:10"`) {
		t.Errorf("problems event: %s", got)
	}
	write(t, dir, "content/law/a.en.md", "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\nFixed.\n")
	srv.Rebuild([]string{"content/law/a.en.md"})
	waitFor(t, ev, `reload {"paths":[`)
	// A page that listens while the build is good hears nothing first.
	quiet := events(t, ts)
	select {
	case got := <-quiet:
		t.Errorf("a listener to a good build was told %s", got)
	case <-time.After(200 * time.Millisecond):
	}
}

func TestBrokenEditShowsProblems(t *testing.T) {
	dir, srv, ts := start(t)
	ev := events(t, ts)
	write(t, dir, "content/law/a.en.md", "+++\ntitle = \"A\"\ndate = 2024-01-01\nweight = \"x\"\n+++\nBroken.\n")
	got := waitFor(t, ev, "problems ")
	if !strings.Contains(got, `"place":"content/law/a.en.md:4:10"`) || !strings.Contains(got, "weight is a whole number") {
		t.Errorf("problems event: %s", got)
	}
	if !strings.Contains(got, `"Text":"weight = \"x\""`) {
		t.Errorf("the overlay lacks the source line: %s", got)
	}
	// The last good build is still served, and says so through the problems endpoint.
	if _, page := get(t, ts.URL+"/en/law/a/"); !strings.Contains(page, "The original body.") {
		t.Error("last good page not served during the error")
	}
	if _, probs := get(t, ts.URL+prefix+"problems"); !strings.Contains(probs, "weight") {
		t.Errorf("problems endpoint: %s", probs)
	}
	write(t, dir, "content/law/a.en.md", "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\nFixed.\n")
	waitFor(t, ev, "reload ")
	if _, page := get(t, ts.URL+"/en/law/a/"); !strings.Contains(page, "Fixed.") {
		t.Error("fixed page not served")
	}
	if len(srv.Problems()) != 0 {
		t.Errorf("problems remain: %v", srv.Problems())
	}
}

func TestOnlyTheBuiltSiteIsServed(t *testing.T) {
	dir, _, ts := start(t)
	secret := filepath.Join(filepath.Dir(dir), "secret.txt")
	os.WriteFile(secret, []byte("SECRET"), 0o644)
	os.MkdirAll(filepath.Join(dir, "static"), 0o755)
	os.Symlink(secret, filepath.Join(dir, "static", "link.txt"))
	for _, p := range []string{
		"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt",
		"/static/link.txt", "/link.txt", "/site.toml", "/content/law/a.en.md", "/..\\secret.txt",
		"/en/../../secret.txt", "//etc/passwd", "/%00",
	} {
		resp, err := http.Get(ts.URL + p)
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == 200 || strings.Contains(string(b), "SECRET") || strings.Contains(string(b), "languages") {
			t.Errorf("%s: %d %q", p, resp.StatusCode, b)
		}
	}
	if code, _ := get(t, ts.URL+"/css/site.css"); code != 200 {
		t.Errorf("a real static file: %d", code)
	}
}

// TestFirstGoodBuildWhileServing: a site that starts broken is fixed while pages are
// being requested; the race detector (CI runs it) must find nothing, and the fixed
// site must be served.
func TestFirstGoodBuildWhileServing(t *testing.T) {
	dir := siteDir(t)
	write(t, dir, "content/law/b.en.md", "+++\ntitle = 1\n+++\nx\n")
	srv := New(Config{Dir: dir, Build: build.Options{Site: os.DirFS(dir), Theme: briefs.Theme}})
	if len(srv.Problems()) == 0 {
		t.Fatal("the broken site built")
	}
	os.Remove(filepath.Join(dir, "content/law/b.en.md"))
	done := make(chan bool)
	go func() { srv.Rebuild([]string{"content/law/b.en.md"}); close(done) }()
	for i := 0; i < 200; i++ {
		srv.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "http://127.0.0.1/zh/", nil))
	}
	<-done
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://127.0.0.1/en/law/a/", nil))
	if rec.Code != 200 || len(srv.Problems()) != 0 {
		t.Errorf("after the fix: %d, problems %v", rec.Code, srv.Problems())
	}
}

// TestReloadPaths: a reload event names a language's moved index files once, as
// its index.json, and keeps every other path as it was, in order.
func TestReloadPaths(t *testing.T) {
	cases := []struct{ in, want []string }{
		{nil, []string{}},
		{[]string{"/zh/a/", "/css/site.css"}, []string{"/zh/a/", "/css/site.css"}},
		{
			[]string{"/zh/a/", "/search/zh/index.json", "/search/zh/ab12/0/s1.bin", "/search/zh/ab12/0/r3.json", "/search/en/cd34/lengths.bin", "/search/zh/ef56/0/s1.bin"},
			[]string{"/zh/a/", "/search/zh/index.json", "/search/en/index.json"},
		},
		{[]string{"/search/zh/9f/facets.json", "/zh/search/"}, []string{"/search/zh/index.json", "/zh/search/"}},
	}
	for _, c := range cases {
		if got := reloadPaths(c.in); !slices.Equal(got, c.want) {
			t.Errorf("reloadPaths(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
