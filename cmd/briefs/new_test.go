package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNew(t *testing.T) {
	dir := writeSite(t, map[string]string{"site.toml": "timeZone = \"Asia/Shanghai\"\n[languages.zh]\n[languages.en]\n"})
	code, out, errOut := runCmd("new", "-s", dir, "law/my-brief")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, lang := range []string{"zh", "en"} {
		p := filepath.Join(dir, "content", "law", "my-brief."+lang+".md")
		if !strings.Contains(out, p) {
			t.Errorf("did not print %s: %q", p, out)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"draft = true", `translationKey = "law/my-brief"`, "+08:00"} {
			if !strings.Contains(string(b), want) {
				t.Errorf("%s lacks %q:\n%s", p, want, b)
			}
		}
	}
	// The new files build (as drafts) and are listed as drafts.
	if code, _, errOut := runCmd("build", "-s", dir, "--drafts"); code != exitOK {
		t.Errorf("new brief does not build: %s", errOut)
	}
	if code, out, _ := runCmd("list", "-s", dir, "drafts"); code != exitOK || !strings.Contains(out, "content/law/my-brief.zh.md\t") || !strings.Contains(out, "新简报标题") {
		t.Errorf("list drafts: %d %q", code, out)
	}
	// Never overwrite: a second run refuses and changes nothing.
	os.WriteFile(filepath.Join(dir, "content/law/my-brief.en.md"), []byte("edited"), 0o644)
	code, _, errOut = runCmd("new", "-s", dir, "law/my-brief")
	if code == exitOK || !strings.Contains(errOut, "already exists") {
		t.Errorf("overwrite: exit %d %q", code, errOut)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "content/law/my-brief.en.md")); string(b) != "edited" {
		t.Error("existing file was overwritten")
	}
}

func TestNewRejectsBadNames(t *testing.T) {
	dir := writeSite(t, map[string]string{"site.toml": "[languages.zh]\n"})
	for _, name := range []string{"my-brief", "law/../../x", "law/has space", "law/a?b", "tags/x", "law/_index", "law/.hidden",
		"/abs/x", "law//x", "../x", "law/../x", "content/../x", "law/x.fr.md", "law/x/"} {
		code, _, errOut := runCmd("new", "-s", dir, name)
		if code != exitUsage {
			t.Errorf("new %q: exit %d (%s), want %d", name, code, errOut, exitUsage)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("bad names wrote files: %v", entries)
	}
}

// TestNewFileNames checks the names a shell completes: content/ in front, and the file's
// own name, which creates that language only.
func TestNewFileNames(t *testing.T) {
	dir := writeSite(t, map[string]string{"site.toml": "[languages.zh]\n[languages.en]\n"})
	steps := []struct {
		arg   string
		code  int
		wrote []string
	}{
		{"content/law/z", exitOK, []string{"law/z.en.md", "law/z.zh.md"}},
		{"law/y.md", exitOK, []string{"law/y.en.md", "law/y.zh.md"}},
		{"law/x.en.md", exitOK, []string{"law/x.en.md"}},
		{"content/law/x.zh.md", exitOK, []string{"law/x.zh.md"}},
		{"law/x.en.md", exitContent, nil},
	}
	for _, st := range steps {
		code, out, errOut := runCmd("new", "-s", dir, st.arg)
		var want []string
		for _, w := range st.wrote {
			want = append(want, filepath.Join(dir, "content", filepath.FromSlash(w)))
		}
		if got := strings.Fields(out); code != st.code || strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("new %s: exit %d, wrote %q (%s); want exit %d, %q", st.arg, code, got, errOut, st.code, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "content")); err == nil {
		t.Error("content/ was doubled")
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "content", "law"))
	if len(entries) != 6 {
		t.Errorf("content/law holds %v", entries)
	}
}

func TestNewUsesSiteSkeleton(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"site.toml":       "[languages.en]\n",
		"layouts/_new.md": "+++\ntitle = \"{{.Slug}} in {{.Lang}}\"\ndate = {{.Date}}\n+++\nHouse style.\n",
	})
	if code, _, errOut := runCmd("new", "-s", dir, "news/x"); code != exitOK {
		t.Fatal(errOut)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "content/news/x.en.md"))
	if !strings.HasPrefix(string(b), "+++\ntitle = \"x in en\"") || !strings.Contains(string(b), "House style.") {
		t.Errorf("skeleton not used:\n%s", b)
	}
}

func TestListFutureAndExpired(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"site.toml":            "[languages.en]\n",
		"content/a/soon.en.md": "+++\ntitle = \"Soon\"\ndate = 2024-01-01\npublishDate = 2999-01-01\n+++\n",
		"content/a/gone.en.md": "+++\ntitle = \"Gone\"\ndate = 2024-01-01\nexpiryDate = 2000-01-01\n+++\n",
		"content/a/now.en.md":  "+++\ntitle = \"Now\"\ndate = 2024-01-01\n+++\n",
	})
	if _, out, _ := runCmd("list", "-s", dir, "future"); !strings.Contains(out, "soon.en.md\t2999-01-01") || strings.Contains(out, "Now") {
		t.Errorf("future: %q", out)
	}
	if _, out, _ := runCmd("list", "-s", dir, "expired"); !strings.Contains(out, "gone.en.md") || strings.Contains(out, "Soon") {
		t.Errorf("expired: %q", out)
	}
	if code, _, _ := runCmd("list", "-s", dir, "everything"); code != exitUsage {
		t.Errorf("bad list kind: exit %d", code)
	}
	// The build leaves both out unless told otherwise.
	runCmd("build", "-s", dir)
	for _, p := range []string{"public/en/a/soon", "public/en/a/gone"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err == nil {
			t.Errorf("%s was published", p)
		}
	}
	runCmd("build", "-s", dir, "--future", "--expired")
	for _, p := range []string{"public/en/a/soon", "public/en/a/gone"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Errorf("%s not published with --future --expired", p)
		}
	}
}

func TestServeFlags(t *testing.T) {
	code, out, _ := runCmd("serve", "-h")
	if code != exitOK || !strings.Contains(out, `(default "127.0.0.1")`) || !strings.Contains(out, "(default 1313)") {
		t.Errorf("serve -h: %d\n%s", code, out)
	}
	if code, _, _ := runCmd("serve", "-s", "/no/such/site"); code != exitUsage {
		t.Errorf("missing site: exit %d", code)
	}
}

// TestNewTranslation checks that "briefs new" for a brief whose original exists writes
// only the missing translation, recording which version of the original it starts from.
func TestNewTranslation(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"site.toml":                "[languages.zh]\n[languages.en]\n",
		"content/law/_index.zh.md": "+++\ntitle = \"法治\"\n+++\n",
		"content/law/_index.en.md": "+++\ntitle = \"Law\"\n+++\n",
		"content/law/x.zh.md":      "+++\ntitle = \"甲\"\ndate = 2024-01-01\nsummary = \"摘要。\"\n+++\n正文{{< num \"7.9亿元\" >}}。\n",
	})
	code, out, errOut := runCmd("new", "-s", dir, "law/x")
	if code != exitOK || strings.Contains(out, "x.zh.md") {
		t.Fatalf("exit %d, wrote %q: %s", code, out, errOut)
	}
	en := filepath.Join(dir, "content/law/x.en.md")
	b, _ := os.ReadFile(en)
	if !strings.Contains(string(b), `translationOf = "sha256:`) {
		t.Fatalf("translation not stamped:\n%s", b)
	}
	// A finished translation is clean; a later change to the original is reported,
	// and stamping the updated translation clears it.
	text := strings.NewReplacer("draft = true\n", "", `summary = ""`, `summary = "S."`).Replace(string(b))
	text = text[:strings.LastIndex(text, "+++")+4] + "Body with {{< num \"7.9亿元\" >}}.\n"
	os.WriteFile(en, []byte(text), 0o644)
	if code, out, _ := runCmd("check", "-s", dir, "--strict"); code != exitOK {
		t.Errorf("fresh translation: exit %d\n%s", code, out)
	}
	zh := filepath.Join(dir, "content/law/x.zh.md")
	src, _ := os.ReadFile(zh)
	os.WriteFile(zh, append(src, []byte("新增一句。\n")...), 0o644)
	if _, out, _ := runCmd("check", "-s", dir); !strings.Contains(out, "x.en.md:4:1: warning: x.zh.md changed after this translation was made") {
		t.Errorf("outdated translation not reported:\n%s", out)
	}
	if code, _, errOut := runCmd("stamp", "-s", dir, en); code != exitOK {
		t.Fatalf("stamp: %s", errOut)
	}
	if code, out, _ := runCmd("check", "-s", dir, "--strict"); code != exitOK {
		t.Errorf("after stamp: exit %d\n%s", code, out)
	}
}

func TestCheckJSONAndExitCodes(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"site.toml":           "[languages.zh]\n[languages.en]\n",
		"content/law/x.zh.md": "+++\ntitle = \"甲\"\ndate = 2024-01-01\nsummary = \"摘要。\"\n+++\n冻结7.9亿元。\n",
		"content/law/x.en.md": "+++\ntitle = \"A\"\ndate = 2024-01-01\nsummary = \"S.\"\n+++\nFroze 79 million yuan.\n",
	})
	code, out, _ := runCmd("check", "-s", dir, "--format", "json")
	if code != exitContent {
		t.Errorf("exit %d, want %d", code, exitContent)
	}
	if !strings.Contains(out, `"file":"`+filepath.Join(dir, "content/law/x.en.md")+`","line":6,"col":7,"kind":"figure","severity":"error"`) {
		t.Errorf("json: %s", out)
	}
	if code, _, _ := runCmd("check", "-s", dir, "--format", "xml"); code != exitUsage {
		t.Errorf("bad format: exit %d", code)
	}
}

// TestSiteConfigPlaced: the commands that read only the settings report a missing or
// broken site.toml at its path from the current folder, as the build does.
func TestSiteConfigPlaced(t *testing.T) {
	empty := t.TempDir()
	code, _, errOut := runCmd("list", "-s", empty, "drafts")
	if want := filepath.Join(empty, "site.toml") + ": not found (nor a Hugo hugo.toml or config.toml): run briefs in a site folder, or name one with -s\n"; code != exitContent || errOut != want {
		t.Errorf("missing: exit %d %q, want %q", code, errOut, want)
	}
	dir := writeSite(t, map[string]string{"site.toml": "tittle = 1\n[languages.zh]\n"})
	code, _, errOut = runCmd("new", "-s", dir, "law/x")
	if want := filepath.Join(dir, "site.toml") + ":1:1: unknown key `tittle`"; code != exitContent || !strings.HasPrefix(errOut, want) {
		t.Errorf("broken: exit %d %q, want %s…", code, errOut, want)
	}
}
