package markdown

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// Real sentences (the Zibo brief of 2024-03-15, and its English version), as
// editors write them: ASCII commas in Chinese, figures in the text.
const (
	zhFigures = "聚焦财产安全,打好反电信诈骗主动战。淄博市共破获电诈案件4112起,抓获犯罪嫌疑人4810名,止付冻结资金7.9亿元,返还群众被骗资金2235万元,打击成效居全省前列。"
	zhQuote   = "“至味人间烟火,共享平安淄博”。2023年,淄博市火爆出圈,成为网红城市。"
	enFigures = "Zibo froze 790 million yuan in accounts and returned 22.35 million yuan to victims."
)

func TestSummarize(t *testing.T) {
	tests := []struct {
		text   string
		length int
		cjk    bool
		want   string
	}{
		// A sentence end in the last 30% of the length ends the summary.
		{zhFigures, 20, true, "聚焦财产安全,打好反电信诈骗主动战。"},
		{zhQuote, 16, true, "“至味人间烟火,共享平安淄博”。"},
		// One too early does not: the cut is at the length, never inside a figure.
		{zhFigures, 30, true, "聚焦财产安全,打好反电信诈骗主动战。淄博市共破获电诈案件…"},
		{zhFigures, 56, true, "聚焦财产安全,打好反电信诈骗主动战。淄博市共破获电诈案件4112起,抓获犯罪嫌疑人4810名,止付冻结资金…"},
		{zhFigures, 58, true, "聚焦财产安全,打好反电信诈骗主动战。淄博市共破获电诈案件4112起,抓获犯罪嫌疑人4810名,止付冻结资金7.9亿元…"},
		// A comma before the ellipsis goes; an opening quote stays with its text.
		{zhFigures, 47, true, "聚焦财产安全,打好反电信诈骗主动战。淄博市共破获电诈案件4112起,抓获犯罪嫌疑人4810名…"},
		{"淄博市组织开展“齐剑2023”等活动", 8, true, "淄博市组织开展…"},
		{zhQuote, 200, true, zhQuote},
		// Words: a figure with its scale and unit is one piece.
		{enFigures, 4, false, "Zibo froze…"},
		{enFigures, 5, false, "Zibo froze 790 million yuan…"},
		{enFigures, 11, false, "Zibo froze 790 million yuan in accounts and returned…"},
		{enFigures, 50, false, enFigures},
		{"Zibo cracked 4,112 cases. It froze 790 million yuan.", 5, false, "Zibo cracked 4,112 cases."},
		{"Zibo cracked 4,112 cases. It froze 790 million yuan.", 6, false, "Zibo cracked 4,112 cases. It froze…"},
		{"Revenue was 1,234.5 yuan, up 7.9 percent on the year.", 4, false, "Revenue was 1,234.5 yuan…"},
		{"Revenue was 1,234.5 yuan, up 7.9 percent on the year.", 3, false, "Revenue was…"},
		// Abbreviations and initials do not end sentences.
		{"We met Dr. Smith in the U.S. today and then left.", 8, false, "We met Dr. Smith in the U.S. today…"},
		// Chinese on an English page counts a word per character.
		{zhFigures, 6, false, "聚焦财产安全…"},
		// Characters of several code points are never split.
		{"家人👨\u200d👩\u200d👧旗🇨🇳好", 3, true, "家人👨\u200d👩\u200d👧…"},
		{"家人👍🏽好", 3, true, "家人👍🏽…"},
		{"Cafe\u0301 cre\u0300me", 1, false, "Cafe\u0301…"},
		// A Latin word in Chinese is not split; one longer than the length must be.
		{"使用 Golang 语言编写", 5, true, "使用…"},
		{"https://example.com/x 之后", 10, true, "https://ex…"},
		{"", 10, true, ""},
		{"  spaced \n out  ", 10, false, "spaced out"},
	}
	for _, tt := range tests {
		if got := Summarize(tt.text, tt.length, tt.cjk); got != tt.want {
			t.Errorf("Summarize(%q, %d, %v)\n got %q\nwant %q", tt.text, tt.length, tt.cjk, got, tt.want)
		}
	}
}

func TestGraphemeLen(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"ab", 1},
		{"e\u0301x", 3},
		{"👍🏽x", 8},
		{"👨\u200d👩\u200d👧x", 18},
		{"🇨🇳🇺🇸", 8},
		{"\r\nx", 2},
		{"\u1112\u1161\u11abx", 9},
		{"淄博", 3},
		{"❤\ufe0fx", 6},
	}
	for _, tt := range tests {
		if got := graphemeLen(tt.s); got != tt.want {
			t.Errorf("graphemeLen(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// TestSummaryLongLine: a body of one 1 MB line, with no sentence end and no
// paragraph break, gives a summary of the usual size, read from a bounded opening.
func TestSummaryLongLine(t *testing.T) {
	for _, tt := range []struct {
		word string
		cjk  bool
	}{{"word ", false}, {"淄博", true}, {"x", false}} {
		src := bytes.Repeat([]byte(tt.word), 1<<20/len(tt.word))
		md := New(Options{Lang: "xx", CJK: tt.cjk})
		if lead := md.Lead(src, 50); len(lead) > 2*50*LeadFactor {
			t.Errorf("%q: lead of %d bytes from a long line", tt.word, len(lead))
		}
		if s := md.Summary(src, 50); len(s) > 2*50*LeadFactor+len("…") || !strings.HasSuffix(s, "…") {
			t.Errorf("%q: summary of %d bytes: %.80q", tt.word, len(s), s)
		}
	}
}

// TestSummary cuts summaries from Markdown bodies, through Lead, at the default
// lengths: 120 characters for Chinese, 50 words otherwise.
func TestSummary(t *testing.T) {
	tests := []struct {
		lang, src string
		length    int
		want      string
	}{
		// 121 characters to the second full stop: one too many.
		{"zh", zhQuote + "\n\n## 以法促安\n\n" + zhFigures + "\n\n" + zhFigures, 120,
			zhQuote + " " + strings.TrimSuffix(zhFigures, "。") + "…"},
		{"zh", zhQuote + "\n\n## 以法促安\n\n" + zhFigures + "\n\n" + zhFigures, 121, zhQuote + " " + zhFigures},
		{"zh", "止付冻结资金{{< num \"7.9亿元\" >}}\n\n- F02 {{< num \"2235万元\" >}}\n- 返还", 8, "止付冻结资金…"},
		{"en", strings.Repeat(enFigures+"\n", 5), 50,
			strings.TrimSpace(strings.Repeat(enFigures+" ", 3))},
	}
	mds := renderers()
	for _, tt := range tests {
		if got := mds[tt.lang].Summary([]byte(tt.src), tt.length); got != tt.want {
			t.Errorf("%s %.40q…:\n got %q\nwant %q", tt.lang, tt.src, got, tt.want)
		}
	}
}

// FuzzSummarize: a summary is a prefix of the text, spaces normalised, ending on a
// character boundary, perhaps with an ellipsis.
func FuzzSummarize(f *testing.F) {
	for _, s := range []string{zhFigures, zhQuote, enFigures, "家人👨\u200d👩\u200d👧旗🇨🇳好", "a 1 million"} {
		f.Add(s, 10, true)
		f.Add(s, 3, false)
	}
	f.Fuzz(func(t *testing.T, text string, length int, cjk bool) {
		if !utf8.ValidString(text) || length < 1 || length > 1000 {
			return
		}
		norm := strings.Join(strings.Fields(text), " ")
		got := Summarize(text, length, cjk)
		cut := strings.TrimSuffix(got, "…")
		if !strings.HasPrefix(norm, cut) {
			t.Fatalf("Summarize(%q, %d) = %q, not a prefix", text, length, got)
		}
		i := 0
		for i < len(cut) {
			i += graphemeLen(norm[i:])
		}
		if i != len(cut) {
			t.Fatalf("Summarize(%q, %d) = %q cuts a character", text, length, got)
		}
	})
}
