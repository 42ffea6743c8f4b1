package content

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/diag"
)

// TestGroups: briefs group by translationKey, else by section and name; each group
// is in language order with its default-language original; _index files are no brief.
func TestGroups(t *testing.T) {
	cfg := &config.Site{DefaultLanguage: "zh", Order: []string{"zh", "en", "fr"}}
	file := func(path, key string) *File {
		dir, name, _ := strings.Cut(strings.TrimPrefix(path, "content/"), "/")
		name, lang, _ := strings.Cut(strings.TrimSuffix(name, ".md"), ".")
		return &File{Path: path, Section: dir, Name: name, Lang: lang, Front: Front{TranslationKey: key}}
	}
	files := []*File{
		file("content/law/a.en.md", ""),
		file("content/law/a.fr.md", ""),
		file("content/law/a.zh.md", ""),
		file("content/law/_index.en.md", ""),
		file("content/law/_index.zh.md", ""),
		file("content/law/b.en.md", "k"),
		file("content/tax/c.zh.md", "k"),
		file("content/tax/d.en.md", ""),
	}
	var got []string
	for _, g := range Groups(cfg, files) {
		var paths []string
		for _, f := range g.Files {
			paths = append(paths, f.Path)
		}
		orig := "-"
		if g.Original != nil {
			orig = g.Original.Path
		}
		got = append(got, g.Key+": "+strings.Join(paths, " ")+" | "+orig)
	}
	want := []string{
		"path:law/a: content/law/a.zh.md content/law/a.en.md content/law/a.fr.md | content/law/a.zh.md",
		"key:k: content/tax/c.zh.md content/law/b.en.md | content/tax/c.zh.md",
		"path:tax/d: content/tax/d.en.md | -",
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("got\n%s\nwant\n%s", g, w)
	}
}

// TestStampTranslation: a translation is stamped with its original's body hash; an
// original, or a translation without one, has nothing to stamp against.
func TestStampTranslation(t *testing.T) {
	cfg := testConfig(t)
	fsys := fstest.MapFS{
		"content/law/a.zh.md": {Data: []byte("+++\ntitle = \"甲\"\ndate = 2024-01-01\n+++\n正文。\n")},
		"content/law/a.en.md": {Data: []byte("+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\nBody.\n")},
		"content/law/b.en.md": {Data: []byte("+++\ntitle = \"B\"\ndate = 2024-01-01\n+++\nBody.\n")},
	}
	var errs diag.List
	files := Load(fsys, cfg, &errs)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	byPath := map[string]*File{}
	for _, f := range files {
		byPath[f.Path] = f
	}
	zh := byPath["content/law/a.zh.md"]
	data, orig, err := StampTranslation(cfg, files, byPath["content/law/a.en.md"])
	if want := `translationOf = "` + zh.BodyHash() + `"`; err != nil || orig != zh || !strings.Contains(string(data), want) {
		t.Errorf("a.en.md: %v, %q; want %s stamped against a.zh.md", err, data, want)
	}
	for _, p := range []string{"content/law/a.zh.md", "content/law/b.en.md"} {
		var none *NoOriginalError
		if _, _, err := StampTranslation(cfg, files, byPath[p]); !errors.As(err, &none) || err.Error() != "no zh original to stamp it against (it is the original, or has none)" {
			t.Errorf("%s: got %v, want no original", p, err)
		}
	}
}
