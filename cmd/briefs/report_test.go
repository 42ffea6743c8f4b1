package main

import (
	"path/filepath"
	"testing"

	"github.com/briefs/briefs/internal/diag"
)

// TestInSite: problems are shown at paths from the current folder, except those in
// files built into briefs, which have none; a site path that merely ends in ")" is
// still a site path.
func TestInSite(t *testing.T) {
	cases := []struct {
		dir  string
		e    diag.Error
		want string
	}{
		{"site", diag.Error{File: "content/law/a.zh.md"}, filepath.Join("site", "content/law/a.zh.md")},
		{"site", diag.Error{File: "content/law (2)"}, filepath.Join("site", "content/law (2)")},
		{"site", diag.Error{File: "layouts/x.html (default theme)", Builtin: true}, "layouts/x.html (default theme)"},
		{".", diag.Error{File: "content/law/a.zh.md"}, "content/law/a.zh.md"},
		{"site", diag.Error{}, ""},
	}
	for _, c := range cases {
		if got := inSite(c.dir, &c.e).File; got != c.want {
			t.Errorf("inSite(%q, %q) = %q, want %q", c.dir, c.e.File, got, c.want)
		}
	}
}
