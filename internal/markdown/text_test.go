package markdown

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestLeadText checks the plain text summaries are cut from: line breaks follow the
// same rule as the HTML, blocks are joined by a space, and the text is decoded once.
func TestLeadText(t *testing.T) {
	tests := []struct {
		lang, src, want string
	}{
		{"en", "## Heading\n\nFroze {{< num \"7.9亿元\" >}} in\naccounts.\n\n| t |\n|---|\n| x |\n\nEnd.", "Froze 790 million yuan in accounts. End."},
		{"en", "share a common goal.\nIn cloud native computing", "share a common goal. In cloud native computing"},
		{"en", "read this\n[link](/a/) and\n`code` or\n*this*", "read this link and code or this"},
		{"en", "line one  \nline two\\\nthree", "line one line two three"},
		{"zh", "第一行\n第二行\n\n第三段", "第一行第二行 第三段"},
		{"zh", "使用 Go\n语言，GDP\n增长，资金\n{{< num \"7.9亿元\" >}}\n，返还", "使用 Go 语言，GDP 增长，资金 7.9亿元，返还"},
		{"zh", "止付冻结资金7.9亿元\n\n- F02 2235万元\n- 返还", "止付冻结资金7.9亿元 F02 2235万元 返还"},
		{"zh", "1. 为企业站台。\n2. 为民生保障。", "为企业站台。 为民生保障。"},
		// Entities and escapes are decoded, so the template escapes them once.
		{"en", "a &lt; b &amp; c &#35; \\* d `x &lt; y` \\<b>", "a < b & c # * d x &lt; y <b>"},
		{"en", "AT&T <b>bold</b> e\\ f", "AT&T <b>bold</b> ef"}, // inline HTML shows as text, as on a safe page
	}
	mds := renderers()
	for _, tt := range tests {
		if got := mds[tt.lang].Lead([]byte(tt.src), 50); got != tt.want {
			t.Errorf("%s %q:\n got %q\nwant %q", tt.lang, tt.src, got, tt.want)
		}
	}
}

// TestLeadOfLeanOpening: a lean load keeps a body's first bytes up to the next
// paragraph break (content.LoadLean); the summary cut from that opening must be the
// one cut from the whole body, or one-shot and incremental builds would differ.
// Bodies of links and comments, which show little text, make summaries that fit whole.
func TestLeadOfLeanOpening(t *testing.T) {
	md := New(Options{Lang: "en"})
	pieces := []string{"\n", "\n\n", "\n\n\n", " ", "word", "淄博", "a.", "*em*", "[l](/x)",
		"[l](/a/long/link/that/shows/one/letter/)", "<!-- a comment, which shows nothing -->"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var b bytes.Buffer
		for b.Len() < 300 {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		src := b.Bytes()
		length := 1 + rng.IntN(6)
		leadBytes := length*LeadFactor + rng.IntN(20)
		if got, want := md.Lead(leanOpening(src, leadBytes), length), md.Lead(src, length); got != want {
			t.Fatalf("length %d, lean %d, body %q:\nlean opening gives %q\n whole body gives %q", length, leadBytes, src, got, want)
		}
		if got, want := md.Summary(leanOpening(src, leadBytes), length), md.Summary(src, length); got != want {
			t.Fatalf("length %d, lean %d, body %q:\nlean opening gives summary %q\n whole body gives %q", length, leadBytes, src, got, want)
		}
	}
}

// leanOpening is what content.LoadLean keeps of a body.
func leanOpening(body []byte, leadBytes int) []byte {
	if len(body) <= leadBytes {
		return body
	}
	if i := bytes.Index(body[leadBytes:], []byte("\n\n")); i >= 0 {
		return body[:leadBytes+i]
	}
	return body
}

// TestInspectKeepsLinesApart: the prose quality checks read is never glued across a
// line break either: a run may go on across a soft line break (so "790 million" and
// "yuan" on two lines stay one figure), but the line end is read as a space, at its own
// place, so every offset stays true.
func TestInspectKeepsLinesApart(t *testing.T) {
	src := "a common goal.\nIn cloud native computing,\n[this](/x/) and\n抓获犯罪嫌疑人4810名,\n止付冻结资金"
	for _, span := range New(Options{Lang: "en"}).Inspect([]byte(src)).Texts {
		source := strings.ReplaceAll(src[span.Offset:span.Offset+len(span.Text)], "\n", " ")
		if source != span.Text {
			t.Errorf("span %q at %d is not the source there, line ends read as spaces", span.Text, span.Offset)
		}
		if strings.Contains(span.Text, "goal.In") || strings.Contains(span.Text, "名,止付") {
			t.Errorf("span %q glues two lines", span.Text)
		}
	}
}
