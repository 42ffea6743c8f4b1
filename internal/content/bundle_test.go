package content

import (
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/briefs/briefs/internal/config"
)

func TestLooksLikeLang(t *testing.T) {
	for s, want := range map[string]bool{
		"en": true, "zh": true, "zh-cn": true, "zh-hans": true, "en-us": true, "es-419": true, "zh-Hant-TW": true,
		"2024": false, "v2": false, "report": false, "x": false, "1a-b": false, "en_us": false,
	} {
		if got := looksLikeLang(s); got != want {
			t.Errorf("looksLikeLang(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestPathSegment: folder and file names become URL segments as Hugo makes them.
func TestPathSegment(t *testing.T) {
	for in, want := range map[string]string{
		"My Folder":     "My-Folder",
		"Hello  World!": "Hello-World",
		"C++ & Go":      "C++-Go",
		"中文 标签":         "中文-标签",
		"a%20b":         "a%20b",
		"100%":          "100",
		" lead":         "lead",
		"x - y":         "x-y",
		"über_café.v2":  "über_café.v2",
	} {
		if got := PathSegment(in); got != want {
			t.Errorf("PathSegment(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNewFilesContentDir: briefs new writes each language's file into its own content
// folder when the configuration gives it one.
func TestNewFilesContentDir(t *testing.T) {
	cfg, err := config.LoadHugo("hugo.toml", []byte("defaultContentLanguage = \"zh\"\n[languages.zh]\ncontentDir = \"content/zh\"\n[languages.en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	n, err := ParseNewName(cfg, "law/x")
	if err != nil {
		t.Fatal(err)
	}
	files, err := NewFiles(cfg, n, DefaultSkeleton, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"content/zh/law/x.zh.md", "content/law/x.en.md"} {
		if files[want] == nil {
			t.Errorf("no %s in %v", want, slices.Collect(maps.Keys(files)))
		}
	}
}
