package config

import (
	"strings"
	"testing"
)

func TestMinimal(t *testing.T) {
	s, err := Load("site.toml", []byte("[languages.zh]\n[languages.en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s.DefaultLanguage != "zh" || strings.Join(s.Order, ",") != "zh,en" {
		t.Errorf("default %q order %v", s.DefaultLanguage, s.Order)
	}
	zh, en := s.Language("zh"), s.Language("en")
	if zh.Locale != "zh-CN" || zh.Label != "中文" || zh.DateFormat != "2006年1月2日" || zh.SummaryLength != 120 || !zh.CJK() {
		t.Errorf("zh defaults %+v", zh)
	}
	if en.Locale != "en" || en.Label != "English" || en.DateFormat != "2 January 2006" || en.CJK() {
		t.Errorf("en defaults %+v", en)
	}
	if s.PageSize != 10 || s.BaseURL != "http://localhost/" || s.Location.String() != "UTC" {
		t.Errorf("site defaults %+v", s)
	}
}

func TestThreeLanguagesByWeight(t *testing.T) {
	s, err := Load("site.toml", []byte(`defaultLanguage = "en"
baseURL = "https://example.org/briefs"
[languages.fr]
weight = 3
[languages.zh]
weight = 1
[languages.en]
weight = 2
`))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(s.Order, ","); got != "zh,en,fr" {
		t.Errorf("order %s", got)
	}
	if s.BaseURL != "https://example.org/briefs/" || s.BasePath() != "/briefs/" {
		t.Errorf("base %s %s", s.BaseURL, s.BasePath())
	}
}

func TestErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"tittle = 1\n[languages.zh]\n", "site.toml:1:1: unknown key `tittle`"},
		{"[languages.zh]\ntittle = \"x\"\n", "site.toml:2:1: unknown key `languages.zh.tittle`"},
		{"baseURL = \"example.org\"\n[languages.zh]\n", "site.toml:1:1: baseURL \"example.org\": give an absolute http(s) URL"},
		{"timeZone = \"Mars/Base\"\n[languages.zh]\n", "site.toml:1:1: timeZone \"Mars/Base\" is not a known zone"},
		{"defaultLanguage = \"fr\"\n[languages.zh]\n", "site.toml:1:1: defaultLanguage \"fr\" is not one of the languages (zh)"},
		{"pageSize = -1\n[languages.zh]\n", "site.toml:1:1: pageSize = -1"},
		{"title = \"x\"\n", "unknown key `title`"},
		{"", "no languages"},
		{"[languages.ZH]\n", "site.toml:1:12: language \"ZH\": use lowercase"},
		{"[languages.zh\n", "site.toml:1:"},
		{"pageSize = \"ten\"\n[languages.zh]\n", "site.toml:1:1: TOML: incompatible types"},
		{"[languages.zh]\n[units.case]\nzh = 3\n", "site.toml:3:1: units.case.zh: give a word"},
	}
	for _, tt := range tests {
		_, err := Load("site.toml", []byte(tt.src))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: got %v, want %q", tt.src, err, tt.want)
		}
	}
}

func TestUnits(t *testing.T) {
	s, err := Load("site.toml", []byte("[languages.zh]\n[languages.en]\n[units.school]\nzh = \"所\"\nen = [\"school\", \"schools\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !s.UnitSet.Has("school") || !s.UnitSet.Has("yuan") {
		t.Error("units missing")
	}
}

// TestLanguageCodes checks the rule for language codes and locales: BCP 47, registered
// subtags, the code in its canonical lowercase form, and the locale written canonically.
func TestLanguageCodes(t *testing.T) {
	tests := []struct{ code, locale, wantLocale, wantLabel string }{
		{"zh", "", "zh-CN", "中文"},
		{"en", "", "en", "English"},
		{"zh-cn", "", "zh-CN", "中文"},
		{"zh-hans", "", "zh-Hans", "中文"},
		{"zh-hant", "", "zh-Hant", "繁體中文"},
		{"zh-tw", "", "zh-TW", "繁體中文"},
		{"en-us", "", "en-US", "English"},
		{"fr", "fr-ca", "fr-CA", "Français"},
		{"zh", "zh-hans-cn", "zh-Hans-CN", "中文"},
		{"es-419", "", "es-419", "Español"},
		{"tlh", "", "tlh", "tlh"},
		{"he", "iw", "he", "he"},
	}
	for _, tt := range tests {
		src := "[languages." + tt.code + "]\n"
		if tt.locale != "" {
			src += "locale = \"" + tt.locale + "\"\n"
		}
		s, err := Load("site.toml", []byte(src))
		if err != nil {
			t.Errorf("%s: %v", tt.code, err)
			continue
		}
		l := s.Language(tt.code)
		if l.Locale != tt.wantLocale || l.Tag.String() != tt.wantLocale || l.Label != tt.wantLabel {
			t.Errorf("%s %q: locale %q tag %v label %q; want %q, %q", tt.code, tt.locale, l.Locale, l.Tag, l.Label, tt.wantLocale, tt.wantLabel)
		}
	}
}

// TestLanguageCodeErrors checks that a code or locale that is not a canonical BCP 47
// tag is an error at its key in site.toml, with a hint.
func TestLanguageCodeErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"[languages.klingon]\n", `site.toml:1:12: language "klingon": not a BCP 47 language tag, which is an ISO 639 language of 2 or 3 letters, optionally with a script and a region: zh, en, fr, zh-hans, zh-cn, en-us`},
		{"[languages.zh2]\n", `site.toml:1:12: language "zh2": not a BCP 47 language tag, which is an ISO 639 language of 2 or 3 letters, optionally with a script and a region: zh, en, fr, zh-hans, zh-cn, en-us; did you mean zh, zh-hans or zh-cn?`},
		{"[languages.en]\n[languages.xx]\n", `site.toml:2:12: language "xx": "xx" is not a registered BCP 47 subtag`},
		{"[languages.zh-chs]\n", `site.toml:1:12: language "zh-chs": "chs" is not a registered BCP 47 subtag; did you mean zh, zh-hans or zh-cn?`},
		{"[languages.ZH]\n", `site.toml:1:12: language "ZH": use lowercase letters, digits and '-' only; did you mean zh?`},
		{"[languages.zh_CN]\n", `site.toml:1:12: language "zh_CN": use lowercase letters, digits and '-' only; did you mean zh-cn?`},
		{"[languages.iw]\n", `site.toml:1:12: language "iw": write it in its canonical BCP 47 form, he`},
		{"[languages.en-latn]\n", `site.toml:1:12: language "en-latn": write it in its canonical BCP 47 form, en`},
		{"[languages.und]\n", `site.toml:1:12: language "und": und means an undetermined language`},
		{"[languages.qaa]\n", `site.toml:1:12: language "qaa": private-use subtags`},
		{"[languages.en-x-a]\n", `site.toml:1:12: language "en-x-a": remove the extension or private-use part`},
		{"[languages.zh]\ntitle = \"x\"\nlocale = \"!!\"\n", `site.toml:3:1: languages.zh.locale "!!": not a BCP 47 language tag, which is an ISO 639 language of 2 or 3 letters, optionally with a script and a region: zh, en, fr, zh-hans, zh-cn, en-us; remove it to use the default, zh-CN`},
		{"[languages.zh]\nlocale = \"zh_CN\"\n", `site.toml:2:1: languages.zh.locale "zh_CN": not a BCP 47 language tag, which is an ISO 639 language of 2 or 3 letters, optionally with a script and a region: zh, en, fr, zh-hans, zh-cn, en-us; did you mean zh-CN?`},
		{"[languages.en]\nlocale = \"en-XX\"\n", `site.toml:2:1: languages.en.locale "en-XX": private-use subtags`},
		{"[languages.zh]\n[languages.zh-cn]\n", `site.toml:2:12: language "zh-cn" has the locale zh-CN, as "zh" does`},
	}
	for _, tt := range tests {
		_, err := Load("site.toml", []byte(tt.src))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) || strings.Count(err.Error(), "\n") > 0 {
			t.Errorf("%q:\ngot  %v\nwant %s", tt.src, err, tt.want)
		}
	}
}
