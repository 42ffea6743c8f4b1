package markdown

import (
	"flag"
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite testdata/cases.txtar outputs")

func renderers() map[string]*Markdown {
	return map[string]*Markdown{
		"zh": New(Options{Lang: "zh", CJK: true}),
		"en": New(Options{Lang: "en"}),
	}
}

// TestCases renders every NAME.md in testdata/cases.txtar and compares it with
// NAME.<lang>.html.
func TestCases(t *testing.T) {
	const file = "testdata/cases.txtar"
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	inputs := map[string][]byte{}
	for _, f := range ar.Files {
		if name, ok := strings.CutSuffix(f.Name, ".md"); ok {
			inputs[name] = f.Data
		}
	}
	mds := renderers()
	for i, f := range ar.Files {
		name, ok := strings.CutSuffix(f.Name, ".html")
		if !ok {
			continue
		}
		base, lang, _ := strings.Cut(name, ".")
		res := mds[lang].Render(inputs[base])
		if len(res.Problems) > 0 {
			t.Errorf("%s: problems %v", f.Name, res.Problems)
		}
		if *update {
			ar.Files[i].Data = []byte(res.HTML)
			continue
		}
		if got := res.HTML; got != string(f.Data) {
			t.Errorf("%s:\n got %s\nwant %s", f.Name, got, f.Data)
		}
	}
	if *update {
		os.WriteFile(file, txtar.Format(ar), 0o644)
	}
}

func TestProblems(t *testing.T) {
	tests := []struct {
		src    string
		offset int
		msg    string
	}{
		{`a {{< num "7.9亿亿" >}}`, 2, "two scale words"},
		{`a {{< num "abc" >}}`, 2, "not a figure"},
		{`a {{< num "1" unit="xyz" >}}`, 2, "unknown unit"},
		{`a {{< num "1"`, 2, "unclosed shortcode"},
		{`a {{< nom "1" >}}`, 2, `unknown shortcode "nom"`},
		{`a {{< num >}}`, 2, "num takes one figure"},
		{`a {{< num "1" x="2" >}}`, 2, "unknown argument x="},
		{`a {{< num "1 >}}`, 2, "no closing quote"},
		{"first\n\nsecond {{< num \"1亿亿\" >}}", 14, "two scale words"},
		// A closing tag ends its shortcode: one error, at the unknown opening.
		{`a {{< hl go >}}x{{< /hl >}}`, 2, `unknown shortcode "hl"`},
		{"a {{< zz >}}\n\nb {{< / zz >}}", 2, `unknown shortcode "zz"`},
		{`a {{< /zz >}}`, 2, "{{< /zz >}} has no opening"},
		{`a {{< / hl >}}`, 2, "{{< /hl >}} has no opening {{< hl >}}"},
		{`a {{< / >}}`, 2, "closing shortcode tag has no name"},
		{`a {{< /zz y >}}`, 2, "takes no arguments"},
		{`a {{< num "1" >}}{{< /num >}}`, 17, "num has no closing tag"},
	}
	md := New(Options{Lang: "en"})
	for _, tt := range tests {
		res := md.Render([]byte(tt.src))
		if len(res.Problems) != 1 || res.Problems[0].Offset != tt.offset || !strings.Contains(res.Problems[0].Msg, tt.msg) {
			t.Errorf("%q: problems %+v, want one at %d with %q", tt.src, res.Problems, tt.offset, tt.msg)
		}
	}
}

// TestClosingTags checks that closing tags match their opening tags, nested or not,
// and that each problem is reported once.
func TestClosingTags(t *testing.T) {
	tests := []struct {
		src  string
		want []Problem // messages are matched as substrings
	}{
		{`a {{< zz >}}{{< y >}}{{< /y >}}{{< /zz >}}`, []Problem{{Offset: 2, Msg: `unknown shortcode "zz"`}, {Offset: 12, Msg: `unknown shortcode "y"`}}},
		{`a {{< zz >}}{{< /zz >}} {{< /zz >}}`, []Problem{{Offset: 2, Msg: `unknown shortcode "zz"`}, {Offset: 24, Msg: "{{< /zz >}} has no opening {{< zz >}}"}}},
		{`{{< /zz >}}{{< zz >}}`, []Problem{{Offset: 0, Msg: "has no opening"}, {Offset: 11, Msg: `unknown shortcode "zz"`}}},
	}
	md := New(Options{Lang: "en"})
	for _, tt := range tests {
		got := md.Render([]byte(tt.src)).Problems
		ok := len(got) == len(tt.want)
		for i := 0; ok && i < len(got); i++ {
			ok = got[i].Offset == tt.want[i].Offset && strings.Contains(got[i].Msg, tt.want[i].Msg)
		}
		if !ok {
			t.Errorf("%q: problems %+v, want %+v", tt.src, got, tt.want)
		}
	}
}

// FuzzRender renders arbitrary Markdown in both languages: it must never panic, and
// every problem must point inside the source.
func FuzzRender(f *testing.F) {
	for _, s := range []string{`{{< num "7.9亿元" >}}`, `{{</* x */>}}`, "# 标题\n\n| a |\n|---|\n", "<b>x</b>", "{{<", `{{< num "1" unit="case" >}}`} {
		f.Add(s)
	}
	mds := renderers()
	f.Fuzz(func(t *testing.T, src string) {
		for _, md := range mds {
			res := md.Render([]byte(src))
			for _, p := range res.Problems {
				if p.Offset < 0 || p.Offset > len(src) {
					t.Fatalf("problem offset %d outside %d bytes", p.Offset, len(src))
				}
			}
		}
	})
}
