package figures

import (
	"strings"
	"testing"
	"unicode"
)

// figureCase is one row of the main table: an input, what Parse must make
// of it, and how it must come out in Chinese and English. A row with err
// set must fail with an error containing err.
type figureCase struct {
	in, unit string // input and explicit unit
	value    string // Value.String()
	pct      bool
	u, word  string // Unit, Word
	q        Qualifier
	qw       string // QualWord
	zh, en   string // Format output; "" = same as in
	err      string
}

var figureCases = []figureCase{
	// Chinese notation, every form in the brief.
	{in: "7.9亿元", value: "790000000", u: "yuan", word: "元", en: "790 million yuan"},
	{in: "2235万元", value: "22350000", u: "yuan", word: "元", en: "22.35 million yuan"},
	{in: "15.06亿元", value: "1506000000", u: "yuan", word: "元", en: "1.506 billion yuan"},
	{in: "8219万余元", value: "82190000", u: "yuan", word: "元", q: MoreThan, qw: "余", en: "more than 82.19 million yuan"},
	{in: "4.8万余人", value: "48000", u: "person", word: "人", q: MoreThan, qw: "余", en: "more than 48,000 people"},
	{in: "6800余名", value: "6800", u: "person", word: "名", q: MoreThan, qw: "余", en: "more than 6,800 people"},
	{in: "4112起", value: "4112", u: "case", word: "起", en: "4,112 cases"},
	{in: "91.36%", value: "91.36", pct: true, en: "91.36%"},
	{in: "1万亿元", value: "1000000000000", u: "yuan", word: "元", en: "1 trillion yuan"},
	{in: "18668件", value: "18668", u: "case", word: "件", en: "18,668 cases"},
	{in: "约2亿", value: "200000000", q: About, qw: "约", en: "about 200 million"},
	{in: "近3000人", value: "3000", u: "person", word: "人", q: Nearly, qw: "近", en: "nearly 3,000 people"},
	{in: "超15亿元", value: "1500000000", u: "yuan", word: "元", q: Over, qw: "超", en: "over 1.5 billion yuan"},
	{in: "2000多人", value: "2000", u: "person", word: "人", q: MoreThan, qw: "多", en: "more than 2,000 people"},
	{in: "-5万", value: "-50000", en: "-50,000"},
	{in: "0", value: "0", en: "0"},
	{in: "1.5万亿", value: "1500000000000", en: "1.5 trillion"},
	// Other qualifier words and positions.
	{in: "将近3000人", value: "3000", u: "person", word: "人", q: Nearly, qw: "将近", en: "nearly 3,000 people"},
	{in: "大约2亿元", value: "200000000", u: "yuan", word: "元", q: About, qw: "大约", en: "about 200 million yuan"},
	{in: "超过50%", value: "50", pct: true, q: Over, qw: "超过", en: "over 50%"},
	{in: "逾100家", value: "100", u: "company", word: "家", q: Over, qw: "逾", en: "over 100 companies"},
	{in: "80余万人", value: "800000", u: "person", word: "人", q: MoreThan, qw: "余", zh: "80万余人", en: "more than 800,000 people"},
	{in: "30多%", value: "30", pct: true, q: MoreThan, qw: "多", en: "more than 30%"},
	// Every built-in unit, singular and plural.
	{in: "18项", value: "18", u: "item", word: "项", en: "18 items"},
	{in: "1项", value: "1", u: "item", word: "项", en: "1 item"},
	{in: "3次", value: "3", u: "time", word: "次", en: "3 times"},
	{in: "1次", value: "1", u: "time", word: "次", en: "1 time"},
	{in: "1家", value: "1", u: "company", word: "家", en: "1 company"},
	{in: "3个", value: "3", word: "个", en: "3"},
	// Boundaries between plain digits, 万, 亿 and 万亿; and million etc.
	{in: "9999", value: "9999", en: "9,999"},
	{in: "10000", value: "10000", zh: "1万", en: "10,000"},
	{in: "99999999", value: "99999999", en: "99,999,999"},
	{in: "100000000", value: "100000000", zh: "1亿", en: "100 million"},
	{in: "1000000000000", value: "1000000000000", zh: "1万亿", en: "1 trillion"},
	{in: "123456789", value: "123456789", en: "123,456,789"},
	{in: "1234567", value: "1234567", en: "1,234,567"},
	{in: "999999", value: "999999", zh: "999999", en: "999,999"},
	{in: "1.2345亿元", value: "123450000", u: "yuan", word: "元", en: "123.45 million yuan"},
	{in: "1.23456亿", value: "123456000", zh: "123456000", en: "123.456 million"},
	{in: "1234.5678万亿", value: "1234567800000000", en: "1,234,567,800,000,000"},
	{in: "9999万亿", value: "9999000000000000", en: "9,999 trillion"},
	{in: "0.5", value: "0.5", en: "0.5"},
	{in: "-0.25万", value: "-2500", zh: "-2500", en: "-2,500"},
	{in: "1,234万元", value: "12340000", u: "yuan", word: "元", zh: "1234万元", en: "12.34 million yuan"},
	{in: "３０％", value: "30", pct: true, zh: "30%", en: "30%"},
	{in: "0.00000000000001", value: "0.00000000000001", en: "0.00000000000001"},
	// English notation.
	{in: "790 million yuan", value: "790000000", u: "yuan", word: "yuan", zh: "7.9亿元"},
	{in: "1.5 billion yuan", value: "1500000000", u: "yuan", word: "yuan", zh: "15亿元"},
	{in: "4,112 cases", value: "4112", u: "case", word: "cases", zh: "4112起"},
	{in: "more than 48,000 people", value: "48000", u: "person", word: "people", q: MoreThan, qw: "more than", zh: "4.8万余人"},
	{in: "about 200 million", value: "200000000", q: About, qw: "about", zh: "约2亿"},
	{in: "91.36%", value: "91.36", pct: true, zh: "91.36%"},
	{in: "1 case", value: "1", u: "case", word: "case", zh: "1起"},
	{in: "nearly 3,000", value: "3000", q: Nearly, qw: "nearly", zh: "近3000"},
	{in: "over 1 trillion yuan", value: "1000000000000", u: "yuan", word: "yuan", q: Over, qw: "over", zh: "超1万亿元"},
	{in: "22.35 million yuan", value: "22350000", u: "yuan", word: "yuan", zh: "2235万元"},
	{in: "790000000", value: "790000000", zh: "7.9亿", en: "790 million"},
	{in: "-1,200", value: "-1200", zh: "-1200"},
	{in: "48 thousand", value: "48000", zh: "4.8万", en: "48,000"},
	{in: "About 200 Million", value: "200000000", q: About, qw: "about", zh: "约2亿", en: "about 200 million"},
	{in: "almost 3,000 people", value: "3000", u: "person", word: "people", q: Nearly, qw: "almost", zh: "近3000人"},
	{in: "around 5 companies", value: "5", u: "company", word: "companies", q: About, qw: "around", zh: "约5家"},
	{in: "approximately 1.2 billion", value: "1200000000", q: About, qw: "approximately", zh: "约12亿"},
	{in: "5 percent", value: "5", pct: true, zh: "5%", en: "5%"},
	{in: "2 people", value: "2", u: "person", word: "people", zh: "2人"},
	{in: "1 person", value: "1", u: "person", word: "person", zh: "1人"},
	{in: "0 cases", value: "0", u: "case", word: "cases", zh: "0起"},
	{in: "1.5 million cases", value: "1500000", u: "case", word: "cases", zh: "150万起"},
	{in: "0.5 cases", value: "0.5", u: "case", word: "cases", zh: "0.5起"},
	{in: "+5%", value: "5", pct: true, zh: "5%", en: "5%"},
	{in: "1,234,567.89", value: "1234567.89", zh: "1234567.89"},
	{in: "  more   than  3 Times ", value: "3", u: "time", word: "Times", q: MoreThan, qw: "more than", zh: "3余次", en: "more than 3 times"},
	// Explicit units.
	{in: "4112起", unit: "case", value: "4112", u: "case", word: "起", en: "4,112 cases"},
	{in: "4112宗", unit: "case", value: "4112", u: "case", word: "宗", zh: "4112起", en: "4,112 cases"},
	{in: "4,112 incidents", unit: "case", value: "4112", u: "case", word: "incidents", zh: "4112起", en: "4,112 cases"},
	{in: "4112起", unit: "person", value: "4112", u: "person", word: "起", zh: "4112人", en: "4,112 people"},
	{in: "12", unit: "person", value: "12", u: "person", zh: "12人", en: "12 people"},
	// Errors.
	{in: "7.9亿亿", err: `"7.9亿亿": two scale words (亿亿); write 7.9万亿 or 79000亿`},
	{in: "5万万", err: "two scale words (万万); write 5亿 or 500 million"},
	{in: "1.5万亿亿", err: "two scale words (万亿亿)"},
	{in: "1 million billion", err: "two scale words (million billion); write 1000万亿 or 1,000 trillion"},
	{in: "abc", err: `"abc": not a figure; write digits like 7.9亿元 or 790 million yuan`},
	{in: "约", err: "not a figure"},
	{in: "-", err: "not a figure"},
	{in: "4112宗", err: `"4112宗": unknown unit "宗"; define it in site.toml as [units.NAME]`},
	{in: "4,112 incidents", err: `unknown unit "incidents"`},
	{in: "4112起", unit: "xyz", err: `unknown unit "xyz"; define it in site.toml as [units.xyz] zh = "…" en = ["…", "…"]`},
	{in: "", err: `"": empty figure`},
	{in: " \t ", err: "empty figure"},
	{in: "10000万亿", err: "too large"},
	{in: "12345678901234567", err: "too large"},
	{in: "0.000000000000001", err: "too precise"},
	{in: "0.0000000000000000001万", err: "too precise"},
	{in: "0.000000000000000001万", value: "0.00000000000001", zh: "0.00000000000001", en: "0.00000000000001"},
	{in: "7.9亿\xff", err: "not valid UTF-8"},
	{in: "5 cases!", err: `unexpected "cases!" after the number`},
	{in: "4112起 2019", err: "unexpected"},
	{in: "1,23", err: "bad digit grouping"},
	{in: "1234,567", err: "bad digit grouping"},
	{in: "5万%", err: "a percentage takes no scale word; write 50000%"},
	{in: "5% cases", err: "a percentage takes no unit"},
	{in: "50%", unit: "case", err: "a percentage takes no unit"},
	{in: "约2000多人", err: "two qualifiers (约, 多)"},
	{in: "roughly 200", err: `unknown qualifier "roughly"`},
	{in: "5.", err: "a decimal point needs digits after it"},
}

func TestFigures(t *testing.T) {
	units := DefaultUnits()
	for _, c := range figureCases {
		f, err := Parse(c.in, c.unit, units)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("Parse(%q, %q) error = %v, want %q", c.in, c.unit, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Parse(%q, %q): %v", c.in, c.unit, err)
			continue
		}
		got := figureCase{in: c.in, unit: c.unit, value: f.Value.String(), pct: f.Percent, u: f.Unit, word: f.Word, q: f.Qualifier, qw: f.QualWord}
		want := c
		want.zh, want.en = "", ""
		if got != want {
			t.Errorf("Parse(%q, %q) = %+v\nwant %+v", c.in, c.unit, got, want)
		}
		checkFormat(t, f, "zh", units, cmpOr(c.zh, c.in))
		checkFormat(t, f, "en", units, cmpOr(c.en, c.in))
	}
}

func checkFormat(t *testing.T, f Figure, lang string, units *Units, want string) {
	t.Helper()
	got, err := Format(f, lang, units)
	if err != nil || got != want {
		t.Errorf("Format(%+v, %q) = %q, %v; want %q", f, lang, got, err, want)
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return strings.TrimSpace(b)
}

func TestParseExplicitUnitKeepsTextUnitWhenSame(t *testing.T) {
	f, err := Parse("6800余名", "person", nil)
	if err != nil || f.Unit != "person" || f.Word != "名" {
		t.Fatalf("Parse = %+v, %v", f, err)
	}
}

func TestParseLongInputErrorIsShort(t *testing.T) {
	_, err := Parse(strings.Repeat("x", 10000), "", nil)
	if err == nil || len(err.Error()) > 300 {
		t.Fatalf("error = %v", err)
	}
	_, err = Parse(strings.Repeat("0", 100000)+"1", "", nil)
	if err != nil {
		t.Fatalf("leading zeros: %v", err)
	}
}

// normalizeSlow is normalize without its shortcut for input that needs no
// change.
func normalizeSlow(s string) string {
	return strings.Join(strings.Fields(strings.Map(fold, s)), " ")
}

// leadingScaleSlow is leadingScale without its shortcut for words that
// cannot be English scale words.
func leadingScaleSlow(s string) (string, int, bool) {
	for _, z := range zhScales {
		if strings.HasPrefix(s, z.word) {
			return z.word, z.exp, true
		}
	}
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	if exp, ok := enScales[strings.ToLower(s[:end])]; ok {
		return s[:end], exp, true
	}
	return "", 0, false
}

// TestShortcuts checks that the fast paths of normalize and leadingScale
// agree with the plain versions on the inputs each path was written for.
func TestShortcuts(t *testing.T) {
	inputs := []string{
		"", " ", "84.9%", "近260.8亿元", "4,112 cases", "more than 48,000 people", " 5", "5 ", "5  cases",
		"5\tcases", "5\u00a0cases", "5\u3000件", "４１１２起", "\u22125", "5\ufffd", "5\xff", "a b c",
		"亿元", "万亿元", "元", "%", "million", "Million yuan", "MILLION", "m\u0130llion", "\u0130", "thousandth",
		"trillion.", "billion5", "千万", "k", "\u212a",
	}
	for _, s := range inputs {
		if got, want := normalize(s), normalizeSlow(s); got != want {
			t.Errorf("normalize(%q) = %q, want %q", s, got, want)
		}
		w, exp, ok := leadingScale(s)
		w2, exp2, ok2 := leadingScaleSlow(s)
		if w != w2 || exp != exp2 || ok != ok2 {
			t.Errorf("leadingScale(%q) = %q, %d, %v; want %q, %d, %v", s, w, exp, ok, w2, exp2, ok2)
		}
	}
}
