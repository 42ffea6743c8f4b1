package server

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// chromium drives a real headless Chromium over the DevTools protocol on a pipe
// (--remote-debugging-pipe), so the test needs no WebSocket library and no network.
type chromium struct {
	cmd     *exec.Cmd
	w       io.WriteCloser
	r       *bufio.Reader
	id      int
	session string
}

// browserPath finds Chromium, or skips the test where there is none. CI sets
// BRIEFS_REQUIRE_BROWSER=1 so that a missing browser fails instead of skipping.
func browserPath(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("BRIEFS_REQUIRE_BROWSER") != "" {
		t.Fatal("no Chromium found, and BRIEFS_REQUIRE_BROWSER is set")
	}
	t.Skip("no Chromium on this machine")
	return ""
}

func launch(t *testing.T, extra ...string) *chromium {
	t.Helper()
	bin := browserPath(t)
	toChrome, ourEnd, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	fromChrome, chromeEnd, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	profile, err := os.MkdirTemp("", "briefs-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + profile, "--window-size=1200,900", "--remote-debugging-pipe"}, extra...)
	cmd := exec.Command(bin, append(args, "about:blank")...)
	cmd.ExtraFiles = []*os.File{toChrome, chromeEnd} // fd 3: commands in, fd 4: replies out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	toChrome.Close()
	chromeEnd.Close()
	c := &chromium{cmd: cmd, w: ourEnd, r: bufio.NewReader(fromChrome)}
	t.Cleanup(func() {
		ourEnd.Close() // Chromium exits when its command pipe closes
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		os.RemoveAll(profile) // best effort: helper processes may still be closing
	})
	var targets struct {
		TargetInfos []struct{ TargetID, Type string } `json:"targetInfos"`
	}
	c.call(t, "", "Target.getTargets", nil, &targets)
	for _, ti := range targets.TargetInfos {
		if ti.Type == "page" {
			var att struct{ SessionID string }
			c.call(t, "", "Target.attachToTarget", map[string]any{"targetId": ti.TargetID, "flatten": true}, &att)
			c.session = att.SessionID
		}
	}
	if c.session == "" {
		t.Fatal("no page target in Chromium")
	}
	return c
}

// call sends one command and waits for its reply, skipping events.
func (c *chromium) call(t *testing.T, session, method string, params any, result any) {
	t.Helper()
	if err := c.try(session, method, params, result); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
}

// try is call, returning the error.
func (c *chromium) try(session, method string, params any, result any) error {
	c.id++
	msg := map[string]any{"id": c.id, "method": method}
	if params != nil {
		msg["params"] = params
	}
	if session != "" {
		msg["sessionId"] = session
	}
	b, _ := json.Marshal(msg)
	if _, err := c.w.Write(append(b, 0)); err != nil {
		return err
	}
	for {
		raw, err := c.r.ReadBytes(0)
		if err != nil {
			return fmt.Errorf("reading reply: %v", err)
		}
		var reply struct {
			ID     int
			Result json.RawMessage
			Error  *struct{ Message string }
		}
		json.Unmarshal(raw[:len(raw)-1], &reply)
		if reply.ID != c.id {
			continue
		}
		if reply.Error != nil {
			return errors.New(reply.Error.Message)
		}
		if result != nil {
			json.Unmarshal(reply.Result, result)
		}
		return nil
	}
}

// eval runs JavaScript in the page and returns its value as JSON text.
func (c *chromium) eval(t *testing.T, js string) string {
	t.Helper()
	var res struct {
		Result struct{ Value json.RawMessage }
	}
	c.call(t, c.session, "Runtime.evaluate", map[string]any{"expression": js, "returnByValue": true}, &res)
	return string(res.Result.Value)
}

// until polls js until it is true, or fails after the timeout.
func (c *chromium) until(t *testing.T, js string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		var res struct {
			Result struct{ Value json.RawMessage }
		}
		err := c.try(c.session, "Runtime.evaluate", map[string]any{"expression": js, "returnByValue": true}, &res)
		if err != nil && !strings.Contains(err.Error(), "navigated") {
			t.Fatalf("Runtime.evaluate: %v", err)
		}
		if err == nil && string(res.Result.Value) == "true" {
			return
		} // else the page is reloading, as it may at any time here: ask again
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("still false after %v: %s", timeout, js)
}

func (c *chromium) screenshot(t *testing.T, name string) {
	dir := os.Getenv("BRIEFS_SCREENSHOTS")
	if dir == "" {
		return
	}
	var shot struct{ Data string }
	c.call(t, c.session, "Page.captureScreenshot", map[string]any{"format": "png"}, &shot)
	png, _ := base64.StdEncoding.DecodeString(shot.Data)
	os.WriteFile(filepath.Join(dir, name), png, 0o644)
}

// TestBrowserReloadsAfterEdit opens a brief in headless Chromium, edits its file, and
// checks that the page reloaded by itself (a marker set in the old page is gone) and
// shows the edit; then that a broken edit shows the problem overlay, and a fix clears it.
func TestBrowserReloadsAfterEdit(t *testing.T) {
	dir, srv, ts := start(t)
	c := launch(t) // after start, so that the browser is closed before the server
	c.call(t, c.session, "Page.enable", nil, nil)
	c.call(t, c.session, "Page.navigate", map[string]any{"url": ts.URL + "/en/law/a/"}, nil)
	c.until(t, `document.readyState === "complete" && document.body.innerText.includes("The original body.")`, patience(t))
	c.until(t, `typeof EventSource !== "undefined" && performance.getEntriesByType("resource").some(e => e.name.includes("live.js"))`, patience(t))
	subscribed(t, srv) // the page's event stream
	c.eval(t, `window.__briefsMarker = 42`)

	write(t, dir, "content/law/a.en.md", "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\nThe edited body.\n")
	c.until(t, `window.__briefsMarker === undefined && document.body.innerText.includes("The edited body.")`, patience(t))
	c.screenshot(t, "reloaded.png")

	c.eval(t, `window.__briefsMarker = 43`)
	write(t, dir, "content/law/a.en.md", "+++\ntitle = \"A\"\ndate = 2024-01-01\ntittle = \"x\"\n+++\nBroken.\n")
	c.until(t, `!!document.getElementById("briefs-problems") && document.getElementById("briefs-problems").innerText.includes("content/law/a.en.md:4:1")`, patience(t))
	if got := c.eval(t, `window.__briefsMarker`); got != "43" {
		t.Errorf("the page reloaded on a failed build (marker %s)", got)
	}
	c.screenshot(t, "overlay.png")

	write(t, dir, "content/law/a.en.md", "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\nFixed again.\n")
	c.until(t, `!document.getElementById("briefs-problems") && document.body.innerText.includes("Fixed again.")`, patience(t))
}

// TestBrowserRootChoosesLanguage opens the site's root page in Chromium with
// different browser languages: it must land on the matching language's home, or the
// default language's when none matches.
func TestBrowserRootChoosesLanguage(t *testing.T) {
	_, _, ts := start(t)
	for _, tt := range []struct{ lang, want string }{
		{"en-US", "/en/"}, {"zh-CN", "/zh/"}, {"fr-FR", "/zh/"},
	} {
		c := launch(t, "--lang="+tt.lang, "--accept-lang="+tt.lang)
		c.call(t, c.session, "Page.enable", nil, nil)
		c.call(t, c.session, "Page.navigate", map[string]any{"url": ts.URL + "/"}, nil)
		c.until(t, `location.pathname === "`+tt.want+`" && document.readyState === "complete"`, patience(t))
	}
}

// TestBrowserBrokenFirstBuild opens a page of a site whose first build failed: the
// overlay shows the problem and says nothing is served; once fixed, the page reloads
// into the site.
func TestBrowserBrokenFirstBuild(t *testing.T) {
	dir := t.TempDir()
	for name, body := range testSite {
		write(t, dir, name, body)
	}
	write(t, dir, "content/law/a.en.md", "+++\ntittle = 1\n+++\nx\n")
	srv, ts := serve(t, dir, Timeouts{})
	c := launch(t)
	c.call(t, c.session, "Page.enable", nil, nil)
	c.call(t, c.session, "Page.navigate", map[string]any{"url": ts.URL + "/en/law/a/"}, nil)
	c.until(t, `!!document.getElementById("briefs-problems") && document.getElementById("briefs-problems").innerText.includes("content/law/a.en.md:2:1") && document.getElementById("briefs-problems").innerText.includes("No build has succeeded yet")`, patience(t))
	subscribed(t, srv) // the page's event stream
	c.screenshot(t, "unbuilt.png")
	write(t, dir, "content/law/a.en.md", "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\nNow it builds.\n")
	srv.Rebuild([]string{"content/law/a.en.md"})
	c.until(t, `!document.getElementById("briefs-problems") && document.body.innerText.includes("Now it builds.")`, patience(t))
}
