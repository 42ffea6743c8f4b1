package content_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
)

// TestSiteFS checks that SiteFS reads and fails as os.DirFS does, and passes
// fstest's checks of an fs.FS.
func TestSiteFS(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"site.toml":          "title = \"x\"\n",
		"content/empty.md":   "",
		"content/a/big.md":   strings.Repeat("长文本 long text\n", 5000),
		"content/a/small.md": "+++\ntitle = \"s\"\n+++\nbody\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("a/small.md", filepath.Join(dir, "content", "link.md")); err != nil {
		t.Fatal(err)
	}
	site, std := content.SiteFS(dir), os.DirFS(dir)
	for _, name := range []string{"site.toml", "content/empty.md", "content/a/big.md", "content/a/small.md",
		"content/link.md", "content/missing.md", "content/a", "../x", "/abs", "content//a"} {
		got, gerr := fs.ReadFile(site, name)
		want, werr := fs.ReadFile(std, name)
		if !bytes.Equal(got, want) || (gerr == nil) != (werr == nil) || gerr != nil && gerr.Error() != werr.Error() {
			t.Errorf("ReadFile(%q) = %d bytes, %v; os.DirFS: %d bytes, %v", name, len(got), gerr, len(want), werr)
		}
	}
	if err := fstest.TestFS(site, "site.toml", "content/empty.md", "content/a/big.md", "content/a/small.md"); err != nil {
		t.Error(err)
	}
}

// TestSiteFSReadsAsDirFS checks that reading content files through SiteFS, which opens
// them with O_NOFOLLOW instead of asking lstat first, gives the same files and the same
// problems as through os.DirFS: links skipped, a file too large, a folder named .md.
func TestSiteFSReadsAsDirFS(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/law/a.md", []byte("+++\ntitle = \"A\"\n+++\nbody\n"))
	write("content/law/empty.md", nil)
	write("content/law/big.md", bytes.Repeat([]byte("x"), content.MaxFileSize+1))
	for _, link := range []struct{ target, name string }{{"a.md", "link.md"}, {"missing.md", "dangling.md"}, {"loop.md", "loop.md"}} {
		if err := os.Symlink(link.target, filepath.Join(dir, "content", "law", link.name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "content", "law", "dir.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load("site.toml", []byte("[languages.en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	read := func(fsys fs.FS) string {
		var out strings.Builder
		for _, name := range []string{"a", "empty", "big", "link", "dangling", "loop", "dir", "missing"} {
			var errs diag.List
			if f := content.Read(fsys, "content/law/"+name+".md", cfg, &errs); f != nil {
				fmt.Fprintf(&out, "%s %q %q\n", f.Path, f.Src, f.Front.Title)
			}
			for _, e := range errs.Sorted() {
				fmt.Fprintf(&out, "%v\n", e)
			}
		}
		return out.String()
	}
	got, want := read(content.SiteFS(dir)), read(os.DirFS(dir))
	if got != want {
		t.Errorf("through SiteFS:\n%s\nthrough os.DirFS:\n%s", got, want)
	}
	for _, s := range []string{"link.md: warning: symbolic link skipped", "dangling.md: warning: symbolic link skipped", "loop.md: warning: symbolic link skipped",
		"big.md:1:1: file is 8 MiB", "dir.md: cannot read", "missing.md: cannot read", `content/law/a.md "+++`, `content/law/empty.md ""`} {
		if !strings.Contains(got, s) {
			t.Errorf("read without %q:\n%s", s, got)
		}
	}
}
