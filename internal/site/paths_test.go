package site

import (
	"testing"
	"time"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
)

// TestBriefPath: the URL of a page from its folder, name, slug and date, by Hugo's
// rules and [permalinks] patterns (the comparison with Hugo itself is TestHugoURLs).
func TestBriefPath(t *testing.T) {
	cfg, err := config.LoadHugo("hugo.toml", []byte(`defaultContentLanguage = "en"
[permalinks]
posts = "/:year/:month/:day/:slug/"
news = "/:section/:yearday-:monthname/:title/"
docs = "/d/:sections/:filename/"
x = "/:slugorfilename/:contentbasename/:unknown/"
[languages.en]
[languages.zh]
`))
	if err != nil {
		t.Fatal(err)
	}
	date := time.Date(2024, 2, 3, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		lang, section, name, slug, title, want string
	}{
		{"en", "", "About Us", "", "About", "about-us/"},
		{"zh", "", "关于", "", "关于", "zh/关于/"},
		{"en", "Old Notes/Sub", "First Note!", "", "x", "old-notes/sub/first-note/"},
		{"en", "blog", "x", "My Slug", "x", "blog/my-slug/"},
		{"en", "posts", "x", "", "Hello, World", "2024/02/03/hello-world/"},
		{"zh", "posts", "x", "S", "t", "zh/2024/02/03/s/"},
		{"en", "news", "x", "", "Big News", "news/34-february/big-news/"},
		{"en", "docs/A b/C", "Page", "", "t", "d/docs/a-b/c/page/"},
		{"en", "x", "file", "", "t", "file/file/:unknown/"},
	}
	for _, c := range cases {
		l := &Lang{Language: cfg.Languages[c.lang], cfg: cfg}
		f := &content.File{Section: c.section, Name: c.name, Lang: c.lang,
			Front: content.Front{Slug: c.slug, Title: c.title, Date: date}}
		if got := l.briefPath(f); got != c.want {
			t.Errorf("%s %s/%s (slug %q): got %s, want %s", c.lang, c.section, c.name, c.slug, got, c.want)
		}
	}
}
