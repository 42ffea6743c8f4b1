package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
)

// TestUpdateOriginalOutdatesTranslation: editing only the body of an original whose
// translation is stamped must bring the "outdated" notice onto the translation.
func TestUpdateOriginalOutdatesTranslation(t *testing.T) {
	dir, opts, sess, mem := startSession(t)
	fsys := os.DirFS(dir)
	cfg, err := config.Read(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var errs diag.List
	zh := content.Read(fsys, "content/law/zibo.zh.md", cfg, &errs)
	en := content.Read(fsys, "content/law/zibo.en.md", cfg, &errs)
	stamped, err := content.Stamp(en, zh.BodyHash())
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "content/law/zibo.en.md"), stamped, 0o644)
	if _, err := sess.Update([]string{"content/law/zibo.en.md"}, mem); err != nil {
		t.Fatal(err)
	}
	edit(t, dir, "content/law/zibo.zh.md", "第一句话。", "改过的第一句。")
	if _, err := sess.Update([]string{"content/law/zibo.zh.md"}, mem); err != nil {
		t.Fatal(err)
	}
	contains(t, mem, "en/law/zibo/index.html", `class="notice"`)
	sameAsFullBuild(t, "outdated", opts, mem)
}

// TestUpdateErrorLineFollowsFrontMatter: a body error keeps its true line after lines
// are added to the front matter above it.
func TestUpdateErrorLineFollowsFrontMatter(t *testing.T) {
	dir, _, sess, mem := startSession(t)
	edit(t, dir, "content/law/zibo.zh.md", "第一句话。", `{{< num "7.9亿亿" >}}`)
	if _, err := sess.Update([]string{"content/law/zibo.zh.md"}, mem); err == nil || !strings.Contains(err.Error(), "zibo.zh.md:10:1:") {
		t.Fatalf("first: %v", err)
	}
	edit(t, dir, "content/law/zibo.zh.md", "source = ", "weight = 1\nsource = ")
	if _, err := sess.Update([]string{"content/law/zibo.zh.md"}, mem); err == nil || !strings.Contains(err.Error(), "zibo.zh.md:11:1:") {
		t.Fatalf("after a front matter line: %v", err)
	}
}

// TestSymlinkedContentIsSkipped: a link in content/ could reach any file on the
// machine; neither the full build nor an update publishes it.
func TestSymlinkedContentIsSkipped(t *testing.T) {
	dir, opts, sess, mem := startSession(t)
	outside := filepath.Join(t.TempDir(), "secret.md")
	os.WriteFile(outside, []byte("+++\ntitle = \"Secret\"\ndate = 2024-05-01\n+++\nSECRET TEXT\n"), 0o644)
	if err := os.Symlink(outside, filepath.Join(dir, "content/law/evil.en.md")); err != nil {
		t.Skip("no symbolic links here")
	}
	if _, err := sess.Update([]string{"content/law/evil.en.md"}, mem); err != nil {
		t.Fatal(err)
	}
	if _, ok := mem.Get("en/law/evil/index.html"); ok {
		t.Error("a symlinked file was published")
	}
	sameAsFullBuild(t, "symlink", opts, mem)
}
