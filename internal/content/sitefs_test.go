package content_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefs/briefs/internal/content"
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
