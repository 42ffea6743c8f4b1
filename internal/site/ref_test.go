package site

import (
	"strings"
	"testing"
	"time"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
)

// TestRef finds pages by Hugo's ref rules, from the brief law/courts/zibo.
func TestRef(t *testing.T) {
	cfg, err := config.Load("site.toml", []byte("defaultLanguage = \"zh\"\n[languages.zh]\n[languages.en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	in := func(lang, sec, name string) *content.File {
		return &content.File{Path: "content/" + sec + "/" + name + "." + lang + ".md", Section: sec, Name: name, Lang: lang,
			Front: content.Front{Title: name, Date: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}}
	}
	files := []*content.File{
		in("zh", "law/courts", "zibo"), in("en", "law/courts", "zibo"), in("zh", "law/courts", "jinan"),
		in("zh", "law", "_index"), in("zh", "law", "Report"), in("zh", "economy", "report"), in("zh", "economy", "unique"),
	}
	var errs diag.List
	s := New(cfg, files, Options{Now: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)}, &errs)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	var from *Page
	for _, p := range s.Pages {
		if p.File == files[0] {
			from = p
		}
	}
	tests := []struct{ target, lang, want string }{
		{"law/courts/jinan", "", "zh/law/courts/jinan/"},
		{"law/courts/jinan.md", "", "zh/law/courts/jinan/"},
		{"/law/courts/jinan.md", "", "zh/law/courts/jinan/"},
		{"law/courts/jinan.zh.md", "", "zh/law/courts/jinan/"},
		{"jinan", "", "zh/law/courts/jinan/"},    // relative to the page's folder
		{"jinan.md", "", "zh/law/courts/jinan/"}, // with its extension
		{"../report", "", "zh/law/report/"},      // relative, upwards; case ignored, as Hugo
		{"/law/_index.md", "", "zh/law/"},        // a section by its _index
		{"/law", "", "zh/law/"},                  // a section by its folder
		{"unique", "", "zh/economy/unique/"},     // a base name one page has
		{"zibo", "en", "en/law/courts/zibo/"},    // another language
		{"", "en", "en/law/courts/zibo/"},        // the page itself, in another language
		{"/law/courts/zibo", "en", "en/law/courts/zibo/"},
		{"report", "", "error: 2 pages are named report"}, // ambiguous base name
		{"nowhere", "", "error: no page nowhere"},
		{"jinan", "en", "error: no page jinan"},
		{"zibo", "fr", `error: the site has no language "fr"`},
	}
	for _, tt := range tests {
		got := ""
		p, err := s.Ref(from, tt.target, tt.lang)
		if err != nil {
			got = "error: " + err.Error()
		} else {
			got = p.Path
		}
		if !strings.HasPrefix(strings.ToLower(got), tt.want) { // URL case is the URL model's
			t.Errorf("Ref(%q, %q) = %s, want %s", tt.target, tt.lang, got, tt.want)
		}
	}
}
