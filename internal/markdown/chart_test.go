package markdown

import (
	"strings"
	"testing"
	"testing/fstest"
)

const chartBody = "开头一段。\n{{< chart unit=\"亿元\" >}}\n项目,金额\n止付冻结,7.9\n挽回损失,15.06\n{{< /chart >}}\n\n{{< chart type=\"line\" data=\"d.csv\" />}}\n"

func chartMarkdown() *Markdown {
	return New(Options{Lang: "zh", CJK: true, Files: fstest.MapFS{
		"content/law/d.csv": {Data: []byte("年份,指数\n2022,100\n2023,79.93\n")},
	}})
}

// TestChartRenders: a chart interrupts a paragraph, its data does not show as text,
// and each chart of a body gets its own ID.
func TestChartRenders(t *testing.T) {
	res, summary := chartMarkdown().RenderFile([]byte(chartBody), "content/law/a.zh.md", "zh/law/a/", 120)
	if len(res.Problems) > 0 || len(res.Elsewhere) > 0 {
		t.Fatalf("problems: %v %v", res.Problems, res.Elsewhere)
	}
	for _, want := range []string{"<p>开头一段。</p>\n<figure class=\"chart chart-bar\" id=\"chart-1\">", `id="chart-2"`, "7.9亿元", "15.06亿元", "79.93", "<table>"} {
		if !strings.Contains(res.HTML, want) {
			t.Errorf("HTML lacks %q:\n%s", want, res.HTML)
		}
	}
	if strings.Contains(res.HTML, "项目,金额") || strings.Contains(summary, "项目") || strings.Contains(summary, "7.9") {
		t.Errorf("the data shows as text: summary %q", summary)
	}
}

// TestChartInspected: briefs check sees a chart's values as figures, each at its cell,
// or at the shortcode for data read from a file.
func TestChartInspected(t *testing.T) {
	in := chartMarkdown().InspectFile([]byte(chartBody), "content/law/a.zh.md")
	var got []string
	for _, f := range in.Figures {
		got = append(got, f.Source+"@"+chartBody[f.Offset:f.Offset+3])
	}
	want := "7.9亿元@7.9 15.06亿元@15. 100@{{< 79.93@{{<"
	if strings.Join(got, " ") != want {
		t.Errorf("figures %v, want %s", got, want)
	}
	for _, s := range in.Texts {
		if strings.Contains(s.Text, "止付冻结") {
			t.Errorf("chart data read as prose: %q", s.Text)
		}
	}
}

func TestChartNotAlone(t *testing.T) {
	res := chartMarkdown().Render([]byte("文字 {{< chart >}}\n"))
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Msg, "on a line of its own") {
		t.Errorf("problems %v", res.Problems)
	}
}

// TestChartAmongShortcodes: a body that runs other shortcodes is written again before
// goldmark reads it; its charts stay as written for the chart parser, their problems
// are placed in the body as written, and a chart not alone on its line is an error.
func TestChartAmongShortcodes(t *testing.T) {
	md := chartMarkdown()
	body := "{{< details summary=\"源\" >}}\n见下。\n{{< /details >}}\n\n" + chartBody
	res, _ := md.RenderFile([]byte(body), "content/law/a.zh.md", "zh/law/a/", 0)
	if len(res.Problems) > 0 || len(res.Elsewhere) > 0 {
		t.Fatalf("problems: %v %v", res.Problems, res.Elsewhere)
	}
	for _, want := range []string{"<details>", `id="chart-1"`, `id="chart-2"`, "7.9亿元", "79.93"} {
		if !strings.Contains(res.HTML, want) {
			t.Errorf("HTML lacks %q:\n%s", want, res.HTML)
		}
	}
	if strings.Contains(res.HTML, "项目,金额") || strings.Contains(res.HTML, "{{") {
		t.Errorf("a chart shows as text:\n%s", res.HTML)
	}
	in := md.InspectFile([]byte(body), "content/law/a.zh.md")
	var got []string
	for _, f := range in.Figures {
		got = append(got, body[f.Offset:f.Offset+3])
	}
	if want := "7.9 15. {{< {{<"; strings.Join(got, " ") != want {
		t.Errorf("figures at %v, want %s", got, want)
	}

	bad := "{{< details >}}x{{< /details >}}\n\n文字 {{< chart >}}\n"
	res, _ = md.RenderFile([]byte(bad), "content/law/a.zh.md", "zh/law/a/", 0)
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Msg, "on a line of its own") || res.Problems[0].Offset != strings.Index(bad, "{{< chart") {
		t.Errorf("problems %v", res.Problems)
	}
}
