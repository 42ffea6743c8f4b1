package config

import (
	"strings"
	"testing"
)

// TestUnknownKeyHints checks that site.toml guesses a misspelt key the way front matter
// does (diag.Suggest), at every level of its tables, and does not guess wildly.
func TestUnknownKeyHints(t *testing.T) {
	tests := []struct{ src, want string }{
		{"base_url = \"https://x.org/\"\n[languages.zh]\n", "site.toml:1:1: unknown key `base_url`; did you mean `baseURL`?"},
		{"pagesise = 5\n[languages.zh]\n", "unknown key `pagesise`; did you mean `pageSize`?"},
		{"time_zone = \"UTC\"\n[languages.zh]\n", "unknown key `time_zone`; did you mean `timeZone`?"},
		{"[languages.zh]\ntittle = \"x\"\n", "site.toml:2:1: unknown key `languages.zh.tittle`; did you mean `languages.zh.title`?"},
		{"[languages.zh]\nsummary-length = 80\n", "did you mean `languages.zh.summaryLength`?"},
		{"[markup]\nunsafee = true\n[languages.zh]\n", "unknown key `markup.unsafee`; did you mean `markup.unsafe`?"},
		{"math = 1\n[languages.zh]\n", "unknown key `math`; see the README for the keys site.toml takes"},
		{"title = \"x\"\n[languages.zh]\n", "unknown key `title`; see the README"},
	}
	for _, tt := range tests {
		_, err := Load("site.toml", []byte(tt.src))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q:\n got %v\nwant %s", tt.src, err, tt.want)
		}
	}
}

func TestKnownKeys(t *testing.T) {
	tests := []struct {
		path []string
		want string
	}{
		{[]string{"x"}, "baseURL"},
		{[]string{"languages", "zh", "x"}, "summaryLength"},
		{[]string{"markup", "x"}, "unsafe"},
		{[]string{"params", "x"}, ""},
		{[]string{"languages", "zh", "strings", "x"}, ""},
		{[]string{"nope", "x"}, ""},
	}
	for _, tt := range tests {
		got := strings.Join(knownKeys(tt.path), " ")
		if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("knownKeys(%v) = %q, want it to hold %q", tt.path, got, tt.want)
		}
	}
}
