package content

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/briefs/briefs/internal/diag"
)

// leanSite writes a brief in both languages of testConfig (zh is the default) as real
// files, and returns the site folder. The English one records the hash of an
// original it was translated from (translationOf), as a stamped translation does.
func leanSite(t *testing.T) string {
	return leanSiteOf(t, "translationOf = \"sha256:0\"\n")
}

func leanSiteOf(t *testing.T, enFront string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range map[string]string{
		"content/law/x.zh.md": "+++\ntitle = \"甲\"\ndate = 2024-01-01\n+++\n\n正文。\n",
		"content/law/x.en.md": "\ufeff+++\ntitle = \"A\"\ndate = 2024-01-01\n" + enFront + "+++\n\nBody.\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func loadBoth(t *testing.T, dir string) (whole, lean map[string]*File) {
	t.Helper()
	cfg := testConfig(t)
	var errs diag.List
	whole, lean = map[string]*File{}, map[string]*File{}
	for _, f := range Load(SiteFS(dir), cfg, &errs) {
		whole[f.Path] = f
	}
	for _, f := range LoadLean(SiteFS(dir), cfg, &errs, 100) {
		lean[f.Path] = f
	}
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	return whole, lean
}

// TestLeanHashes checks that a lean load keeps the BodyHash of the default language's
// files, the originals, and that Reload gives back the body a whole load reads.
func TestLeanHashes(t *testing.T) {
	whole, lean := loadBoth(t, leanSite(t))
	zh, en := "content/law/x.zh.md", "content/law/x.en.md"
	if got, want := lean[zh].BodyHash(), whole[zh].BodyHash(); got != want || got == "" {
		t.Errorf("original's hash after a lean load: %q, want %q", got, want)
	}
	if got := lean[en].BodyHash(); got != "" {
		t.Errorf("translation's hash after a lean load: %q, want none", got)
	}
	for _, p := range []string{zh, en} {
		f := lean[p]
		for range 2 { // read again, let go, read again
			if err := f.Reload(); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			if string(f.Body) != string(whole[p].Body) || string(f.Src) != string(whole[p].Src) {
				t.Errorf("%s: reloaded %q, want %q", p, f.Src, whole[p].Src)
			}
			f.Release()
		}
	}
	if got := lean[en].BodyHash(); got != "" {
		t.Errorf("translation's hash after Release: %q, want none", got)
	}
	if got, want := lean[zh].BodyHash(), whole[zh].BodyHash(); got != want {
		t.Errorf("original's hash after Release: %q, want %q", got, want)
	}
	f := whole[zh]
	hash := f.BodyHash()
	f.Release()
	if f.BodyHash() != hash {
		t.Errorf("a whole load's file lost its hash on Release: %q, want %q", f.BodyHash(), hash)
	}
}

// TestLeanHashesUnstamped: on a site where no file records an original's hash, a
// lean load hashes no body, and keeps none.
func TestLeanHashesUnstamped(t *testing.T) {
	_, lean := loadBoth(t, leanSiteOf(t, ""))
	for p, f := range lean {
		if got := f.BodyHash(); got != "" {
			t.Errorf("%s: hash after a lean load %q, want none", p, got)
		}
	}
}

// TestReloadChanged checks that Reload refuses a file whose front matter or body
// changed since it was loaded, even by a byte that keeps the length.
func TestReloadChanged(t *testing.T) {
	for _, tt := range []struct{ name, text string }{
		{"body", "+++\ntitle = \"甲\"\ndate = 2024-01-01\n+++\n\n正文！\n"},
		{"trailing space", "+++\ntitle = \"甲\"\ndate = 2024-01-01\n+++\n\n正文。\n\n"},
		{"front matter", "+++\ntitle = \"乙\"\ndate = 2024-01-01\n+++\n\n正文。\n"},
		{"invalid UTF-8", "+++\ntitle = \"甲\"\ndate = 2024-01-01\n+++\n\n正文\xff\n"},
	} {
		dir := leanSite(t)
		_, lean := loadBoth(t, dir)
		if err := os.WriteFile(filepath.Join(dir, "content/law/x.zh.md"), []byte(tt.text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := lean["content/law/x.zh.md"].Reload(); err == nil {
			t.Errorf("%s: changed file reloaded", tt.name)
		}
	}
}

// TestLeanBuffers: what a file keeps after its text went back to the pool of
// buffers (front matter, Src's copy of it, Lead) is its own: scribbling over every
// buffer the pool gives out changes none of it, and Reload reads the text again.
func TestLeanBuffers(t *testing.T) {
	dir := leanSiteOf(t, "tags = [\"税收\", \"tax\"]\nsummary = \"A summary.\"\n[params]\nsource = \"Gazette\"\n")
	p := filepath.Join(dir, "content/law/y.zh.md")
	yaml := "---\ntitle: 乙\ndate: 2024-02-01\ntags: [财政, 预算]\nparams:\n  source: 公报\n---\n\n第一段。\n\n第二段。\n"
	if err := os.WriteFile(p, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	whole, lean := loadBoth(t, dir)
	scribble := func() {
		var bufs [][]byte
		for range 8 {
			b := buffer(1)
			b = b[:cap(b)]
			for i := range b {
				b[i] = 'x'
			}
			bufs = append(bufs, b)
		}
		for _, b := range bufs {
			release(b)
		}
	}
	check := func(when string) {
		t.Helper()
		for path, f := range lean {
			w := whole[path]
			if !reflect.DeepEqual(f.Front, w.Front) {
				t.Errorf("%s, %s: front matter %+v, want %+v", when, path, f.Front, w.Front)
			}
			if string(f.Src) != string(w.Src[:w.BodyOffset]) || f.Body != nil {
				t.Errorf("%s, %s: kept %q and a body of %d bytes, want %q and none", when, path, f.Src, len(f.Body), w.Src[:w.BodyOffset])
			}
			if len(f.Lead) > 0 && !bytes.HasPrefix(w.Body, f.Lead) {
				t.Errorf("%s, %s: lead %q, not the opening of %q", when, path, f.Lead, w.Body)
			}
		}
	}
	scribble()
	check("after the lean load")
	for path, f := range lean {
		if err := f.Reload(); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if string(f.Body) != string(whole[path].Body) {
			t.Errorf("%s: reloaded body %q, want %q", path, f.Body, whole[path].Body)
		}
		f.Release()
		scribble()
	}
	check("after Reload and Release")
}
