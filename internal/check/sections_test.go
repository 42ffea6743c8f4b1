package check

import (
	"testing"
	"testing/fstest"
)

// TestSectionWithoutIndex checks that check warns, as build does, about a section that
// has an _index in one language only: its pages in the other take that language's
// title, and a section with no _index at all shows its folder name.
func TestSectionWithoutIndex(t *testing.T) {
	brief := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("+++\ntitle = \"" + title + "\"\ndate = 2024-01-01\nsummary = \"S.\"\n+++\nBody.\n")}
	}
	fsys := fstest.MapFS{
		"site.toml":                {Data: []byte("defaultLanguage = \"zh\"\n[languages.zh]\n[languages.en]\n")},
		"content/law/_index.en.md": {Data: []byte("+++\ntitle = \"Law\"\n+++\n")},
		"content/law/a.zh.md":      brief("甲"),
		"content/law/a.en.md":      brief("A"),
		"content/misc/b.zh.md":     brief("乙"),
		"content/misc/b.en.md":     brief("B"),
	}
	want := map[string]bool{
		`content/law/_index.en.md:1:1: warning: section law has no content/law/_index.zh.md; its zh pages show this file's title "Law"; add the file with a title in zh`: false,
		`content/misc: warning: section misc has no content/misc/_index.zh.md; its zh pages title it "misc"; add the file with a title`:                                  false,
		`content/misc: warning: section misc has no content/misc/_index.en.md; its en pages title it "misc"; add the file with a title`:                                  false,
	}
	for _, f := range runAsIs(t, fsys).Findings {
		if f.Kind != "section" {
			continue
		}
		if _, ok := want[f.String()]; !ok {
			t.Errorf("unexpected: %s", f)
		}
		want[f.String()] = true
	}
	for w, seen := range want {
		if !seen {
			t.Errorf("missing: %s", w)
		}
	}
}
