package markdown

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// TestScanTags reads tags of the shapes real Hugo content has.
func TestScanTags(t *testing.T) {
	type want struct {
		name   string
		params []Param
		flags  string // m: {{% %}}, c: closing, s: self-closing, l: literal
		lit    string
	}
	tests := []struct {
		src  string
		want []want
	}{
		{`{{< ref "law/zibo.md" >}}`, []want{{name: "ref", params: []Param{{"", "law/zibo.md"}}}}},
		{`{{<ref "a">}}`, []want{{name: "ref", params: []Param{{"", "a"}}}}},
		{`{{% notice warning %}}`, []want{{name: "notice", params: []Param{{"", "warning"}}, flags: "m"}}},
		{"{{< figure\n  src=\"a.png\"\n  caption=\"多行\n说明\"\n>}}", []want{{name: "figure", params: []Param{{"src", "a.png"}, {"caption", "多行\n说明"}}}}},
		{`{{< x a=1 b=2.5 c=true d=-3 e=v1.2 >}}`, []want{{name: "x", params: []Param{{"a", 1}, {"b", 2.5}, {"c", true}, {"d", -3}, {"e", "v1.2"}}}}},
		{`{{< x "1" "true" >}}`, []want{{name: "x", params: []Param{{"", "1"}, {"", "true"}}}}},
		{"{{< x `raw \"q\" \\n` >}}", []want{{name: "x", params: []Param{{"", `raw "q" \n`}}}}},
		{`{{< x title="a \"b\" c" >}}`, []want{{name: "x", params: []Param{{"title", `a "b" c`}}}}},
		{`{{< x link="https://a.b/?q=1&r=2" >}}`, []want{{name: "x", params: []Param{{"link", "https://a.b/?q=1&r=2"}}}}},
		{`{{< x k=a=b >}}`, []want{{name: "x", params: []Param{{"k", "a=b"}}}}},
		{`{{< x "a=b" >}}`, []want{{name: "x", params: []Param{{"", "a=b"}}}}},
		{`{{< x 标题="中文 值" >}}`, []want{{name: "x", params: []Param{{"标题", "中文 值"}}}}},
		{`{{< x 5>}}`, []want{{name: "x", params: []Param{{"", 5}}}}},
		{`{{< /x >}}{{< / x >}}`, []want{{name: "x", flags: "c"}, {name: "x", flags: "c"}}},
		{`{{% /x %}}`, []want{{name: "x", flags: "mc"}}},
		{`{{< x />}}{{< y a="1" />}}`, []want{{name: "x", flags: "s"}, {name: "y", params: []Param{{"a", "1"}}, flags: "s"}}},
		{`{{</* ref "a" */>}}`, []want{{flags: "l", lit: `{{< ref "a" >}}`}}},
		{`{{%/* x */%}}`, []want{{flags: "ml", lit: `{{% x %}}`}}},
		{`{{< docs/note >}}`, []want{{name: "docs/note"}}},
		{`a {{ .Title }} {{<x>}}`, []want{{name: "x"}}},
	}
	for _, tt := range tests {
		tags, errs := scanTags([]byte(tt.src))
		if len(errs) > 0 {
			t.Errorf("%q: errors %v", tt.src, errs)
			continue
		}
		var got []want
		for _, tg := range tags {
			w := want{name: tg.name, params: tg.params, lit: tg.lit}
			for _, f := range []struct {
				on bool
				c  string
			}{{tg.markdown, "m"}, {tg.closing, "c"}, {tg.selfClosing, "s"}, {tg.literal, "l"}} {
				if f.on {
					w.flags += f.c
				}
			}
			got = append(got, w)
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) || !reflect.DeepEqual(paramTypes(got), paramTypes(tt.want)) {
			t.Errorf("%q:\n got %+v\nwant %+v", tt.src, got, tt.want)
		}
	}
}

func paramTypes[T any](ws []T) []string {
	var out []string
	for _, w := range ws {
		out = append(out, fmt.Sprintf("%T", w))
	}
	return out
}

// TestScanTagErrors checks the tags that cannot be read, and where they are reported.
func TestScanTagErrors(t *testing.T) {
	tests := []struct {
		src string
		at  int
		msg string
	}{
		{`a {{< x`, 2, "unclosed shortcode x"},
		{`a {{< x "b >}}`, 2, "no closing quote"},
		{"a {{< x `b >}}", 2, "raw string has no closing `"},
		{`a {{</* x >}}`, 2, "has no end"},
		{`a {{< >}}`, 2, "has no name"},
		{`a {{< / >}}`, 2, "closing shortcode tag has no name"},
		{`a {{< /x y >}}`, 2, "takes no arguments"},
		{`a {{< x %}}`, 2, "unclosed shortcode x"},
	}
	for _, tt := range tests {
		_, errs := scanTags([]byte(tt.src))
		if len(errs) != 1 || errs[0].at != tt.at || !strings.Contains(errs[0].msg, tt.msg) {
			t.Errorf("%q: errors %+v, want one at %d with %q", tt.src, errs, tt.at, tt.msg)
		}
	}
}

// FuzzShortcode reads arbitrary tags: reading never panics, tags lie inside the source
// in order, and a body rendered with them reports problems inside the source.
func FuzzShortcode(f *testing.F) {
	for _, s := range []string{`{{< ref "a" >}}`, "{{% x %}}\n**b**\n{{% /x %}}", `{{< details summary="s" >}}x{{< /details >}}`,
		"{{< x `a` b=\"c\" d=1 />}}", `{{</* x */>}}`, `{{< highlight go >}}a{{< /highlight >}}`, `{{< x >}}{{< y >}}{{< /x >}}`} {
		f.Add(s)
	}
	md := New(Options{Lang: "en"})
	f.Fuzz(func(t *testing.T, src string) {
		tags, errs := scanTags([]byte(src))
		last := 0
		for _, tg := range tags {
			if tg.start < last || tg.end <= tg.start || tg.end > len(src) {
				t.Fatalf("tag %+v out of order or outside %d bytes", tg, len(src))
			}
			last = tg.end
		}
		for _, e := range errs {
			if e.at < 0 || e.at >= len(src) {
				t.Fatalf("error %+v outside the source", e)
			}
		}
		res, _ := md.RenderPage([]byte(src), &Page{Path: "/", Ref: testRef}, 0)
		for _, p := range res.Problems {
			if p.Offset < 0 || p.Offset > len(src) {
				t.Fatalf("problem offset %d outside %d bytes", p.Offset, len(src))
			}
		}
	})
}

// testRef knows the pages law/zibo (zh and en) and about.
func testRef(target, lang string) (string, string, error) {
	if lang == "" {
		lang = "en" // the test pages' language
	}
	switch strings.TrimSuffix(strings.TrimPrefix(target, "/"), ".md") {
	case "law/zibo", "zibo":
		return "https://example.org/" + lang + "/law/zibo/", "/" + lang + "/law/zibo/", nil
	case "about":
		return "https://example.org/" + lang + "/about/", "/" + lang + "/about/", nil
	case "":
		return "https://example.org/" + lang + "/self/", "/" + lang + "/self/", nil
	}
	return "", "", fmt.Errorf("no page %s", target)
}
