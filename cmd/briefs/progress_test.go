//go:build linux

package main

import (
	"bytes"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal: term is the end a program writes to, screen the
// end that reads what a terminal would show.
func openPTY(t *testing.T) (term, screen *os.File) {
	t.Helper()
	screen, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("cannot open a pseudo-terminal: %v", err)
	}
	fd := int(screen.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	term, err = os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { term.Close(); screen.Close() })
	return term, screen
}

// screenText is what a pseudo-terminal's screen end has read so far.
type screenText struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func watch(screen *os.File) *screenText {
	s := &screenText{}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := screen.Read(buf)
			s.mu.Lock()
			s.b.Write(buf[:n])
			s.mu.Unlock()
			if err != nil { // EIO once the test closes the terminal end
				return
			}
		}
	}()
	return s
}

func (s *screenText) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor waits until the screen shows want, or fails once half the time left before
// the test binary's deadline (go test -timeout) has passed, so that a slow, loaded
// machine is not taken for a bug.
func (s *screenText) waitFor(t *testing.T, want string) {
	t.Helper()
	wait := 5 * time.Minute
	if d, ok := t.Deadline(); ok {
		wait = time.Until(d) / 2
	}
	for deadline := time.Now().Add(wait); !strings.Contains(s.String(), want); {
		if time.Now().After(deadline) {
			t.Fatalf("the terminal never showed %q; it shows %q", want, s.String())
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// endMark is written last to a terminal, so that a test knows it has read all
// before it: Linux may drop what a closed terminal end left unread.
const endMark = "<end>"

func end(t *testing.T, term *os.File, s *screenText) {
	t.Helper()
	if _, err := term.WriteString(endMark); err != nil {
		t.Fatal(err)
	}
	s.waitFor(t, endMark)
}

func TestIsTerminal(t *testing.T) {
	term, _ := openPTY(t)
	if !isTerminal(term) {
		t.Error("a pseudo-terminal is not a terminal")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if isTerminal(w) {
		t.Error("a pipe is a terminal")
	}
	f, err := os.Create(t.TempDir() + "/log")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Error("a file is a terminal")
	}
}

// TestProgressLineOnTerminal draws the line on a pseudo-terminal and checks what it
// shows: stage and counts, redrawn in place as they change, and wiped at the end.
func TestProgressLineOnTerminal(t *testing.T) {
	term, screen := openPTY(t)
	s := watch(screen)
	p := startProgress(term, 0, time.Millisecond)
	p.Stage("rendering", 10)
	s.waitFor(t, "\rbriefs: rendering 0 of 10 files · ")
	for range 3 {
		p.Step()
	}
	s.waitFor(t, "\rbriefs: rendering 3 of 10 files · ")
	p.Stage("finishing", 0)
	s.waitFor(t, "\rbriefs: finishing · ")
	p.Stop()
	end(t, term, s)
	out := s.String()
	if !strings.HasSuffix(out, "\r\x1b[K"+endMark) {
		t.Errorf("the line is not wiped at the end: %q", out)
	}
	if strings.ContainsAny(out, "\n") {
		t.Errorf("the line moved down instead of redrawing in place: %q", out)
	}
}

// TestProgressLineWaits checks that a build shorter than the wait shows nothing.
func TestProgressLineWaits(t *testing.T) {
	term, screen := openPTY(t)
	s := watch(screen)
	p := startProgress(term, time.Hour, time.Millisecond)
	p.Stage("rendering", 10)
	p.Stop()
	end(t, term, s)
	if out := s.String(); out != endMark {
		t.Errorf("a short build showed %q", out)
	}
}

// progressDraws matches the progress line's drawings and its wiping.
var progressDraws = regexp.MustCompile(`\rbriefs: [^\r\n]*\x1b\[K|\r\x1b\[K`)

// TestBuildProgressOnlyOnTerminal runs the build command with stderr on a
// pseudo-terminal, on a pipe, and with --quiet: on the terminal, whatever line the
// build drew (none, unless the machine took over a second) is wiped before the
// warnings; piped output has none, and --quiet prints no summary.
func TestBuildProgressOnlyOnTerminal(t *testing.T) {
	dir := writeSite(t, smallSite)
	t.Setenv("CI", "")
	t.Setenv("TERM", "xterm")

	term, screen := openPTY(t)
	s := watch(screen)
	var out bytes.Buffer
	if code := run([]string{"build", "-s", dir}, &out, term); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	end(t, term, s)
	shown := strings.TrimSuffix(s.String(), endMark)
	// The terminal turns each \n into \r\n; any other \r is a drawing left behind.
	if rest := progressDraws.ReplaceAllString(shown, ""); strings.Contains(strings.ReplaceAll(rest, "\r\n", "\n"), "\r") {
		t.Errorf("the terminal shows more than warnings and the progress line: %q", shown)
	}
	if strings.Contains(shown, "\rbriefs: ") && !strings.Contains(shown, "\r\x1b[K") {
		t.Errorf("the progress line was not wiped: %q", shown)
	}
	if !strings.Contains(out.String(), "built zh") {
		t.Errorf("no summary line: %q", out.String())
	}

	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	if newProgress(w, false) != nil || newProgress(term, true) != nil {
		t.Error("a progress line for a pipe, or despite --quiet")
	}
	out.Reset()
	if code := run([]string{"build", "-s", dir, "--quiet"}, &out, w); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	w.Close()
	var piped bytes.Buffer
	piped.ReadFrom(r)
	r.Close()
	if out.Len() != 0 || strings.Contains(piped.String(), "\r") || !strings.Contains(piped.String(), "warning: ") {
		t.Errorf("--quiet printed %q on stdout and %q on stderr; want only the warnings", out.String(), piped.String())
	}
}

// TestNoProgressInCI checks that CI turns the line off even on a terminal.
func TestNoProgressInCI(t *testing.T) {
	term, _ := openPTY(t)
	t.Setenv("TERM", "xterm")
	t.Setenv("CI", "true")
	if newProgress(term, false) != nil {
		t.Error("a progress line in CI")
	}
	t.Setenv("CI", "")
	p := newProgress(term, false)
	if p == nil {
		t.Fatal("no progress line on a terminal")
	}
	p.Stop()
}
