package render

import (
	"fmt"
	"html/template"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/figures"
	"github.com/briefs/briefs/internal/site"
)

// langFuncs are the template functions of one language. Layouts call them without
// naming the language: {{T "source"}} is "来源" on a Chinese page, "Source" on an English one.
type langFuncs struct {
	cfg     *config.Site
	lang    *config.Language
	tag     language.Tag
	words   *words
	missing *sync.Map // warnKey -> *diag.Error, the warnings about theme strings
	frags   *fragments
	// nest and depth are the layout's templates and how deep in partial calls these
	// functions run, for partial and partialCached.
	nest  *nesting
	depth int
}

func (f *langFuncs) funcMap() template.FuncMap {
	return template.FuncMap{
		"T":             f.translate,
		"Tn":            f.translateCount,
		"date":          f.date,
		"isoDate":       isoDate,
		"num":           f.num,
		"url":           f.url,
		"absURL":        f.absURL,
		"pager":         site.PagerPath,
		"langOf":        func(code string) *config.Language { return f.cfg.Languages[code] },
		"langName":      f.langName,
		"schema":        f.schema,
		"feedOf":        feedOf,
		"relURLs":       func() bool { return f.cfg.RelativeURLs },
		"replace":       strings.ReplaceAll,
		"partial":       f.partial,
		"partialCached": f.partialCached,
	}
}

// placeholderFuncs lets templates parse before the language is known.
func placeholderFuncs() template.FuncMap {
	return (&langFuncs{}).funcMap()
}

// translate returns the theme string key in the page's language, its placeholders
// filled with args (see format). A word the language lacks comes from the next table
// of its words, with a warning; a key no table has is an error at the layout's call.
func (f *langFuncs) translate(key string, args ...any) (string, error) {
	s, src := f.words.lookup(key)
	if src == nil {
		return "", fmt.Errorf("no theme string %q in any language; add %s = \"…\" under [languages.%s.strings] in site.toml",
			key, key, f.lang.Code)
	}
	if !src.own {
		f.warnOnce(warnKey{lang: f.lang.Code, key: key}, func() *diag.Error { return fallbackWarning(f.lang, key, s, src) })
	}
	out, ok := format(s, args)
	if !ok {
		f.warnOnce(warnKey{lang: f.lang.Code, key: key, arity: true}, func() *diag.Error { return arityWarning(f.lang, key, s, src, len(args)) })
	}
	return out, nil
}

// warnOnce records the warning k the first time a page of the site meets it.
func (f *langFuncs) warnOnce(k warnKey, warning func() *diag.Error) {
	if _, ok := f.missing.Load(k); !ok {
		f.missing.LoadOrStore(k, warning())
	}
}

// translateCount picks the plural form of key for n ("1 brief", "2 briefs") by the
// language's CLDR rules, and formats n as a figure.
func (f *langFuncs) translateCount(key string, n int) (string, error) {
	form := "Other"
	if plural.Cardinal.MatchPlural(f.tag, n, 0, 0, 0, 0) == plural.One {
		form = "One"
	}
	s, err := f.num(n)
	if err != nil {
		s = fmt.Sprint(n)
	}
	return f.translate(key+form, s)
}

// date formats a time in the page's language and the site's time zone.
func (f *langFuncs) date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(f.cfg.Location).Format(f.lang.DateFormat)
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

// num formats a count or a figure for the page's language: 12345 is "12,345" in
// English and "12345" in Chinese; "7.9亿元" is "790 million yuan" in English.
func (f *langFuncs) num(v any) (string, error) {
	var s string
	switch n := v.(type) {
	case int:
		s = fmt.Sprint(n)
	case int64:
		s = fmt.Sprint(n)
	case string:
		s = n
	default:
		return "", fmt.Errorf("num: cannot format %T; pass a number or a figure such as \"7.9亿元\"", v)
	}
	fig, err := figures.Parse(s, "", f.cfg.UnitSet)
	if err != nil {
		return "", fmt.Errorf("num: %v", err)
	}
	return figures.Format(fig, f.lang.Code, f.cfg.UnitSet)
}

// langName names language l in the page's language, as running text needs it
// ("本文暂无英文版本", not "本文暂无English版本"): the theme string language-<code>
// (by l's base language, so "language-en" for en-GB) when the page's own words have
// it, else l's label.
func (f *langFuncs) langName(l *config.Language) string {
	base, _ := l.Tag.Base()
	if s, src := f.words.lookup("language-" + base.String()); src != nil && src.own {
		return s
	}
	return l.Label
}

// url turns a site path ("zh/law/") into a link from the site's base path, so a site
// published in a subfolder links correctly.
func (f *langFuncs) url(p string) string { return f.cfg.URL(p) }

// absURL turns a site path into a full URL, for canonical links and feeds.
func (f *langFuncs) absURL(p string) string { return f.cfg.AbsURL(p) }

// String returns the theme string key in language code, with the same fallbacks as
// T; the build uses it to title pages that have no _index file. It returns key
// itself only for a key that no table has, which the theme's own keys never are.
func String(cfg *config.Site, code, key string) string {
	if s, src := newWords(cfg, cfg.Languages[code]).lookup(key); src != nil {
		return s
	}
	return key
}

// TaxonomyTitle titles the list page of a taxonomy that has no _index file: the theme
// string of its plural ("tags", "categories") when there is one, else the plural with
// a capital, as Hugo titles it ("Series").
func TaxonomyTitle(cfg *config.Site, code, plural string) string {
	if s, src := newWords(cfg, cfg.Languages[code]).lookup(plural); src != nil {
		return s
	}
	r, n := utf8.DecodeRuneInString(plural)
	return string(unicode.ToUpper(r)) + plural[n:]
}
