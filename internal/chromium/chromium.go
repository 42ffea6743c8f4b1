// Package chromium drives a real headless Chromium for the browser tests, over the
// DevTools protocol on a pipe (--remote-debugging-pipe): no WebSocket library, no
// driver binary and no network. The dev server's tests and the theme's and search's
// tests at the repository root share it; each keeps its own helpers on top.
//
// Where there is no Chromium the test is skipped, unless BRIEFS_REQUIRE_BROWSER is set
// (CI sets it), and then it fails.
package chromium

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"testing"
	"time"
)

// Browser is one headless Chromium with one page, attached as Session.
type Browser struct {
	w  io.WriteCloser
	r  *bufio.Reader
	id int
	// Session is the page's DevTools session, for commands sent to the page.
	Session string
}

// Path finds Chromium, or skips the test (fails it under BRIEFS_REQUIRE_BROWSER).
func Path(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	RequireOrSkip(t, "no Chromium on this machine")
	return ""
}

// RequireOrSkip skips the test for why, or fails it where CI sets
// BRIEFS_REQUIRE_BROWSER, so that a missing browser or tool cannot pass unseen.
func RequireOrSkip(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("BRIEFS_REQUIRE_BROWSER") != "" {
		t.Fatal(why + ", and BRIEFS_REQUIRE_BROWSER is set")
	}
	t.Skip(why)
}

// flags are what a headless Chromium needs here: no sandbox (tests run as root), and
// nothing that reaches for the network by itself, which this machine refuses.
var flags = []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync"}

// Start launches Chromium with a fresh profile and extra flags, attaches to its page,
// and closes it when the test ends.
func Start(t testing.TB, extra ...string) *Browser {
	t.Helper()
	bin := Path(t)
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
	args := append(append(append([]string{}, flags...), extra...),
		"--user-data-dir="+profile, "--remote-debugging-pipe", "about:blank")
	cmd := exec.Command(bin, args...)
	cmd.ExtraFiles = []*os.File{toChrome, chromeEnd} // fd 3: commands in, fd 4: replies out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	toChrome.Close()
	chromeEnd.Close()
	b := &Browser{w: ourEnd, r: bufio.NewReader(fromChrome)}
	t.Cleanup(func() {
		ourEnd.Close() // Chromium exits when its command pipe closes
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		os.RemoveAll(profile) // best effort: helper processes may still be closing
	})
	b.attach(t)
	return b
}

// attach finds the page target and attaches to it.
func (b *Browser) attach(t testing.TB) {
	t.Helper()
	var targets struct {
		TargetInfos []struct{ TargetID, Type string } `json:"targetInfos"`
	}
	b.Send(t, "", "Target.getTargets", nil, &targets)
	for _, ti := range targets.TargetInfos {
		if ti.Type == "page" && b.Session == "" {
			var att struct{ SessionID string }
			b.Send(t, "", "Target.attachToTarget", map[string]any{"targetId": ti.TargetID, "flatten": true}, &att)
			b.Session = att.SessionID
		}
	}
	if b.Session == "" {
		t.Fatal("no page target in Chromium")
	}
}

// Call sends a command to the page and waits for its reply, failing the test on an
// error.
func (b *Browser) Call(t testing.TB, method string, params, result any) {
	t.Helper()
	b.Send(t, b.Session, method, params, result)
}

// Send is Call for any session ("" for the browser itself).
func (b *Browser) Send(t testing.TB, session, method string, params, result any) {
	t.Helper()
	if err := b.Try(session, method, params, result); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
}

// Try sends one command and waits for its reply, skipping events, and returns the
// error rather than failing: a page that is being replaced may not answer.
func (b *Browser) Try(session, method string, params, result any) error {
	b.id++
	msg := map[string]any{"id": b.id, "method": method}
	if params != nil {
		msg["params"] = params
	}
	if session != "" {
		msg["sessionId"] = session
	}
	data, _ := json.Marshal(msg)
	if _, err := b.w.Write(append(data, 0)); err != nil {
		return err
	}
	for {
		raw, err := b.r.ReadBytes(0)
		if err != nil {
			return fmt.Errorf("reading reply: %v", err)
		}
		var reply struct {
			ID     int
			Result json.RawMessage
			Error  *struct{ Message string }
		}
		if err := json.Unmarshal(raw[:len(raw)-1], &reply); err != nil || reply.ID != b.id {
			continue // an event, or a reply to an earlier command
		}
		if reply.Error != nil {
			return &pageError{reply.Error.Message}
		}
		if result != nil {
			return json.Unmarshal(reply.Result, result)
		}
		return nil
	}
}

// pageError is an error Chromium answered with, as when the page asked is being
// replaced; the browser is still there.
type pageError struct{ msg string }

func (e *pageError) Error() string { return e.msg }

// Until polls js in the page until it is true. A page that is being replaced, as it may
// be at any time in these tests, does not answer and is asked again. The test fails
// when the browser is gone, or when js is still false after Patience.
func (b *Browser) Until(t testing.TB, js string) {
	t.Helper()
	wait := Patience(t)
	var last error
	for deadline := time.Now().Add(wait); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		var res struct {
			Result struct{ Value json.RawMessage }
		}
		err := b.Try(b.Session, "Runtime.evaluate", map[string]any{"expression": js, "returnByValue": true}, &res)
		var pe *pageError
		if err != nil && !errors.As(err, &pe) {
			t.Fatalf("Runtime.evaluate: %v", err)
		}
		if err == nil && string(res.Result.Value) == "true" {
			return
		}
		last = err
	}
	t.Fatalf("still false after %v (last error: %v): %s", wait, last, js)
}

// Patience is how long a browser test waits for what should happen soon: half the
// time left before the test binary's deadline (go test -timeout), so that a slow,
// loaded machine is never taken for a bug, while a real hang still fails with its own
// message; five minutes without a deadline.
func Patience(t testing.TB) time.Duration {
	if dt, ok := t.(interface{ Deadline() (time.Time, bool) }); ok {
		if d, ok := dt.Deadline(); ok {
			return time.Until(d) / 2
		}
	}
	return 5 * time.Minute
}
