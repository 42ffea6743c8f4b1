package search

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/briefs/briefs/internal/figures"
)

func terms(toks []Token) string {
	var s []string
	for _, t := range toks {
		s = append(s, t.Term)
	}
	return strings.Join(s, " ")
}

func newTestTokenizer() *Tokenizer { return NewTokenizer(figures.DefaultUnits().Words()) }

func TestIndexTokens(t *testing.T) {
	tk := newTestTokenizer()
	for _, c := range []struct{ in, want string }{
		{"营商环境", "营 商 环 境 营商 商环 环境"},
		{"诈骗", "诈 骗 诈骗"},
		{"Fraud cases rose", "fraud case rose"},
		{"policies, raising; reported!", "policy rais report"},
		{"GDP增长5.2%", "gdp 增 长 增长 #5.2:% #5.2"},
		{"Go语言", "go 语 言 语言"},
		{"7.9亿元", "#790000000:yuan #790000000 #7.9"},
		{"790 million yuan", "#790000000:yuan #790000000 #790"},
		{"2235万", "#22350000 #2235"},
		{"22.35 million", "#22350000 #22.35"},
		{"more than 48,000 people", "more than #48000:person #48000"},
		{"6800余名", "#6800:person #6800"}, // no scale: written as valued
		{"0万", "#0"},                     // the same term once
		{"2,847万元", "#28470000:yuan #28470000 #2847"},
		{"80余万人", "#800000:person #800000 #80"},
		{"8219万余元", "#82190000:yuan #82190000 #8219"},
		{"91.36 percent", "#91.36:% #91.36"},
		{"1,23", "#1 #23"},
		{"３０００人", "#3000:person #3000"},     // full-width digits
		{"ＦＲＡＵＤ　Ｃａｓｅｓ", "fraud case"},       // full-width letters and space
		{"«hello» — world…", "hello world"}, // punctuation
		{"bad\xffbyte", "bad byte"},         // invalid UTF-8
		{"5G and G20", "#5 g and g20"},
		{"3个", "#3"},
		{"", ""},
	} {
		if got := terms(tk.Index(c.in)); got != c.want {
			t.Errorf("Index(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestQueryTokens(t *testing.T) {
	tk := newTestTokenizer()
	for _, c := range []struct{ in, want string }{
		{"营商环境", "营商 环境"}, // pairs that cover the run
		{"营商环", "营商 商环"},  // odd: the last pair overlaps
		{"数字经济学", "数字 经济 济学"},
		{"诈骗", "诈骗"},
		{"诈", "诈"},
		{"诈骗 fraud", "诈骗 fraud"},
		{"7.9亿元", "#790000000:yuan"},
		{"2847万元", "#28470000:yuan"}, // the figure's value only
		{"2847", "#2847"},            // which pages hold as written too
		{"Go语言", "go 语言"},
	} {
		if got := terms(tk.Query(c.in)); got != c.want {
			t.Errorf("Query(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPositions(t *testing.T) {
	toks := newTestTokenizer().Index("反诈 fraud 5亿")
	want := []Token{{"反", 0}, {"诈", 1}, {"反诈", 0}, {"fraud", 2}, {"#500000000", 3}, {"#5", 3}}
	if len(toks) != len(want) {
		t.Fatalf("got %v, want %v", toks, want)
	}
	for i := range want {
		if toks[i] != want[i] {
			t.Errorf("token %d = %v, want %v", i, toks[i], want[i])
		}
	}
}

func TestValue(t *testing.T) {
	for _, c := range []struct {
		i, f string
		exp  int
		want string
	}{
		{"7", "9", 8, "790000000"}, {"15", "06", 8, "1506000000"}, {"0", "50", 0, "0.5"},
		{"007", "", 0, "7"}, {"1", "23456", 3, "1234.56"}, {"0", "0", 0, "0"}, {"000", "", 4, "0"},
		{"0", "0012", 2, "0.12"}, {"0", "05", 1, "0.5"}, {"120", "500", 0, "120.5"}, {"3", "", 4, "30000"},
	} {
		if got := Value(c.i, c.f, c.exp); got != c.want {
			t.Errorf("Value(%s, %s, %d) = %s, want %s", c.i, c.f, c.exp, got, c.want)
		}
	}
}

// TestNormalizeFast checks the fast path of Normalize against the general
// rules: every character it reads alone, and whole generated briefs.
func TestNormalizeFast(t *testing.T) {
	for r := rune(0); r <= 0xFFFF; r++ {
		s := "a" + string(r) + "B"
		got, ok := normalizeFast(s)
		if !ok {
			continue
		}
		if want := normalizeSlow(s); got != want {
			t.Errorf("U+%04X: %q, want %q", r, got, want)
		}
	}
	for _, d := range corpusDocs(50) {
		got, ok := normalizeFast(d.Text)
		if want := normalizeSlow(d.Text); ok && got != want {
			t.Errorf("%s: fast path differs", d.URL)
		}
	}
	for _, s := range []string{"ＦＲＡＵＤ，营商环境。", "Fraud “cases” — 7.9亿元", "é", "e\u0301", "\xff营", "营商…", "…Ａ…B", "a…"} {
		if got, want := Normalize(s), normalizeSlow(s); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", s, got, want)
		}
		if _, ok := normalizeFast(s); !ok && strings.Contains(s, "…") && utf8.ValidString(s) {
			t.Errorf("%q: not read by the fast path", s)
		}
	}
}

// TestIsCJK checks isCJK and isWordRune, which read some runes from a table
// (punctClass), against the Unicode tables for every rune.
func TestIsCJK(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := isCJK(r), unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul); got != want {
			t.Errorf("isCJK(%U) = %v, want %v", r, got, want)
		}
		if got, want := isWordRune(r), unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r); got != want {
			t.Errorf("isWordRune(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestPlainASCII8 checks the 8-byte test against the byte-by-byte rule for
// every byte in every place.
func TestPlainASCII8(t *testing.T) {
	for pos := range 8 {
		for c := range 256 {
			b := []byte("abcdefgh")
			b[pos] = byte(c)
			want := c < 0x80 && !(c >= 'A' && c <= 'Z')
			if got := plainASCII8(string(b)); got != want {
				t.Errorf("plainASCII8(%q) = %v, want %v", b, got, want)
			}
		}
	}
}
