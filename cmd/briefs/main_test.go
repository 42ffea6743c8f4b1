package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeSite writes files (path -> content) under a new temporary folder.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runCmd(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

var smallSite = map[string]string{
	"site.toml":           "[languages.zh]\n[languages.en]\n",
	"content/law/a.zh.md": "+++\ntitle = \"甲\"\ndate = 2024-01-01\n+++\n正文。\n",
	"content/law/a.en.md": "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\nBody.\n",
}

func TestUsageAndExitCodes(t *testing.T) {
	tests := []struct {
		args []string
		code int
		out  string
	}{
		{nil, exitUsage, ""},
		{[]string{"nope"}, exitUsage, ""},
		{[]string{"-h"}, exitOK, "Commands:"},
		{[]string{"help"}, exitOK, "Commands:"},
		{[]string{"help", "build"}, exitOK, "-base-url"},
		{[]string{"build", "-h"}, exitOK, "Usage: briefs build"},
		{[]string{"build", "--nope"}, exitUsage, ""},
		{[]string{"build", "extra"}, exitUsage, ""},
		{[]string{"version"}, exitOK, "briefs "},
	}
	for _, tt := range tests {
		code, out, _ := runCmd(tt.args...)
		if code != tt.code || !strings.Contains(out, tt.out) {
			t.Errorf("briefs %v: exit %d, stdout %q; want exit %d with %q", tt.args, code, out, tt.code, tt.out)
		}
	}
}

func TestBuildWritesSummary(t *testing.T) {
	dir := writeSite(t, smallSite)
	code, out, errOut := runCmd("build", "-s", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "built zh ") || !strings.Contains(out, "en ") || !strings.Contains(out, "files") {
		t.Errorf("summary line %q", out)
	}
	for _, f := range []string{"index.html", "zh/law/a/index.html", "en/law/a/index.html", "css/site.css"} {
		if _, err := os.Stat(filepath.Join(dir, "public", f)); err != nil {
			t.Errorf("missing %s: %v", f, err)
		}
	}
}

// TestFailedBuildKeepsOutput checks that a build with errors writes nothing and leaves
// the previous output as it was, and that a good build removes stale files.
func TestFailedBuildKeepsOutput(t *testing.T) {
	dir := writeSite(t, smallSite)
	if code, _, errOut := runCmd("build", "-s", dir); code != exitOK {
		t.Fatalf("first build: %s", errOut)
	}
	page := filepath.Join(dir, "public/zh/law/a/index.html")
	before, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "content/law/a.zh.md"), []byte("+++\ntitle = \"改\"\ndate = \"soon\"\n+++\n"), 0o644)
	code, _, errOut := runCmd("build", "-s", dir)
	if code != exitContent {
		t.Fatalf("broken build: exit %d, want %d", code, exitContent)
	}
	if !strings.Contains(errOut, `content/law/a.zh.md:3:8: date: "soon" is not a date`) {
		t.Errorf("stderr: %s", errOut)
	}
	after, _ := os.ReadFile(page)
	if !bytes.Equal(before, after) {
		t.Error("failed build changed the previous output")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("staging folder %s left behind", e.Name())
		}
	}
	// Delete the article's Chinese version: a good build must not leave its page behind.
	os.Remove(filepath.Join(dir, "content/law/a.zh.md"))
	if code, _, errOut := runCmd("build", "-s", dir); code != exitOK {
		t.Fatalf("third build: %s", errOut)
	}
	if _, err := os.Stat(page); !os.IsNotExist(err) {
		t.Errorf("stale page %s survived: %v", page, err)
	}
}

func TestBuildDeterministic(t *testing.T) {
	dir := writeSite(t, smallSite)
	outs := []string{filepath.Join(dir, "one"), filepath.Join(dir, "two")}
	for _, o := range outs {
		if code, _, errOut := runCmd("build", "-s", dir, "-o", o); code != exitOK {
			t.Fatal(errOut)
		}
	}
	a, b := readTree(t, outs[0]), readTree(t, outs[1])
	if len(a) != len(b) {
		t.Fatalf("%d files vs %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(root, p)
			out[rel] = b
		}
		return err
	})
	return out
}
