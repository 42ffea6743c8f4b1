package markdown

import (
	"strings"
	"testing"
)

// echoInline defines an inline shortcode that writes its template's text, upper-cased,
// so that a test sees which text a definition took.
func echoInline(name, src string) (Shortcode, error) {
	if strings.Contains(src, "BAD") {
		return nil, errString("bad template")
	}
	return builtin{render: func(c *Call) (Output, error) { return Output{HTML: "<i>" + strings.ToUpper(src) + "</i>"}, nil }}, nil
}

type errString string

func (e errString) Error() string { return string(e) }

// TestInlineShortcodes: a definition runs where it stands and a later self-closing
// call runs it again; a call before any definition is an error; off, calls are left
// out with warnings that the build groups into one.
func TestInlineShortcodes(t *testing.T) {
	on := New(Options{Lang: "en", InlineShortcodes: echoInline})
	off := New(Options{Lang: "en"})
	cases := []struct {
		md       *Markdown
		src      string
		html     string
		problems []string
	}{
		{on, "a {{< x.inline >}}one{{< /x.inline >}} b {{< x.inline />}}", "<p>a <i>ONE</i> b <i>ONE</i></p>\n", nil},
		{on, "{{< x.inline />}}", "", []string{"inline shortcode x.inline is not defined before this call"}},
		{on, "{{< x.inline >}}BAD{{< /x.inline >}}", "", []string{"inline shortcode x.inline: bad template"}},
		{on, "{{< y.inline >}}{{ .Inner }}{{< /y.inline >}}", "<i>{{ .INNER }}</i>", nil},
		{off, "a {{< x.inline >}}one{{< /x.inline >}} b", "<p>a  b</p>\n", []string{"warning: inline shortcodes are off"}},
	}
	for _, c := range cases {
		res, _ := c.md.RenderPage([]byte(c.src), &Page{Path: "/"}, 0)
		if c.html != "" && res.HTML != c.html {
			t.Errorf("%q:\n got %q\nwant %q", c.src, res.HTML, c.html)
		}
		var probs []string
		for _, p := range res.Problems {
			msg := p.Msg
			if p.Warning {
				msg = "warning: " + msg
			}
			probs = append(probs, msg)
		}
		if len(probs) != len(c.problems) {
			t.Errorf("%q: problems %q, want %q", c.src, probs, c.problems)
			continue
		}
		for i := range probs {
			if !strings.HasPrefix(probs[i], c.problems[i]) {
				t.Errorf("%q: problem %q, want %q…", c.src, probs[i], c.problems[i])
			}
		}
	}
}

// FuzzInline reads arbitrary bodies with inline shortcodes on: no panic, and problems
// inside the source.
func FuzzInline(f *testing.F) {
	for _, s := range []string{"{{< x.inline >}}a{{< /x.inline >}}{{< x.inline />}}", "{{< x.inline >}}{{< /x.inline", "{{% y.inline %}}{{ . }}{{% /y.inline %}}"} {
		f.Add(s)
	}
	md := New(Options{Lang: "en", InlineShortcodes: echoInline})
	f.Fuzz(func(t *testing.T, src string) {
		res, _ := md.RenderPage([]byte(src), &Page{Path: "/"}, 0)
		for _, p := range res.Problems {
			if p.Offset < 0 || p.Offset > len(src) {
				t.Fatalf("problem offset %d outside %d bytes", p.Offset, len(src))
			}
		}
	})
}
