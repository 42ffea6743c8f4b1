package config

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestRead: the one loader of site.toml places every problem at site.toml.
func TestRead(t *testing.T) {
	cases := []struct {
		name string
		fsys fstest.MapFS
		want string // the error, or "" for a site that loads
	}{
		{"good", fstest.MapFS{"site.toml": {Data: []byte("[languages.zh]\n")}}, ""},
		{"missing", fstest.MapFS{}, "site.toml: not found (nor a Hugo hugo.toml or config.toml)"},
		{"folder", fstest.MapFS{"site.toml/x": {}}, "site.toml: cannot read: read site.toml: invalid argument"},
		{"unknown key", fstest.MapFS{"site.toml": {Data: []byte("tittle = 1\n[languages.zh]\n")}}, "site.toml:1:1: unknown key `tittle`"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := Read(c.fsys)
			switch {
			case c.want == "" && (err != nil || cfg.DefaultLanguage != "zh"):
				t.Errorf("got %v, %v; want the site", cfg, err)
			case c.want != "" && (err == nil || !strings.HasPrefix(err.Error(), c.want)):
				t.Errorf("got %v; want %s…", err, c.want)
			}
		})
	}
}
