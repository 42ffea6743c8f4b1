package markdown

import (
	"bytes"
	"image"
	"image/png"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefs/briefs/internal/images"
)

func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// imageRenderer renders with a library over a static/ folder holding a small and a
// large image, one of them next to a page.
func imageRenderer(t *testing.T) *Markdown {
	static := fstest.MapFS{
		"img/small.png":         {Data: pngOf(t, 300, 200)},
		"img/wide.png":          {Data: pngOf(t, 1000, 500)},
		"zh/law/zibo/chart.png": {Data: pngOf(t, 64, 48)},
		"img/broken.png":        {Data: []byte("not an image")},
	}
	lib := images.New(images.Options{Open: func(name string) ([]byte, error) { return fs.ReadFile(static, name) }})
	return New(Options{Lang: "zh", CJK: true, Images: lib})
}

func TestImages(t *testing.T) {
	const lazy = ` loading="lazy" decoding="async">`
	tests := []struct{ name, src, want string }{
		{"size from the file", "![地图](/img/small.png)",
			`<p><img src="/img/small.png" alt="地图" width="300" height="200"` + lazy + "</p>\n"},
		{"relative to the page", "![图](chart.png)",
			`<p><img src="chart.png" alt="图" width="64" height="48"` + lazy + "</p>\n"},
		{"title in text stays a title", "见 ![图](chart.png \"说明\") 。",
			`<p>见 <img src="chart.png" alt="图" title="说明" width="64" height="48"` + lazy + " 。</p>\n"},
		{"title alone becomes a caption", "![图](chart.png \"说明\")",
			`<figure><img src="chart.png" alt="图" width="64" height="48"` + lazy + "<figcaption>说明</figcaption></figure>\n"},
		{"large image gets a srcset", "![宽](/img/wide.png)",
			`<p><img src="/img/wide.png" alt="宽" width="1000" height="500" srcset="/img/wide.480w.png 480w, /img/wide.800w.png 800w, /img/wide.png 1000w" sizes="` + sizes + `"` + lazy + "</p>\n"},
		{"another site's image", "![x](https://example.org/a.png)",
			`<p><img src="https://example.org/a.png" alt="x"` + lazy + "</p>\n"},
		{"figure shortcode", `{{< figure src="/img/small.png" alt="地图" caption="淄博 & 周边" >}}`,
			`<figure><img src="/img/small.png" alt="地图" width="300" height="200"` + lazy + "<figcaption>淄博 &amp; 周边</figcaption></figure>\n"},
		{"figure with everything", `{{< figure src="/img/small.png" alt="a" title="T" caption="c" link="/zh/" class="wide" width="150" >}}`,
			`<figure class="wide"><a href="/zh/"><img src="/img/small.png" alt="a" width="150" height="100"` + lazy + `</a><figcaption><strong class="figure-title">T</strong> c</figcaption></figure>` + "\n"},
	}
	md := imageRenderer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, _ := md.RenderPage([]byte(tt.src), &Page{Path: "zh/law/zibo/"}, 0)
			if len(res.Problems) > 0 {
				t.Fatalf("problems: %v", res.Problems)
			}
			if res.HTML != tt.want {
				t.Errorf("got\n%s\nwant\n%s", res.HTML, tt.want)
			}
		})
	}
}

func TestImageProblems(t *testing.T) {
	tests := []struct {
		name, src, want string
		offset          int
	}{
		{"missing", "文字\n\n![图](/img/none.png)", "image /img/none.png leads nowhere: no file static/img/none.png", 10},
		{"missing relative", "![图](none.png)", "no file static/zh/law/zibo/none.png", 2},
		{"not an image", "![图](/img/broken.png)", "static/img/broken.png cannot read its size", 2},
		{"figure missing", `{{< figure src="/img/none.png" >}}`, "no file static/img/none.png", 0},
		{"figure without src", `{{< figure alt="x" >}}`, "figure has no src", 0},
		{"figure bad parameter", `{{< figure src="/img/small.png" size="2" >}}`, "unknown parameter size=", 0},
		{"figure bad width", `{{< figure src="/img/small.png" width="wide" >}}`, `width="wide" is not a number`, 0},
		{"figure inside text", `见 {{< figure src="/img/small.png" >}}`, "on a line of its own", 4},
		{"figure closed", "{{< /figure >}}", "figure has no closing tag", 0},
	}
	md := imageRenderer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, _ := md.RenderPage([]byte(tt.src), &Page{Path: "zh/law/zibo/"}, 0)
			if len(res.Problems) != 1 {
				t.Fatalf("got problems %v, want one", res.Problems)
			}
			if p := res.Problems[0]; !strings.Contains(p.Msg, tt.want) || p.Offset != tt.offset {
				t.Errorf("got %d: %s\nwant %d: …%s…", p.Offset, p.Msg, tt.offset, tt.want)
			}
		})
	}
}

// TestImagesInspected: briefs check still sees images and figures, without reading
// their files.
func TestImagesInspected(t *testing.T) {
	in := New(Options{Lang: "zh", CJK: true}).Inspect([]byte("![地图](/img/a.png)\n\n{{< figure src=\"b.png\" alt=\"\" >}}\n"))
	if len(in.Links) != 2 || in.Links[0].Dest != "/img/a.png" || in.Links[0].Alt != "地图" || !in.Links[1].IsImage || in.Links[1].Dest != "b.png" {
		t.Errorf("links = %+v", in.Links)
	}
}
