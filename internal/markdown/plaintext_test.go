package markdown

import "testing"

// TestPlainTextAsThePageShows: a summary's text is what the page shows, entities and
// escapes decoded exactly once, a code span as written, and inline HTML as text
// where the page escapes it.
func TestPlainTextAsThePageShows(t *testing.T) {
	for _, tt := range []struct {
		src, want string
		unsafe    bool
	}{
		{src: "a &lt;b&gt; c", want: "a <b> c"},
		{src: "a `&lt;b&gt;` c", want: "a &lt;b&gt; c"},
		{src: "a `<img src=x onerror=alert(1)>` c", want: "a <img src=x onerror=alert(1)> c"},
		{src: "&amp;lt;script&amp;gt;", want: "&lt;script&gt;"},
		{src: "&#60;i&#62; &#x3C;b&#x3E;", want: "<i> <b>"},
		{src: "&copy; 2024, AT&T, &bogus;", want: "© 2024, AT&T, &bogus;"},
		{src: `\*not emphasis\* and \\`, want: `*not emphasis* and \`},
		{src: `a \<b> c`, want: "a <b> c"},
		{src: "x <b>y</b> z", want: "x <b>y</b> z"},
		{src: "x <b>y</b> z", want: "x y z", unsafe: true},
		{src: "x <!-- note --> y", want: "x  y"},
		{src: "x <script>alert(1)</script> y", want: "x <script>alert(1)</script> y"},
		{src: "{{7*7}} ]]>", want: "{{7*7}} ]]>"},
	} {
		md := New(Options{Lang: "en", Unsafe: tt.unsafe})
		if got := md.Lead([]byte(tt.src), 50); got != tt.want {
			t.Errorf("Lead(%q), unsafe %v = %q, want %q", tt.src, tt.unsafe, got, tt.want)
		}
	}
}
