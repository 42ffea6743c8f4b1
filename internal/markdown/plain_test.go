package markdown

import (
	"bufio"
	"bytes"
	"testing"

	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// FuzzPlainText: text that isPlain calls plain is written by goldmark's html.Writer,
// with the escaped-space option the renderer uses, exactly as it is, in Write and in
// RawWrite: so writing it directly changes no output.
func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"plain text", "中文，没有标记。", "a & b", "a\\*b", "<b>", `"q"`, "nul\x00", "&amp; &#60; &#x3C;", "a\\ b", ""} {
		f.Add([]byte(s))
	}
	w := html.NewWriter(html.WithEscapedSpace())
	f.Fuzz(func(t *testing.T, text []byte) {
		if !isPlain(text) {
			return
		}
		for _, write := range []func(util.BufWriter, []byte){w.Write, w.RawWrite} {
			var b bytes.Buffer
			bw := bufio.NewWriter(&b)
			write(bw, text)
			_ = bw.Flush()
			if !bytes.Equal(b.Bytes(), text) {
				t.Errorf("plain %q written by goldmark as %q", text, b.Bytes())
			}
		}
	})
}

func TestIsPlain(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"", true},
		{"Plain English, with punctuation: (a) 7.9% — and *stars* left by the parser.", true},
		{"中文，没有标记。", true},
		{"a & b", false},
		{"a\\b", false},
		{"a < b", false},
		{"a > b", false},
		{`say "x"`, false},
		{"nul \x00", false},
	} {
		if got := isPlain([]byte(tt.text)); got != tt.want {
			t.Errorf("isPlain(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestRenderChecked: a body known to be valid UTF-8 renders as RenderPage renders it,
// and one that is not, given anyway, makes no crash.
func TestRenderChecked(t *testing.T) {
	md := New(Options{Lang: "zh", CJK: true})
	for _, src := range []string{"# 标题\n\n第一行\n第二行 **粗体** www.example.org\n\n- a & b\n", "plain", ""} {
		page := &Page{Path: "zh/a/"}
		want, wantSum := md.RenderPage([]byte(src), page, 20)
		got, gotSum := md.RenderChecked([]byte(src), page, 20)
		if got.HTML != want.HTML || gotSum != wantSum || len(got.Problems) != len(want.Problems) {
			t.Errorf("RenderChecked(%q) = %q, %q; RenderPage: %q, %q", src, got.HTML, gotSum, want.HTML, wantSum)
		}
	}
	md.RenderChecked([]byte("第一\xff行\n第二行\xe4"), nil, 20)
}
