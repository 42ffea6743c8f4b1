package server

import (
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestHostAllowed(t *testing.T) {
	for _, tt := range []struct {
		bind, host string
		want       bool
	}{
		{"", "127.0.0.1:1313", true},
		{"", "127.0.0.1", true},
		{"", "localhost:8080", true},
		{"", "LocalHost", true},
		{"", "[::1]:1313", true},
		{"", "[::1]", true},
		{"", "", false},
		{"", "evil.example", false},
		{"", "evil.example:1313", false},
		{"", "localhost.evil.example:1313", false},
		{"", "127.0.0.1.evil.example", false},
		{"", "192.168.1.5:1313", false},
		{"127.0.0.1", "10.0.0.1:1313", false},
		{"192.168.1.5", "192.168.1.5:1313", true},
		{"192.168.1.5", "192.168.1.6:1313", false},
		{"preview.lan", "Preview.LAN:1313", true},
		{"preview.lan", "evil.example:1313", false},
		{"0.0.0.0", "192.168.1.5:1313", true},
		{"0.0.0.0", "evil.example:1313", false},
		{"::", "[fe80::1]:1313", true},
		{"::1", "[::1]:1313", true},
	} {
		s := &Server{cfg: Config{Bind: tt.bind}}
		if got := s.hostAllowed(tt.host); got != tt.want {
			t.Errorf("bind %q, Host %q: allowed %v, want %v", tt.bind, tt.host, got, tt.want)
		}
	}
}

// TestForeignHostRefused sends requests with a forged Host, as a DNS-rebinding page
// would, to a real server on 127.0.0.1: pages, problems, the event stream and the
// script are all refused, and nothing of the site is in the answer.
func TestForeignHostRefused(t *testing.T) {
	_, _, ts := start(t)
	_, port, _ := net.SplitHostPort(ts.Listener.Addr().String())
	paths := []string{"/en/law/a/", "/", "/nope/", prefix + "problems", prefix + "events", prefix + "live.js"}
	for _, p := range paths {
		for _, host := range []string{"evil.example", "evil.example:" + port, "127.0.0.1.evil.example:" + port, "localhost.evil.example"} {
			code, body := getHost(t, ts.URL+p, host)
			if code != http.StatusForbidden || !strings.Contains(body, "answers only to its own address") ||
				strings.Contains(body, "original body") || strings.Contains(body, "EventSource") {
				t.Errorf("%s with Host %s: %d %q", p, host, code, body)
			}
		}
	}
	for _, host := range []string{"127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port, "LOCALHOST", "127.0.0.1"} {
		if code, body := getHost(t, ts.URL+"/en/law/a/", host); code != 200 || !strings.Contains(body, "The original body.") {
			t.Errorf("Host %s: %d", host, code)
		}
	}
}

func getHost(t *testing.T, url, host string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Host = host
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// short are timeouts a test can outwait; a test gives up on them only after its
// patience, minutes at most.
var short = Timeouts{ReadHeader: 200 * time.Millisecond, Read: 200 * time.Millisecond,
	Write: 200 * time.Millisecond, Idle: 200 * time.Millisecond}

// TestSlowClientsAreLetGo: a request whose body never comes, headers that never end,
// and an idle kept-alive connection are each closed by the server, not held forever.
func TestSlowClientsAreLetGo(t *testing.T) {
	dir := siteDir(t)
	_, ts := serve(t, dir, short)
	addr := ts.Listener.Addr().String()
	safetyNet := patience(t)
	for name, req := range map[string]string{
		"POST, no body":    "POST /en/law/a/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n",
		"GET, no body":     "GET /en/law/a/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n",
		"unended headers":  "GET /en/law/a/ HTTP/1.1\r\nHost: 127.0.0.1\r\n",
		"idle keep-alive":  "GET /en/law/a/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
		"events, no body":  "POST " + prefix + "events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n",
		"half a body sent": "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\nabc",
	} {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		conn.SetDeadline(time.Now().Add(safetyNet))
		if _, err := io.WriteString(conn, req); err != nil {
			t.Fatal(err)
		}
		_, err = io.Copy(io.Discard, conn) // until the server closes the connection
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			t.Errorf("%s: the connection was still open after %v", name, safetyNet)
		}
		conn.Close()
	}
}

// TestEventStreamOutlivesTimeouts: the live-reload stream stays open past the
// server's read and write timeouts, and still delivers a reload.
func TestEventStreamOutlivesTimeouts(t *testing.T) {
	dir := siteDir(t)
	srv, ts := serve(t, dir, short)
	ev := events(t, ts)
	time.Sleep(5 * short.Read) // several times every timeout
	write(t, dir, "content/law/a.en.md", "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\nLater.\n")
	srv.Rebuild([]string{"content/law/a.en.md"})
	waitFor(t, ev, `"/en/law/a/"`)
}

// TestBrokenFirstBuildServesNothing: a site that fails its first build is served as
// an error page with the problems, never as the pages the failed build wrote; and a
// brief deleted before the first good build is not served after it.
func TestBrokenFirstBuildServesNothing(t *testing.T) {
	dir := siteDir(t)
	write(t, dir, "content/law/b.en.md", "+++\ntitle = 1\n+++\nx\n")
	srv, ts := serve(t, dir, Timeouts{})
	if len(srv.Problems()) == 0 {
		t.Fatal("the broken site built")
	}
	for _, p := range []string{"/en/law/a/", "/", "/zh/", "/nope/"} {
		code, page := get(t, ts.URL+p)
		if code != http.StatusInternalServerError || !strings.Contains(page, "content/law/b.en.md:2:9: title is text in quotes") ||
			!strings.Contains(page, prefix+"live.js") || strings.Contains(page, "The original body.") {
			t.Errorf("%s while broken: %d\n%s", p, code, page)
		}
	}
	for _, p := range []string{"/css/site.css", "/sitemap.xml", "/en/index.xml", "/404.html"} {
		if code, body := get(t, ts.URL+p); code == 200 || strings.Contains(body, "/en/law/a/") {
			t.Errorf("%s while broken: %d, a file of the failed build", p, code)
		}
	}
	os.Remove(filepath.Join(dir, "content/law/a.en.md"))
	os.Remove(filepath.Join(dir, "content/law/a.zh.md"))
	if ev := srv.Rebuild([]string{"content/law/a.en.md", "content/law/a.zh.md"}); ev.Err == nil {
		t.Fatal("built with b still broken")
	} else if !strings.Contains(ev.String(), "nothing to serve until it builds") {
		t.Errorf("the terminal line: %s", ev)
	}
	write(t, dir, "content/law/b.en.md", "+++\ntitle = \"B\"\ndate = 2024-01-02\n+++\nFixed.\n")
	if ev := srv.Rebuild([]string{"content/law/b.en.md"}); ev.Err != nil {
		t.Fatal(ev.Err)
	}
	if code, page := get(t, ts.URL+"/en/law/b/"); code != 200 || !strings.Contains(page, "Fixed.") {
		t.Errorf("fixed brief: %d", code)
	}
	for _, p := range []string{"/en/law/a/", "/zh/law/a/", "/zh/tags/法治/"} {
		if code, _ := get(t, ts.URL+p); code != 404 {
			t.Errorf("%s, deleted before the first good build: %d", p, code)
		}
	}
	if _, sm := get(t, ts.URL+"/sitemap.xml"); strings.Contains(sm, "/law/a/") {
		t.Errorf("the sitemap lists the deleted brief:\n%s", sm)
	}
}
