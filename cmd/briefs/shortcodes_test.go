package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestShortcodeErrorsWriteNothing breaks a built site two ways, a shortcode template
// that fails and a ref that leads nowhere: both are reported at their places, and the
// previous output stays as it was.
func TestShortcodeErrorsWriteNothing(t *testing.T) {
	files := map[string]string{
		"layouts/shortcodes/hi.html": "<b>{{ .Get 0 }}</b>",
		"content/law/b.zh.md":        "+++\ntitle = \"乙\"\ndate = 2024-01-01\n+++\n{{< hi \"你好\" >}}见[甲]({{< relref \"a\" >}})。\n",
	}
	for k, v := range smallSite {
		files[k] = v
	}
	dir := writeSite(t, files)
	if code, _, errOut := runCmd("build", "-s", dir); code != exitOK {
		t.Fatalf("first build: %s", errOut)
	}
	page := filepath.Join(dir, "public/zh/law/b/index.html")
	before, err := os.ReadFile(page)
	if err != nil || !bytes.Contains(before, []byte(`<b>你好</b>见<a href="/zh/law/a/">甲</a>`)) {
		t.Fatalf("first build wrote %s (%v)", before, err)
	}
	os.WriteFile(filepath.Join(dir, "layouts/shortcodes/hi.html"), []byte("<b>\n{{ div 1 0 }}</b>"), 0o644)
	os.WriteFile(filepath.Join(dir, "content/law/b.zh.md"), []byte("+++\ntitle = \"乙\"\ndate = 2024-01-01\n+++\n见[甲]({{< relref \"gone\" >}})。\n\n{{< hi \"x\" >}}\n"), 0o644)
	code, _, errOut := runCmd("build", "-s", dir)
	if code == exitOK {
		t.Fatal("broken build succeeded")
	}
	for _, want := range []string{"content/law/b.zh.md:7:1: shortcode hi: layouts/shortcodes/hi.html:2:", `content/law/b.zh.md:5:6: relref "gone": no page gone`} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if after, _ := os.ReadFile(page); !bytes.Equal(before, after) {
		t.Error("failed build changed the previous output")
	}
}
