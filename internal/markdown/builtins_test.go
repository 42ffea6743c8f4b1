package markdown

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// testShortcodes stand in for a site's templates: box wraps its content (HTML, or
// Markdown when called with {{% %}}), and echo shows its name, params and parent.
var testShortcodes = map[string]Shortcode{
	"box": builtin{inner: true, render: func(c *Call) (Output, error) {
		if c.Markdown {
			return Output{Markdown: "> " + strings.TrimSpace(c.Inner) + "\n"}, nil
		}
		return Output{HTML: `<div class="box">` + c.RenderMarkdown(c.Inner, true) + "</div>\n"}, nil
	}},
	"echo": builtin{render: func(c *Call) (Output, error) {
		s := c.Name
		for _, p := range c.Params {
			s += " " + p.Name + "=" + c.String(p.Name)
			if p.Name == "" {
				s += c.String(0)
			}
		}
		if c.Parent != nil {
			s += " in " + c.Parent.Name
		}
		return Output{HTML: "[" + s + "]"}, nil
	}},
}

// TestShortcodeCases renders every NAME.md of testdata/shortcodes.txtar for an English
// page with params, and compares it with NAME.html (go test -update rewrites them).
func TestShortcodeCases(t *testing.T) {
	const file = "testdata/shortcodes.txtar"
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	md := New(Options{Lang: "en", Shortcodes: testShortcodes})
	page := &Page{Path: "/", Lang: "en", Ref: testRef,
		Params:     map[string]any{"author": "Li Wei", "contact": map[string]any{"Email": "a@b.c"}},
		SiteParams: map[string]any{"org": "Zibo <Bureau>"}}
	inputs := map[string][]byte{}
	for _, f := range ar.Files {
		if name, ok := strings.CutSuffix(f.Name, ".md"); ok {
			inputs[name] = f.Data
		}
	}
	for i, f := range ar.Files {
		name, ok := strings.CutSuffix(f.Name, ".html")
		if !ok {
			continue
		}
		res, _ := md.RenderPage(inputs[name], page, 0)
		if len(res.Problems) > 0 {
			t.Errorf("%s: problems %v", f.Name, res.Problems)
		}
		if *update {
			ar.Files[i].Data = []byte(res.HTML)
			continue
		}
		if res.HTML != string(f.Data) {
			t.Errorf("%s:\n got %s\nwant %s", f.Name, res.HTML, f.Data)
		}
	}
	if *update {
		os.WriteFile(file, txtar.Format(ar), 0o644)
	}
}

// TestShortcodeProblems checks the problems of calls, at the calls' offsets.
func TestShortcodeProblems(t *testing.T) {
	tests := []struct {
		src    string
		offset int
		msg    string
	}{
		{"see [x]({{< ref \"nowhere\" >}})", 8, `ref "nowhere": no page nowhere`},
		{"a\n\n{{< relref >}}", 3, "relref needs the page"},
		{"{{< param \"missing\" >}}", 0, `param "missing": neither`},
		{"x {{< details >}}\n\ntext", 2, "details has no closing tag"},
		{"{{< box >}}{{< echo >}}{{< /echo >}}{{< /box >}}", 23, "echo has no closing tag"},
		{"{{< box >}}a{{< /echo >}}{{< /box >}}", 12, "echo has no closing tag; remove {{< /echo >}}"},
		{"{{< box >}}a{{< /zz >}}{{< /box >}}", 12, "closing tag {{< /zz >}} has no opening"},
		{"x {{< youtube >}}", 2, "youtube needs id"},
		{"{{< comment \"x\" >}}a{{< /comment >}}", 0, "comment takes no parameters"},
		{"{{< figure src=\"a.png\" bad=1 >}}", 0, "figure: unknown parameter bad="},
		{"{{< highlight lang=go >}}x{{< /highlight >}}", 0, "highlight takes a language"},
		{"line\n{{< nope\n  a=1 >}}", 5, `unknown shortcode "nope"`},
		{"{{< box >}}\n{{< num \"abc\" >}}\n{{< /box >}}", 0, "not a figure"},
	}
	md := New(Options{Lang: "en", Shortcodes: testShortcodes})
	for _, tt := range tests {
		res, _ := md.RenderPage([]byte(tt.src), &Page{Path: "/", Lang: "en", Ref: testRef}, 0)
		if len(res.Problems) != 1 || res.Problems[0].Offset != tt.offset || !strings.Contains(res.Problems[0].Msg, tt.msg) {
			t.Errorf("%q: problems %+v, want one at %d with %q", tt.src, res.Problems, tt.offset, tt.msg)
		}
	}
}

// TestShortcodeOffsets checks that problems after expanded calls keep their places.
func TestShortcodeOffsets(t *testing.T) {
	src := "{{< details summary=\"s\" >}}\nlong\ncontent\n{{< /details >}}\n\nthen {{< num \"abc\" >}}"
	res, _ := New(Options{Lang: "en"}).RenderPage([]byte(src), &Page{Path: "/"}, 0)
	want := strings.Index(src, `{{< num "abc"`)
	if len(res.Problems) != 1 || res.Problems[0].Offset != want {
		t.Errorf("problems %+v, want one at %d", res.Problems, want)
	}
	in := New(Options{Lang: "en"}).InspectPage([]byte("[a]({{< relref \"about\" >}}) and {{< num \"1.5亿元\" >}} text"), &Page{Lang: "en", Ref: testRef})
	if len(in.Links) != 1 || in.Links[0].Dest != "/en/about/" {
		t.Errorf("links %+v, want /en/about/", in.Links)
	}
	if len(in.Figures) != 1 || in.Figures[0].Offset != 32 {
		t.Errorf("figures %+v, want one at 32", in.Figures)
	}
	for _, s := range in.Texts {
		if strings.Contains(s.Text, placeholderWord) {
			t.Errorf("prose %q holds a placeholder", s.Text)
		}
	}
}

// TestShortcodeOutputBounded calls, nested 40 deep, a shortcode that shows its content
// twice: the HTML would double 40 times; it stops at MaxShortcodeOutput, with a problem.
func TestShortcodeOutputBounded(t *testing.T) {
	twice := map[string]Shortcode{"twice": builtin{inner: true, render: func(c *Call) (Output, error) {
		return Output{HTML: c.Inner + c.Inner}, nil
	}}}
	src := strings.Repeat("{{< twice >}}", 40) + "x" + strings.Repeat("{{< /twice >}}", 40)
	res, _ := New(Options{Lang: "en", Shortcodes: twice}).RenderPage([]byte(src), nil, 0)
	if len(res.HTML) > 2*MaxShortcodeOutput || len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Msg, "MiB of HTML") {
		t.Errorf("%d bytes, problems %v", len(res.HTML), res.Problems)
	}
}

// TestShortcodeSummary checks that a summary shows no shortcode: {{< >}} calls show
// nothing in it, {{% %}} calls their content, and num its figure; and that the summary
// of a whole body is that of its opening, as a one-shot build cuts it.
func TestShortcodeSummary(t *testing.T) {
	md := New(Options{Lang: "en", Shortcodes: testShortcodes})
	src := []byte("Hello {{< echo >}} {{% box %}}*boxed*{{% /box %}} and {{< relref \"about\" >}} {{< num \"7.9亿元\" >}}.\n\n{{< details >}}\nhidden\n{{< /details >}}\n")
	res, summary := md.RenderPage(src, &Page{Path: "/", Lang: "en", Ref: testRef}, 30)
	if len(res.Problems) > 0 {
		t.Fatal(res.Problems)
	}
	if want := "Hello boxed and 790 million yuan."; summary != want {
		t.Errorf("summary %q, want %q", summary, want)
	}
	if got := md.Summary(src, 30); got != summary {
		t.Errorf("Summary %q, RenderPage's %q", got, summary)
	}
}
