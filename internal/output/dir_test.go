package output

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// newSite makes a site folder with the sources a build reads, and returns it with the
// folder that holds it.
func newSite(t *testing.T) (root string, s Site) {
	t.Helper()
	root = t.TempDir()
	dir := filepath.Join(root, "site")
	for _, d := range []string{"content/law", "layouts", "static"} {
		mustMkdir(t, filepath.Join(dir, d))
	}
	mustWrite(t, filepath.Join(dir, "site.toml"), "[languages.zh]\n")
	mustWrite(t, filepath.Join(dir, "content/law/a.zh.md"), "+++\n+++\n")
	return root, Site{Dir: dir, Reads: []string{"site.toml", "content/", "layouts/", "static/"}}
}

// newDir makes a site with newSite and a Dir that stages its output for the folder
// name beside it, aborted when the test ends.
func newDir(t *testing.T, name string) *Dir {
	t.Helper()
	root, s := newSite(t)
	d, err := NewDir(context.Background(), filepath.Join(root, name), s)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Abort() })
	return d
}

func mustMkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func mustWrite(t *testing.T, file, data string) {
	t.Helper()
	mustMkdir(t, filepath.Dir(file))
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// tree reads every file and link under root, by path, for byte-for-byte comparisons.
func tree(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			dest, _ := os.Readlink(p)
			out[rel] = "-> " + dest
		case d.IsDir():
			out[rel+"/"] = ""
		default:
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out[rel] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// build writes a small site into out through a Dir and commits it.
func build(t *testing.T, out string, s Site, page string) {
	t.Helper()
	d, err := NewDir(context.Background(), out, s)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"index.html", "zh/law/a/index.html"} {
		if err := d.WriteFile(name, []byte(page)); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
}

func TestRefusedOutputs(t *testing.T) {
	root, s := newSite(t)
	mustWrite(t, filepath.Join(root, "notes.txt"), "my notes\n")
	mustWrite(t, filepath.Join(root, "mine/report.pdf"), "%PDF")
	mustMkdir(t, filepath.Join(root, "mine/sub"))
	mustWrite(t, filepath.Join(root, "mine/.public.tmp-1/x"), "not briefs'")
	mustWrite(t, filepath.Join(root, "elsewhere/layouts/x.html"), "{{.}}")
	if err := os.Symlink(filepath.Join(root, "elsewhere/layouts"), filepath.Join(s.Dir, "layouts2")); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{"to-site": s.Dir, "to-content": filepath.Join(s.Dir, "content"), "dangling": filepath.Join(root, "nowhere")}
	for name, dest := range links {
		if err := os.Symlink(dest, filepath.Join(root, name)); err != nil {
			t.Fatal(err)
		}
	}
	s.Reads = append(s.Reads, "layouts2/") // a source that is a link elsewhere
	tests := []struct{ out, want string }{
		{s.Dir, "it is the site folder"},
		{filepath.Join(s.Dir, "content"), "it is the site's content/"},
		{filepath.Join(s.Dir, "content", "law", "new"), "inside the site's content/"},
		{filepath.Join(s.Dir, "layouts"), "it is the site's layouts/"},
		{filepath.Join(s.Dir, "static", "out"), "inside the site's static/"},
		{filepath.Join(s.Dir, "site.toml"), "it is the site's site.toml"},
		{filepath.Join(s.Dir, "public", "..", "content"), "it is the site's content/"},
		{root, "it holds the site folder"},
		{filepath.Dir(root), "it holds the site folder"},
		{"/", "it is the root folder"},
		{filepath.Join(root, "notes.txt"), "it is a file"},
		{filepath.Join(root, "notes.txt", "out"), "a folder in its path is a file"},
		{filepath.Join(root, "mine"), "briefs did not make"},
		{filepath.Join(root, "to-site"), "it is the site folder"},
		{filepath.Join(root, "to-content", "x"), "inside the site's content/"},
		{filepath.Join(root, "to-site", "..", "site", "static"), "it is the site's static/"},
		{filepath.Join(root, "dangling"), "symbolic link to " + filepath.Join(root, "nowhere") + ", which does not exist"},
		{filepath.Join(root, "elsewhere"), "which the site reads"},
	}
	before := tree(t, root)
	for _, tt := range tests {
		d, err := NewDir(context.Background(), tt.out, s)
		var refused *RefusedError
		if !errors.As(err, &refused) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("-o %s: got %v, want a refusal saying %q", tt.out, err, tt.want)
		}
		if d != nil {
			d.Abort()
		}
	}
	if after := tree(t, root); !mapsEqual(before, after) {
		t.Errorf("a refused output changed the disk:\nbefore %v\nafter  %v", keys(before), keys(after))
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func keys(m map[string]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func TestEmptyFolderAcceptedMarkedReplaced(t *testing.T) {
	root, s := newSite(t)
	out := filepath.Join(root, "out")
	mustMkdir(t, out)
	build(t, out, s, "one")
	got := tree(t, out)
	if got[Marker] != markerText || got["zh/law/a/index.html"] != "one" {
		t.Fatalf("first build into an empty folder: %v", keys(got))
	}
	mustWrite(t, filepath.Join(out, "stale.html"), "from a deleted brief")
	build(t, out, s, "two")
	got = tree(t, out)
	if _, ok := got["stale.html"]; ok || got["index.html"] != "two" || got[Marker] != markerText {
		t.Errorf("second build: %v", got)
	}
	if entries, _ := os.ReadDir(root); len(entries) != 2 {
		t.Errorf("left beside the output: %v", entries)
	}
}

func TestCountsLeaveOutMarker(t *testing.T) {
	d := newDir(t, "out")
	d.WriteFile("a.html", []byte("abc"))
	if d.Files() != 1 || d.Bytes() != 3 {
		t.Errorf("Files %d, Bytes %d; want 1, 3", d.Files(), d.Bytes())
	}
	if err := d.WriteFile(Marker, []byte("x")); err == nil {
		t.Error("a file named like the marker was written over it")
	}
}

func TestSymlinkedOutputUpdatedInPlace(t *testing.T) {
	root, s := newSite(t)
	webroot := filepath.Join(root, "srv", "www")
	link := filepath.Join(s.Dir, "public")
	mustMkdir(t, webroot)
	if err := os.Symlink(webroot, link); err != nil {
		t.Fatal(err)
	}
	build(t, link, s, "one")
	build(t, link, s, "two")
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("public is no longer a link: %v, %v", info, err)
	}
	if got := tree(t, webroot); got["index.html"] != "two" || got[Marker] != markerText {
		t.Errorf("the link's target holds %v", got)
	}
	if entries, _ := os.ReadDir(filepath.Dir(webroot)); len(entries) != 1 {
		t.Errorf("left beside the target: %v", entries)
	}
}
