package config

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// hugoTOML is a two-language Hugo configuration with one content folder per language.
const hugoTOML = `baseURL = "https://example.org/docs/"
title = "Site"
defaultContentLanguage = "zh-cn"
summaryLength = 30
theme = "book"
enableGitInfo = true
[pagination]
pagerSize = 7
[taxonomies]
tag = "tags"
series = "series"
[permalinks]
posts = "/:year/:month/:slug/"
[[menus.main]]
name = "Docs"
url = "/docs/"
weight = 2
[params]
logo = "x.png"
[languages.en]
languageCode = "en-US"
languageName = "English"
contentDir = "content/en"
weight = 2
[languages.zh-CN]
languageCode = "zh_CN"
languageName = "中文"
title = "网站"
contentDir = "content/zh-cn/"
weight = 1
languageDirection = "ltr"
[languages.zh-CN.params]
x = 1
`

const hugoYAML = `baseURL: https://example.org/docs/
title: Site
defaultContentLanguage: zh-cn
summaryLength: 30
theme: book
enableGitInfo: true
pagination:
  pagerSize: 7
taxonomies:
  tag: tags
  series: series
permalinks:
  posts: /:year/:month/:slug/
menus:
  main:
    - name: Docs
      url: /docs/
      weight: 2
params:
  logo: x.png
languages:
  en:
    languageCode: en-US
    languageName: English
    contentDir: content/en
    weight: 2
  zh-CN:
    languageCode: zh_CN
    languageName: 中文
    title: 网站
    contentDir: content/zh-cn/
    weight: 1
    languageDirection: ltr
    params:
      x: 1
`

const hugoJSON = `{"baseURL": "https://example.org/docs/", "title": "Site", "defaultContentLanguage": "zh-cn",
"summaryLength": 30, "theme": "book", "enableGitInfo": true, "pagination": {"pagerSize": 7},
"taxonomies": {"tag": "tags", "series": "series"}, "permalinks": {"posts": "/:year/:month/:slug/"},
"menus": {"main": [{"name": "Docs", "url": "/docs/", "weight": 2}]}, "params": {"logo": "x.png"},
"languages": {"en": {"languageCode": "en-US", "languageName": "English", "contentDir": "content/en", "weight": 2},
"zh-CN": {"languageCode": "zh_CN", "languageName": "中文", "title": "网站", "contentDir": "content/zh-cn/", "weight": 1,
"languageDirection": "ltr", "params": {"x": 1}}}}`

// TestReadHugo: the same Hugo configuration in TOML, YAML and JSON gives the same
// site, with the keys briefs does not use in one warning.
func TestReadHugo(t *testing.T) {
	for name, src := range map[string]string{"hugo.toml": hugoTOML, "config.yaml": hugoYAML, "hugo.json": hugoJSON} {
		t.Run(name, func(t *testing.T) {
			s, err := Read(fstest.MapFS{name: {Data: []byte(src)}})
			if err != nil {
				t.Fatal(err)
			}
			zh, en := s.Languages["zh-cn"], s.Languages["en"]
			got := []any{s.File, s.Hugo, s.BaseURL, s.DefaultLanguage, s.InSubdir("zh-cn"), s.InSubdir("en"), s.PathToLower(),
				s.PageSize, strings.Join(s.TaxonomyOrder, ","), s.Permalinks["posts"], len(s.Menus["main"]), s.Params["logo"],
				strings.Join(s.Order, ","), zh.Locale, zh.Label, zh.Title, zh.ContentDir, zh.SummaryLength, en.Title, en.Locale, en.ContentDir}
			want := []any{name, true, "https://example.org/docs/", "zh-cn", false, true, true,
				7, "series,tags", "/:year/:month/:slug/", 1, "x.png",
				"zh-cn,en", "zh-CN", "中文", "网站", "content/zh-cn", 30, "Site", "en-US", "content/en"}
			for i := range want {
				if got[i] != want[i] {
					t.Errorf("field %d: got %v, want %v", i, got[i], want[i])
				}
			}
			if len(s.Warnings) != 1 || !strings.HasSuffix(s.Warnings[0].Error(), "enableGitInfo, languages.zh-CN.languageDirection") {
				t.Errorf("warnings: %v", s.Warnings)
			}
			if len(s.Themes) != 1 || s.Themes[0].Name != "book" || s.Themes[0].Line == 0 || s.ThemesDir != "themes" {
				t.Errorf("themes: %+v in %q", s.Themes, s.ThemesDir)
			}
		})
	}
}

// TestReadHugoErrors: a broken Hugo configuration is an error at its place.
func TestReadHugoErrors(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"hugo.toml", "title = [\n", "hugo.toml:1:"},
		{"hugo.yaml", "title: x\n  bad: : y\n", "hugo.yaml:2:"},
		{"hugo.json", "{\"title\": \"x\",\n \"baseURL\" 1}", "hugo.json:2:"},
		{"hugo.toml", "paginate = \"ten\"\n", "hugo.toml:1:1: paginate must be a whole number"},
		{"hugo.yaml", "title: x\nlanguages:\n  en:\n    contentDir: ../x\n", "hugo.yaml:4:5: languages.en.contentDir"},
		{"hugo.toml", "defaultContentLanguage = \"fr\"\n[languages.en]\n", "hugo.toml:1:1: defaultContentLanguage \"fr\" is not one of the languages (en)"},
		{"hugo.toml", "[outputs]\nhome = [\"html\"]\npages = [\"html\"]\n", "hugo.toml:3:1: outputs.pages: not a kind of page; use home, section, page, taxonomy or term"},
		{"hugo.yaml", "outputs:\n  home: 3\n", "hugo.yaml:2:3: outputs.home must be a list of format names"},
		{"hugo.toml", "[languages.zh]\n[languages.fr]\n", "hugo.toml: defaultContentLanguage \"en\" is not one of the languages (zh, fr)"}, // as Hugo says too
	}
	for _, c := range cases {
		_, err := Read(fstest.MapFS{c.name: {Data: []byte(c.src)}})
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s %q: got %v, want %s…", c.name, c.src, err, c.want)
		}
	}
}

// TestSiteTOMLRules: site.toml says what a Hugo configuration says, in its own keys,
// and keeps briefs' own defaults when it does not.
func TestSiteTOMLRules(t *testing.T) {
	s, err := Load("site.toml", []byte(`defaultLanguageInSubdir = false
disablePathToLower = false
[taxonomies]
tag = "tags"
series = "series"
[permalinks]
law = "/:year/:slug/"
[[menus.main]]
name = "Law"
url = "/law/"
[languages.zh]
contentDir = "content/zh"
[languages.zh.params]
x = 1
[languages.en]
`))
	if err != nil {
		t.Fatal(err)
	}
	if s.Hugo || s.InSubdir("zh") || !s.InSubdir("en") || !s.PathToLower() || strings.Join(s.TaxonomyOrder, ",") != "series,tags" ||
		s.Permalinks["law"] != "/:year/:slug/" || len(s.Menus["main"]) != 1 || s.Languages["zh"].ContentDir != "content/zh" ||
		s.Languages["en"].ContentDir != "content" || s.Languages["zh"].Params["x"] != int64(1) {
		t.Errorf("got %+v", s)
	}
	d, err := Load("site.toml", []byte("[languages.zh]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !d.InSubdir("zh") || d.PathToLower() || strings.Join(d.TaxonomyOrder, ",") != "tags" {
		t.Errorf("defaults: in subdir %v, lower %v, taxonomies %v", d.InSubdir("zh"), d.PathToLower(), d.TaxonomyOrder)
	}
	if _, err := Load("site.toml", []byte("[taxonomies]\ntag = \"Tags/x\"\n[languages.zh]\n")); err == nil ||
		!strings.HasPrefix(err.Error(), "site.toml:2:1: taxonomy tag = \"Tags/x\"") {
		t.Errorf("bad taxonomy: %v", err)
	}
}

// TestReadHugoEnvironments: the root file, then config/_default/, then the
// environment's folder, each merged over the one before as Hugo merges them (checked
// against `hugo config` and `hugo config -e development`, Hugo 0.111).
func TestReadHugoEnvironments(t *testing.T) {
	fsys := fstest.MapFS{
		"hugo.toml":                          {Data: []byte("title = \"Root\"\nbaseURL = \"https://root.example/\"\nenableGitInfo = true\n")},
		"config/_default/hugo.toml":          {Data: []byte("baseURL = \"https://default.example/\"\ntitle = \"Default\"\n[params]\na = \"def\"\nb = \"def\"\n")},
		"config/_default/menus.en.toml":      {Data: []byte("[[main]]\nname = \"About\"\nurl = \"/about/\"\n")},
		"config/production/hugo.toml":        {Data: []byte("baseurl = \"https://prod.example/\"\n")},
		"config/production/params.toml":      {Data: []byte("A = \"prod\"\n")},
		"config/development/hugo.yaml":       {Data: []byte("title: Dev\n")},
		"config/staging/languages.toml":      {Data: []byte("[en]\ntitle = \"Staging\"\n")},
		"config/development/notconfig.txt":   {Data: []byte("ignored")},
		"config/development/sub/params.toml": {Data: []byte("a = \"ignored\"")},
	}
	cases := []struct{ env, baseURL, title, a, b string }{
		{"", "https://prod.example/", "Default", "prod", "def"},
		{Production, "https://prod.example/", "Default", "prod", "def"},
		{Development, "https://default.example/", "Dev", "def", "def"},
		{"staging", "https://default.example/", "Staging", "def", "def"},
		{"none", "https://default.example/", "Default", "def", "def"},
	}
	for _, c := range cases {
		s, err := ReadEnv(fsys, c.env)
		if err != nil {
			t.Fatalf("%q: %v", c.env, err)
		}
		en := s.Languages["en"]
		got := []any{s.BaseURL, en.Title, s.Params["a"], s.Params["b"], len(en.Menus["main"]), s.File}
		want := []any{c.baseURL, c.title, c.a, c.b, 1, "hugo.toml"}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%q field %d: got %v, want %v", c.env, i, got[i], want[i])
			}
		}
	}
	// Without a root file, config/_default/hugo.toml names the configuration.
	delete(fsys, "hugo.toml")
	s, err := ReadEnv(fsys, Development)
	if err != nil || s.File != "config/_default/hugo.toml" || s.Languages["en"].Title != "Dev" {
		t.Errorf("without a root file: %v, %+v", err, s)
	}
	// An error in an environment's file is at its place.
	fsys["config/production/params.toml"] = &fstest.MapFile{Data: []byte("a = [\n")}
	if _, err := ReadEnv(fsys, ""); err == nil || !strings.HasPrefix(err.Error(), "config/production/params.toml:1:") {
		t.Errorf("error: %v", err)
	}
}

// TestReadHugoOutputs: [outputs] by kind, in lower case, the formats briefs does not
// make named in one warning at the table.
func TestReadHugoOutputs(t *testing.T) {
	src := "title = \"T\"\n[outputFormats.txt]\nmediaType = \"text/plain\"\n[outputs]\nhome = [\"HTML\", \"txt\", \"RSS\"]\npage = [\"html\", \"txt\", \"json\"]\ntaxonomyTerm = [\"html\"]\n"
	s, err := Read(fstest.MapFS{"hugo.toml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(s.KindOutputs("home"), ","); got != "html,txt,rss" {
		t.Errorf("home: %s", got)
	}
	if got := strings.Join(s.KindOutputs("taxonomy"), ","); got != "html" {
		t.Errorf("taxonomy: %s", got)
	}
	if s.KindOutputs("section") != nil {
		t.Errorf("section: %v", s.KindOutputs("section"))
	}
	var warned []string
	for _, w := range s.Warnings {
		warned = append(warned, w.Error())
	}
	want := "hugo.toml:4:2: warning: briefs makes html and rss outputs only; these need the theme's templates and are not made: json (page), txt (home, page)"
	if !slices.Contains(warned, want) {
		t.Errorf("warnings %q, want %q", warned, want)
	}
}

// TestReadHugoHighlight: the [markup.highlight] options that need no highlighter are
// read; the others are named in one warning.
func TestReadHugoHighlight(t *testing.T) {
	src := "baseURL = \"https://example.org/\"\n[markup.highlight]\nlineNos = true\nlineNoStart = 5\nhl_Lines = \"2 4-5\"\ncodeFences = false\nstyle = \"monokai\"\nnoClasses = false\nlineNumbersInTable = true\n"
	s, err := Read(fstest.MapFS{"hugo.toml": {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	h := s.Markup.Highlight
	if !h.LineNos || h.LineNoStart != 5 || h.HlLines != "2 4-5" || h.CodeFences == nil || *h.CodeFences {
		t.Errorf("highlight %+v", h)
	}
	want := "hugo.toml:2:9: warning: markup.highlight: briefs has no syntax highlighter; code is shown plain, with line numbers and highlighted lines if asked for, and these options are not used: noClasses, style"
	if len(s.Warnings) != 1 || s.Warnings[0].Error() != want {
		t.Errorf("warnings %v, want %s", s.Warnings, want)
	}
}
