package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// envSite is a Hugo site whose title differs by environment.
var envSite = map[string]string{
	"config/_default/hugo.toml":     "baseURL = \"https://example.org/\"\ntitle = \"Default\"\n",
	"config/production/hugo.toml":   "title = \"Prod\"\n",
	"config/development/hugo.toml":  "title = \"Dev\"\n",
	"config/staging/languages.toml": "[en]\ntitle = \"Staging\"\n",
	"content/a.md":                  "+++\ntitle = \"A\"\n+++\nBody.\n",
}

// TestBuildEnvironment: build merges config/production/ by default, the folder
// --environment names, else the one HUGO_ENVIRONMENT names, as hugo does.
func TestBuildEnvironment(t *testing.T) {
	cases := []struct {
		env   string // HUGO_ENVIRONMENT
		args  []string
		title string
	}{
		{"", nil, "Prod"},
		{"", []string{"--environment", "development"}, "Dev"},
		{"staging", nil, "Staging"},
		{"staging", []string{"--environment", "production"}, "Prod"},
	}
	for _, c := range cases {
		t.Setenv("HUGO_ENVIRONMENT", c.env)
		dir := writeSite(t, envSite)
		code, _, errOut := runCmd(append([]string{"build", "--quiet", "-s", dir}, c.args...)...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", c.args, code, errOut)
		}
		home, err := os.ReadFile(filepath.Join(dir, "public", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(home), "<title>"+c.title+"</title>") {
			t.Errorf("HUGO_ENVIRONMENT=%q %v: home has no title %q", c.env, c.args, c.title)
		}
	}
}

// TestServeEnvironment: serve's environment is development unless --environment or
// HUGO_ENVIRONMENT says otherwise; build's is production.
func TestServeEnvironment(t *testing.T) {
	env := func(serve bool, args ...string) string {
		fs := newFlags("serve", "", io.Discard, io.Discard)
		var sf siteFlags
		sf.register(fs)
		if serve {
			sf.serveDefaults(fs)
		}
		if err := fs.Parse(args); err != nil {
			t.Fatal(err)
		}
		return sf.options().Environment
	}
	t.Setenv("HUGO_ENVIRONMENT", "")
	if got := env(true); got != "development" {
		t.Errorf("serve: %q", got)
	}
	if got := env(false); got != "production" {
		t.Errorf("build: %q", got)
	}
	if got := env(true, "--environment", "staging"); got != "staging" {
		t.Errorf("serve --environment staging: %q", got)
	}
	t.Setenv("HUGO_ENVIRONMENT", "preview")
	if got := env(true); got != "preview" {
		t.Errorf("serve with HUGO_ENVIRONMENT: %q", got)
	}
}

// TestCheckEnvironment: check reads the configuration as build does for the same
// environment, so a mistake in config/staging/ is found by check --environment
// staging (at its file and line) and not by a check of production.
func TestCheckEnvironment(t *testing.T) {
	t.Setenv("HUGO_ENVIRONMENT", "")
	site := map[string]string{
		"config/_default/hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"Default\"\n",
		"config/staging/hugo.toml":  "title = \"Staging\"\nbaseURL = [\n",
		"content/a.md":              "+++\ntitle = \"A\"\n+++\nBody.\n",
	}
	dir := writeSite(t, site)
	if code, out, errOut := runCmd("check", "-s", dir); code != exitOK {
		t.Fatalf("check (production): exit %d: %s%s", code, out, errOut)
	}
	for _, args := range [][]string{{"--environment", "staging"}, nil} {
		if args == nil {
			t.Setenv("HUGO_ENVIRONMENT", "staging")
		}
		code, _, errOut := runCmd(append([]string{"check", "-s", dir}, args...)...)
		if code == exitOK || !strings.Contains(errOut, filepath.Join("config", "staging", "hugo.toml")+":2:") {
			t.Errorf("check %v (HUGO_ENVIRONMENT=%q): exit %d, want an error at config/staging/hugo.toml:2: %s", args, os.Getenv("HUGO_ENVIRONMENT"), code, errOut)
		}
	}
}
