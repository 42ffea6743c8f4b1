package config

import (
	"strings"
	"testing"
)

// TestThemeKeys reads theme (a name or a list), themesDir, module imports and
// enableInlineShortcodes from site.toml and Hugo's files, each theme with its line.
func TestThemeKeys(t *testing.T) {
	cases := []struct {
		file, src string
		themes    []string
		dir       string
		inline    bool
	}{
		{"site.toml", "theme = \"book\"\n[languages.en]\n", []string{"book"}, "themes", false},
		{"site.toml", "theme = [\"a\", \"b\"]\nthemesDir = \"../..\"\nenableInlineShortcodes = true\n[languages.en]\n", []string{"a", "b"}, "../..", true},
		{"hugo.toml", "themesDir = 'vendor'\ntheme = ['a']\n[[module.imports]]\npath = 'github.com/x/y'\n", []string{"a", "github.com/x/y"}, "vendor", false},
		{"hugo.yaml", "theme: book\nenableInlineShortcodes: true\n", []string{"book"}, "themes", true},
		{"hugo.toml", "title = 'x'\n", nil, "themes", false},
	}
	for _, c := range cases {
		var s *Site
		var err error
		if c.file == FileName {
			s, err = Load(c.file, []byte(c.src))
		} else {
			s, err = LoadHugo(c.file, []byte(c.src))
		}
		if err != nil {
			t.Errorf("%s %q: %v", c.file, c.src, err)
			continue
		}
		var got []string
		for _, r := range s.Themes {
			got = append(got, r.Name)
			if r.Line == 0 || r.File != c.file {
				t.Errorf("%s %q: theme %s placed at %s:%d", c.file, c.src, r.Name, r.File, r.Line)
			}
		}
		if strings.Join(got, ",") != strings.Join(c.themes, ",") || s.ThemesDir != c.dir || s.EnableInlineShortcodes != c.inline {
			t.Errorf("%s %q: themes %v in %q, inline %v", c.file, c.src, got, s.ThemesDir, s.EnableInlineShortcodes)
		}
		for _, w := range s.Warnings {
			if strings.Contains(w.Error(), "theme") || strings.Contains(w.Error(), "module") {
				t.Errorf("%s: a theme key is listed as unused: %v", c.file, w)
			}
		}
	}
	if _, err := Load(FileName, []byte("theme = 3\n[languages.en]\n")); err == nil || !strings.Contains(err.Error(), "site.toml:1:1: theme must be a name or a list of names") {
		t.Errorf("theme = 3: %v", err)
	}
}
