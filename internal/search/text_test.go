package search

import "testing"

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
