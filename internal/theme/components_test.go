package theme

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefs/briefs/internal/config"
)

// TestGoModReplaces reads the replace lines of a go.mod that name local folders.
func TestGoModReplaces(t *testing.T) {
	fsys := fstest.MapFS{"go.mod": {Data: []byte(`module example.org/site

replace github.com/a/theme/v3 => ../  // the theme's repository

replace (
	github.com/b/extra => ./vendor/extra
	github.com/c/remote => github.com/c/fork v1.2.3
)
`)}}
	got := goModReplaces(fsys)
	want := map[string]string{"github.com/a/theme/v3": "..", "github.com/b/extra": "vendor/extra"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: got %q, want %q", k, got[k], v)
		}
	}
}

// TestFind opens themes in themesDir and module imports through go.mod; a missing
// one is an error at the line that names it.
func TestFind(t *testing.T) {
	fsys := fstest.MapFS{
		"themes/book/layouts/_shortcodes/a.html":  {Data: []byte("book a")},
		"themes/book/static/x.txt":                {Data: []byte("book")},
		"themes/extra/layouts/_shortcodes/a.html": {Data: []byte("extra a")},
		"themes/extra/layouts/_shortcodes/b.html": {Data: []byte("extra b")},
		"vendor/mod/i18n/en.toml":                 {Data: []byte("x = 'y'")},
		"go.mod":                                  {Data: []byte("module s\nreplace github.com/m/mod => ./vendor/mod\n")},
		"layouts/_shortcodes/b.html":              {Data: []byte("site b")},
	}
	cfg := &config.Site{ThemesDir: "themes", Themes: []config.ThemeRef{{Name: "book"}, {Name: "extra"}, {Name: "github.com/m/mod", Module: true}}}
	comps, _, err := Find(Where{Site: fsys}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(comps) != 3 || comps[0].Dir != "themes/book" || comps[2].Dir != "vendor/mod" {
		t.Fatalf("components: %+v", comps)
	}
	th := New(fsys, nil).WithComponents(comps)
	files, err := th.ComponentFiles("layouts")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		b, _ := f.Read()
		got = append(got, f.Name+"="+string(b)+"@"+f.Path)
	}
	want := "_shortcodes/a.html=book a@themes/book/layouts/_shortcodes/a.html _shortcodes/b.html=site b@layouts/_shortcodes/b.html"
	if strings.Join(got, " ") != want {
		t.Errorf("layouts:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	if f, ok := th.Lookup("static", "x.txt"); !ok || f.Component != "book" {
		t.Errorf("static x.txt: %+v %v", f, ok)
	}
	if _, ok := th.Lookup("layouts", "_shortcodes/a.html"); ok {
		t.Error("a theme's layouts are not the site's layouts")
	}

	cfg.Themes = append(cfg.Themes, config.ThemeRef{Name: "gone", File: "hugo.toml", Line: 3, Col: 1})
	if _, _, err := Find(Where{Site: fsys}, cfg); err == nil || !strings.Contains(err.Error(), `hugo.toml:3:1: theme "gone": no folder themes/gone`) {
		t.Errorf("missing theme: %v", err)
	}
	cfg.Themes = []config.ThemeRef{{Name: "book"}}
	if _, _, err := Find(Where{Site: fsys, ThemesDir: "../.."}, cfg); err == nil {
		t.Error("a themesDir outside an fs.FS site without Dir was accepted")
	}
}

// TestFindEnclosingTheme: a theme's exampleSite, built without --themes-dir, takes
// the theme it is in, with a warning, as hugo --themesDir ../.. would.
func TestFindEnclosingTheme(t *testing.T) {
	root := t.TempDir()
	for name, data := range map[string]string{
		"book/theme.toml":                    "name = 'book'",
		"book/layouts/_shortcodes/hint.html": "hint",
		"book/exampleSite/hugo.toml":         "theme = 'book'",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	site := filepath.Join(root, "book", "exampleSite")
	cfg := &config.Site{ThemesDir: "themes", Themes: []config.ThemeRef{{Name: "book", File: "hugo.toml", Line: 1, Col: 1}}}
	comps, warnings, err := Find(Where{Site: os.DirFS(site), Dir: site}, cfg)
	if err != nil || len(comps) != 1 || comps[0].Dir != ".." {
		t.Fatalf("components %+v, %v", comps, err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0].Error(), `hugo.toml:1:1: warning: theme "book": no folder themes/book; using the theme this exampleSite is in`) {
		t.Errorf("warnings: %v", warnings)
	}
	if _, ok := New(os.DirFS(site), nil).WithComponents(comps).Lookup("static", "x"); ok {
		t.Error("found a file that is not there")
	}
	// With --themes-dir, the folder named is the only place looked at.
	if _, _, err := Find(Where{Site: os.DirFS(site), Dir: site, ThemesDir: "nowhere"}, cfg); err == nil {
		t.Error("--themes-dir nowhere found a theme")
	}
}
