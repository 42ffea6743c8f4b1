package render

import (
	"html/template"
	"reflect"
	"regexp"
	"testing"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/figures"
	"github.com/briefs/briefs/internal/site"
)

func TestTOC(t *testing.T) {
	for _, tt := range []struct {
		name, body string
		want       []Heading
	}{
		{"too few", `<h2 id="a">A</h2><p>x</p><h2 id="b">B</h2>`, nil},
		{"three", `<h2 id="a">A <em>one</em></h2><h3 id="s">S</h3><h2 id="%e4%b8%80">一</h2><h2 id="c">C &amp; D</h2>`,
			[]Heading{{"a", "A one"}, {"%e4%b8%80", "一"}, {"c", "C & D"}}},
	} {
		p := &site.Page{Kind: site.KindBrief, Content: template.HTML(tt.body)}
		if got := toc(p); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
	list := &site.Page{Kind: site.KindSection, Content: `<h2 id="a">A</h2><h2 id="b">B</h2><h2 id="c">C</h2>`}
	if got := toc(list); got != nil {
		t.Errorf("a section page has a table of contents: %v", got)
	}
}

func TestKeyFigures(t *testing.T) {
	units := figures.DefaultUnits()
	p := &site.Page{Kind: site.KindBrief, Lang: &config.Language{Code: "zh"}, Content: template.HTML(
		`<p>开头<data value="790000000">7.9亿元</data>。</p>` +
			`<h2 id="a">甲</h2><p><data value="6800">6800余名</data>和<data value="790000000">7.9亿元</data></p>` +
			`<h2 id="b">乙</h2><table><td><data value="6800">6800余名</data></td><td><data value="x">不是数字</data></td></table>`)}
	want := []FigureGroup{
		{Figures: []Figure{{Text: "7.9亿元", Other: "790 million yuan", Value: "790000000"}}},
		{Under: Heading{"a", "甲"}, Figures: []Figure{{Text: "6800余名", Other: "more than 6,800 people", Value: "6800"}}},
		{Under: Heading{"b", "乙"}, Figures: []Figure{{Text: "不是数字", Value: "x"}}},
	}
	if got := keyFigures(p, "en", units); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if got := keyFigures(p, "", units); got[0].Figures[0].Other != "" {
		t.Errorf("a one-language site has another notation: %+v", got[0])
	}
}

// TestStripTags compares stripTags with the regular expression it replaced.
func TestStripTags(t *testing.T) {
	re := regexp.MustCompile(`<[^>]*>`)
	for _, s := range []string{"", "plain", "A <em>one</em>", "<b>x</b>", "a < b", "a < b > c", "x <a href=\"y\">z", "<<>>", "<x", ">x<", "1 <br/> 2 <", "一<i>二</i>\xff"} {
		if got, want := stripTags(s), re.ReplaceAllString(s, ""); got != want {
			t.Errorf("stripTags(%q) = %q, want %q", s, got, want)
		}
	}
}
