// Package config reads site.toml, the one file that describes a briefs site.
//
// Every key is optional except the languages: a site.toml that only names its languages
// builds, because the theme's words ("Source", "Tags", "Next page"...) have built-in
// defaults for Chinese and English. Keys are checked strictly: a misspelt key is an error
// that names the line ("unknown key `tittle`"), never a setting silently ignored.
//
// Language codes and locales are BCP 47 tags with registered subtags (see parseCode
// and parseTag): a code, which is also a URL prefix and a file suffix, in its one
// canonical lowercase spelling; a locale in any case, written out canonically.
package config

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/figures"
)

// FileName is the name of the configuration file at the root of a site.
const FileName = "site.toml"

// Site is the decoded, checked and defaulted configuration.
type Site struct {
	// BaseURL is the absolute URL the site is published under, with a trailing slash.
	BaseURL string `toml:"baseURL"`
	// DefaultLanguage is the language of files without a language suffix, the language
	// the root page falls back to, and the x-default of translations.
	DefaultLanguage string `toml:"defaultLanguage"`
	// TimeZone names the IANA zone in which dates without an offset are read.
	TimeZone string `toml:"timeZone"`
	// PageSize is the number of briefs on one page of a section or tag list.
	PageSize int `toml:"pageSize"`
	// HomeSize is the number of latest briefs shown on each language's home page.
	HomeSize int `toml:"homeSize"`
	// RelatedSize is the number of related briefs shown under a brief.
	RelatedSize int `toml:"relatedSize"`
	// FeedSize is the number of items in each RSS feed.
	FeedSize int `toml:"feedSize"`
	// RelativeURLs makes every link in the output relative to its page, so that the
	// site works from any folder, even opened as files.
	RelativeURLs bool `toml:"relativeURLs"`
	// Publisher names the organisation that publishes the briefs, for search engines'
	// article metadata; per language in [languages.<code>] publisher, else the title.
	Publisher string `toml:"publisher"`
	// Search, when false, leaves out the search index, the search pages and the
	// header's search box; unset is on (see README, Search).
	Search *bool `toml:"search"`
	// Markup holds Markdown settings.
	Markup Markup `toml:"markup"`
	// Languages holds one entry per site language, keyed by its code ("zh", "en").
	Languages map[string]*Language `toml:"languages"`
	// Units defines the units figures may carry, beyond the built-in ones.
	Units map[string]map[string]any `toml:"units"`
	// Measures declares measure words that briefs check converts (measures.go).
	Measures map[string]Measure `toml:"measures"`
	// Params is free data for a site's own layouts.
	Params map[string]any `toml:"params"`
	// DefaultLanguageInSubdir puts the default language under its own prefix (/zh/)
	// with a root page that chooses a language; false publishes it at the root (/),
	// as Hugo does unless told otherwise. Unset, it is true for site.toml (briefs'
	// own rule since its first version) and false for a Hugo configuration.
	DefaultLanguageInSubdir *bool `toml:"defaultLanguageInSubdir"`
	// DisablePathToLower keeps the case of folder and file names in URLs. Unset, it is
	// true for site.toml (which never changed case) and false for a Hugo
	// configuration, whose URLs are lowercase.
	DisablePathToLower *bool `toml:"disablePathToLower"`
	// Taxonomies maps each taxonomy's singular name to its plural, which is its front
	// matter key and URL folder ({tag = "tags", category = "categories"}). Unset, a
	// site.toml site has tags only, and a Hugo site tags and categories, as Hugo does.
	Taxonomies map[string]string `toml:"taxonomies"`
	// Permalinks gives the URL pattern of the pages of a top-level section, by the
	// section's name: posts = "/:year/:month/:slug/" (see site.Permalink).
	Permalinks map[string]string `toml:"permalinks"`
	// Menus are named lists of links for a site's own layouts, as Hugo's [menus].
	Menus map[string][]MenuEntry `toml:"menus"`
	// Outputs are the output formats of each kind of page, as Hugo's [outputs]
	// (home = ["html"] makes no home feed); see KindOutputs.
	Outputs map[string][]string `toml:"outputs"`

	// Theme names the Hugo theme components whose shortcodes, partials, i18n, assets,
	// static and data files the site uses (a name, or a list of names, the first
	// winning), found in ThemesDir (themes.go).
	Theme any `toml:"theme"`
	// ThemesDir is the folder that holds the themes, relative to the site ("themes").
	ThemesDir string `toml:"themesDir"`
	// EnableInlineShortcodes lets a body define shortcodes: {{< x.inline >}}…{{< /x.inline >}}.
	EnableInlineShortcodes bool `toml:"enableInlineShortcodes"`
	// Themes is Theme (and a Hugo configuration's module imports) read, in order.
	Themes []ThemeRef `toml:"-"`

	// UnitSet is the built-in units plus those of Units, ready for package figures.
	UnitSet *figures.Units `toml:"-"`
	// Location is TimeZone, loaded.
	Location         *time.Location `toml:"-"`
	basePath, origin string

	// Order lists the language codes by weight, then in the order site.toml names them.
	Order []string `toml:"-"`
	// File is the configuration file the site was read from: site.toml, or a Hugo
	// file such as hugo.toml, config.yaml.
	File string `toml:"-"`
	// Hugo is set when File is a Hugo configuration, whose sites follow Hugo's rules
	// where briefs' own differ: a nested folder is a section only with an _index
	// file, and a file suffix that is not a site language is part of the name.
	Hugo bool `toml:"-"`
	// TaxonomyOrder lists the plurals of Taxonomies, sorted.
	TaxonomyOrder []string `toml:"-"`
	// Warnings are problems that do not stop a build, such as Hugo keys briefs does
	// not use; the build reports them with its own.
	Warnings []*diag.Error `toml:"-"`
}

// MenuEntry is one link of a menu.
type MenuEntry struct {
	Identifier string `toml:"identifier" json:"identifier"`
	Name       string `toml:"name" json:"name"`
	URL        string `toml:"url" json:"url"`
	PageRef    string `toml:"pageRef" json:"pageRef"`
	Parent     string `toml:"parent" json:"parent"`
	Pre        string `toml:"pre" json:"pre"`
	Post       string `toml:"post" json:"post"`
	Title      string `toml:"title" json:"title"`
	Weight     int    `toml:"weight" json:"weight"`
}

// InSubdir reports whether the language's pages are under its own prefix: every
// language but the default one, and the default one too unless it is at the root.
func (s *Site) InSubdir(code string) bool {
	return code != s.DefaultLanguage || s.DefaultLanguageInSubdir == nil || *s.DefaultLanguageInSubdir
}

// LangPrefix is the start of every URL path of a language: "zh/", or "" for the
// default language at the root.
func (s *Site) LangPrefix(code string) string {
	if s.InSubdir(code) {
		return code + "/"
	}
	return ""
}

// PathToLower reports whether URLs built from folder and file names are lowercased.
func (s *Site) PathToLower() bool { return s.DisablePathToLower != nil && !*s.DisablePathToLower }

// Markup holds Markdown settings.
type Markup struct {
	// Unsafe lets raw HTML in Markdown through. Off by default: briefs are written by
	// many hands, and escaped HTML cannot break a page or inject a script.
	Unsafe bool `toml:"unsafe"`
	// Highlight are the options of code blocks (Hugo's [markup.highlight]).
	Highlight Highlight `toml:"highlight"`
}

// Highlight are the options of Hugo's [markup.highlight] that apply without a syntax
// highlighter, which briefs does not have: code is shown plain, with line numbers and
// highlighted lines if asked for. A code block's own options override them.
type Highlight struct {
	// LineNos numbers the lines of every code block, from LineNoStart (1 when 0).
	LineNos     bool `toml:"lineNos"`
	LineNoStart int  `toml:"lineNoStart"`
	// HlLines are lines to highlight in every block ("2 4-5"), as numbered.
	HlLines string `toml:"hl_Lines"`
	// CodeFences false leaves fenced code blocks without line numbers or highlighted
	// lines (only the highlight shortcode has them), as in Hugo.
	CodeFences *bool `toml:"codeFences"`
}

// Language returns the language with the given code, or nil.
func (s *Site) Language(code string) *Language { return s.Languages[code] }

// Load decodes site.toml from src; file is the name used in error messages.
func Load(file string, src []byte) (*Site, error) {
	s := Site{File: file}
	md, err := toml.Decode(string(src), &s)
	if err != nil {
		return nil, diag.FromTOML(file, src, 1, err)
	}
	var errs diag.List
	for _, key := range md.Undecoded() {
		if len(key) >= 2 && (key[0] == "params" || key[0] == "units") {
			continue
		}
		line, col := diag.TOMLKeyPos(src, key)
		errs.Add(diag.At(file, line, col, "unknown key `%s`; %s", key.String(), unknownHint(key)))
	}
	s.fill(file, src, func(path ...string) (int, int) { return diag.TOMLKeyPos(src, path) }, &errs)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return &s, nil
}

// Files are the configuration files briefs looks for at the root of a site, in
// order: its own site.toml, then Hugo's, in the order Hugo reads them.
var Files = []string{FileName, "hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
	"config.toml", "config.yaml", "config.yml", "config.json"}

// Read reads the configuration at the root of the site folder fsys (the first of
// Files there) and loads it, for the production environment (ReadEnv). The build,
// the dev server and the commands that need only the settings all go through it, so
// that each reports a missing or broken file the same way.
func Read(fsys fs.FS) (*Site, error) { return ReadEnv(fsys, "") }

// ReadEnv is Read for a Hugo environment ("production" when env is ""): a Hugo
// site's configuration is its root file (hugo.toml …), then config/_default/, then
// config/<env>/, each merged over the one before, as Hugo merges them. A site.toml
// is read alone.
func ReadEnv(fsys fs.FS, env string) (*Site, error) {
	env = cmp.Or(env, Production)
	for _, name := range Files {
		src, err := fs.ReadFile(fsys, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, diag.At(name, 0, 0, "cannot read: %v", err)
		}
		if name == FileName {
			return Load(name, src)
		}
		return readHugo(fsys, env, name, src)
	}
	if s, err := readHugo(fsys, env, "", nil); s != nil || err != nil {
		return s, err
	}
	return nil, diag.At(FileName, 0, 0, "not found (nor a Hugo hugo.toml or config.toml): run briefs in a site folder, or name one with -s")
}

// fill sets defaults and checks values, recording problems at their keys, which at
// finds in the file.
func (s *Site) fill(file string, src []byte, at func(...string) (int, int), errs *diag.List) {
	if len(s.Languages) == 0 {
		s.Languages = map[string]*Language{}
		errs.Add(diag.At(file, 1, 1, "no languages: add at least one table such as [languages.zh]"))
	}
	for code, l := range s.Languages {
		l.Code = code
		l.check(file, at, errs)
		l.fill()
	}
	// Languages are ordered by weight, then as they stand in the file, so that a
	// site.toml that lists [languages.zh] first has Chinese as its first language.
	line := func(code string) int { l, _ := at("languages", code); return l }
	s.Order = slices.SortedFunc(maps.Keys(s.Languages), func(a, b string) int {
		return cmp.Or(cmp.Compare(s.Languages[a].Weight, s.Languages[b].Weight),
			cmp.Compare(line(a), line(b)), strings.Compare(a, b))
	})
	if s.DefaultLanguage == "" && len(s.Order) > 0 {
		s.DefaultLanguage = s.Order[0]
	}
	if _, ok := s.Languages[s.DefaultLanguage]; !ok && len(s.Order) > 0 {
		key := "defaultLanguage"
		if s.Hugo {
			key = "defaultContentLanguage"
		}
		line, col := at(key)
		errs.Add(diag.At(file, line, col, "%s %q is not one of the languages (%s)",
			key, s.DefaultLanguage, strings.Join(s.Order, ", ")))
	}
	s.fillThemes(file, at, errs)
	s.fillRules(file, at, errs)
	s.checkLocales(file, at, errs)
	s.fillNumbers(file, at, errs)
	s.fillURL(file, at, errs)
	s.fillZone(file, at, errs)
	s.fillUnits(file, src, errs)
	s.checkMeasures(file, at, errs)
	s.fillOutputs(file, at, errs)
}

func (s *Site) fillNumbers(file string, at func(...string) (int, int), errs *diag.List) {
	for _, n := range []struct {
		key string
		v   *int
		def int
	}{{"pageSize", &s.PageSize, 10}, {"homeSize", &s.HomeSize, 10}, {"relatedSize", &s.RelatedSize, 5}, {"feedSize", &s.FeedSize, 20}} {
		if *n.v == 0 {
			*n.v = n.def
		}
		if *n.v < 0 || *n.v > 10000 {
			line, col := at(n.key)
			errs.Add(diag.At(file, line, col, "%s = %d: give a number from 1 to 10000", n.key, *n.v))
		}
	}
}

func (s *Site) fillURL(file string, at func(...string) (int, int), errs *diag.List) {
	if s.BaseURL == "" {
		s.BaseURL = "http://localhost/"
	}
	if err := s.SetBaseURL(s.BaseURL); err != nil {
		line, col := at("baseURL")
		errs.Add(diag.At(file, line, col, "%v", err))
	}
}

// SetBaseURL checks and sets the base URL, as site.toml or --base-url gives it.
func (s *Site) SetBaseURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("baseURL %q: give an absolute http(s) URL such as \"https://example.org/briefs/\"", raw)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("baseURL %q: remove the query or fragment", raw)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	s.BaseURL = u.String()
	s.basePath = u.EscapedPath()
	s.origin = u.Scheme + "://" + u.Host
	return nil
}

// BasePath is the path part of the base URL ("/" or "/briefs/"): every link the site
// writes starts with it, so the site works in a subfolder.
func (s *Site) BasePath() string { return s.basePath }

// Origin is the scheme and host of the base URL ("https://example.org").
func (s *Site) Origin() string { return s.origin }

// URL turns a site path ("zh/law/") into a link from the base path ("/zh/law/", or
// "/briefs/zh/law/" for a site in a subfolder).
func (s *Site) URL(p string) string {
	if strings.Contains(p, "://") {
		return p
	}
	return s.basePath + escapePath(strings.TrimPrefix(p, "/"))
}

// escapePath percent-encodes what a URL path cannot hold as it is (Chinese tags, for
// one), segment by segment, so links, feeds and sitemaps carry valid URLs.
func escapePath(p string) string {
	for i := 0; i < len(p); i++ {
		if c := p[i]; c >= 0x80 || c == ' ' || c == '%' || c == '?' || c == '#' {
			segs := strings.Split(p, "/")
			for j, seg := range segs {
				segs[j] = url.PathEscape(seg)
			}
			return strings.Join(segs, "/")
		}
	}
	return p
}

// AbsURL turns a site path into a full URL, for canonical links, feeds and sitemaps.
func (s *Site) AbsURL(p string) string {
	if strings.Contains(p, "://") {
		return p
	}
	return s.origin + s.URL(p)
}

func (s *Site) fillZone(file string, at func(...string) (int, int), errs *diag.List) {
	if s.TimeZone == "" {
		s.TimeZone = "UTC"
	}
	loc, err := time.LoadLocation(s.TimeZone)
	if err != nil {
		line, col := at("timeZone")
		errs.Add(diag.At(file, line, col, "timeZone %q is not a known zone; use an IANA name such as \"Asia/Shanghai\"", s.TimeZone))
		loc = time.UTC
	}
	s.Location = loc
}

// SearchOn reports whether the build writes the search index, the search pages
// and the header's search box: unless site.toml says search = false.
func (s *Site) SearchOn() bool { return s.Search == nil || *s.Search }
