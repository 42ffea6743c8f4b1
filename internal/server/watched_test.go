package server

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/briefs/briefs/internal/config"
)

// TestWatchedHugo: on a Hugo site, the configuration files and the languages' own
// content folders (contentDir = "content.en") are watched, as content/ is.
func TestWatchedHugo(t *testing.T) {
	dir := t.TempDir()
	cfg := "[languages.en]\ncontentDir = \"content.en\"\n[languages.zh]\ncontentDir = \"content.zh/docs\"\n"
	if err := os.WriteFile(filepath.Join(dir, "hugo.toml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	site, err := config.ReadEnv(os.DirFS(dir), "")
	if err != nil {
		t.Fatal(err)
	}
	tops := contentTops(site)
	for top, want := range map[string]bool{"content.en": true, "content.zh": true, "content": true, "hugo.toml": true,
		"config.yaml": true, "config": true, "site.toml": true, "layouts": true, "i18n": true, "assets": true, "data": true, "themes": false, "public": false, "content.fr": false, "README.md": false} {
		if got := watched(tops, top); got != want {
			t.Errorf("watched(%q) = %v, want %v", top, got, want)
		}
	}
	for rel, want := range map[string]bool{"content.en/docs/x.md": true, "content/x/map.png": true, "layouts/x.html": true, "layouts/x.txt": false} {
		if got := wanted(rel); got != want {
			t.Errorf("wanted(%q) = %v, want %v", rel, got, want)
		}
	}
}
