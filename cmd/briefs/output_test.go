package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/briefs/briefs/internal/output"
	"github.com/briefs/briefs/internal/testcorpus"
)

// TestBuildRefusesOutputs runs the build with every -o that would replace what briefs
// did not make: each is refused with exit 2 before anything is read or written.
func TestBuildRefusesOutputs(t *testing.T) {
	dir := writeSite(t, smallSite)
	root := filepath.Dir(dir)
	os.MkdirAll(filepath.Join(dir, "layouts"), 0o755)
	os.MkdirAll(filepath.Join(dir, "static"), 0o755)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	os.MkdirAll(filepath.Join(dir, "docs/drafts"), 0o755)
	os.WriteFile(filepath.Join(dir, "docs/plan.md"), []byte("mine"), 0o644)
	tests := []struct{ out, want string }{
		{dir, "it is the site folder"},
		{filepath.Join(dir, "content"), "it is the site's content/"},
		{filepath.Join(dir, "content/law"), "inside the site's content/"},
		{filepath.Join(dir, "layouts"), "it is the site's layouts/"},
		{filepath.Join(dir, "static/x"), "inside the site's static/"},
		{filepath.Join(dir, "site.toml"), "it is the site's site.toml"},
		{filepath.Join(dir, "notes.txt"), "it is a file"},
		{filepath.Join(dir, "docs"), "briefs did not make"},
		{root, "it holds the site folder"},
		{"/", "it is the root folder"},
	}
	before := readTree(t, root)
	for _, tt := range tests {
		code, _, errOut := runCmd("build", "-s", dir, "-o", tt.out)
		first, _, _ := strings.Cut(errOut, "\n")
		if code != exitUsage || !strings.HasPrefix(first, "briefs build: refusing") || !strings.Contains(first, tt.want) {
			t.Errorf("-o %s: exit %d, %q; want exit %d saying %q", tt.out, code, errOut, exitUsage, tt.want)
		}
	}
	after := readTree(t, root)
	if len(before) != len(after) {
		t.Fatalf("%d files before, %d after", len(before), len(after))
	}
	for name, data := range before {
		if !bytes.Equal(data, after[name]) {
			t.Errorf("%s changed", name)
		}
	}
}

func TestBuildWithoutContentWritesNothing(t *testing.T) {
	dir := writeSite(t, smallSite)
	if code, _, errOut := runCmd("build", "-s", dir); code != exitOK {
		t.Fatal(errOut)
	}
	before := readTree(t, dir)
	os.Rename(filepath.Join(dir, "content"), filepath.Join(filepath.Dir(dir), "moved"))
	delete(before, filepath.Join("content", "law", "a.zh.md"))
	delete(before, filepath.Join("content", "law", "a.en.md"))
	code, _, errOut := runCmd("build", "-s", dir)
	if code != exitContent || errOut != dir+": no content/ folder; nothing was written. Name the site folder with -s, or start one with briefs new SECTION/SLUG\n" {
		t.Errorf("exit %d, %q", code, errOut)
	}
	if after := readTree(t, dir); len(after) != len(before) {
		t.Errorf("the build changed the output: %d files, was %d", len(after), len(before))
	}
}

func TestBuildIntoSymlinkedOutput(t *testing.T) {
	dir := writeSite(t, smallSite)
	webroot := filepath.Join(t.TempDir(), "www")
	os.Mkdir(webroot, 0o755)
	link := filepath.Join(dir, "public")
	if err := os.Symlink(webroot, link); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if code, _, errOut := runCmd("build", "-s", dir); code != exitOK {
			t.Fatal(errOut)
		}
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("public is no longer a link: %v", err)
	}
	for _, f := range []string{output.Marker, "index.html", "zh/law/a/index.html"} {
		if _, err := os.Stat(filepath.Join(webroot, f)); err != nil {
			t.Errorf("the web root lacks %s: %v", f, err)
		}
	}
}

var binary = struct {
	once sync.Once
	dir  string
	path string
	err  error
}{}

// briefsBinary builds the command once, for the tests that signal a real process.
func briefsBinary(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("signals and ulimit: Unix only")
	}
	binary.once.Do(func() {
		binary.dir, binary.err = os.MkdirTemp("", "briefs-bin-")
		if binary.err != nil {
			return
		}
		binary.path = filepath.Join(binary.dir, "briefs")
		out, err := exec.Command("go", "build", "-o", binary.path, ".").CombinedOutput()
		if err != nil {
			binary.err = &exec.ExitError{Stderr: out}
		}
	})
	if binary.err != nil {
		t.Fatalf("go build: %v", binary.err)
	}
	return binary.path
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binary.dir != "" {
		os.RemoveAll(binary.dir)
	}
	os.Exit(code)
}

// corpusSite writes a generated site of n brief pairs, and builds it once.
func corpusSite(t *testing.T, n int) (dir string, built map[string][]byte) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "site")
	if _, err := testcorpus.Write(dir, testcorpus.Options{N: n, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCmd("build", "-s", dir); code != exitOK {
		t.Fatal(errOut)
	}
	return dir, readTree(t, filepath.Join(dir, "public"))
}

// startUntilStaging starts a build and returns once its staging folder holds a page,
// that is, in the middle of rendering; ok is false when the build ended first.
func startUntilStaging(t *testing.T, bin, dir string) (cmd *exec.Cmd, done chan error, ok bool) {
	t.Helper()
	cmd = exec.Command(bin, "build", "-s", dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done = make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	for {
		select {
		case err := <-done:
			done <- err
			return cmd, done, false
		default:
		}
		if pages, _ := filepath.Glob(filepath.Join(dir, ".public.tmp-*", "*", "*", "*", "index.html")); len(pages) > 0 {
			return cmd, done, true
		}
		time.Sleep(time.Millisecond)
	}
}

// litter lists what builds left beside the output.
func litter(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") || strings.Contains(e.Name(), ".old-") {
			names = append(names, e.Name())
		}
	}
	return names
}

func sameTree(t *testing.T, what string, got, want map[string][]byte) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d files, want %d", what, len(got), len(want))
	}
	for name, data := range want {
		if !bytes.Equal(data, got[name]) {
			t.Fatalf("%s: %s differs", what, name)
		}
	}
}

// TestKilledBuildsLeaveNoLitter kills a real build three times in the middle of
// rendering (SIGKILL: nothing of the process runs), then builds again.
func TestKilledBuildsLeaveNoLitter(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated site several times")
	}
	bin := briefsBinary(t)
	dir, built := corpusSite(t, 200)
	killed := 0
	for range 3 {
		cmd, done, ok := startUntilStaging(t, bin, dir)
		if !ok {
			continue // the build won the race; nothing to kill
		}
		cmd.Process.Kill()
		<-done
		killed++
	}
	if killed == 0 {
		t.Skip("every build ended before it could be killed")
	}
	if len(litter(t, dir)) == 0 {
		t.Fatal("killed builds left no staging folder: the test does not test anything")
	}
	sameTree(t, "the output after kills", readTree(t, filepath.Join(dir, "public")), built)
	out, err := exec.Command(bin, "build", "-s", dir).CombinedOutput()
	if err != nil {
		t.Fatalf("build after kills: %v\n%s", err, out)
	}
	if left := litter(t, dir); len(left) > 0 {
		t.Errorf("left after the next build: %v", left)
	}
	sameTree(t, "the output rebuilt", readTree(t, filepath.Join(dir, "public")), built)
}

// TestInterruptedBuildCleansUp sends Ctrl+C's signal to a real build.
func TestInterruptedBuildCleansUp(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated site")
	}
	bin := briefsBinary(t)
	dir, built := corpusSite(t, 200)
	cmd, done, ok := startUntilStaging(t, bin, dir)
	if !ok {
		t.Skip("the build ended before it could be interrupted")
	}
	cmd.Process.Signal(os.Interrupt)
	<-done
	stderr := cmd.Stderr.(*bytes.Buffer).String()
	if code := cmd.ProcessState.ExitCode(); code != exitInterrupted || !strings.Contains(stderr, "interrupted; nothing was written") {
		t.Errorf("exit %d, %q", code, stderr)
	}
	if left := litter(t, dir); len(left) > 0 {
		t.Errorf("left after Ctrl+C: %v", left)
	}
	sameTree(t, "the output after Ctrl+C", readTree(t, filepath.Join(dir, "public")), built)
}

// TestWriteErrorReportedOnce builds under a file size limit, where every large page
// fails to write (EFBIG, as ENOSPC on a full disk): one line, and the build stops.
func TestWriteErrorReportedOnce(t *testing.T) {
	bin := briefsBinary(t)
	dir, built := corpusSite(t, 20)
	cmd := exec.Command("sh", "-c", `ulimit -f 2 && exec "$0" "$@"`, bin, "build", "-s", dir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if code := cmd.ProcessState.ExitCode(); err == nil || code != exitContent {
		t.Fatalf("exit %d (%v); want %d", code, err, exitContent)
	}
	lines := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "briefs build: cannot write "+dir+"/public/") ||
		!strings.Contains(lines[0], syscall.EFBIG.Error()) || !strings.Contains(lines[0], "ulimit -f") {
		t.Errorf("stderr: %q; want one line naming the file and what to do", stderr.String())
	}
	if left := litter(t, dir); len(left) > 0 {
		t.Errorf("left after a write error: %v", left)
	}
	sameTree(t, "the output after a write error", readTree(t, filepath.Join(dir, "public")), built)
}

func TestCPUProfileOverwritesOnlyAProfile(t *testing.T) {
	dir := writeSite(t, smallSite)
	prof := filepath.Join(dir, "cpu.out")
	for range 2 { // the second build overwrites the first one's profile
		if code, _, errOut := runCmd("build", "-s", dir, "--cpuprofile", prof); code != exitOK {
			t.Fatal(errOut)
		}
	}
	if b, _ := os.ReadFile(prof); len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
		t.Errorf("the profile written over another does not start as gzip data: % x", b[:min(len(b), 4)])
	}
	toml := filepath.Join(dir, "site.toml")
	code, _, errOut := runCmd("build", "-s", dir, "--cpuprofile", toml)
	if b, _ := os.ReadFile(toml); code != exitUsage || string(b) != smallSite["site.toml"] {
		t.Errorf("--cpuprofile site.toml: exit %d, %q; site.toml now %q", code, errOut, b)
	}
}
