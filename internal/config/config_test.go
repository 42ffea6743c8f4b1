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
