package sitemap

import (
	"testing"
	"time"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/site"
)

// TestFingerprint checks that the fingerprint follows what the sitemap shows and
// nothing else: the dev server skips rewriting the sitemap when it is unchanged.
func TestFingerprint(t *testing.T) {
	cfg, err := config.Load("site.toml", []byte("baseURL = \"https://example.org/\"\n[languages.zh]\n[languages.en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	brief := func(name, lang string, day int) *content.File {
		return &content.File{Path: "content/s/" + name + "." + lang + ".md", Section: "s", Name: name, Lang: lang,
			Front: content.Front{Title: name, Date: time.Date(2024, 1, day, 0, 0, 0, 0, time.UTC)}}
	}
	files := func(edit func([]*content.File) []*content.File) uint64 {
		fs := []*content.File{brief("a", "zh", 1), brief("b", "zh", 2), brief("a", "en", 3)}
		if edit != nil {
			fs = edit(fs)
		}
		var errs diag.List
		st := site.New(cfg, fs, site.Options{Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}, &errs)
		if err := errs.Err(); err != nil {
			t.Fatal(err)
		}
		return Fingerprint(st)
	}
	base := files(nil)
	if files(nil) != base {
		t.Fatal("the same site has two fingerprints")
	}
	same := map[string]func([]*content.File) []*content.File{
		"title":   func(fs []*content.File) []*content.File { fs[0].Front.Title = "new"; return fs },
		"summary": func(fs []*content.File) []*content.File { fs[1].Front.Summary = "new"; return fs },
	}
	changed := map[string]func([]*content.File) []*content.File{
		"date": func(fs []*content.File) []*content.File {
			fs[1].Front.Date = fs[1].Front.Date.AddDate(0, 0, 1)
			return fs
		},
		"lastmod": func(fs []*content.File) []*content.File {
			fs[1].Front.Lastmod = fs[1].Front.Date.AddDate(0, 1, 0)
			return fs
		},
		"new brief":   func(fs []*content.File) []*content.File { return append(fs, brief("c", "zh", 4)) },
		"translation": func(fs []*content.File) []*content.File { return append(fs, brief("b", "en", 4)) },
		"slug":        func(fs []*content.File) []*content.File { fs[1].Front.Slug = "bee"; return fs },
	}
	for name, edit := range same {
		if files(edit) != base {
			t.Errorf("a %s edit changed the fingerprint; the sitemap does not show it", name)
		}
	}
	for name, edit := range changed {
		if files(edit) == base {
			t.Errorf("a %s edit kept the fingerprint; the sitemap shows it", name)
		}
	}
}
