package content

import (
	"strings"
	"testing"

	"github.com/briefs/briefs/internal/config"
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
