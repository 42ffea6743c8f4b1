package config

import (
	"cmp"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/briefs/briefs/internal/diag"
)

// Language describes one site language.
type Language struct {
	// Code is the key under [languages], also the URL prefix and file suffix: a BCP 47
	// tag in its canonical form, written in lowercase ("zh", "en", "zh-hant", "en-us").
	Code string `toml:"-"`
	// Title is the site's name in this language.
	Title string `toml:"title"`
	// Description is the site's one-line description in this language.
	Description string `toml:"description"`
	// Locale is the BCP 47 tag written into <html lang> and hreflang, such as "zh-CN",
	// in its canonical form whatever the case site.toml wrote it in.
	Locale string `toml:"locale"`
	// Label is the language's own name, shown in the language switch.
	Label string `toml:"label"`
	// Weight orders the languages in the switch; lower first.
	Weight int `toml:"weight"`
	// DateFormat is a Go time layout for dates ("2006年1月2日", "2 January 2006").
	DateFormat string `toml:"dateFormat"`
	// SummaryLength is how long generated summaries are: characters for Chinese,
	// Japanese and Korean, words for other languages.
	SummaryLength int `toml:"summaryLength"`
	// Publisher is the publishing organisation's name in this language.
	Publisher string `toml:"publisher"`
	// Strings overrides the theme's words for this language.
	Strings map[string]string `toml:"strings"`
	// ContentDir is the folder of this language's content files, relative to the site
	// ("content/zh"): a file there is in this language unless its name says another
	// (x.en.md). Unset, it is content/, shared with the other languages.
	ContentDir string `toml:"contentDir"`
	// Params is free data for a site's own layouts, in this language.
	Params map[string]any `toml:"params"`
	// Menus are this language's menus, as the site's [menus].
	Menus map[string][]MenuEntry `toml:"menus"`

	// Tag is Locale, parsed: the theme's words, plural rules and collation are chosen
	// by it, so zh-CN and zh-Hans pages get Chinese ones and en-US pages English ones.
	Tag language.Tag `toml:"-"`
	// Place is where [languages.<code>] stands in site.toml, so that a warning about
	// the language (a theme string it lacks) points at it.
	Place Place `toml:"-"`
	// stringPlaces locates each key of Strings in site.toml.
	stringPlaces map[string]Place
	// hugo is set for a language of a Hugo configuration, whose code need not be a
	// language tag when its languageCode is one.
	hugo bool
}

// Place is a position in site.toml.
type Place struct {
	File      string
	Line, Col int
}

// StringPlace is where site.toml sets the theme string key for this language, or the
// language's own table when it does not.
func (l *Language) StringPlace(key string) Place {
	if p, ok := l.stringPlaces[key]; ok {
		return p
	}
	return l.Place
}

// CJK reports whether the language is written without spaces between words, which
// changes how summaries are measured and how text is wrapped.
func (l *Language) CJK() bool {
	base, _, _ := strings.Cut(strings.ToLower(l.Code), "-")
	return base == "zh" || base == "ja" || base == "ko"
}

// check validates the language's code and locale, recording problems at their keys,
// and sets Locale to its canonical form and Tag to it, parsed.
func (l *Language) check(file string, at func(...string) (int, int), errs *diag.List) {
	line, col := at("languages", l.Code)
	l.Place = Place{file, line, col}
	l.stringPlaces = map[string]Place{}
	for key := range l.Strings {
		line, col := at("languages", l.Code, "strings", key)
		l.stringPlaces[key] = Place{file, line, col}
	}
	tag, err := parseCode(l.Code)
	if err != nil && l.hugo && l.Locale != "" {
		// Hugo takes any key as a language: its languageCode says which one it is.
		if t, lerr := parseTag(l.Locale); lerr == nil {
			tag, err = t, nil
		}
	}
	if err != nil {
		errs.Add(diag.At(file, line, col, "language %q: %v", l.Code, err))
		l.Tag, l.Locale = language.Und, cmp.Or(l.Locale, l.Code)
		return
	}
	def := cmp.Or(defaultLocales[l.Code], tag.String())
	loc, err := parseTag(cmp.Or(l.Locale, def))
	if err != nil {
		line, col := at("languages", l.Code, "locale")
		errs.Add(diag.At(file, line, col, "languages.%s.locale %q: %v%s", l.Code, l.Locale, err,
			cmp.Or(hint(l.Locale, false, "; did you mean %s?"), "; remove it to use the default, "+def)))
		loc = tag
	}
	l.Tag, l.Locale = loc, loc.String()
}

// parseCode accepts a language code: a BCP 47 tag that is already in its canonical
// form, in lowercase. The code is a URL prefix and a file suffix, so it has one
// spelling: "iw" (now "he") or "en-latn" (just "en") would be a second name for a
// language, and "zh_CN" or "ZH" a URL that differs from host to host.
func parseCode(code string) (language.Tag, error) {
	for _, r := range code {
		if !(r >= 'a' && r <= 'z' || r == '-' || r >= '0' && r <= '9') {
			return language.Und, fmt.Errorf("use lowercase letters, digits and '-' only%s",
				hint(code, true, "; did you mean %s?"))
		}
	}
	tag, err := parseTag(code)
	if err != nil {
		return language.Und, fmt.Errorf("%v%s", err, hint(code, true, "; did you mean %s?"))
	}
	if canon := strings.ToLower(tag.String()); canon != code {
		return tag, fmt.Errorf("write it in its canonical BCP 47 form, %s", canon)
	}
	return tag, nil
}

// errTag explains what a language tag is, for tags that are not one.
var errTag = errors.New("not a BCP 47 language tag, which is an ISO 639 language of 2 or 3 letters, " +
	"optionally with a script and a region: zh, en, fr, zh-hans, zh-cn, en-us")

// parseTag reads a BCP 47 tag of a language people read: well-formed, made of
// registered subtags (language, then optional script, region and variants), with no
// private-use subtags or extensions, which browsers and search engines do not match.
func parseTag(s string) (language.Tag, error) {
	if strings.ContainsRune(s, '_') { // x/text reads zh_CN, but BCP 47 and browsers do not
		return language.Und, errTag
	}
	tag, err := language.BCP47.Parse(s)
	var unknown language.ValueError
	switch {
	case errors.As(err, &unknown):
		return language.Und, fmt.Errorf("%q is not a registered BCP 47 subtag", unknown.Subtag())
	case err != nil:
		return language.Und, errTag
	case tag == language.Und:
		return language.Und, fmt.Errorf("und means an undetermined language; name the language")
	case len(tag.Extensions()) > 0:
		return language.Und, fmt.Errorf("remove the extension or private-use part; give a language, script and region only")
	}
	base, script, region := tag.Raw()
	if base.IsPrivateUse() || script.IsPrivateUse() || region.IsPrivateUse() && !region.IsCountry() {
		return language.Und, fmt.Errorf("private-use subtags name no language a browser knows; use a registered one")
	}
	return tag, nil
}

// hint suggests what a malformed tag probably meant, in format, or returns "". It
// takes the tag with '_' read as '-' or, failing that, its leading language subtag;
// for Chinese it offers the usual Simplified forms too. lower writes codes.
func hint(s string, lower bool, format string) string {
	var out []string
	add := func(t language.Tag) {
		c := t.String()
		if lower {
			c = strings.ToLower(c)
		}
		out = append(out, c)
	}
	if t, err := parseTag(strings.ReplaceAll(strings.ToLower(s), "_", "-")); err == nil {
		add(t)
	} else if b, err := language.ParseBase(leadingLetters(s)); err == nil {
		add(language.Make(b.String()))
		if b.String() == "zh" {
			add(language.MustParse("zh-Hans"))
			add(language.MustParse("zh-CN"))
		}
	}
	switch len(out) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf(format, out[0])
	}
	return fmt.Sprintf(format, strings.Join(out[:len(out)-1], ", ")+" or "+out[len(out)-1])
}

// leadingLetters returns the first subtag of s when it has the 2 or 3 letters of a
// language subtag ("zh" of "zh2"), or "".
func leadingLetters(s string) string {
	i := 0
	for i < len(s) && (s[i]|0x20 >= 'a' && s[i]|0x20 <= 'z') {
		i++
	}
	if i < 2 || i > 3 {
		return ""
	}
	return strings.ToLower(s[:i])
}

// checkLocales reports two languages with the same locale: hreflang alternates and
// the root page's language match could not tell them apart.
func (s *Site) checkLocales(file string, at func(...string) (int, int), errs *diag.List) {
	seen := map[string]string{}
	for _, code := range s.Order {
		l := s.Languages[code]
		if first, ok := seen[l.Locale]; ok {
			line, col := at("languages", code)
			errs.Add(diag.At(file, line, col, "language %q has the locale %s, as %q does; browsers and search engines could not tell them apart, so give one of them another locale",
				code, l.Locale, first))
			continue
		}
		seen[l.Locale] = code
	}
}

func (l *Language) fill() {
	if l.Label == "" {
		l.Label = defaultLabel(l)
	}
	if l.DateFormat == "" {
		l.DateFormat = "2 January 2006"
		if l.CJK() {
			l.DateFormat = "2006年1月2日"
		}
	}
	if l.SummaryLength <= 0 {
		l.SummaryLength = 50
		if l.CJK() {
			l.SummaryLength = 120
		}
	}
	if l.Title == "" {
		l.Title = "briefs"
	}
}

// defaultLabel names a language in itself: by its code, else by its script for
// Traditional Chinese (zh-tw, zh-hk), else by its base language (zh-cn, en-us).
func defaultLabel(l *Language) string {
	if s, ok := defaultLabels[l.Code]; ok {
		return s
	}
	if script, _ := l.Tag.Script(); script.String() == "Hant" {
		if b, _ := l.Tag.Base(); b.String() == "zh" {
			return "繁體中文"
		}
	}
	if b, c := l.Tag.Base(); c == language.Exact {
		if s, ok := defaultLabels[b.String()]; ok {
			return s
		}
	}
	return l.Code
}

var defaultLocales = map[string]string{"zh": "zh-CN"}

var defaultLabels = map[string]string{
	"zh": "中文", "en": "English", "fr": "Français", "ja": "日本語", "ko": "한국어",
	"es": "Español", "de": "Deutsch", "ru": "Русский", "ar": "العربية",
}
