package diag

import (
	"strings"
	"testing"
)

func TestSuggest(t *testing.T) {
	known := []string{"title", "date", "lastmod", "publishDate", "expiryDate", "tags", "summary",
		"description", "draft", "slug", "translationKey", "translationOf", "source", "editor",
		"weight", "aliases", "checkIgnore", "params"}
	tests := []struct{ key, want string }{
		// Typos.
		{"titel", "title"},
		{"tilte", "title"}, // a swap is one typo
		{"tittle", "title"},
		{"tag", "tags"},
		{"slugs", "slug"},
		{"parms", "params"},
		{"descripton", "description"},
		{"translationkeys", "translationKey"},
		{"aliasses", "aliases"},
		{"dat", "date"},
		// Case and Hugo's other spellings.
		{"Title", "title"},
		{"DATE", "date"},
		{"publishdate", "publishDate"},
		{"publish_date", "publishDate"},
		{"expiry-date", "expiryDate"},
		{"checkignore", "checkIgnore"},
		// Not typos: nothing is better than a wrong guess.
		{"math", ""},
		{"foo", ""},
		{"url", ""},
		{"author", ""},
		{"toc", ""},
		{"categories", ""},
		{"layout", ""},
		{"image", ""},
		{"x", ""},
		{"", ""},
		{"淄博", ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.key, known); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

func TestTypos(t *testing.T) {
	tests := []struct {
		a, b string
		d    int
	}{
		{"", "", 0}, {"a", "", 1}, {"", "abc", 3}, {"title", "title", 0}, {"tilte", "title", 1},
		{"math", "date", 2}, {"kitten", "sitting", 3}, {"ab", "ba", 1}, {"ca", "abc", 3}, {"淄博", "博淄", 1},
	}
	for _, tt := range tests {
		if got := typos(tt.a, tt.b); got != tt.d {
			t.Errorf("typos(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.d)
		}
	}
}

func TestTOMLValueOffset(t *testing.T) {
	src := []byte("title = \"x\"\n  tags=[\"a\"]\n淄 = 1\nk =\t\t2\n[params]\nx = 1\n")
	tests := []struct {
		path []string
		want string // the text from the offset on, up to the line's end
	}{
		{[]string{"title"}, `"x"`},
		{[]string{"tags"}, `["a"]`},
		{[]string{"淄"}, "1"},
		{[]string{"k"}, "2"},
		{[]string{"params"}, "params]"},
		{[]string{"params", "x"}, "1"},
	}
	for _, tt := range tests {
		off := TOMLValueOffset(src, tt.path)
		if off < 0 {
			t.Errorf("%v: not found", tt.path)
			continue
		}
		rest := string(src[off:])
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			rest = rest[:i]
		}
		if rest != tt.want {
			t.Errorf("%v: value %q, want %q", tt.path, rest, tt.want)
		}
	}
	if off := TOMLValueOffset(src, []string{"nope"}); off != -1 {
		t.Errorf("missing key: %d", off)
	}
}
