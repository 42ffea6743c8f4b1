package markdown

import (
	"strings"
	"testing"

	"github.com/briefs/briefs/internal/config"
)

func TestCodeOptions(t *testing.T) {
	tests := []struct {
		in      string
		lineNos bool
		start   int
		hl      []int
	}{
		{"", false, 1, nil},
		{"linenos=table,hl_lines=2 4-5,linenostart=10", true, 10, []int{2, 4, 5}},
		{`linenos=true hl_lines=[2,"4-5"]`, true, 1, []int{2, 4, 5}},
		{"linenos=false, hl_lines=3", false, 1, []int{3}},
		{`LineNos=inline HL_Lines="7"`, true, 1, []int{7}},
		{"hl_lines=5-2 x-y 9", false, 1, []int{9}}, // a backwards or broken range is left out
		{"style=monokai,anchorlinenos=true", false, 1, nil},
		{"hl_lines=18-999999999", false, 1, []int{18, 19}}, // cut to the block
	}
	for _, tt := range tests {
		o := codeOptions{start: 1}
		o.apply(tt.in)
		hl := o.highlighted(0, 19)
		var got []int
		for n := 0; n < 20; n++ {
			if hl[n] {
				got = append(got, n)
			}
		}
		if o.lineNos != tt.lineNos || o.start != tt.start || len(got) != len(tt.hl) {
			t.Errorf("%q: lineNos %v start %d hl %v; want %v %d %v", tt.in, o.lineNos, o.start, got, tt.lineNos, tt.start, tt.hl)
			continue
		}
		for i := range got {
			if got[i] != tt.hl[i] {
				t.Errorf("%q: hl %v, want %v", tt.in, got, tt.hl)
			}
		}
	}
}

// TestCodeBlocks: fenced blocks and the highlight shortcode with line numbers and
// highlighted lines, from their own options and the site's; a block without any is
// written as goldmark writes it.
func TestCodeBlocks(t *testing.T) {
	ln := func(n string) string {
		return `<span class="ln" aria-hidden="true" style="-webkit-user-select:none;user-select:none;opacity:.6;margin-right:.8em">` + n + `</span>`
	}
	off := false
	tests := []struct {
		site config.Highlight
		src  string
		want string
	}{
		{config.Highlight{}, "```go\na <b>\n```\n", "<pre><code class=\"language-go\">a &lt;b&gt;\n</code></pre>\n"},
		{config.Highlight{}, "```go {linenos=true,hl_lines=[2]}\na\nb\n```\n",
			"<pre><code class=\"language-go\">" + ln("1") + "a\n<mark>" + ln("2") + "b</mark>\n</code></pre>\n"},
		{config.Highlight{}, "```{hl_lines=1}\na\n```\n", "<pre><code><mark>a</mark>\n</code></pre>\n"},
		{config.Highlight{LineNos: true, LineNoStart: 9}, "```go\nx\ny\n```\n",
			"<pre><code class=\"language-go\">" + ln(" 9") + "x\n" + ln("10") + "y\n</code></pre>\n"},
		{config.Highlight{LineNos: true}, "```go {linenos=false}\nx\n```\n", "<pre><code class=\"language-go\">x\n</code></pre>\n"},
		{config.Highlight{LineNos: true, CodeFences: &off}, "```go {hl_lines=1}\nx\n```\n", "<pre><code class=\"language-go\">x\n</code></pre>\n"},
		{config.Highlight{LineNos: true, CodeFences: &off}, "{{< highlight go \"hl_lines=2\" >}}\nx\ny\n{{< /highlight >}}\n",
			"<pre><code class=\"language-go\">" + ln("1") + "x\n<mark>" + ln("2") + "y</mark>\n</code></pre>\n"},
		{config.Highlight{}, "{{< highlight go \"linenos=table,hl_lines=10,linenostart=9\" >}}\nx\ny\n{{< /highlight >}}\n",
			"<pre><code class=\"language-go\">" + ln(" 9") + "x\n<mark>" + ln("10") + "y</mark>\n</code></pre>\n"},
		{config.Highlight{}, "{{< highlight go \"style=monokai\" >}}\nx <y>\n{{< /highlight >}}\n", "<pre><code class=\"language-go\">x &lt;y&gt;\n</code></pre>\n"},
	}
	for _, tt := range tests {
		res := New(Options{Lang: "en", Highlight: tt.site}).Render([]byte(tt.src))
		if len(res.Problems) > 0 || !strings.Contains(res.HTML, tt.want) {
			t.Errorf("%+v %q:\ngot  %q\nwant %q (problems %v)", tt.site, tt.src, res.HTML, tt.want, res.Problems)
		}
	}
}
