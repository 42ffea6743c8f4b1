package figures

import (
	"strings"
	"testing"
)

func dec(t *testing.T, s string) Decimal {
	t.Helper()
	d, err := ParseDecimal(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestFormat(t *testing.T) {
	units := DefaultUnits()
	if err := units.Add("document", map[string][]string{
		"zh": {"份"}, "en": {"document", "documents"},
		"ru": {"документ", "документа", "документов", "документа"},
	}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		value string
		f     Figure // Value is set from value
		lang  string
		want  string
	}{
		// The source word is kept when it belongs to the unit in Chinese.
		{"6800", Figure{Unit: "person", Word: "名"}, "zh", "6800名"},
		{"6800", Figure{Unit: "person", Word: "people"}, "zh", "6800人"},
		{"4112", Figure{Unit: "case", Word: "件"}, "zh", "4112件"},
		{"3", Figure{Word: "个"}, "zh", "3个"},
		{"3", Figure{Word: "cases"}, "zh", "3"},
		// Qualifier words: the source word when it fits, else the default.
		{"3000", Figure{Qualifier: Nearly, QualWord: "almost"}, "zh", "近3000"},
		{"3000", Figure{Qualifier: Nearly, QualWord: "将近"}, "en", "nearly 3,000"},
		{"3000", Figure{Qualifier: Nearly, QualWord: "Almost"}, "en", "almost 3,000"},
		{"3000", Figure{Qualifier: Over, QualWord: "逾"}, "zh", "逾3000"},
		{"3000", Figure{Qualifier: MoreThan}, "zh", "3000余"},
		{"3000", Figure{Qualifier: About}, "en", "about 3,000"},
		{"-50000", Figure{Qualifier: About}, "zh", "约-5万"},
		{"-1500000", Figure{Unit: "case"}, "en", "-1.5 million cases"},
		{"-91.5", Figure{Percent: true}, "en", "-91.5%"},
		{"1", Figure{Unit: "yuan"}, "en", "1 yuan"},
		// Regional tags fall back to their language.
		{"4112", Figure{Unit: "case"}, "en-GB", "4,112 cases"},
		{"4112", Figure{Unit: "case"}, "zh-TW", "4112起"},
		{"15060000000", Figure{Unit: "yuan"}, "zh-Hans-CN", "150.6亿元"},
		{"1234567", Figure{}, "en-IN", "12,34,567"},
		// French and German words, digits and plurals.
		{"1500000", Figure{Unit: "case"}, "fr", "1,5 million de cas"},
		{"2000000", Figure{Unit: "company"}, "fr", "2 millions d\u2019entreprises"},
		{"48000", Figure{Unit: "person", Qualifier: MoreThan}, "fr", "plus de 48\u00a0000 personnes"},
		{"1", Figure{Unit: "person"}, "fr", "1 personne"},
		{"1506000000", Figure{Unit: "yuan", Qualifier: About}, "fr", "environ 1,506 milliard de yuans"},
		{"91.36", Figure{Percent: true}, "fr", "91,36\u00a0%"},
		{"1", Figure{Unit: "case"}, "de", "1 Fall"},
		{"2", Figure{Unit: "case"}, "de", "2 Fälle"},
		{"1500000000", Figure{Unit: "yuan", Qualifier: Over}, "de", "über 1,5 Milliarden Yuan"},
		{"1000000", Figure{}, "de", "1 Million"},
		// Russian plural forms from a site-defined unit; English words.
		{"1", Figure{Unit: "document"}, "ru", "1 документ"},
		{"3", Figure{Unit: "document"}, "ru", "3 документа"},
		{"5", Figure{Unit: "document"}, "ru", "5 документов"},
		{"21", Figure{Unit: "document"}, "ru", "21 документ"},
		{"1.5", Figure{Unit: "document"}, "ru", "1,5 документа"},
		{"12000", Figure{Unit: "document", Qualifier: About}, "ru", "about 12\u00a0000 документов"},
		{"3", Figure{Unit: "document"}, "zh", "3份"},
	}
	for _, c := range cases {
		f := c.f
		f.Value = dec(t, c.value)
		got, err := Format(f, c.lang, units)
		want := strings.ReplaceAll(c.want, "\u2019", "'")
		if err != nil || got != want {
			t.Errorf("Format(%s %+v, %q) = %q, %v; want %q", c.value, c.f, c.lang, got, err, want)
		}
	}
}

func TestFormatErrors(t *testing.T) {
	big, _ := ParseDecimal("9999999999999999")
	cases := []struct {
		f    Figure
		lang string
		err  string
	}{
		{Figure{Value: NewDecimal(1), Unit: "xyz"}, "en", `unknown unit "xyz"; define it in site.toml as [units.xyz]`},
		{Figure{Value: NewDecimal(1)}, "!!", `unknown language "!!"`},
		{Figure{Value: NewDecimal(1)}, "", `unknown language ""`},
		{Figure{Value: NewDecimal(1), Unit: "yuan"}, "ja", `unit "yuan" has no ja words; add ja = ["…"] to [units.yuan]`},
		{Figure{Value: NewDecimal(1), Qualifier: 9}, "zh", "invalid qualifier"},
		{Figure{Value: NewDecimal(1), Percent: true, Unit: "case"}, "en", "a percentage takes no unit"},
		{Figure{Value: big.shift(1)}, "zh", "too large"},
		{Figure{Value: NewDecimal(1).shift(-15)}, "en", "too precise"},
	}
	for _, c := range cases {
		_, err := Format(c.f, c.lang, nil)
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("Format(%+v, %q) error = %v, want %q", c.f, c.lang, err, c.err)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	cases := []struct{ value, lang, want string }{
		{"4112", "zh", "4112"},
		{"22350000", "zh", "2235万"},
		{"4112", "en", "4,112"},
		{"1234", "en", "1,234"},
		{"12", "en", "12"},
		{"1506000000", "en", "1.506 billion"},
		{"4112", "fr", "4\u00a0112"},
		{"4112", "not a tag!", "4,112"},
	}
	for _, c := range cases {
		if got := FormatNumber(dec(t, c.value), c.lang); got != c.want {
			t.Errorf("FormatNumber(%s, %q) = %q, want %q", c.value, c.lang, got, c.want)
		}
	}
	huge := NewDecimal(-12345678).shift(12)
	if got := FormatNumber(huge, "en"); got != "-12,345,678,000,000,000,000" {
		t.Errorf("FormatNumber(huge, en) = %q", got)
	}
	if got := FormatNumber(huge, "zh"); got != "-12345678000000000000" {
		t.Errorf("FormatNumber(huge, zh) = %q", got)
	}
}

func TestQualifierString(t *testing.T) {
	for q, want := range map[Qualifier]string{None: "none", MoreThan: "more than", Over: "over", 7: "Qualifier(7)"} {
		if got := q.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", int(q), got, want)
		}
	}
}

// TestFormatInt64Boundary formats values whose coefficient is at either
// side of int64, where Format takes the big.Int path.
func TestFormatInt64Boundary(t *testing.T) {
	cases := []struct{ value, zh, en string }{
		{"9999999999999999.99999999999999", "9999999999999999.99999999999999", "9,999,999,999,999,999.99999999999999"},
		{"-9999999999999999.99999999999999", "-9999999999999999.99999999999999", "-9,999,999,999,999,999.99999999999999"},
		{"9223372036854775.807", "9223372036854775.807", "9,223,372,036,854,775.807"},
		{"9223372036854775.808", "9223372036854775.808", "9,223,372,036,854,775.808"},
		{"-9223372036854775.808", "-9223372036854775.808", "-9,223,372,036,854,775.808"},
		{"1234000000000000.00000000000001", "1234000000000000.00000000000001", "1,234,000,000,000,000.00000000000001"},
		{"0.00000000000001", "0.00000000000001", "0.00000000000001"},
		{"-1500000000000", "-1.5万亿", "-1.5 trillion"},
	}
	for _, c := range cases {
		for lang, want := range map[string]string{"zh": c.zh, "en": c.en} {
			got, err := Format(Figure{Value: dec(t, c.value), Unit: "yuan"}, lang, nil)
			want += map[string]string{"zh": "元", "en": " yuan"}[lang]
			if err != nil || got != want {
				t.Errorf("Format(%s, %s) = %q, %v; want %q", c.value, lang, got, err, want)
			}
		}
	}
}

// TestLanguageShortcuts checks isZh and notationFor on the tags they
// answer without x/text's lookups and on those they look up.
func TestLanguageShortcuts(t *testing.T) {
	for _, c := range []struct {
		lang string
		zh   bool
		n    *notation
	}{
		{"zh", true, &enNotation}, {"zh-Hans", true, &enNotation}, {"zh-TW", true, &enNotation},
		{"en", false, &enNotation}, {"en-US", false, &enNotation}, {"en-GB", false, &enNotation},
		{"fr", false, &frNotation}, {"de-CH", false, &deNotation}, {"ar", false, &enNotation},
	} {
		tag, err := parseLang(c.lang)
		if err != nil {
			t.Fatal(err)
		}
		if got := isZh(tag); got != c.zh {
			t.Errorf("isZh(%s) = %v", c.lang, got)
		}
		if got := notationFor(tag); got != c.n {
			t.Errorf("notationFor(%s) = %v", c.lang, got)
		}
	}
}
