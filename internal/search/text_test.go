package search

import (
	"strings"
	"testing"
)

func TestPlainText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<p>营<strong>商</strong>环境</p>", "营商环境"},
		{"<h2 id=x>One</h2><p>Two &amp; three</p>", "One\n\nTwo & three"},
		{`<p>cut <data value="790000000">7.9亿元</data></p>`, "cut 7.9亿元"},
		{"a<script>var x = '<p>';</script>b", "ab"},
		{"broken <a", "broken"},
	} {
		if got := PlainText(c.in); got != c.want {
			t.Errorf("PlainText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestTagName checks tagName against the rule it reads faster: the name up to
// the first space, tab, newline or slash after a leading one, lower-cased.
func TestTagName(t *testing.T) {
	for _, in := range []string{"p", "/p", "P", "/DIV", "a href=x", "br/", "h2\tid=x", "td\n", "Ünï x", "", "/", "data value=\"7\""} {
		want := strings.TrimPrefix(in, "/")
		if end := strings.IndexAny(want, " \t\n/"); end >= 0 {
			want = want[:end]
		}
		want = strings.ToLower(want)
		if got := tagName(in); got != want {
			t.Errorf("tagName(%q) = %q, want %q", in, got, want)
		}
	}
}
